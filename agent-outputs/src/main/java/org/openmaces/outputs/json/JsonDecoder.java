package org.openmaces.outputs.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * {@code parse_json()}: the top-level keys of a JSON object become fields (modules spec §3.1). Strings stay
 * strings (timestamps become datetimes with ParseDate), integers integers (beyond 64 bits: their text),
 * fractions their integer part (as NXLog CE), {@code true/false} booleans, {@code null} an undef field;
 * nested objects and arrays are kept as compact JSON text, or with Flatten become dotted names. Comments
 * are allowed. On invalid JSON the fields parsed so far stay and an error is raised. Thread-safe.
 */
public final class JsonDecoder {
    static final int MAXIMUM_KEY_LENGTH = 499;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .build();
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();
    private final JsonSettings settings;
    private final Conversions conversions;

    public JsonDecoder(JsonSettings settings, Conversions conversions) {
        this.settings = settings;
        this.conversions = conversions;
    }

    /** Parses {@code text} into {@code record}. */
    public void parse(String text, LogRecord record) throws ExecutionException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ExecutionException("failed to parse json string: not a JSON object: " + abbreviate(text));
            }
            readObject(parser, "", record);
        } catch (IOException e) {
            throw new ExecutionException("failed to parse json string: " + firstLine(e.getMessage()) + ": "
                    + abbreviate(text));
        }
    }

    private void readObject(JsonParser parser, String prefix, LogRecord record) throws IOException, ExecutionException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (key.length() > MAXIMUM_KEY_LENGTH) {
                throw new ExecutionException("failed to parse json string: a key is longer than " + MAXIMUM_KEY_LENGTH
                        + " characters: " + abbreviate(key));
            }
            JsonToken value = parser.nextToken();
            String name = prefix + key;
            if (value == JsonToken.START_OBJECT && settings.flatten()) {
                readObject(parser, name + ".", record);
                continue;
            }
            Object converted = convert(value, parser);
            if (name.isEmpty() || name.equalsIgnoreCase("raw_event")) {
                continue;
            }
            record.set(FieldName.of(name), converted);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + token);
        }
    }

    private Object convert(JsonToken token, JsonParser parser) throws IOException {
        switch (token) {
            case VALUE_STRING: {
                String text = parser.getText();
                if (settings.parseDate() && text.length() >= 19 && TIMESTAMP.matcher(text).matches()) {
                    Datetime datetime = parseTimestamp(text);
                    return datetime != null ? datetime : text;
                }
                return text;
            }
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getText();
                }
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return integerPrefix(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_OBJECT:
            case START_ARRAY:
                return compact(parser);
            default:
                throw new IOException("unexpected " + token);
        }
    }

    /** NXLog CE keeps the integer part of a fraction ({@code 1.5} → 1, {@code -2e3} → -2). */
    private static Object integerPrefix(String text) {
        int end = 0;
        if (end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == '+')) {
            end++;
        }
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        try {
            return Long.parseLong(text.substring(0, end));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String compact(JsonParser parser) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JsonEncoder.FACTORY.createGenerator(text)) {
            generator.copyCurrentStructure(parser);
        }
        return text.toString();
    }

    private Datetime parseTimestamp(String text) {
        try {
            var parsed = LOCAL.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return Datetime.ofInstant(withOffset.toInstant());
            }
            return Datetime.ofInstant(((LocalDateTime) parsed).atZone(conversions.parseZone()).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
