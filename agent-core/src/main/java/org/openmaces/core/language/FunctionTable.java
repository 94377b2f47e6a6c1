package org.openmaces.core.language;

import java.util.List;

/**
 * All registered functions and procedures, for name resolution at compile time. Built by the runtime from
 * the core library and every instance's registrations.
 */
public interface FunctionTable {

    /** Every overload of a function callable by bare name from {@code callerInstance}. */
    List<FunctionDefinition> functions(String name, String callerInstance);

    /** Every overload of a procedure callable by bare name from {@code callerInstance}. */
    List<ProcedureDefinition> procedures(String name, String callerInstance);

    /**
     * Overloads registered by {@code targetInstance} ({@code inst->name()}); null when no instance has
     * that name. Private ones are included only when the caller is the target.
     */
    List<FunctionDefinition> instanceFunctions(String targetInstance, String name, String callerInstance);

    /** As {@link #instanceFunctions} for procedures. */
    List<ProcedureDefinition> instanceProcedures(String targetInstance, String name, String callerInstance);

    /** True when an instance of this name exists (to tell "module X not found" from "no such function"). */
    boolean hasInstance(String instanceName);
}
