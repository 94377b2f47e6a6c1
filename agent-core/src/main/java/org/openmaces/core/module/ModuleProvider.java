package org.openmaces.core.module;

import java.util.List;
import org.openmaces.core.config.ConfigurationException;

/**
 * A module as {@code Module im_xxx} names it: the factory for its instances, found through
 * {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/org.openmaces.core.module.ModuleProvider}), so {@code agent-core} does not know
 * the modules that plug into it.
 *
 * <p>Call order: {@link #directives()} and {@link #fields()} any number of times, from any thread, before
 * and after {@link #create}; {@link #create} once per configured instance, on the thread that loads the
 * configuration. A provider is stateless.
 */
public interface ModuleProvider {

    /** The module name, e.g. {@code im_maces}; its prefix gives its {@link #kind()}. */
    String name();

    /** Which block the module belongs in. */
    ModuleKind kind();

    /**
     * The module's own directives. The common ones (Module, Exec, FlowControl, LogqueueSize, OutputType,
     * ...) are added by the core according to {@link #kind()}; do not repeat them here.
     */
    List<DirectiveSpec> directives();

    /** Fields the module's records carry (inputs), for Exec lint; empty when unknown. */
    default List<FieldSpec> fields() {
        return List.of();
    }

    /**
     * Read-only field aliases the compiler knows for this module's records (inputs): alias name → documented
     * field, e.g. {@code Executable → ProcessExecutable} for im_maces. Reading the alias reads the field;
     * assigning to it is a compile error.
     */
    default java.util.Map<String, String> fieldAliases() {
        return java.util.Map.of();
    }

    /**
     * For outputs and stream modules: the OutputType used when the block names none ({@code LineBased}
     * for files and TCP, {@code Dgram} for UDP); null when the module takes no OutputType.
     */
    default String defaultOutputType() {
        return null;
    }

    /**
     * Creates one configured instance. The block's directives have been validated against
     * {@link #directives()}; semantic problems (a port out of range, an unreadable CA file named in the
     * config) are reported through {@link ModuleContext#configurationError} or by throwing
     * {@link ConfigurationException}. The instance must not start threads or open connections here:
     * that happens in {@link ModuleInstance#start()}.
     */
    ModuleInstance create(ModuleContext context) throws ConfigurationException;
}
