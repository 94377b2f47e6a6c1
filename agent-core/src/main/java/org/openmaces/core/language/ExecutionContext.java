package org.openmaces.core.language;

import org.openmaces.core.record.LogRecord;

/**
 * The state of one thread running one instance's compiled programs: the current record (none in a
 * {@code <Schedule>}), whether it was dropped, and the captures of the last regular-expression match.
 * Create one per (instance, thread) and reuse it for every record: {@link #beginRecord} resets it.
 *
 * <p>Not thread-safe: confined to the thread that created it.
 */
public final class ExecutionContext {
    private final ExecutionEnvironment environment;
    private LogRecord record;
    private boolean dropped;
    private final Captures captures = new Captures();

    public ExecutionContext(ExecutionEnvironment environment) {
        this.environment = environment;
    }

    public ExecutionEnvironment environment() {
        return environment;
    }

    /** Starts a record's Exec run: sets the record (null for a Schedule), clears the drop flag and captures. */
    public void beginRecord(LogRecord newRecord) {
        record = newRecord;
        dropped = false;
        captures.clear();
    }

    /** The current record, or null when there is none (Schedule Exec). */
    public LogRecord record() {
        return record;
    }

    public boolean isDropped() {
        return dropped;
    }

    /** Marks the record dropped ({@code drop()}): it goes no further and its remaining statements are skipped. */
    public void markDropped() {
        dropped = true;
    }

    /** The captures of the last regular-expression match ({@code $0} .. {@code $99}); reused, never null. */
    public Captures captures() {
        return captures;
    }
}
