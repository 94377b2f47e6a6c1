package org.openmaces.maces.record;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The record decoder on bytes it did not expect: any input, and golden records (src-test-fixtures) with
 * bytes overwritten, cut short or grown. {@link RecordDecoder#wrap} either refuses the record with a
 * {@link MalformedRecordException} or accepts it, and then every field it reports reads back through the
 * getter of its kind without any other exception. Regression inputs in {@code RecordDecoderFuzzTestInputs/}.
 */
class RecordDecoderFuzzTest {
    private static final List<ByteBuffer> GOLDEN = golden();

    @FuzzTest(maxDuration = "60s")
    void shouldDecodeOrRejectAnyBytes(byte[] input) {
        ByteBuffer buffer = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
        decodeEverything(buffer, 0);
        if (input.length > 8) {
            decodeEverything(buffer, 8);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void shouldDecodeOrRejectMutatedGoldenRecords(FuzzedDataProvider data) {
        ByteBuffer original = GOLDEN.get(data.consumeInt(0, GOLDEN.size() - 1));
        byte[] bytes = new byte[original.limit()];
        original.get(0, bytes);
        int length = bytes.length;
        if (data.consumeBoolean()) {
            // cut short or grown, with the length word left as it was or made to match
            length = data.consumeInt(0, bytes.length + 64);
            bytes = java.util.Arrays.copyOf(bytes, length);
            if (length >= 4 && data.consumeBoolean()) {
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0, length & ~7);
            }
        }
        int edits = data.consumeInt(0, 16);
        for (int i = 0; i < edits && length > 0; i++) {
            int at = data.consumeInt(0, length - 1);
            if (data.consumeBoolean() && at + 4 <= length) {
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, data.consumeInt());
            } else {
                bytes[at] = data.consumeByte();
            }
        }
        decodeEverything(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0);
    }

    /** Wraps, then reads every field through its kind's getters. */
    private static void decodeEverything(ByteBuffer buffer, int offset) {
        RecordDecoder decoder = new RecordDecoder();
        try {
            decoder.wrap(buffer, offset);
        } catch (MalformedRecordException refused) {
            return;
        }
        decoder.eventType();
        decoder.messageVersion();
        decoder.seqNum();
        decoder.globalSeqNum();
        decoder.timeNanos();
        decoder.machTime();
        decoder.isTruncated();
        for (int i = 0; i < decoder.fieldCount(); i++) {
            FieldTag tag = decoder.fieldAt(i);
            decoder.isCut(tag);
            decoder.isSourceTruncated(tag);
            switch (tag.kind()) {
                case BOOL -> decoder.getBoolean(tag);
                case I32, U32, U64 -> decoder.getLong(tag);
                case TIMESPEC -> {
                    decoder.getTimespecSeconds(tag);
                    decoder.getTimespecNanos(tag);
                }
                case STRING -> {
                    decoder.getString(tag);
                    decoder.getBytes(tag);
                }
                case BYTES -> decoder.getBytes(tag);
                case AUDIT_TOKEN -> {
                    decoder.getAuditToken(tag);
                    decoder.getAuditTokenWord(tag, 7);
                }
                case STRING_LIST -> {
                    // A list is checked when it is read: a malformed one is refused, never misread.
                    try {
                        decoder.getStringListCount(tag);
                        decoder.getStringList(tag);
                        decoder.getStringListBytes(tag);
                    } catch (MalformedRecordException refused) {
                        // fine: a damaged list is reported as such
                    }
                }
                default -> throw new AssertionError("no getter for " + tag.kind());
            }
        }
    }

    private static List<ByteBuffer> golden() {
        List<ByteBuffer> records = new ArrayList<>();
        try {
            for (Path directory : GoldenRecords.versionDirectories()) {
                for (GoldenRecords.Golden golden : GoldenRecords.read(directory)) {
                    records.add(golden.bytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
