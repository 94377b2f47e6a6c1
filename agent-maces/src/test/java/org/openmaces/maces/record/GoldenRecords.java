package org.openmaces.maces.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openmaces.maces.testing.Fixtures;

/**
 * The golden vectors of src-test-fixtures/records/format-1/message-vN/: records.bin (records
 * back to back, written by the C flattener from fake-es messages) and expected.txt (what the
 * fake messages held, one block per record: "record", "@header value" lines, "FIELD flags value"
 * lines, "end"). See native/RECORD_FORMAT.md.
 */
public final class GoldenRecords {
    /** One record: its bytes and its expected lines (header and fields, sorted). */
    public record Golden(String name, ByteBuffer bytes, List<String> expected) {
    }

    private GoldenRecords() {
    }

    public static List<Path> versionDirectories() throws IOException {
        Path root = Fixtures.root().resolve("records/format-" + RecordFormat.FORMAT_VERSION);
        try (Stream<Path> directories = Files.list(root)) {
            return directories.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    public static List<Golden> read(Path directory) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(directory.resolve("records.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        List<String> lines = Files.readAllLines(directory.resolve("expected.txt"), StandardCharsets.ISO_8859_1);
        List<Golden> records = new ArrayList<>();
        int at = 0;
        List<String> block = null;
        String name = null;
        for (String line : lines) {
            if (line.startsWith("record ")) {
                name = line.substring(7);
                block = new ArrayList<>();
            } else if (line.equals("end")) {
                int length = all.getInt(at);
                ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
                bytes.put(0, all, at, length);
                block.sort(null);
                records.add(new Golden(name, bytes, block));
                at += length;
            } else {
                block.add(line);
            }
        }
        if (at != all.limit()) {
            throw new IllegalStateException(directory + ": records.bin has " + (all.limit() - at) + " bytes past the last record");
        }
        return records;
    }

    /** The decoded record in expected.txt's words, sorted. */
    static List<String> render(RecordDecoder decoder) {
        List<String> lines = new ArrayList<>();
        lines.add("@event_type " + decoder.eventType());
        lines.add("@message_version " + decoder.messageVersion());
        lines.add("@seq_num " + Long.toUnsignedString(decoder.seqNum()));
        lines.add("@global_seq_num " + Long.toUnsignedString(decoder.globalSeqNum()));
        lines.add("@time_nanos " + decoder.timeNanos());
        lines.add("@mach_time " + Long.toUnsignedString(decoder.machTime()));
        for (int i = 0; i < decoder.fieldCount(); i++) {
            lines.add(render(decoder, decoder.fieldAt(i)));
        }
        lines.sort(null);
        return lines;
    }

    static String render(RecordDecoder decoder, FieldTag tag) {
        StringBuilder line = new StringBuilder(tag.name()).append(' ').append(decoder.fieldFlags(tag));
        switch (tag.kind()) {
            case BOOL:
                line.append(decoder.getBoolean(tag) ? " true" : " false");
                break;
            case I32:
            case U32:
                line.append(' ').append(decoder.getLong(tag));
                break;
            case U64:
                line.append(' ').append(Long.toUnsignedString(decoder.getLong(tag)));
                break;
            case TIMESPEC:
                line.append(' ').append(decoder.getTimespecSeconds(tag)).append(' ').append(decoder.getTimespecNanos(tag));
                break;
            case AUDIT_TOKEN:
                for (int word = 0; word < 8; word++) {
                    line.append(' ').append(decoder.getAuditTokenWord(tag, word));
                }
                break;
            case STRING_LIST:
                line.append(' ').append(decoder.getStringListCount(tag));
                for (byte[] item : decoder.getStringListBytes(tag)) {
                    hex(line, item);
                }
                break;
            default:
                hex(line, decoder.getBytes(tag));
        }
        return line.toString();
    }

    private static void hex(StringBuilder line, byte[] bytes) {
        if (bytes.length == 0) {
            line.append(" -");
            return;
        }
        line.append(' ');
        for (byte b : bytes) {
            line.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
    }
}
