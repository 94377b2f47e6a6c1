package org.openmaces.core.config;

import java.util.List;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.module.ModuleConfiguration;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;

/**
 * A validated module block, ready for the runtime to create its instance.
 *
 * @param name                    instance name as declared
 * @param provider                the module
 * @param configuration           the block's directives, typed
 * @param exec                    Exec directives and blocks, in file order
 * @param schedules               its Schedule blocks
 * @param location                the opening tag
 * @param flowControl             effective FlowControl (inputs and processors)
 * @param logqueueSize            effective queue capacity in records (processors and outputs)
 * @param persistLogqueue         effective PersistLogqueue
 * @param syncLogqueue            effective SyncLogqueue
 * @param batchSize               effective BatchSize
 * @param batchFlushIntervalNanos effective BatchFlushInterval
 */
public record InstanceDefinition(String name, ModuleProvider provider, ModuleConfiguration configuration,
                                 List<SourceText> exec, List<ScheduleDefinition> schedules, Location location,
                                 boolean flowControl, int logqueueSize, boolean persistLogqueue,
                                 boolean syncLogqueue, int batchSize, long batchFlushIntervalNanos) {
    public InstanceDefinition {
        exec = List.copyOf(exec);
        schedules = List.copyOf(schedules);
    }

    public ModuleKind kind() {
        return provider.kind();
    }

    /** {@code FILE:LINE} of a directive of this block (the opening tag when the directive is absent). */
    public Location locationOf(String directive) {
        return configuration instanceof BlockConfiguration block ? block.locationOf(directive) : location;
    }
}
