package org.openmaces.core.language;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmaces.core.module.FieldSpec;

/**
 * What the compiler needs to know about where a program runs.
 *
 * @param instanceName  the instance whose Exec this is, e.g. {@code in}
 * @param moduleName    its module, e.g. {@code im_maces}
 * @param hasRecord     false for Schedule Exec and extensions: there is no current record
 * @param functions     every function and procedure callable from here (core, globals, instances)
 * @param knownFields   fields the records reaching this instance are documented to carry, for lint;
 *                      empty when unknown (then no field lint is done)
 * @param fieldAliases  read-only aliases: lower-case alias name → the field it reads (im_maces's
 *                      {@code $Executable} → {@code ProcessExecutable}); assigning to, deleting or
 *                      substituting in an alias is a compile error. See {@link #withFieldAlias}.
 */
public record CompilationScope(String instanceName, String moduleName, boolean hasRecord,
                               FunctionTable functions, List<FieldSpec> knownFields,
                               Map<String, String> fieldAliases) {
    public CompilationScope {
        knownFields = List.copyOf(knownFields);
        fieldAliases = Map.copyOf(fieldAliases);
    }

    /** A scope without field aliases. */
    public CompilationScope(String instanceName, String moduleName, boolean hasRecord, FunctionTable functions,
                            List<FieldSpec> knownFields) {
        this(instanceName, moduleName, hasRecord, functions, knownFields, Map.of());
    }

    /**
     * This scope plus a read-only alias: reading {@code $alias} reads {@code $target} (both case-insensitive).
     */
    public CompilationScope withFieldAlias(String alias, String target) {
        Map<String, String> aliases = new LinkedHashMap<>(fieldAliases);
        aliases.put(alias.toLowerCase(Locale.ROOT), target);
        return new CompilationScope(instanceName, moduleName, hasRecord, functions, knownFields, aliases);
    }

    /** The field {@code name} is an alias of, or null when it is not an alias. */
    public String aliasTarget(String name) {
        return fieldAliases.get(name.toLowerCase(Locale.ROOT));
    }
}
