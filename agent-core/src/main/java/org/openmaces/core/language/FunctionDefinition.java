package org.openmaces.core.language;

import java.util.List;
import org.openmaces.core.record.ValueType;

/**
 * A function a module (or the core) offers to the language: {@code string to_json()}.
 * Overloads are separate definitions with the same name; the compiler picks one by argument count and the
 * arguments' static types ({@code UNKNOWN} arguments match any parameter type).
 *
 * @param name           as called, case-sensitive, e.g. {@code to_json}
 * @param returnType     static type of the result; {@code UNKNOWN} when only known at run time
 * @param parameterTypes declared parameter types; {@code UNKNOWN} accepts anything
 * @param varargs        true when the last parameter type repeats for any further arguments
 * @param visibility     who may call it
 * @param body           the implementation
 */
public record FunctionDefinition(String name, ValueType returnType, List<ValueType> parameterTypes,
                                 boolean varargs, Visibility visibility, FunctionBody body) {
    public FunctionDefinition {
        parameterTypes = List.copyOf(parameterTypes);
        if (varargs && parameterTypes.isEmpty()) {
            throw new IllegalArgumentException("varargs function " + name + " needs a last parameter type");
        }
    }
}
