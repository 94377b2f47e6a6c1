package org.openmaces.maces.eslogger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits eslogger's output into lines (eslogger-json.md §10): bytes up to {@code \n}, a trailing
 * {@code \r} dropped, the line starting at its first {@code {} (pty noise before it is ignored),
 * blank lines skipped. A line longer than the maximum is skipped whole and reported as
 * {@link #next} returning an overlong line. The last line may lack its {@code \n} (eslogger
 * killed mid-write); it is returned with {@link #endedWithoutNewline()} true.
 *
 * <p>Not thread-safe. The returned bytes stay valid until the next call.
 */
public final class JsonLineReader {
    /** Lines longer than this are skipped (eslogger's lines are 1-100 KB; exec with a large environment more). */
    public static final int DEFAULT_MAXIMUM_LINE = 16 * 1024 * 1024;

    private final InputStream input;
    private final int maximumLine;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean eof;
    private long lineNumber;
    private int lineOffset;
    private int lineLength;
    private boolean overlong;
    private boolean withoutNewline;

    public JsonLineReader(InputStream input, int maximumLine) {
        this.input = input;
        this.maximumLine = maximumLine;
    }

    /**
     * Reads the next non-blank line.
     *
     * @return false at the end of the input
     */
    public boolean next() throws IOException {
        while (true) {
            overlong = false;
            withoutNewline = false;
            int newline = indexOfNewline(start);
            boolean skipping = false;
            while (newline < 0) {
                if (eof) {
                    if (start == end) {
                        return false;
                    }
                    if (skipping) {
                        start = end;
                        lineNumber++;
                        overlong = true;
                        lineOffset = 0;
                        lineLength = 0;
                        return true;
                    }
                    lineNumber++;
                    withoutNewline = true;
                    frame(start, end);
                    start = end;
                    if (lineLength == 0) {
                        return false;
                    }
                    return true;
                }
                if (end - start >= maximumLine) {
                    skipping = true;
                    start = end = 0; // drop what we have of the overlong line
                }
                int searched = end - start; // fill() may move the unread bytes to the front
                fill();
                newline = indexOfNewline(start + searched);
            }
            lineNumber++;
            int lineEnd = newline;
            int next = newline + 1;
            if (skipping || lineEnd - start > maximumLine) {
                start = next;
                overlong = true;
                lineOffset = 0;
                lineLength = 0;
                return true;
            }
            frame(start, lineEnd);
            start = next;
            if (lineLength > 0) {
                return true;
            }
        }
    }

    private void frame(int from, int to) {
        if (to > from && buffer[to - 1] == '\r') {
            to--;
        }
        int brace = from;
        while (brace < to && buffer[brace] != '{') {
            brace++;
        }
        if (brace == to) {
            // no '{': blank (or whitespace only) lines are skipped; anything else is returned as-is to be reported
            boolean blank = true;
            for (int i = from; i < to && blank; i++) {
                blank = buffer[i] == ' ' || buffer[i] == '\t';
            }
            brace = blank ? to : from;
        }
        lineOffset = brace;
        lineLength = to - brace;
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(Math.max(buffer.length * 2, 1024), maximumLine + 1));
        }
        int read = input.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }

    public byte[] array() {
        return buffer;
    }

    public int offset() {
        return lineOffset;
    }

    public int length() {
        return lineLength;
    }

    /** 1-based number of the line just returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /** True when the line just returned was longer than the maximum and was skipped (no bytes). */
    public boolean isOverlong() {
        return overlong;
    }

    /** True when the line just returned is the input's last and has no newline (possibly cut short). */
    public boolean endedWithoutNewline() {
        return withoutNewline;
    }
}
