package org.openmaces.core.module;

import org.openmaces.core.record.ValueType;

/**
 * A field an input module sets on its records, with its documented type. Exec lint uses these to warn when
 * a program reads a field its module never sets ({@code $Executabel} → "did you mean $Executable?").
 *
 * @param name        documented spelling, e.g. {@code ProcessPID}
 * @param type        documented type
 * @param description one line from the module's documentation
 */
public record FieldSpec(String name, ValueType type, String description) {
}
