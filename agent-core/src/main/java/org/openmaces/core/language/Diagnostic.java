package org.openmaces.core.language;

import java.nio.file.Path;

/**
 * One problem found while reading the configuration or compiling its code, with where it is.
 *
 * @param severity   ERROR stops the configuration; WARNING is printed and the agent starts
 * @param file       the file, or null when the problem is not in a file (a command-line option)
 * @param line       1-based line, 0 when unknown
 * @param column     1-based column, 0 when unknown or meaningless
 * @param message    what is wrong and, where possible, what to change
 * @param sourceLine the offending line's text for a caret under {@code column}, or null
 */
public record Diagnostic(Severity severity, Path file, int line, int column, String message, String sourceLine) {

    public enum Severity { ERROR, WARNING }

    /** {@code FILE:LINE[:COLUMN]: message}, then the source line and a caret when known. */
    public String format() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
                if (column > 0) {
                    text.append(':').append(column);
                }
            }
            text.append(": ");
        }
        if (severity == Severity.WARNING) {
            text.append("warning: ");
        }
        text.append(message);
        if (sourceLine != null && column > 0) {
            text.append('\n').append("    ").append(sourceLine).append('\n').append("    ");
            for (int i = 1; i < column && i <= sourceLine.length(); i++) {
                text.append(sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
            }
            text.append('^');
        }
        return text.toString();
    }
}
