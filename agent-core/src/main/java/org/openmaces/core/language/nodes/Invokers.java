package org.openmaces.core.language.nodes;

import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;

/** The shapes of built-in function bodies by argument count, so calls need no argument array. */
public final class Invokers {
    private Invokers() {
    }

    /** A body without arguments. */
    @FunctionalInterface
    public interface Invoker0 {
        Object apply(ExecutionContext context) throws ExecutionException;
    }

    /** A body of one argument. */
    @FunctionalInterface
    public interface Invoker1 {
        Object apply(ExecutionContext context, Object first) throws ExecutionException;
    }

    /** A body of two arguments. */
    @FunctionalInterface
    public interface Invoker2 {
        Object apply(ExecutionContext context, Object first, Object second) throws ExecutionException;
    }

    /** A body of three arguments. */
    @FunctionalInterface
    public interface Invoker3 {
        Object apply(ExecutionContext context, Object first, Object second, Object third) throws ExecutionException;
    }

    /** A body of any number of arguments; the array belongs to the call. */
    @FunctionalInterface
    public interface InvokerN {
        Object apply(ExecutionContext context, Object[] arguments) throws ExecutionException;
    }
}
