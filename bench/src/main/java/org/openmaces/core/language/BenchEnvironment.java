package org.openmaces.core.language;

import java.time.Clock;
import org.openmaces.core.record.LogRecord;

/** A minimal environment for benchmarks: the system clock, default settings, logs discarded. */
final class BenchEnvironment implements ExecutionEnvironment {
    private final InstanceState state;
    private final Clock clock;
    private final LanguageSettings settings = LanguageSettings.defaults();

    BenchEnvironment(InstanceState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public String instanceName() {
        return "in";
    }

    @Override
    public String moduleName() {
        return "im_maces";
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
    }

    @Override
    public void reroute(String routeName, LogRecord record) throws ExecutionException {
        throw new ExecutionException("no routes in the benchmark");
    }

    @Override
    public void addToRoute(String routeName, LogRecord record) throws ExecutionException {
        throw new ExecutionException("no routes in the benchmark");
    }
}
