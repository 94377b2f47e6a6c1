package org.openmaces.core.modules;

import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;

/** om_null (modules spec §2.6): takes records, runs Exec, discards them. */
public final class NullOutputModule implements ModuleProvider {
    @Override
    public String name() {
        return "om_null";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.OUTPUT;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of();
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        return new OutputInstance() {
            @Override
            public void write(LogRecord record) {
                // Discarding is the whole job.
            }

            @Override
            public void flush() {
            }

            @Override
            public String destination() {
                return "nowhere (om_null)";
            }
        };
    }
}
