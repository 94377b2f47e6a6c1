package org.openmaces.maces.eslogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.mapping.FieldMapper;
import org.openmaces.maces.record.FieldTag;
import org.openmaces.maces.record.RecordDecoder;
import org.openmaces.maces.record.RecordFormat;
import org.openmaces.maces.record.RecordWriter;

class EsloggerJsonConverterTest {
    private final EsloggerJsonConverter converter = new EsloggerJsonConverter(new RecordWriter());
    private final RecordDecoder decoder = new RecordDecoder();

    private RecordDecoder convert(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertEquals(EsloggerJsonConverter.Result.RECORD, converter.convert(bytes, 0, bytes.length));
        return decoder.wrap(converter.writer().record(), 0);
    }

    private static final String PROCESS = "\"process\":{\"audit_token\":[4294967295,0,0,0,0,1,100012,1029],\"ppid\":0,"
            + "\"codesigning_flags\":570556931,\"is_platform_binary\":false,\"is_es_client\":false,\"team_id\":null,"
            + "\"tty\":null,\"cdhash\":\"0A0B\",\"executable\":{\"path\":\"\\/sbin\\/launchd\",\"path_truncated\":true,"
            + "\"stat\":{}}}";

    @Test
    void shouldReadTheEnvelopeAndProcessInAnyShapeEsloggerPrints() throws Exception {
        RecordDecoder record = convert("{\"mach_time\":18446744073709551615,\"event\":{\"exit\":{\"stat\":256}},"
                + PROCESS + ",\"seq_num\":7,\"global_seq_num\":9,\"version\":4,\"time\":\"2025-08-07T15:13:09.811587464Z\","
                + "\"event_type\":15,\"thread\":null,\"action\":{\"result\":{\"result_type\":0}}}");
        assertEquals(15, record.eventType());
        assertEquals(-1L, record.machTime(), "unsigned 64-bit, same bits");
        assertEquals(7, record.seqNum());
        assertEquals(9, record.globalSeqNum());
        assertEquals(1754579589811587464L, record.timeNanos());
        assertEquals(1, record.getAuditTokenWord(FieldTag.PROCESS_AUDIT_TOKEN, 5), "array token: pid is word 5");
        assertEquals(4294967295L, record.getAuditTokenWord(FieldTag.PROCESS_AUDIT_TOKEN, 0));
        assertEquals("/sbin/launchd", record.getString(FieldTag.PROCESS_EXECUTABLE));
        assertTrue(record.isSourceTruncated(FieldTag.PROCESS_EXECUTABLE));
        assertTrue(!record.has(FieldTag.PROCESS_TEAM_ID) && !record.has(FieldTag.PROCESS_TTY), "nulls are absent");
        assertEquals(256, record.getLong(FieldTag.EXIT_STATUS));
        assertEquals(2, record.valueLength(FieldTag.PROCESS_CDHASH));
    }

    @Test
    void shouldGateSequenceNumbersOnTheMessageVersion() throws Exception {
        RecordDecoder record = convert("{\"version\":1,\"seq_num\":7,\"global_seq_num\":9,\"time\":\"2025-08-07T15:13:09Z\","
                + PROCESS + ",\"event\":{\"settime\":{}}}");
        assertEquals(0, record.seqNum());
        assertEquals(0, record.globalSeqNum());
    }

    @Test
    void shouldSayWhyALineIsNotAnEvent() {
        MalformedEventException mismatch = assertThrows(MalformedEventException.class, () -> convert(
                "{\"event_type\":9,\"version\":4,\"time\":\"2025-08-07T15:13:09Z\"," + PROCESS + ",\"event\":{\"exit\":{}}}"));
        assertTrue(mismatch.getMessage().contains("does not match"), mismatch.getMessage());
        assertThrows(MalformedEventException.class, () -> convert("[1,2]"));
        assertThrows(MalformedEventException.class, () -> convert("{\"version\":4,\"event\":{\"exit\":{}}}"));
        MalformedEventException big = assertThrows(MalformedEventException.class, () -> convert(
                "{\"mach_time\":36893488147419103232,\"time\":\"2025-08-07T15:13:09Z\",\"event\":{\"exit\":{}}}"));
        assertTrue(big.getMessage().contains("64 bits"), big.getMessage());
    }

    @Test
    void shouldRefuseAKeyThatAppearsTwiceInsteadOfWritingItsFieldTwice() {
        MalformedEventException twice = assertThrows(MalformedEventException.class, () -> convert(
                "{\"event_type\":9,\"version\":4,\"time\":\"2025-08-07T15:13:09Z\",\"process\":{\"is_platform_binary\":true,"
                        + "\"is_platform_binary\":false},\"event\":{\"exit\":{\"stat\":0}}}"));
        assertTrue(twice.getMessage().contains("is_platform_binary"), twice.getMessage());
    }

    @Test
    void shouldPassOverEventTypesImMacesDoesNotCollect() throws Exception {
        byte[] line = ("{\"version\":10,\"time\":\"2025-08-07T15:13:09Z\"," + PROCESS
                + ",\"event_type\":147,\"event\":{\"tcc_modify\":{\"service\":\"x\"}}}").getBytes(StandardCharsets.UTF_8);
        assertEquals(EsloggerJsonConverter.Result.OTHER_EVENT, converter.convert(line, 0, line.length));
    }

    @Test
    void shouldCombineTheFsidWordsAndTakeAclText() throws Exception {
        RecordDecoder mount = convert("{\"version\":8,\"time\":\"2025-08-07T15:13:09Z\"," + PROCESS + ",\"event\":{\"mount\":"
                + "{\"statfs\":{\"f_fsid\":[16777233,26],\"f_blocks\":18446744073709551615,\"f_fstypename\":\"apfs\"},"
                + "\"disposition\":3}}}");
        assertEquals((26L << 32) | 16777233L, mount.getLong(FieldTag.STATFS_FSID));
        assertEquals(-1L, mount.getLong(FieldTag.STATFS_BLOCKS));
        RecordDecoder setacl = convert("{\"version\":8,\"time\":\"2025-08-07T15:13:09Z\"," + PROCESS + ",\"event\":{\"setacl\":"
                + "{\"set_or_clear\":0,\"acl\":{\"set\":\"!#acl 1\\n\"},\"target\":{\"path\":\"\\/x\"}}}}");
        assertEquals("!#acl 1\n", setacl.getString(FieldTag.ACL_TEXT));
        assertEquals("/x", setacl.getString(FieldTag.TARGET_PATH));
        assertEquals(0, setacl.flags() & RecordFormat.FLAG_TRUNCATED);
    }

    @Test
    void shouldMapACdhashLongerThanTheCacheKeepsIntoTheFieldAndRawEvent() throws Exception {
        // Found by the fuzzer: such a cdhash once reached $raw_event as the word null.
        String hex = "0a1b".repeat(40);
        RecordDecoder record = convert("{\"version\":4,\"time\":\"2025-08-07T15:13:09Z\","
                + PROCESS.replace("\"cdhash\":\"0A0B\"", "\"cdhash\":\"" + hex.toUpperCase() + "\"")
                + ",\"event\":{\"exit\":{\"stat\":0}}}");
        assertEquals(80, record.valueLength(FieldTag.PROCESS_CDHASH));
        LogRecord mapped = new FieldMapper(acl -> null).map(record);
        assertEquals(hex, mapped.getString(FieldName.of("ProcessCodeDirectoryHash")));
        String raw = mapped.getString(FieldName.of("raw_event"));
        assertTrue(raw.contains(" ProcessCodeDirectoryHash=" + hex + " "), raw);
    }
}
