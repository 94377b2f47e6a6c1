package org.openmaces.core.module;

/**
 * A configured module instance ({@code <Input in> ... </Input>}). Lifecycle, driven by the runtime:
 * created → {@link #start()} → (records flow) → {@link #stop()}. Extensions start first, then outputs,
 * processors and inputs; they stop in reverse order, each after the runtime has flushed the queues that
 * feed it.
 *
 * <p>{@link #start()} and {@link #stop()} are called on the runtime's control thread; the record methods
 * of the sub-interfaces on the instance's own worker thread. Functions and procedures the instance
 * registered run on whichever thread executes the calling Exec (its worker, or the scheduler for
 * {@code <Schedule>} blocks), so state they share with the worker must be thread-safe.
 */
public interface ModuleInstance {

    /** Acquire resources (open files, connect, spawn processes). Failure is a runtime error of this instance. */
    default void start() throws Exception {
    }

    /** Release everything; called once, also after a failed start. Must not throw for a half-started instance. */
    default void stop() throws Exception {
    }

    /**
     * {@code nxlog doctor}: checks, actively, what this instance needs at run time (an output's destination
     * answers, im_maces can create an Endpoint Security client, eslogger exists) and says how to fix each
     * failure. Called on an instance created for verification and never started; whatever it opens to check
     * it closes before returning. Default: nothing to check.
     */
    default java.util.List<DoctorFinding> diagnose() {
        return java.util.List.of();
    }
}
