package org.openmaces.maces.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWriterTest {
    private final RecordDecoder decoder = new RecordDecoder();
    private final RecordWriter writer = new RecordWriter();

    @Test
    void shouldWriteTheSameBytesAsTheShimForEveryGoldenVector() throws Exception {
        for (Path version : GoldenRecords.versionDirectories()) {
            for (GoldenRecords.Golden golden : GoldenRecords.read(version)) {
                decoder.wrap(golden.bytes(), 0);
                rewrite(decoder);
                assertArrayEquals(golden.bytes().array(), writer.toByteArray(), golden.name());
            }
        }
    }

    @Test
    void shouldCutExecArgumentsAtTheShimsCap() {
        byte[] argument = new byte[1000];
        Arrays.fill(argument, (byte) 'x');
        List<byte[]> arguments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            arguments.add(argument);
        }
        writer.begin(9, 4, 0, 0, 0, 0).putExecArgs(arguments).finish();
        decoder.wrap(writer.record(), 0);
        assertEquals(65, decoder.getStringListCount(FieldTag.EXEC_ARGS));
        assertTrue(decoder.isCut(FieldTag.EXEC_ARGS));
        assertTrue(decoder.isTruncated());
    }

    @Test
    void shouldCutAStringThatDoesNotFitAndStayWellFormed() {
        RecordWriter small = new RecordWriter(128);
        small.begin(33, 10, 1, 2, 3, 4).putString(FieldTag.TARGET_PATH, "/".repeat(500)).putInt(FieldTag.FFLAG, 1);
        small.finish();
        decoder.wrap(small.record(), 0);
        assertEquals(128 - RecordFormat.HEADER_LENGTH - RecordFormat.FIELD_HEADER_LENGTH,
                decoder.valueLength(FieldTag.TARGET_PATH));
        assertTrue(decoder.isCut(FieldTag.TARGET_PATH));
        assertTrue(decoder.isTruncated());
        assertEquals(false, decoder.has(FieldTag.FFLAG));
    }

    @Test
    void shouldRefuseAValueOfTheWrongKind() {
        writer.begin(10, 1, 0, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> writer.putLong(FieldTag.FFLAG, 1));
        assertThrows(IllegalArgumentException.class, () -> writer.putString(FieldTag.PROCESS_PPID, "x"));
        assertThrows(IllegalStateException.class, () -> new RecordWriter().putInt(FieldTag.FFLAG, 1));
    }

    /** Writes the wrapped record again, field by field, through the typed put calls. */
    private void rewrite(RecordDecoder source) {
        writer.begin(source.eventType(), source.messageVersion(), source.seqNum(), source.globalSeqNum(),
                source.timeNanos(), source.machTime());
        for (int i = 0; i < source.fieldCount(); i++) {
            FieldTag tag = source.fieldAt(i);
            switch (tag.kind()) {
                case BOOL:
                    writer.putBoolean(tag, source.getBoolean(tag));
                    break;
                case I32:
                case U32:
                    writer.putInt(tag, (int) source.getLong(tag));
                    break;
                case U64:
                    writer.putLong(tag, source.getLong(tag));
                    break;
                case TIMESPEC:
                    writer.putTimespec(tag, source.getTimespecSeconds(tag), source.getTimespecNanos(tag));
                    break;
                case AUDIT_TOKEN:
                    writer.putAuditToken(tag, source.getAuditToken(tag));
                    break;
                case STRING_LIST:
                    writer.putExecArgs(source.getStringListBytes(tag));
                    break;
                default:
                    writer.putBytes(tag, source.fieldFlags(tag), source.getBytes(tag));
            }
        }
        writer.finish();
        ByteBuffer unused = writer.record();
        assertEquals(writer.toByteArray().length, unused.remaining());
    }
}
