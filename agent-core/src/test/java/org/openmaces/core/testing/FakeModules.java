package org.openmaces.core.testing;

import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ExtensionInstance;
import org.openmaces.core.module.InputInstance;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.ModuleRegistry;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.module.ProcessorInstance;
import org.openmaces.core.module.RecordBatch;
import org.openmaces.core.record.LogRecord;

/** Minimal modules of every kind with a few directives of every type, for config and runtime tests. */
public final class FakeModules {
    private FakeModules() {
    }

    /** im_fake (Count INTEGER, Enabled BOOLEAN, Tag repeatable STRING, Events LIST), pm_fake, om_fake (Target required), xm_fake. */
    public static ModuleRegistry registry() {
        return ModuleRegistry.of(providers());
    }

    public static List<ModuleProvider> providers() {
        return List.of(
                provider("im_fake", ModuleKind.INPUT, null,
                        DirectiveSpec.optional("Count", DirectiveType.INTEGER, "0", "records to produce"),
                        DirectiveSpec.optional("Enabled", DirectiveType.BOOLEAN, "TRUE", "a flag"),
                        DirectiveSpec.repeatable("Tag", DirectiveType.STRING, "repeatable tag"),
                        DirectiveSpec.optional("Events", DirectiveType.LIST, "open, close", "a list"),
                        DirectiveSpec.optional("Interval", DirectiveType.SECONDS, null, "seconds"),
                        DirectiveSpec.optional("Mode", DirectiveType.OCTAL, null, "permissions")),
                provider("pm_fake", ModuleKind.PROCESSOR, null),
                provider("om_fake", ModuleKind.OUTPUT, "LineBased",
                        DirectiveSpec.required("Target", DirectiveType.EXPRESSION, "where to write")),
                provider("xm_fake", ModuleKind.EXTENSION, null,
                        DirectiveSpec.enumeration("Style", "plain", List.of("plain", "fancy"), "a choice")));
    }

    static ModuleProvider provider(String name, ModuleKind kind, String outputType, DirectiveSpec... directives) {
        return new ModuleProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ModuleKind kind() {
                return kind;
            }

            @Override
            public List<DirectiveSpec> directives() {
                return List.of(directives);
            }

            @Override
            public String defaultOutputType() {
                return outputType;
            }

            @Override
            public ModuleInstance create(ModuleContext context) {
                return switch (kind) {
                    case INPUT -> (InputInstance) (RecordBatch batch) -> InputInstance.END_OF_INPUT;
                    case PROCESSOR -> new ProcessorInstance() { };
                    case OUTPUT -> new OutputInstance() {
                        @Override
                        public void write(LogRecord record) {
                        }

                        @Override
                        public void flush() {
                        }

                        @Override
                        public String destination() {
                            return "nowhere";
                        }
                    };
                    case EXTENSION -> new ExtensionInstance() { };
                };
            }
        };
    }
}
