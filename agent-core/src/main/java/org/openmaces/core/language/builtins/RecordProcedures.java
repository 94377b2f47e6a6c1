package org.openmaces.core.language.builtins;

import static org.openmaces.core.record.ValueType.BOOLEAN;
import static org.openmaces.core.record.ValueType.INTEGER;
import static org.openmaces.core.record.ValueType.STRING;
import static org.openmaces.core.record.ValueType.UNKNOWN;

import java.util.List;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionEnvironment;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.compiler.Builtin;
import org.openmaces.core.language.nodes.CallNode;
import org.openmaces.core.language.nodes.ConstantNode;
import org.openmaces.core.language.nodes.FieldNode;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * Procedures on the current record and its journey (language spec §9): drop, dropped, delete,
 * rename_field, the log procedures, reroute, add_to_route, sleep.
 */
final class RecordProcedures {
    private RecordProcedures() {
    }

    static void register(List<Builtin> library) {
        library.add(Builtin.procedure("drop", context -> {
            if (context.record() == null) {
                throw new ExecutionException("drop() called without a record (in a Schedule or after drop())");
            }
            context.markDropped();
            return null;
        }));
        library.add(Builtin.function("dropped", BOOLEAN, false, context -> Boolean.valueOf(context.isDropped())));
        library.add(new Builtin("delete", UNKNOWN, List.of(UNKNOWN), false, true, RecordProcedures::delete));
        library.add(new Builtin("rename_field", UNKNOWN, List.of(STRING, STRING), false, true,
                (build, location, arguments, checks) -> {
                    FieldName constantOld = constantName(arguments[0]);
                    FieldName constantNew = constantName(arguments[1]);
                    for (int i = 0; i < 2; i++) {
                        if (arguments[i] instanceof FieldNode) {
                            build.warning("rename_field() takes field names as strings, e.g. rename_field(\"old\","
                                    + " \"new\"); this passes the field's value");
                        }
                    }
                    return new CallNode.Call2(location, "rename_field", arguments, checks, UNKNOWN, false,
                            (context, oldName, newName) -> {
                                rename(context, constantOld != null ? constantOld : runtimeName(oldName),
                                        constantNew != null ? constantNew : runtimeName(newName));
                                return null;
                            });
                }));
        logProcedure(library, "log_debug", ExecutionEnvironment.LogLevel.DEBUG);
        logProcedure(library, "debug", ExecutionEnvironment.LogLevel.DEBUG);
        logProcedure(library, "log_info", ExecutionEnvironment.LogLevel.INFO);
        logProcedure(library, "log_warning", ExecutionEnvironment.LogLevel.WARNING);
        logProcedure(library, "log_error", ExecutionEnvironment.LogLevel.ERROR);
        library.add(Builtin.procedure("reroute", STRING, (context, route) -> {
            // The record moves to the other route: it goes there as a copy taken now, and this module
            // neither forwards it nor runs further statements on it (as after drop()).
            context.environment().reroute(routeName(route, "reroute"), requireRecord(context, "reroute").copy());
            context.markDropped();
            return null;
        }));
        library.add(Builtin.procedure("add_to_route", STRING, (context, route) -> {
            context.environment().addToRoute(routeName(route, "add_to_route"),
                    requireRecord(context, "add_to_route").copy());
            return null;
        }));
        library.add(Builtin.procedure("sleep", INTEGER, (context, microseconds) -> {
            if (microseconds != null && (Long) microseconds > 0) {
                long micros = (Long) microseconds;
                try {
                    Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        }));
    }

    private static org.openmaces.core.language.nodes.ExpressionNode delete(
            org.openmaces.core.language.compiler.BuildContext build, org.openmaces.core.language.runtime.SourceLocation location,
            org.openmaces.core.language.nodes.ExpressionNode[] arguments, org.openmaces.core.record.ValueType[] checks) {
        FieldName constant;
        if (arguments[0] instanceof FieldNode field) {
            if (field.alias() != null) {
                build.error("$" + field.alias() + " is a read-only alias of $" + field.name().spelling()
                        + " and cannot be deleted");
            }
            constant = field.name();
        } else if (arguments[0] instanceof ConstantNode literal && literal.value() instanceof String name
                && !name.isEmpty()) {
            constant = FieldName.of(name);
        } else if (arguments[0].type() != UNKNOWN && arguments[0].type() != STRING) {
            build.error("delete() takes a field, e.g. delete($Message)");
            constant = null;
        } else {
            constant = null;
        }
        org.openmaces.core.language.nodes.ExpressionNode[] none = new org.openmaces.core.language.nodes.ExpressionNode[0];
        if (constant != null) {
            FieldName name = constant;
            return new CallNode.Call0(location, "delete", UNKNOWN, false, context -> {
                deleteField(context, name);
                return null;
            });
        }
        return new CallNode.Call1(location, "delete", arguments, checks, UNKNOWN, false, (context, value) -> {
            if (!(value instanceof String name) || name.isEmpty()) {
                throw new ExecutionException("delete() takes a field such as delete($Message) or a field name");
            }
            deleteField(context, FieldName.of(name));
            return null;
        });
    }

    private static void deleteField(ExecutionContext context, FieldName name) throws ExecutionException {
        LogRecord record = requireRecord(context, "delete");
        if (name.sameField(CoreFields.RAW_EVENT)) {
            record.set(name, "");
        } else {
            record.remove(name);
        }
    }

    private static void rename(ExecutionContext context, FieldName oldName, FieldName newName)
            throws ExecutionException {
        LogRecord record = requireRecord(context, "rename_field");
        if (oldName.sameField(CoreFields.RAW_EVENT) || newName.sameField(CoreFields.RAW_EVENT)) {
            throw new ExecutionException("rename_field() cannot rename raw_event");
        }
        record.rename(oldName, newName);
    }

    private static FieldName constantName(org.openmaces.core.language.nodes.ExpressionNode argument) {
        if (argument instanceof ConstantNode literal && literal.value() instanceof String name && !name.isEmpty()) {
            return FieldName.of(name);
        }
        return null;
    }

    private static FieldName runtimeName(Object name) throws ExecutionException {
        if (!(name instanceof String text) || text.isEmpty()) {
            throw new ExecutionException("rename_field() needs two non-empty field names");
        }
        return FieldName.of(text);
    }

    private static LogRecord requireRecord(ExecutionContext context, String procedure) throws ExecutionException {
        LogRecord record = context.record();
        if (record == null) {
            throw new ExecutionException("missing logdata, " + procedure
                    + "() needs a record; operation possibly after drop() or in a Schedule");
        }
        return record;
    }

    private static String routeName(Object route, String procedure) throws ExecutionException {
        if (!(route instanceof String name)) {
            throw new ExecutionException("invalid route name specified for " + procedure + "(): undef");
        }
        return name;
    }

    /** {@code log_info(a, b, ...)}: every argument converted as string() does (undef as empty), concatenated. */
    private static void logProcedure(List<Builtin> library, String name, ExecutionEnvironment.LogLevel level) {
        library.add(new Builtin(name, UNKNOWN, List.of(UNKNOWN), true, true, (build, location, arguments, checks) -> {
            Conversions conversions = build.conversions();
            if ("im_internal".equals(build.scope().moduleName())) {
                // NXLog Agent blocks log procedures in im_internal's own Exec: they would feed back into it.
                return new CallNode.Call0(location, name, UNKNOWN, false, context -> null);
            }
            if (arguments.length == 1) {
                return new CallNode.Call1(location, name, arguments, checks, UNKNOWN, false, (context, value) -> {
                    context.environment().log(level, conversions.text(value));
                    return null;
                });
            }
            return new CallNode.CallN(location, name, arguments, checks, UNKNOWN, false, (context, values) -> {
                StringBuilder message = new StringBuilder();
                for (Object value : values) {
                    message.append(conversions.text(value));
                }
                context.environment().log(level, message.toString());
                return null;
            });
        }));
    }
}
