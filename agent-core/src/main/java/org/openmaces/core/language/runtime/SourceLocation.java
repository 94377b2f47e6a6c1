package org.openmaces.core.language.runtime;

import java.nio.file.Path;
import org.openmaces.core.language.SourceText;

/**
 * Where a compiled node came from, resolved once at compile time so a run-time error can name it without
 * looking at the source again.
 */
public record SourceLocation(Path file, int line, int column) {

    public static SourceLocation of(SourceText source, int offset) {
        return new SourceLocation(source.file(), source.lineAt(offset), source.columnAt(offset));
    }

    /** {@code FILE:LINE:COLUMN}. */
    public String describe() {
        return (file == null ? "<exec>" : file.toString()) + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return describe();
    }
}
