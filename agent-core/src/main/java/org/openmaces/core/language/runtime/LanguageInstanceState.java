package org.openmaces.core.language.runtime;

import java.util.concurrent.ConcurrentHashMap;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.InstanceState;

/**
 * The language's {@link InstanceState}: counters and variables in concurrent maps. Expired entries are
 * removed when next touched, which is indistinguishable from removal at expiry for every language call.
 */
public final class LanguageInstanceState implements InstanceState {
    private final ConcurrentHashMap<String, Statistic> statistics = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Variable> variables = new ConcurrentHashMap<>();

    @Override
    public void createStat(String name, String typeName, long intervalSeconds, long startMicros, long expiryMicros,
                           long nowMicros) throws ExecutionException {
        if (name.isEmpty()) {
            throw new ExecutionException("create_stat() needs a non-empty name");
        }
        StatisticType type = StatisticType.forName(typeName);
        if (type == null) {
            throw new ExecutionException("invalid statistics type '" + typeName
                    + "' for create_stat(): use COUNT, COUNTMIN, COUNTMAX, RATE, RATEMIN, RATEMAX, AVG, AVGMIN,"
                    + " AVGMAX, GRAD, GRADMIN or GRADMAX");
        }
        if (intervalSeconds < 0 || (intervalSeconds == 0 && type != StatisticType.COUNT)) {
            throw new ExecutionException("create_stat('" + name + "', '" + typeName
                    + "') needs an interval of at least 1 second");
        }
        Statistic existing = statistics.get(name);
        if (existing != null && !existing.isExpired(nowMicros)) {
            return;
        }
        Statistic created = new Statistic(type, intervalSeconds * 1_000_000L, startMicros, expiryMicros);
        if (existing != null) {
            statistics.replace(name, existing, created);
        } else {
            statistics.putIfAbsent(name, created);
        }
    }

    @Override
    public void addStat(String name, long value, long timeMicros, long nowMicros) throws ExecutionException {
        Statistic statistic = live(name, nowMicros);
        if (statistic == null) {
            throw new ExecutionException("cannot call add_stat() on nonexistent stat '" + name + "'");
        }
        statistic.add(value, timeMicros);
    }

    @Override
    public Long getStat(String name, long timeMicros, long nowMicros) {
        Statistic statistic = live(name, nowMicros);
        return statistic == null ? null : statistic.get(timeMicros);
    }

    private Statistic live(String name, long nowMicros) {
        Statistic statistic = statistics.get(name);
        if (statistic != null && statistic.isExpired(nowMicros)) {
            statistics.remove(name, statistic);
            return null;
        }
        return statistic;
    }

    @Override
    public boolean createVariable(String name, long expiryMicros, long nowMicros) {
        Variable existing = liveVariable(name, nowMicros);
        if (existing != null) {
            return false;
        }
        return variables.putIfAbsent(name, new Variable(expiryMicros)) == null;
    }

    @Override
    public void setVariable(String name, Object value, long nowMicros) {
        Variable variable = liveVariable(name, nowMicros);
        if (variable == null) {
            variable = variables.computeIfAbsent(name, ignored -> new Variable(NEVER));
        }
        variable.value = value;
    }

    @Override
    public Object getVariable(String name, long nowMicros) {
        Variable variable = liveVariable(name, nowMicros);
        return variable == null ? null : variable.value;
    }

    @Override
    public void deleteVariable(String name) {
        variables.remove(name);
    }

    private Variable liveVariable(String name, long nowMicros) {
        Variable variable = variables.get(name);
        if (variable != null && nowMicros >= variable.expiryMicros) {
            variables.remove(name, variable);
            return null;
        }
        return variable;
    }

    private static final class Variable {
        final long expiryMicros;
        volatile Object value;

        Variable(long expiryMicros) {
            this.expiryMicros = expiryMicros;
        }
    }
}
