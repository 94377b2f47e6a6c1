package org.openmaces.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openmaces.core.language.SourceText;

/**
 * One logical config line: physical lines joined at trailing backslashes, trimmed, with defines
 * substituted. Keeps, for each joined physical line, where its text starts in {@link #text()}, so code
 * in a directive value can still point at the physical line and column of an error.
 */
final class LogicalLine {
    private final Path file;
    private final String text;
    private final int[] segmentStarts;
    private final int[] segmentLines;
    private final int[] segmentColumns;

    LogicalLine(Path file, String text, int[] segmentStarts, int[] segmentLines, int[] segmentColumns) {
        this.file = file;
        this.text = text;
        this.segmentStarts = segmentStarts;
        this.segmentLines = segmentLines;
        this.segmentColumns = segmentColumns;
    }

    Path file() {
        return file;
    }

    String text() {
        return text;
    }

    /** The line of the first physical line: where messages about this line point. */
    int firstLine() {
        return segmentLines[0];
    }

    Location location() {
        return new Location(file, segmentLines[0]);
    }

    /** The language source of {@code text().substring(begin)}, keeping physical lines and columns. */
    SourceText sourceFrom(int begin) {
        int first = 0;
        while (first + 1 < segmentStarts.length && segmentStarts[first + 1] <= begin) {
            first++;
        }
        int count = segmentStarts.length - first;
        int[] starts = new int[count];
        int[] lines = Arrays.copyOfRange(segmentLines, first, segmentLines.length);
        int[] columns = Arrays.copyOfRange(segmentColumns, first, segmentColumns.length);
        columns[0] += begin - segmentStarts[first];
        for (int i = 1; i < count; i++) {
            starts[i] = Math.max(0, segmentStarts[first + i] - begin);
        }
        return new SourceText(file, text.substring(begin), starts, lines, columns);
    }

    /** A copy with {@code replacement} in place of {@code [start, end)}; later segments shift. */
    LogicalLine replace(int start, int end, String replacement) {
        String replaced = text.substring(0, start) + replacement + text.substring(end);
        int delta = replacement.length() - (end - start);
        int[] starts = segmentStarts.clone();
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] > start) {
                starts[i] = Math.max(start, starts[i] + delta);
            }
        }
        return new LogicalLine(file, replaced, starts, segmentLines, segmentColumns);
    }

    /** A copy without leading and trailing whitespace. */
    LogicalLine trim() {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == 0 && end == text.length()) {
            return this;
        }
        int[] starts = segmentStarts.clone();
        int[] columns = segmentColumns.clone();
        int first = 0;
        while (first + 1 < starts.length && starts[first + 1] <= start) {
            first++;
        }
        columns[first] += start - starts[first];
        int[] trimmedStarts = new int[starts.length - first];
        for (int i = 0; i < trimmedStarts.length; i++) {
            trimmedStarts[i] = Math.min(end - start, Math.max(0, starts[first + i] - start));
        }
        return new LogicalLine(file, text.substring(start, end), trimmedStarts,
                Arrays.copyOfRange(segmentLines, first, segmentLines.length),
                Arrays.copyOfRange(columns, first, columns.length));
    }

    /**
     * The body of an {@code <Exec>} block: its raw lines joined with newlines, as one language source
     * that still knows every physical line and column.
     */
    static SourceText joinAsSource(Path file, List<LogicalLine> lines) {
        StringBuilder text = new StringBuilder();
        List<int[]> segments = new ArrayList<>();
        for (LogicalLine line : lines) {
            if (text.length() > 0) {
                text.append('\n');
            }
            int base = text.length();
            for (int i = 0; i < line.segmentStarts.length; i++) {
                segments.add(new int[] {base + line.segmentStarts[i], line.segmentLines[i], line.segmentColumns[i]});
            }
            text.append(line.text);
        }
        int[] starts = new int[segments.size()];
        int[] lineNumbers = new int[segments.size()];
        int[] columns = new int[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            starts[i] = segments.get(i)[0];
            lineNumbers[i] = segments.get(i)[1];
            columns[i] = segments.get(i)[2];
        }
        return new SourceText(file, text.toString(), starts, lineNumbers, columns);
    }

    @Override
    public String toString() {
        return location() + ": " + text;
    }
}
