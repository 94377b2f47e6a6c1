package org.openmaces.maces.eslogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLineReaderTest {
    private static List<String> lines(String input, int maximum) throws Exception {
        JsonLineReader reader = new JsonLineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), maximum);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            String text = reader.isOverlong() ? "<overlong " + reader.lineNumber() + ">"
                    : new String(reader.array(), reader.offset(), reader.length(), StandardCharsets.UTF_8);
            lines.add(reader.endedWithoutNewline() ? text + "<cut>" : text);
        }
        return lines;
    }

    @Test
    void shouldSplitLinesDropCarriageReturnsNoiseAndBlankLines() throws Exception {
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "{\"c\"<cut>"),
                lines("\u0004\b\b{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\"", 1024));
    }

    @Test
    void shouldSkipAnOverlongLineWholeAndGoOn() throws Exception {
        String longLine = "{" + "x".repeat(5000) + "}";
        assertEquals(List.of("{1}", "<overlong 2>", "{3}"), lines("{1}\n" + longLine + "\n{3}\n", 1000));
    }

    @Test
    void shouldFindLinesAcrossBufferRefills() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            input.append("{\"n\":").append(i).append(",\"pad\":\"").append("p".repeat(i % 97)).append("\"}\n");
        }
        List<String> lines = lines(input.toString(), 1 << 20);
        assertEquals(2000, lines.size());
        assertTrue(lines.get(1999).startsWith("{\"n\":1999,"));
        assertFalse(lines.stream().anyMatch(line -> line.endsWith("<cut>")));
    }
}
