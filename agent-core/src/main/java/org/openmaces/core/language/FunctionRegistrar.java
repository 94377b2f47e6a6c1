package org.openmaces.core.language;

/**
 * Where a module instance registers its functions and procedures, from
 * {@link org.openmaces.core.module.ModuleProvider#create}. Registrations are bound to the registering
 * instance: a bare call resolves to it when the caller is that instance (PRIVATE) or, for GLOBAL ones, to
 * the first instance in file order that registered the name; {@code inst->name()} picks the instance.
 */
public interface FunctionRegistrar {
    void register(FunctionDefinition function);

    void register(ProcedureDefinition procedure);
}
