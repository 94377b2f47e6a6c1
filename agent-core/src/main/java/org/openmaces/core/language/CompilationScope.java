package org.openmaces.core.language;

import java.util.List;
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
 */
public record CompilationScope(String instanceName, String moduleName, boolean hasRecord,
                               FunctionTable functions, List<FieldSpec> knownFields) {
    public CompilationScope {
        knownFields = List.copyOf(knownFields);
    }
}
