package org.openmaces.outputs.file;

import java.util.List;
import org.openmaces.core.config.ConfigurationException;
import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.record.ValueType;

/**
 * om_file (modules spec §2.1): appends framed records ({@code $raw_event} and a newline by default) to the
 * file its {@code File} expression names, evaluated per record when it is not a constant.
 */
public final class FileOutputModule implements ModuleProvider {
    static final String FILE = "File";
    static final String CREATE_DIR = "CreateDir";
    static final String TRUNCATE = "Truncate";
    static final String SYNC = "Sync";

    @Override
    public String name() {
        return "om_file";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.OUTPUT;
    }

    @Override
    public String defaultOutputType() {
        return "LineBased";
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.required(FILE, DirectiveType.EXPRESSION, "the file to write, a string expression"),
                DirectiveSpec.optional(CREATE_DIR, DirectiveType.BOOLEAN, "FALSE", "create missing parent directories"),
                DirectiveSpec.optional(TRUNCATE, DirectiveType.BOOLEAN, "FALSE", "keep only the latest record in the file"),
                DirectiveSpec.optional(SYNC, DirectiveType.BOOLEAN, "FALSE", "fsync after every batch of records"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) throws ConfigurationException {
        CompiledExpression file = context.compileExpression(FILE);
        if (file != null && file.staticType() != ValueType.STRING && file.staticType() != ValueType.UNKNOWN) {
            context.configurationError(FILE, "File must be a string expression, such as \"/var/log/nxlog/es.log\","
                    + " not " + file.staticType().languageName());
        }
        return new FileOutput(context, file, context.outputFraming(),
                context.configuration().getBoolean(CREATE_DIR),
                context.configuration().getBoolean(TRUNCATE),
                context.configuration().getBoolean(SYNC));
    }
}
