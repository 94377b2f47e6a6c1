package org.openmaces.maces.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
    private final RecordDecoder decoder = new RecordDecoder();

    @Test
    void shouldDecodeEveryGoldenVectorToTheFieldsItsMessageHeld() throws Exception {
        List<Path> versions = GoldenRecords.versionDirectories();
        assertEquals(10, versions.size(), "message versions 1 to 10");
        int records = 0;
        for (Path version : versions) {
            for (GoldenRecords.Golden golden : GoldenRecords.read(version)) {
                decoder.wrap(golden.bytes(), 0);
                assertEquals(golden.expected(), GoldenRecords.render(decoder), golden.name());
                assertEquals(0, decoder.unknownFieldCount(), golden.name());
                assertFalse(decoder.isTruncated(), golden.name());
                records++;
            }
        }
        assertEquals(10 * 51 * 2, records, "every NotifyEvent, plain and awkward, per version");
    }

    @Test
    void shouldGiveTypedAccessToAnExecRecord() throws Exception {
        GoldenRecords.Golden exec = find("message-v4", "exec v4 variant0");
        decoder.wrap(exec.bytes(), 0);
        assertEquals(9, decoder.eventType());
        assertEquals(4, decoder.messageVersion());
        assertEquals(10, decoder.getStringListCount(FieldTag.EXEC_ARGS));
        assertTrue(decoder.getStringList(FieldTag.EXEC_ARGS).get(0).startsWith("/fake/bin/tool-"));
        assertTrue(decoder.getString(FieldTag.TARGET_EXECUTABLE).startsWith("/fake/TARGET_EXECUTABLE/"));
        AuditToken token = decoder.getAuditToken(FieldTag.PROCESS_AUDIT_TOKEN);
        assertEquals(decoder.getAuditTokenWord(FieldTag.PROCESS_AUDIT_TOKEN, 5), token.pid());
        assertTrue(token.auid() > Integer.MAX_VALUE, "unsigned, never negative");
        assertTrue(decoder.getLong(FieldTag.PROCESS_CODESIGNING_FLAGS) > Integer.MAX_VALUE, "U32 zero-extended");
        assertTrue(decoder.has(FieldTag.PROCESS_TTY));
        assertFalse(decoder.has(FieldTag.FILE_PATH));
        assertEquals(-1, decoder.getLong(FieldTag.FFLAG, -1));
        assertThrows(NoSuchElementException.class, () -> decoder.getString(FieldTag.FILE_PATH));
        assertThrows(IllegalArgumentException.class, () -> decoder.getString(FieldTag.PROCESS_PPID));
    }

    @Test
    void shouldKeepInvalidUtf8AsBytesAndReplaceItInStrings() throws Exception {
        GoldenRecords.Golden open = find("message-v10", "open v10 variant1");
        decoder.wrap(open.bytes(), 0);
        byte[] raw = decoder.getBytes(FieldTag.FILE_PATH);
        assertEquals((byte) 0x80, raw[6], "bytes as ES gave them");
        assertTrue(decoder.getString(FieldTag.FILE_PATH).contains("\uFFFD"));
        assertTrue(decoder.isSourceTruncated(FieldTag.FILE_PATH));
        assertTrue(decoder.getLong(FieldTag.FFLAG) < 0, "I32 sign-extended");
        assertEquals(0, decoder.valueLength(FieldTag.PROCESS_SIGNING_ID), "an empty token stays present and empty");
        assertFalse(decoder.has(FieldTag.PROCESS_TTY), "a NULL tty is absent");
    }

    @Test
    void shouldLeaveOutVersionGatedMembersOfOldMessages() throws Exception {
        GoldenRecords.Golden v1 = find("message-v1", "create v1 variant0");
        decoder.wrap(v1.bytes(), 0);
        assertEquals(0, decoder.seqNum());
        assertEquals(0, decoder.globalSeqNum());
        assertFalse(decoder.has(FieldTag.PROCESS_TTY));
        assertFalse(decoder.has(FieldTag.ACL));
        GoldenRecords.Golden v2 = find("message-v2", "create v2 variant0");
        decoder.wrap(v2.bytes(), 0);
        assertTrue(decoder.seqNum() != 0);
        assertEquals(0, decoder.globalSeqNum());
        assertTrue(decoder.has(FieldTag.ACL));
    }

    @Test
    void shouldRejectMalformedRecords() {
        ByteBuffer buffer = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        assertThrows(MalformedRecordException.class, () -> decoder.wrap(buffer, 0), "length 0");
        buffer.putInt(0, 64).putShort(4, (short) 1);
        buffer.putShort(48, (short) FieldTag.FFLAG.code()).putInt(52, 8);
        assertThrows(MalformedRecordException.class, () -> decoder.wrap(buffer, 0), "I32 of 8 bytes");
        buffer.putInt(52, 100);
        assertThrows(MalformedRecordException.class, () -> decoder.wrap(buffer, 0), "value past the end");
        buffer.putShort(4, (short) 2);
        assertThrows(MalformedRecordException.class, () -> decoder.wrap(buffer, 0), "format version 2");
        assertFalse(decoder.has(FieldTag.FFLAG), "nothing stays wrapped");
    }

    @Test
    void shouldSkipFieldsItDoesNotKnow() {
        RecordWriter writer = new RecordWriter();
        writer.begin(10, 6, 1, 2, 3, 4).putInt(FieldTag.FFLAG, 3);
        ByteBuffer record = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
        int length = writer.finish();
        record.put(0, writer.toByteArray());
        record.putShort(length, (short) 0x01fe).putShort(length + 2, (short) 0).putInt(length + 4, 3);
        record.putInt(0, length + 16);
        decoder.wrap(record, 0);
        assertEquals(1, decoder.unknownFieldCount());
        assertEquals(3, decoder.getLong(FieldTag.FFLAG));
    }

    /**
     * Fuzzing bug (RecordDecoderFuzzTest, negative-list-count-crash-c7ce6ac): a string list whose count word
     * was negative made getStringList throw IllegalArgumentException from ArrayList, and a huge count would
     * have allocated gigabytes; a list too short for its count word read past the field. All three are now
     * refused as malformed.
     */
    @Test
    void shouldRefuseAStringListWhoseCountCannotFitInsteadOfFailingOrAllocating() {
        for (int[] bad : new int[][] {{-1, 8}, {Integer.MAX_VALUE, 8}, {3, 8}, {1, 0}}) {
            int count = bad[0];
            int valueLength = bad[1];
            ByteBuffer record = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(0, 72).putShort(4, (short) 1);
            record.putShort(48, (short) FieldTag.EXEC_ARGS.code()).putInt(52, valueLength);
            if (valueLength >= 4) {
                record.putInt(56, count);
            }
            decoder.wrap(record, 0);
            assertThrows(MalformedRecordException.class, () -> decoder.getStringList(FieldTag.EXEC_ARGS),
                    "count " + count + " in " + valueLength + " bytes");
            assertThrows(MalformedRecordException.class, () -> decoder.getStringListBytes(FieldTag.EXEC_ARGS));
            assertThrows(MalformedRecordException.class, () -> decoder.getStringListCount(FieldTag.EXEC_ARGS));
        }
    }

    static GoldenRecords.Golden find(String version, String name) throws Exception {
        for (Path directory : GoldenRecords.versionDirectories()) {
            if (directory.getFileName().toString().equals(version)) {
                for (GoldenRecords.Golden golden : GoldenRecords.read(directory)) {
                    if (golden.name().equals(name)) {
                        return golden;
                    }
                }
            }
        }
        throw new AssertionError("no golden record " + name + " in " + version);
    }
}
