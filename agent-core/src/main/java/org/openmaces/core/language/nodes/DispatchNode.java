package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.RuntimeError;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/**
 * A call of a module function or procedure with several overloads that the arguments' static types could
 * not tell apart: the first overload whose parameter types accept the run-time values is called (undef
 * matches any type).
 */
public final class DispatchNode extends ExpressionNode {
    private final String name;
    private final ExpressionNode[] arguments;
    private final ValueType[][] parameterTypes;
    private final boolean[] varargs;
    private final Invokers.InvokerN[] bodies;
    private final ValueType type;

    public DispatchNode(SourceLocation location, String name, ExpressionNode[] arguments,
                        ValueType[][] parameterTypes, boolean[] varargs, Invokers.InvokerN[] bodies, ValueType type) {
        super(location);
        this.name = name;
        this.arguments = arguments.clone();
        this.parameterTypes = parameterTypes.clone();
        this.varargs = varargs.clone();
        this.bodies = bodies.clone();
        this.type = type;
    }

    @Override
    public Object evaluate(ExecutionContext context) throws ExecutionException {
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments[i].evaluate(context);
        }
        for (int candidate = 0; candidate < bodies.length; candidate++) {
            if (accepts(candidate, values)) {
                try {
                    return bodies[candidate].apply(context, values);
                } catch (RuntimeError located) {
                    throw located;
                } catch (ExecutionException failure) {
                    throw error(failure.getMessage());
                }
            }
        }
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            types.append(i == 0 ? "" : ", ").append(Values.typeName(values[i]));
        }
        throw error("function '" + name + "()' does not take arguments of types (" + types + ")");
    }

    private boolean accepts(int candidate, Object[] values) {
        ValueType[] types = parameterTypes[candidate];
        for (int i = 0; i < values.length; i++) {
            ValueType declared = i < types.length ? types[i] : types[types.length - 1];
            if (i >= types.length && !varargs[candidate]) {
                return false;
            }
            if (values[i] != null && !Values.hasType(values[i], declared)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ValueType type() {
        return type;
    }
}
