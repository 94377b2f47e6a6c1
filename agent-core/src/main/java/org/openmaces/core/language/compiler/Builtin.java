package org.openmaces.core.language.compiler;

import java.util.List;
import org.openmaces.core.language.nodes.CallNode;
import org.openmaces.core.language.nodes.ExpressionNode;
import org.openmaces.core.language.nodes.Invokers;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/**
 * A function or procedure of the core library: its signature for overload resolution and a factory that
 * builds its specialised node from the compiled arguments.
 *
 * @param name        as called
 * @param returnType  static type of the result (UNKNOWN for procedures)
 * @param parameters  declared parameter types; UNKNOWN accepts anything
 * @param varargs     the last parameter repeats
 * @param procedure   a statement rather than a function
 * @param factory     builds the node
 */
public record Builtin(String name, ValueType returnType, List<ValueType> parameters, boolean varargs,
                      boolean procedure, Factory factory) {

    /** Builds the node of one call. {@code checks[i]} is the run-time type check argument i still needs, or null. */
    @FunctionalInterface
    public interface Factory {
        ExpressionNode create(BuildContext build, SourceLocation location, ExpressionNode[] arguments,
                              ValueType[] checks);
    }

    public static Builtin function(String name, ValueType returnType, boolean pure, Invokers.Invoker0 body) {
        return new Builtin(name, returnType, List.of(), false, false,
                (build, location, arguments, checks) -> new CallNode.Call0(location, name, returnType, pure, body));
    }

    public static Builtin function(String name, ValueType returnType, ValueType first, boolean pure, Invokers.Invoker1 body) {
        return new Builtin(name, returnType, List.of(first), false, false,
                (build, location, arguments, checks) -> new CallNode.Call1(location, name, arguments, checks,
                        returnType, pure, body));
    }

    public static Builtin function(String name, ValueType returnType, ValueType first, ValueType second, boolean pure,
                            Invokers.Invoker2 body) {
        return new Builtin(name, returnType, List.of(first, second), false, false,
                (build, location, arguments, checks) -> new CallNode.Call2(location, name, arguments, checks,
                        returnType, pure, body));
    }

    public static Builtin function(String name, ValueType returnType, ValueType first, ValueType second, ValueType third,
                            boolean pure, Invokers.Invoker3 body) {
        return new Builtin(name, returnType, List.of(first, second, third), false, false,
                (build, location, arguments, checks) -> new CallNode.Call3(location, name, arguments, checks,
                        returnType, pure, body));
    }

    public static Builtin functionN(String name, ValueType returnType, List<ValueType> parameters, boolean varargs,
                             boolean pure, Invokers.InvokerN body) {
        return new Builtin(name, returnType, parameters, varargs, false,
                (build, location, arguments, checks) -> new CallNode.CallN(location, name, arguments, checks,
                        returnType, pure, body));
    }

    public static Builtin procedure(String name, Invokers.Invoker0 body) {
        return new Builtin(name, ValueType.UNKNOWN, List.of(), false, true,
                (build, location, arguments, checks) -> new CallNode.Call0(location, name, ValueType.UNKNOWN, false,
                        body));
    }

    public static Builtin procedure(String name, ValueType first, Invokers.Invoker1 body) {
        return new Builtin(name, ValueType.UNKNOWN, List.of(first), false, true,
                (build, location, arguments, checks) -> new CallNode.Call1(location, name, arguments, checks,
                        ValueType.UNKNOWN, false, body));
    }

    public static Builtin procedure(String name, ValueType first, ValueType second, Invokers.Invoker2 body) {
        return new Builtin(name, ValueType.UNKNOWN, List.of(first, second), false, true,
                (build, location, arguments, checks) -> new CallNode.Call2(location, name, arguments, checks,
                        ValueType.UNKNOWN, false, body));
    }

    public static Builtin procedure(String name, ValueType first, ValueType second, ValueType third, Invokers.Invoker3 body) {
        return new Builtin(name, ValueType.UNKNOWN, List.of(first, second, third), false, true,
                (build, location, arguments, checks) -> new CallNode.Call3(location, name, arguments, checks,
                        ValueType.UNKNOWN, false, body));
    }

    public static Builtin procedureN(String name, List<ValueType> parameters, boolean varargs, Invokers.InvokerN body) {
        return new Builtin(name, ValueType.UNKNOWN, parameters, varargs, true,
                (build, location, arguments, checks) -> new CallNode.CallN(location, name, arguments, checks,
                        ValueType.UNKNOWN, false, body));
    }
}
