package org.openmaces.core.language.builtins;

import static org.openmaces.core.record.ValueType.DATETIME;
import static org.openmaces.core.record.ValueType.INTEGER;
import static org.openmaces.core.record.ValueType.STRING;
import static org.openmaces.core.record.ValueType.UNKNOWN;

import java.util.List;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionEnvironment;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.InstanceState;
import org.openmaces.core.language.compiler.Builtin;
import org.openmaces.core.language.nodes.CallNode;
import org.openmaces.core.language.nodes.ExpressionNode;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.ValueType;

/** Module variables (create_var, set_var, get_var, delete_var; spec §6) and counters (create_stat, add_stat, get_stat; §7). */
final class StateFunctions {
    private StateFunctions() {
    }

    static void register(List<Builtin> library) {
        library.add(Builtin.procedure("create_var", STRING, (context, name) -> {
            createVariable(context, name, null);
            return null;
        }));
        library.add(new Builtin("create_var", UNKNOWN, List.of(STRING, UNKNOWN), false, true,
                (build, location, arguments, checks) -> {
                    requireLifetimeOrExpiry(build, arguments[1], "create_var");
                    return new CallNode.Call2(location, "create_var", arguments, checks, UNKNOWN, false,
                            (context, name, expiry) -> {
                                createVariable(context, name, expiry);
                                return null;
                            });
                }));
        library.add(Builtin.procedure("set_var", STRING, UNKNOWN, (context, name, value) -> {
            context.environment().state().setVariable(variableName(name, "set_var"), value, Arguments.now(context));
            return null;
        }));
        library.add(Builtin.function("get_var", UNKNOWN, STRING, false, (context, name) ->
                context.environment().state().getVariable(variableName(name, "get_var"), Arguments.now(context))));
        library.add(Builtin.procedure("delete_var", STRING, (context, name) -> {
            context.environment().state().deleteVariable(variableName(name, "delete_var"));
            return null;
        }));

        library.add(Builtin.procedure("create_stat", STRING, STRING, (context, name, type) -> {
            createStatistic(context, name, type, null, null, null);
            return null;
        }));
        library.add(Builtin.procedure("create_stat", STRING, STRING, INTEGER, (context, name, type, interval) -> {
            createStatistic(context, name, type, interval, null, null);
            return null;
        }));
        library.add(Builtin.procedureN("create_stat", List.of(STRING, STRING, INTEGER, DATETIME), false,
                (context, values) -> {
                    createStatistic(context, values[0], values[1], values[2], values[3], null);
                    return null;
                }));
        library.add(new Builtin("create_stat", UNKNOWN, List.of(STRING, STRING, INTEGER, DATETIME, UNKNOWN), false,
                true, (build, location, arguments, checks) -> {
                    requireLifetimeOrExpiry(build, arguments[4], "create_stat");
                    return new CallNode.CallN(location, "create_stat", arguments, checks, UNKNOWN, false,
                            (context, values) -> {
                                createStatistic(context, values[0], values[1], values[2], values[3], values[4]);
                                return null;
                            });
                }));
        library.add(Builtin.procedure("add_stat", STRING, INTEGER, (context, name, value) -> {
            addStatistic(context, name, value, null);
            return null;
        }));
        library.add(Builtin.procedure("add_stat", STRING, INTEGER, DATETIME, (context, name, value, time) -> {
            addStatistic(context, name, value, time);
            return null;
        }));
        library.add(Builtin.function("get_stat", INTEGER, STRING, false, (context, name) -> {
            long now = Arguments.now(context);
            return context.environment().state().getStat(Arguments.name(name, "get_stat"), now, now);
        }));
        library.add(Builtin.function("get_stat", INTEGER, STRING, DATETIME, false, (context, name, time) ->
                context.environment().state().getStat(Arguments.name(name, "get_stat"),
                        Arguments.timeOrNow(context, time), Arguments.now(context))));
    }

    private static void requireLifetimeOrExpiry(org.openmaces.core.language.compiler.BuildContext build,
                                                ExpressionNode argument, String function) {
        ValueType type = argument.type();
        if (type != UNKNOWN && type != INTEGER && type != DATETIME) {
            build.error(function + "() takes a lifetime in seconds (integer) or an expiry (datetime), got "
                    + type.languageName());
        }
    }

    private static String variableName(Object name, String function) throws ExecutionException {
        String text = Arguments.name(name, function);
        if (text.isEmpty()) {
            throw new ExecutionException(function + "() needs a non-empty variable name");
        }
        return text;
    }

    /** Expiry from a lifetime (seconds from now) or a datetime; a past datetime never expires (warned). */
    private static long expiry(ExecutionContext context, Object lifetimeOrExpiry, String function, String name)
            throws ExecutionException {
        long now = Arguments.now(context);
        if (lifetimeOrExpiry == null) {
            return InstanceState.NEVER;
        }
        if (lifetimeOrExpiry instanceof Long seconds) {
            return now + seconds * 1_000_000L;
        }
        if (lifetimeOrExpiry instanceof Datetime time) {
            if (time.microseconds() <= now) {
                context.environment().log(ExecutionEnvironment.LogLevel.WARNING, context.environment().instanceName()
                        + ": " + function + "('" + name + "'): the expiry time is in the past; it will never expire");
                return InstanceState.NEVER;
            }
            return time.microseconds();
        }
        throw new ExecutionException(function + "() takes a lifetime (integer) or an expiry (datetime), got "
                + ValueType.of(lifetimeOrExpiry).languageName());
    }

    private static void createVariable(ExecutionContext context, Object name, Object lifetimeOrExpiry)
            throws ExecutionException {
        String text = variableName(name, "create_var");
        long expiry = expiry(context, lifetimeOrExpiry, "create_var", text);
        context.environment().state().createVariable(text, expiry, Arguments.now(context));
    }

    private static void createStatistic(ExecutionContext context, Object name, Object type, Object interval,
                                        Object start, Object lifetimeOrExpiry) throws ExecutionException {
        String text = Arguments.name(name, "create_stat");
        if (type == null) {
            throw new ExecutionException("create_stat() needs a type, got undef");
        }
        long now = Arguments.now(context);
        long seconds = interval == null ? 0 : (Long) interval;
        long startMicros = start == null ? now : ((Datetime) start).microseconds();
        long expiry = expiry(context, lifetimeOrExpiry, "create_stat", text);
        context.environment().state().createStat(text, (String) type, seconds, startMicros, expiry, now);
    }

    private static void addStatistic(ExecutionContext context, Object name, Object value, Object time)
            throws ExecutionException {
        String text = Arguments.name(name, "add_stat");
        if (value == null) {
            return;
        }
        long now = Arguments.now(context);
        context.environment().state().addStat(text, (Long) value,
                time == null ? now : ((Datetime) time).microseconds(), now);
    }
}
