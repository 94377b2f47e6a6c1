package org.openmaces.core.language;

/**
 * Per-instance storage for statistical counters ({@code create_stat}, language spec §7) and module
 * variables ({@code create_var}, §6). Shared by the instance's Exec and Schedules, so thread-safe.
 * Not persisted across restarts. Implemented by the language ({@link Language#newInstanceState()});
 * the runtime keeps one per instance and returns it from {@link ExecutionEnvironment#state()}.
 *
 * <p>Times are microseconds since the epoch. {@code now} is the wall clock, which decides expiry; a
 * counter's {@code time} is the time the value belongs to (the record's time when processing offline).
 * Names are case-sensitive.
 */
public interface InstanceState {

    /** Expiry of something that never expires. */
    long NEVER = Long.MAX_VALUE;

    /**
     * {@code create_stat}: creates a counter unless one of that name exists (then nothing changes).
     *
     * @param type            COUNT, RATE, ... (case-insensitive)
     * @param intervalSeconds window length; 0 only for COUNT
     * @param startMicros     start of the first window
     * @param expiryMicros    when the counter is deleted, or {@link #NEVER}
     * @throws ExecutionException for an unknown type, an empty name or a missing interval
     */
    void createStat(String name, String type, long intervalSeconds, long startMicros, long expiryMicros,
                    long nowMicros) throws ExecutionException;

    /** {@code add_stat}: adds {@code value} at {@code timeMicros}; throws when the counter does not exist. */
    void addStat(String name, long value, long timeMicros, long nowMicros) throws ExecutionException;

    /** {@code get_stat}: the value at {@code timeMicros}; null when the counter does not exist or has none yet. */
    Long getStat(String name, long timeMicros, long nowMicros);

    /** {@code create_var}: creates a variable (undef) unless it exists; returns whether it was created. */
    boolean createVariable(String name, long expiryMicros, long nowMicros);

    /** {@code set_var}: sets the value, creating the variable without expiry when missing; keeps its expiry. */
    void setVariable(String name, Object value, long nowMicros);

    /** {@code get_var}: the value, or null when missing, undef or expired. */
    Object getVariable(String name, long nowMicros);

    /** {@code delete_var}. */
    void deleteVariable(String name);
}
