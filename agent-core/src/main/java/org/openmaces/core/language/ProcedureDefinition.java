package org.openmaces.core.language;

import java.util.List;
import org.openmaces.core.record.ValueType;

/**
 * A procedure a module (or the core) offers to the language: {@code subscribe(string event)}.
 * See {@link FunctionDefinition} for overloads and parameter types.
 */
public record ProcedureDefinition(String name, List<ValueType> parameterTypes, boolean varargs,
                                  Visibility visibility, ProcedureBody body) {
    public ProcedureDefinition {
        parameterTypes = List.copyOf(parameterTypes);
        if (varargs && parameterTypes.isEmpty()) {
            throw new IllegalArgumentException("varargs procedure " + name + " needs a last parameter type");
        }
    }
}
