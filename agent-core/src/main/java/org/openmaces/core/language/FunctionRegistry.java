package org.openmaces.core.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ready-made {@link FunctionTable}: collects what each module instance registers and resolves names as
 * language spec §5.1 says. A bare name finds the GLOBAL overloads of the first instance (in declaration
 * order) that registered the name, plus the caller's own PRIVATE ones; PUBLIC ones need
 * {@code instance->name()}; {@code instance->name()} finds that instance's overloads, PRIVATE ones only
 * when the caller is that instance.
 *
 * <p>Declare instances in file order with {@link #registrar(String)} (every instance, even one that
 * registers nothing, so {@code inst->f()} can tell "no such module" from "no such function"). Fill it while
 * the configuration loads, then share {@link #table()} read-only.
 */
public final class FunctionRegistry implements FunctionTable {
    private final Map<String, List<FunctionDefinition>> functionsByInstance = new LinkedHashMap<>();
    private final Map<String, List<ProcedureDefinition>> proceduresByInstance = new LinkedHashMap<>();

    /** Declares the instance (in file order) and returns where it registers its functions and procedures. */
    public FunctionRegistrar registrar(String instanceName) {
        List<FunctionDefinition> functions = functionsByInstance.computeIfAbsent(instanceName,
                ignored -> new ArrayList<>());
        List<ProcedureDefinition> procedures = proceduresByInstance.computeIfAbsent(instanceName,
                ignored -> new ArrayList<>());
        return new FunctionRegistrar() {
            @Override
            public void register(FunctionDefinition function) {
                functions.add(function);
            }

            @Override
            public void register(ProcedureDefinition procedure) {
                procedures.add(procedure);
            }
        };
    }

    /** This registry as the compiler's view. */
    public FunctionTable table() {
        return this;
    }

    @Override
    public List<FunctionDefinition> functions(String name, String callerInstance) {
        return bare(functionsByInstance, name, callerInstance, FunctionDefinition::name, FunctionDefinition::visibility);
    }

    @Override
    public List<ProcedureDefinition> procedures(String name, String callerInstance) {
        return bare(proceduresByInstance, name, callerInstance, ProcedureDefinition::name,
                ProcedureDefinition::visibility);
    }

    @Override
    public List<FunctionDefinition> instanceFunctions(String targetInstance, String name, String callerInstance) {
        return prefixed(functionsByInstance, targetInstance, name, callerInstance, FunctionDefinition::name,
                FunctionDefinition::visibility);
    }

    @Override
    public List<ProcedureDefinition> instanceProcedures(String targetInstance, String name, String callerInstance) {
        return prefixed(proceduresByInstance, targetInstance, name, callerInstance, ProcedureDefinition::name,
                ProcedureDefinition::visibility);
    }

    @Override
    public boolean hasInstance(String instanceName) {
        return functionsByInstance.containsKey(instanceName);
    }

    private static <T> List<T> bare(Map<String, List<T>> byInstance, String name, String caller,
                                    java.util.function.Function<T, String> nameOf,
                                    java.util.function.Function<T, Visibility> visibilityOf) {
        List<T> found = new ArrayList<>();
        List<T> own = byInstance.get(caller);
        if (own != null) {
            for (T definition : own) {
                if (nameOf.apply(definition).equals(name) && visibilityOf.apply(definition) == Visibility.PRIVATE) {
                    found.add(definition);
                }
            }
        }
        for (List<T> definitions : byInstance.values()) {
            boolean any = false;
            for (T definition : definitions) {
                if (nameOf.apply(definition).equals(name) && visibilityOf.apply(definition) == Visibility.GLOBAL) {
                    found.add(definition);
                    any = true;
                }
            }
            if (any) {
                break;
            }
        }
        return found;
    }

    private static <T> List<T> prefixed(Map<String, List<T>> byInstance, String target, String name, String caller,
                                        java.util.function.Function<T, String> nameOf,
                                        java.util.function.Function<T, Visibility> visibilityOf) {
        List<T> definitions = byInstance.get(target);
        if (definitions == null) {
            return null;
        }
        List<T> found = new ArrayList<>();
        for (T definition : definitions) {
            if (nameOf.apply(definition).equals(name)
                    && (visibilityOf.apply(definition) != Visibility.PRIVATE || target.equals(caller))) {
                found.add(definition);
            }
        }
        return found;
    }
}
