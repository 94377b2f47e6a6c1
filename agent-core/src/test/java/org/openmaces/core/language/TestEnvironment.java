package org.openmaces.core.language;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openmaces.core.record.LogRecord;

/** An environment for tests: a clock they move, logs and route calls they read, UTC local time. */
public final class TestEnvironment implements ExecutionEnvironment {
    private final String instanceName;
    private final String moduleName;
    private final InstanceState state = new NxlogLanguage().newInstanceState();
    private final LanguageSettings settings;
    private final Set<String> routes;
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-04T05:06:07Z"));
    public final List<String> logs = new ArrayList<>();
    public final List<String> routed = new ArrayList<>();

    public TestEnvironment() {
        this("in", "im_test", new LanguageSettings(null, false, false, ZoneOffset.UTC), Set.of("other"));
    }

    public TestEnvironment(String instanceName, String moduleName, LanguageSettings settings, Set<String> routes) {
        this.instanceName = instanceName;
        this.moduleName = moduleName;
        this.settings = settings;
        this.routes = routes;
    }

    public MutableClock mutableClock() {
        return clock;
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
        logs.add(level + " " + message);
    }

    @Override
    public void reroute(String routeName, LogRecord record) throws ExecutionException {
        route("reroute", routeName);
    }

    @Override
    public void addToRoute(String routeName, LogRecord record) throws ExecutionException {
        route("add_to_route", routeName);
    }

    private void route(String what, String routeName) throws ExecutionException {
        if (!routes.contains(routeName)) {
            throw new ExecutionException("invalid route name specified for " + what + "(): '" + routeName + "'");
        }
        routed.add(what + " " + routeName);
    }

    /** A clock tests set and advance. */
    public static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
