package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.runtime.RuntimeError;
import org.openmaces.core.language.runtime.SourceLocation;
import org.openmaces.core.record.ValueType;

/**
 * A call of a function or procedure whose overload was chosen at compile time. Arguments whose static type
 * did not prove the declared parameter type are checked at run time ({@code checks[i]} non-null). An
 * {@link ExecutionException} from the body is reported at this call's place.
 */
public abstract class CallNode extends ExpressionNode {
    protected final String name;
    protected final ExpressionNode[] arguments;
    private final ValueType[] checks;
    private final ValueType returnType;
    private final boolean pure;

    protected CallNode(SourceLocation location, String name, ExpressionNode[] arguments, ValueType[] checks,
                       ValueType returnType, boolean pure) {
        super(location);
        this.name = name;
        this.arguments = arguments.clone();
        this.checks = checks.clone();
        this.returnType = returnType;
        this.pure = pure;
    }

    protected final Object argument(ExecutionContext context, int index) throws ExecutionException {
        Object value = arguments[index].evaluate(context);
        ValueType check = checks[index];
        if (check != null && value != null && !Values.hasType(value, check)) {
            throw error(name + "() takes " + check.languageName() + " as argument " + (index + 1) + ", got "
                    + Values.typeName(value));
        }
        return value;
    }

    protected final RuntimeError located(ExecutionException failure) {
        return failure instanceof RuntimeError located ? located : error(failure.getMessage());
    }

    @Override
    public ValueType type() {
        return returnType;
    }

    @Override
    public boolean isConstant() {
        if (!pure) {
            return false;
        }
        for (ExpressionNode argument : arguments) {
            if (!argument.isConstant()) {
                return false;
            }
        }
        return true;
    }

    /** No arguments. */
    public static final class Call0 extends CallNode {
        private final Invokers.Invoker0 body;

        public Call0(SourceLocation location, String name, ValueType returnType, boolean pure, Invokers.Invoker0 body) {
            super(location, name, new ExpressionNode[0], new ValueType[0], returnType, pure);
            this.body = body;
        }

        @Override
        public Object evaluate(ExecutionContext context) throws ExecutionException {
            try {
                return body.apply(context);
            } catch (ExecutionException failure) {
                throw located(failure);
            }
        }
    }

    /** One argument. */
    public static final class Call1 extends CallNode {
        private final Invokers.Invoker1 body;

        public Call1(SourceLocation location, String name, ExpressionNode[] arguments, ValueType[] checks,
                     ValueType returnType, boolean pure, Invokers.Invoker1 body) {
            super(location, name, arguments, checks, returnType, pure);
            this.body = body;
        }

        @Override
        public Object evaluate(ExecutionContext context) throws ExecutionException {
            Object first = argument(context, 0);
            try {
                return body.apply(context, first);
            } catch (ExecutionException failure) {
                throw located(failure);
            }
        }
    }

    /** Two arguments. */
    public static final class Call2 extends CallNode {
        private final Invokers.Invoker2 body;

        public Call2(SourceLocation location, String name, ExpressionNode[] arguments, ValueType[] checks,
                     ValueType returnType, boolean pure, Invokers.Invoker2 body) {
            super(location, name, arguments, checks, returnType, pure);
            this.body = body;
        }

        @Override
        public Object evaluate(ExecutionContext context) throws ExecutionException {
            Object first = argument(context, 0);
            Object second = argument(context, 1);
            try {
                return body.apply(context, first, second);
            } catch (ExecutionException failure) {
                throw located(failure);
            }
        }
    }

    /** Three arguments. */
    public static final class Call3 extends CallNode {
        private final Invokers.Invoker3 body;

        public Call3(SourceLocation location, String name, ExpressionNode[] arguments, ValueType[] checks,
                     ValueType returnType, boolean pure, Invokers.Invoker3 body) {
            super(location, name, arguments, checks, returnType, pure);
            this.body = body;
        }

        @Override
        public Object evaluate(ExecutionContext context) throws ExecutionException {
            Object first = argument(context, 0);
            Object second = argument(context, 1);
            Object third = argument(context, 2);
            try {
                return body.apply(context, first, second, third);
            } catch (ExecutionException failure) {
                throw located(failure);
            }
        }
    }

    /** Any number of arguments, in a fresh array per call. */
    public static final class CallN extends CallNode {
        private final Invokers.InvokerN body;

        public CallN(SourceLocation location, String name, ExpressionNode[] arguments, ValueType[] checks,
                     ValueType returnType, boolean pure, Invokers.InvokerN body) {
            super(location, name, arguments, checks, returnType, pure);
            this.body = body;
        }

        @Override
        public Object evaluate(ExecutionContext context) throws ExecutionException {
            Object[] values = new Object[arguments.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = argument(context, i);
            }
            try {
                return body.apply(context, values);
            } catch (ExecutionException failure) {
                throw located(failure);
            }
        }
    }
}
