package org.openmaces.core.runtime;

import java.time.Clock;
import org.openmaces.core.language.ExecutionEnvironment;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.InstanceState;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.LogRecord;
import org.slf4j.Logger;

/** The runtime's side of the language for one instance: state, time, logging and routing by name. */
final class InstanceEnvironment implements ExecutionEnvironment {
    private final String instanceName;
    private final String moduleName;
    private final InstanceState state;
    private final Clock clock;
    private final LanguageSettings settings;
    private final Logger logger;
    private final RouteDirectory routes;
    private final boolean suppressInternalLogs;

    /**
     * @param suppressInternalLogs true for im_internal: its own log_* calls would feed back into it, so they
     *                             are dropped (the newer agent does the same)
     */
    InstanceEnvironment(String instanceName, String moduleName, InstanceState state, Clock clock,
                        LanguageSettings settings, RouteDirectory routes, boolean suppressInternalLogs) {
        this.instanceName = instanceName;
        this.moduleName = moduleName;
        this.state = state;
        this.clock = clock;
        this.settings = settings;
        this.logger = InstanceLoggers.of(instanceName);
        this.routes = routes;
        this.suppressInternalLogs = suppressInternalLogs;
    }

    @Override
    public String instanceName() {
        return instanceName;
    }

    @Override
    public String moduleName() {
        return moduleName;
    }

    @Override
    public InstanceState state() {
        return state;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public LanguageSettings settings() {
        return settings;
    }

    @Override
    public void log(LogLevel level, String message) {
        if (suppressInternalLogs && level != LogLevel.ERROR) {
            return;
        }
        switch (level) {
            case DEBUG -> logger.debug(message);
            case INFO -> logger.info(message);
            case WARNING -> logger.warn(message);
            case ERROR -> logger.error(message);
            default -> throw new IllegalArgumentException("unknown level " + level);
        }
    }

    @Override
    public void reroute(String routeName, LogRecord record) throws ExecutionException {
        routes.deliver(routeName, record, "reroute");
    }

    @Override
    public void addToRoute(String routeName, LogRecord record) throws ExecutionException {
        routes.deliver(routeName, record, "add_to_route");
    }
}
