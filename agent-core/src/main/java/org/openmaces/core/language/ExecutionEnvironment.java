package org.openmaces.core.language;

import java.time.Clock;
import org.openmaces.core.record.LogRecord;

/**
 * What the runtime gives the language for one module instance: identity, its statistics and variables,
 * logging, routing and time. Implemented by the runtime; one per module instance, shared by the
 * instance's Exec and its Schedules (which run on different threads).
 */
public interface ExecutionEnvironment {

    /** The instance whose Exec runs, e.g. {@code in}. */
    String instanceName();

    /** Its module, e.g. {@code im_maces}. */
    String moduleName();

    /** The instance's statistical counters and module variables (thread-safe). */
    InstanceState state();

    /** Wall clock for {@code now()}, stats and variable expiry; injected so tests control time. */
    Clock clock();

    /** Global settings that change how values convert (DateFormat, GenerateDateInUTC, ParseDateInUTC). */
    LanguageSettings settings();

    /**
     * Emits a message from {@code log_info()} and friends, or a run-time error report, to the agent's log
     * (and im_internal for INFO and above). {@code level} is one of DEBUG, INFO, WARNING, ERROR.
     */
    void log(LogLevel level, String message);

    /**
     * {@code reroute(route)}: hands the record (a copy the caller gives up) to the named route as if its
     * inputs had received it. Throws when no route has that name.
     */
    void reroute(String routeName, LogRecord record) throws ExecutionException;

    /**
     * {@code add_to_route(route)}: delivers the record (a copy the caller gives up) to the named route
     * without flow control; a full destination queue does not get it (counted as a drop). Throws when no
     * route has that name.
     */
    void addToRoute(String routeName, LogRecord record) throws ExecutionException;

    /** Severity of messages the language emits. */
    enum LogLevel { DEBUG, INFO, WARNING, ERROR }
}
