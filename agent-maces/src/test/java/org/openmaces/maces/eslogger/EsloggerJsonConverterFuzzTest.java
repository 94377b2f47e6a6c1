package org.openmaces.maces.eslogger;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.openmaces.maces.mapping.FieldMapper;
import org.openmaces.maces.record.RecordDecoder;
import org.openmaces.maces.record.RecordWriter;
import org.openmaces.maces.testing.Fixtures;

/**
 * eslogger's JSON on its way to a record and to {@code $Fields}: any line, and lines of the synthetic capture
 * (src-test-fixtures/eslogger) with bytes overwritten, cut, or values swapped for others. The converter either
 * refuses a line with a {@link MalformedEventException} or writes a record; a record it wrote must be well
 * formed for the decoder and map to fields without an exception. Regression inputs in
 * {@code EsloggerJsonConverterFuzzTestInputs/}.
 */
class EsloggerJsonConverterFuzzTest {
    private static final List<byte[]> CAPTURE = capture();
    private static final List<String> VALUES = List.of("null", "true", "-1", "0", "18446744073709551616",
            "9223372036854775807", "\"\"", "\"x\"", "[]", "{}", "[1,2,3]", "1.5e308", "\"\\ud800\"", "{\"a\":[]}");

    private final EsloggerJsonConverter converter = new EsloggerJsonConverter(new RecordWriter());
    private final RecordDecoder decoder = new RecordDecoder();
    private final FieldMapper mapper = new FieldMapper(bytes -> new String(bytes, StandardCharsets.UTF_8));

    @FuzzTest(maxDuration = "60s")
    void shouldConvertOrRejectAnyLine(byte[] line) {
        convertAndMap(line);
    }

    @FuzzTest(maxDuration = "60s")
    void shouldConvertOrRejectMutatedCaptureLines(FuzzedDataProvider data) {
        byte[] line = CAPTURE.get(data.consumeInt(0, CAPTURE.size() - 1)).clone();
        String text = new String(line, StandardCharsets.UTF_8);
        int swaps = data.consumeInt(0, 4);
        for (int i = 0; i < swaps; i++) {
            // replace the value after one of the line's keys with another JSON value
            int colon = text.indexOf("\":", data.consumeInt(0, Math.max(0, text.length() - 1)));
            if (colon < 0) {
                break;
            }
            int end = valueEnd(text, colon + 2);
            text = text.substring(0, colon + 2) + data.pickValue(VALUES) + text.substring(end);
        }
        line = text.getBytes(StandardCharsets.UTF_8);
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits && line.length > 0; i++) {
            line[data.consumeInt(0, line.length - 1)] = data.consumeByte();
        }
        if (data.consumeBoolean()) {
            line = java.util.Arrays.copyOf(line, data.consumeInt(0, line.length));
        }
        convertAndMap(line);
    }

    private void convertAndMap(byte[] line) {
        EsloggerJsonConverter.Result result;
        try {
            result = converter.convert(line, 0, line.length);
        } catch (MalformedEventException refused) {
            return;
        }
        if (result == EsloggerJsonConverter.Result.RECORD) {
            // what the converter writes, the decoder must accept and the mapper must map
            decoder.wrap(converter.writer().record(), 0);
            mapper.map(decoder);
        }
    }

    /** Where the JSON value starting at {@code from} ends (a scalar, or a bracketed value, strings respected). */
    private static int valueEnd(String text, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static List<byte[]> capture() {
        try {
            return Files.readAllLines(Fixtures.root().resolve("eslogger/synthetic-all-events.jsonl")).stream()
                    .map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
