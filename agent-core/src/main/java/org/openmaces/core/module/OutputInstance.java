package org.openmaces.core.module;

import java.io.IOException;
import org.openmaces.core.record.LogRecord;

/**
 * An output: writes records somewhere. The runtime takes a batch from the instance's queue, runs Exec on
 * each record, calls {@link #write} for each record not dropped, then {@link #flush()}; only when flush
 * returns are the records removed from the queue (acknowledged). If write or flush throws, nothing of the
 * batch is acknowledged: the runtime logs the error (naming {@link #destination()}), waits with back-off
 * (1, 2, 4 … s, capped at 200 s) and calls write again for every record of the batch, so delivery is
 * at-least-once. After throwing, the instance must be ready to be called again (reconnecting, reopening).
 *
 * <p>All methods except {@code start}/{@code stop} run on the output's own worker thread.
 */
public interface OutputInstance extends ModuleInstance {

    /** Formats and writes (or buffers) one record, after the instance's Exec ran on it. */
    void write(LogRecord record) throws IOException;

    /** Pushes everything written so far to the destination (file written, bytes sent, HTTP answered 2xx). */
    void flush() throws IOException;

    /** Where records go, for messages: {@code /var/log/es.json}, {@code tcp 10.0.0.5:514}. */
    String destination();

    /**
     * Most records the runtime passes between two flushes; the Agent's {@code BatchSize} applies when the
     * module does not override this.
     */
    default int preferredBatchSize() {
        return -1;
    }

    /**
     * How long the runtime may wait, once records are queued, for {@link #preferredBatchSize()} of them to
     * gather before it hands over a smaller batch (om_http's {@code FlushInterval}); 0 (the default) hands
     * over whatever is queued at once.
     */
    default long batchFillNanos() {
        return 0;
    }
}
