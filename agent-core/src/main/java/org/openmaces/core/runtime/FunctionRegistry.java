package org.openmaces.core.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmaces.core.language.FunctionDefinition;
import org.openmaces.core.language.FunctionRegistrar;
import org.openmaces.core.language.FunctionTable;
import org.openmaces.core.language.ProcedureDefinition;
import org.openmaces.core.language.Visibility;

/**
 * Every function and procedure module instances registered, resolved the way the language spec §5.1
 * says: a bare name finds the caller's own registrations first, then the GLOBAL ones of the first
 * instance (in creation order) that registered the name; {@code inst->name()} looks in that instance,
 * whose PRIVATE registrations only it may call. Instance names in calls are case-sensitive (CE).
 */
final class FunctionRegistry implements FunctionTable {
    private final Map<String, Registrations> byInstance = new LinkedHashMap<>();

    /** The registrar an instance gets in its context; registrations are bound to {@code instanceName}. */
    FunctionRegistrar registrarFor(String instanceName) {
        Registrations registrations = byInstance.computeIfAbsent(instanceName, name -> new Registrations());
        return new FunctionRegistrar() {
            @Override
            public void register(FunctionDefinition function) {
                registrations.functions.add(function);
            }

            @Override
            public void register(ProcedureDefinition procedure) {
                registrations.procedures.add(procedure);
            }
        };
    }

    @Override
    public List<FunctionDefinition> functions(String name, String callerInstance) {
        Registrations own = byInstance.get(callerInstance);
        if (own != null) {
            List<FunctionDefinition> found = matching(own.functions, name, true);
            if (!found.isEmpty()) {
                return found;
            }
        }
        for (Registrations registrations : byInstance.values()) {
            List<FunctionDefinition> found = registrations.functions.stream()
                    .filter(function -> function.name().equals(name) && function.visibility() == Visibility.GLOBAL)
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    @Override
    public List<ProcedureDefinition> procedures(String name, String callerInstance) {
        Registrations own = byInstance.get(callerInstance);
        if (own != null) {
            List<ProcedureDefinition> found = own.procedures.stream()
                    .filter(procedure -> procedure.name().equals(name) && procedure.visibility() != Visibility.PUBLIC)
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        for (Registrations registrations : byInstance.values()) {
            List<ProcedureDefinition> found = registrations.procedures.stream()
                    .filter(procedure -> procedure.name().equals(name) && procedure.visibility() == Visibility.GLOBAL)
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    @Override
    public List<FunctionDefinition> instanceFunctions(String targetInstance, String name, String callerInstance) {
        Registrations target = byInstance.get(targetInstance);
        if (target == null) {
            return null;
        }
        return matching(target.functions, name, targetInstance.equals(callerInstance))
                .stream().toList();
    }

    @Override
    public List<ProcedureDefinition> instanceProcedures(String targetInstance, String name, String callerInstance) {
        Registrations target = byInstance.get(targetInstance);
        if (target == null) {
            return null;
        }
        boolean self = targetInstance.equals(callerInstance);
        return target.procedures.stream()
                .filter(procedure -> procedure.name().equals(name) && (self || procedure.visibility() != Visibility.PRIVATE))
                .toList();
    }

    @Override
    public boolean hasInstance(String instanceName) {
        return byInstance.containsKey(instanceName);
    }

    private static List<FunctionDefinition> matching(List<FunctionDefinition> functions, String name, boolean self) {
        List<FunctionDefinition> found = new ArrayList<>();
        for (FunctionDefinition function : functions) {
            if (function.name().equals(name) && (self || function.visibility() != Visibility.PRIVATE)) {
                found.add(function);
            }
        }
        return found;
    }

    private static final class Registrations {
        final List<FunctionDefinition> functions = new ArrayList<>();
        final List<ProcedureDefinition> procedures = new ArrayList<>();
    }
}
