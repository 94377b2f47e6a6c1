package org.openmaces.core.module;

/**
 * An input: produces records. The runtime calls {@link #produce} in a loop on the input's own thread,
 * except while flow control pauses the input: a paused input is simply not called, which is how it
 * stops consuming its source.
 *
 * <p>For each record the runtime then sets the core fields ({@code $EventReceivedTime},
 * {@code $SourceModuleName}, {@code $SourceModuleType}, only when absent), runs the instance's Exec and
 * routes the record.
 */
public interface InputInstance extends ModuleInstance {

    /** {@link #produce} returns this when a finite input (a replay, a MaxCount) has nothing more to give. */
    int END_OF_INPUT = -1;

    /**
     * Adds up to {@link RecordBatch#remaining()} records to {@code batch} and returns how many it added,
     * or {@link #END_OF_INPUT}. When nothing is available it may block, but for at most about 100 ms, so
     * the runtime can stop it promptly; returning 0 is fine. Never called concurrently with itself.
     */
    int produce(RecordBatch batch) throws Exception;

    /**
     * Asked for each record of a produced batch, in order, on the input's thread, just before the core fields
     * are set and Exec runs: false discards the record (no Exec, not routed). For an input whose own
     * procedures, called from Exec, narrow what it collects (im_maces's {@code unsubscribe()} and
     * {@code mute_path_*()}), so records it already produced honour the change at once. Default: true.
     */
    default boolean admit(org.openmaces.core.record.LogRecord record) {
        return true;
    }
}
