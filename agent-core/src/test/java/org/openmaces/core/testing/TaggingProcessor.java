package org.openmaces.core.testing;

import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.ProcessorInstance;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/** pm_tag: appends its {@code Tag} to the record's {@code $Tags}, so tests see processor order. */
public final class TaggingProcessor implements ModuleProvider {
    public static final FieldName TAGS = FieldName.of("Tags");

    @Override
    public String name() {
        return "pm_tag";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.PROCESSOR;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(DirectiveSpec.required("Tag", DirectiveType.STRING, "text to append"),
                DirectiveSpec.optional("DelayMillis", DirectiveType.INTEGER, "0", "sleep per record, to make it slow"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        String tag = context.configuration().getString("Tag");
        long delay = context.configuration().getInteger("DelayMillis");
        return new ProcessorInstance() {
            @Override
            public boolean process(LogRecord record) throws InterruptedException {
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                String tags = record.getString(TAGS);
                record.set(TAGS, tags == null ? tag : tags + tag);
                return true;
            }
        };
    }
}
