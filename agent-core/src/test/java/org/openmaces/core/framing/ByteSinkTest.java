package org.openmaces.core.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteSinkTest {
    @Test
    void shouldGrowAndKeepWhatWasWritten() {
        ByteSink sink = new ByteSink(16);
        String longText = "0123456789".repeat(10);
        sink.write('<').writeUtf8("short é").writeUtf8(longText + "\u20ac").write('>');
        assertEquals("<short é" + longText + "\u20ac>", sink.toString());
    }

    @Test
    void shouldTakeBytesAWriterPutIntoTheArrayOnlyWhenAdvanced() {
        ByteSink sink = new ByteSink(16);
        sink.write('a');
        sink.ensure(40);
        byte[] array = sink.array();
        for (int i = 0; i < 40; i++) {
            array[sink.length() + i] = (byte) ('0' + i % 10);
        }
        assertEquals("a", sink.toString(), "not yet advanced");
        sink.advance(40);
        assertEquals("a" + "0123456789".repeat(4), sink.toString());
        assertThrows(IllegalArgumentException.class, () -> sink.advance(sink.array().length), "past the array");
        assertThrows(IllegalArgumentException.class, () -> sink.advance(-1));
    }

    @Test
    void shouldTruncateOnlyWhatIsThere() {
        ByteSink sink = new ByteSink();
        sink.writeUtf8("abcdef");
        sink.truncate(2);
        assertEquals("ab", sink.toString());
        assertThrows(IllegalArgumentException.class, () -> sink.truncate(3));
        sink.writeDecimal(-42).writeDecimal(7);
        assertEquals("ab-427", sink.toString());
    }
}
