package org.openmaces.core.module;

import org.openmaces.core.record.LogRecord;

/**
 * A processor sits between inputs and outputs on one route. The runtime runs its Exec, then
 * {@link #process}, then forwards the record to the next processor or to the route's outputs.
 */
public interface ProcessorInstance extends ModuleInstance {

    /** Module-specific processing after Exec; return false to drop the record. Default: keep it. */
    default boolean process(LogRecord record) throws Exception {
        return true;
    }
}
