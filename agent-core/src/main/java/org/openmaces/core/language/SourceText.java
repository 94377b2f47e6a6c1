package org.openmaces.core.language;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A piece of NXLog-language source as the config file gave it, with what is needed to point at an error:
 * the file, and for each character offset its physical line and column.
 *
 * <p>An {@code Exec} directive is one logical line, possibly joined from several physical lines by a
 * trailing backslash (joined without a newline); an {@code <Exec>} block keeps its newlines. Either way,
 * {@link #lineStarts} gives the text offset where each physical line's contribution begins, and
 * {@link #lineNumbers} its line number in {@link #file()}. {@code %DEFINE%} substitution has already been
 * applied, so columns refer to the expanded text, which {@link #lineText} shows.
 */
public final class SourceText {
    private final Path file;
    private final String text;
    private final int[] lineStarts;
    private final int[] lineNumbers;
    private final int[] firstColumns;

    /**
     * @param file         the config file (or included file) the text came from
     * @param text         the source
     * @param lineStarts   ascending offsets into {@code text}, the first 0: where each physical line starts
     * @param lineNumbers  1-based line number in {@code file} of each segment
     * @param firstColumns 1-based column in the physical line of each segment's first character
     */
    public SourceText(Path file, String text, int[] lineStarts, int[] lineNumbers, int[] firstColumns) {
        if (lineStarts.length == 0 || lineStarts.length != lineNumbers.length
                || lineStarts.length != firstColumns.length || lineStarts[0] != 0) {
            throw new IllegalArgumentException("inconsistent line map for " + file);
        }
        this.file = file;
        this.text = text;
        this.lineStarts = lineStarts.clone();
        this.lineNumbers = lineNumbers.clone();
        this.firstColumns = firstColumns.clone();
    }

    /** Text that sits on one line of a file, starting at {@code column}. */
    public static SourceText ofLine(Path file, int line, int column, String text) {
        return new SourceText(file, text, new int[] {0}, new int[] {line}, new int[] {column});
    }

    /**
     * Multi-line text (an {@code <Exec>} block body) whose first line is {@code firstLine} of {@code file},
     * every line starting at column 1; segments are split at each {@code \n}.
     */
    public static SourceText ofBlock(Path file, int firstLine, String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int[] lines = new int[count];
        int[] columns = new int[count];
        int segment = 0;
        lines[0] = firstLine;
        columns[0] = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                segment++;
                starts[segment] = i + 1;
                lines[segment] = firstLine + segment;
                columns[segment] = 1;
            }
        }
        return new SourceText(file, text, starts, lines, columns);
    }

    public Path file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** 1-based line in {@link #file()} of the character at {@code offset}. */
    public int lineAt(int offset) {
        return lineNumbers[segmentOf(offset)];
    }

    /** 1-based column in its physical line of the character at {@code offset}. */
    public int columnAt(int offset) {
        int segment = segmentOf(offset);
        return firstColumns[segment] + (offset - lineStarts[segment]);
    }

    /** The text of the physical-line segment holding {@code offset}, without its newline: for carets. */
    public String lineText(int offset) {
        int segment = segmentOf(offset);
        int start = lineStarts[segment];
        int end = segment + 1 < lineStarts.length ? lineStarts[segment + 1] : text.length();
        String line = text.substring(start, end);
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** The file and line where this source starts, e.g. {@code /etc/nxlog.conf:12}. */
    public String startLocation() {
        return file + ":" + lineNumbers[0];
    }

    private int segmentOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        if (index >= 0) {
            // Several segments may start at the same offset when a continued line was empty: take the last.
            while (index + 1 < lineStarts.length && lineStarts[index + 1] == lineStarts[index]) {
                index++;
            }
            return index;
        }
        return -index - 2;
    }

    @Override
    public String toString() {
        return startLocation() + ": " + text;
    }
}
