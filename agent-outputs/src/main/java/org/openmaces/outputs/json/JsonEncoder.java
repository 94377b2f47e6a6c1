package org.openmaces.outputs.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.runtime.DateFormatter;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.Utf8Text;
import org.openmaces.outputs.framing.SinkOutputStream;

/**
 * Writes a record as one JSON object, byte for byte as Jackson's streaming generator writes it: fields in
 * record order, without {@code raw_event} and (unless IncludeHiddenFields) names starting with {@code .} or
 * {@code _}; undef as {@code null}, booleans and integers as JSON literals, datetimes per the DateFormat,
 * strings as strings (or as nested JSON with DetectNestedJSON), other types as their {@code string()} text.
 *
 * <p>With PrettyPrint or UnFlatten the generator writes the whole object. Otherwise (the usual case, and
 * the one that carries every event of a busy host) the encoder writes the braces, commas and names itself
 * and takes each value's bytes from Jackson (see {@link #writeFlatObject}); the bytes are the same.
 *
 * <p>Thread-safe: each thread gets its own generator, buffer and caches.
 */
public final class JsonEncoder {
    static final JsonFactory FACTORY = new JsonFactory();
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** Characters of the longest decimal long, {@code -9223372036854775808}. */
    private static final int LONGEST_LONG = 20;
    private final JsonSettings settings;
    private final Conversions conversions;
    private final DateFormatter dates;
    private final ThreadLocal<Encoding> encodings = ThreadLocal.withInitial(Encoding::new);

    public JsonEncoder(JsonSettings settings, Conversions conversions) {
        this.settings = settings;
        this.conversions = conversions;
        this.dates = conversions.formatter(settings.dateFormat());
    }

    public JsonSettings settings() {
        return settings;
    }

    /** {@code to_json()}: the record as JSON text. */
    public String toJson(LogRecord record) {
        ByteSink sink = encodeToScratch(record);
        return new String(sink.array(), 0, sink.length(), StandardCharsets.UTF_8);
    }

    /**
     * The procedure {@code to_json()}: the same text as {@link #toJson}, kept as UTF-8 for a line-based
     * output to copy as it is (the language sees the String it decodes to, should it read the field).
     */
    public Utf8Text toJsonUtf8(LogRecord record) {
        ByteSink sink = encodeToScratch(record);
        return Utf8Text.of(Arrays.copyOf(sink.array(), sink.length()));
    }

    /** The record's JSON in the calling thread's scratch sink, valid until the thread's next call. */
    private ByteSink encodeToScratch(LogRecord record) {
        Encoding encoding = encodings.get();
        ByteSink sink = encoding.scratch;
        if (sink.length() > 1 << 20) {
            // The previous record was huge: do not keep its buffer for the thread's lifetime.
            sink = new ByteSink(1024);
            encoding.scratch = sink;
        }
        sink.reset();
        write(record, sink, encoding);
        return sink;
    }

    /**
     * True when writing the record later, unchanged, is sure to give the bytes {@link #toJsonUtf8} gives now
     * without failing: it is written as a flat object and every field name can be written. A name with an
     * unpaired surrogate cannot (Jackson refuses it); a caller who would write the record later then writes
     * it now, and fails where the caller is.
     */
    public boolean canWriteLater(LogRecord record) {
        if (settings.prettyPrint() || settings.unflatten()) {
            return false;
        }
        for (int i = 0, size = record.size(); i < size; i++) {
            if (!record.nameAt(i).isWellFormed()) {
                return false;
            }
        }
        return true;
    }

    /** Appends the record's JSON object (no newline) to {@code out}. */
    public void write(LogRecord record, ByteSink out) {
        write(record, out, encodings.get());
    }

    private void write(LogRecord record, ByteSink out, Encoding encoding) {
        int start = out.length();
        encoding.stream.target(out);
        encoding.values.target(out);
        try {
            if (settings.prettyPrint() || settings.unflatten()) {
                JsonGenerator generator = encoding.generator();
                writeObject(record, generator, encoding);
                generator.flush();
            } else {
                writeFlatObject(record, out, encoding);
            }
        } catch (IOException e) {
            // The sink is in memory; only a bug gets here.
            encoding.reset();
            out.truncate(start);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // A value that cannot be written left a generator inside an object or a value: start afresh next
            // time, and take back the part of the record already in the sink.
            encoding.reset();
            out.truncate(start);
            throw e;
        }
    }

    /**
     * The object without indentation, written as the generator writes it (the tests compare the two), but
     * without the generator's bookkeeping for each name and value, which was the largest part of its cost.
     * This method writes the braces and each field's {@code ,"name":} (escaped by Jackson once per field);
     * every value's bytes come from Jackson: its escaping, cached or not, and its number formatting.
     */
    private void writeFlatObject(LogRecord record, ByteSink out, Encoding encoding) throws IOException {
        out.write('{');
        // The first field's prefix is written without its comma.
        int skip = 1;
        for (int i = 0, size = record.size(); i < size; i++) {
            byte[] prefix = encoding.memberPrefix(record.nameAt(i));
            if (prefix == null) {
                continue;
            }
            out.write(prefix, skip, prefix.length - skip);
            skip = 0;
            writeFlatValue(record.valueAt(i), out, encoding);
        }
        out.write('}');
    }

    private void writeFlatValue(Object value, ByteSink out, Encoding encoding) throws IOException {
        if (value == null) {
            out.write(NULL);
        } else if (value instanceof String text) {
            if (settings.detectNestedJson() && looksNested(text) && copyNested(text, encoding)) {
                out.write(encoding.nestedCopy.array(), 0, encoding.nestedCopy.length());
                return;
            }
            SerializedString escaped = encoding.strings.escaped(text);
            if (escaped != null) {
                byte[] bytes = escaped.asQuotedUTF8();
                out.ensure(bytes.length + 2);
                out.write('"').write(bytes).write('"');
            } else {
                encoding.values.writeString(text);
            }
        } else if (value instanceof Long number) {
            out.ensure(LONGEST_LONG);
            int end = NumberOutput.outputLong(number, out.array(), out.length());
            out.advance(end - out.length());
        } else if (value instanceof Boolean flag) {
            out.write(flag ? TRUE : FALSE);
        } else if (value instanceof Datetime datetime) {
            encoding.dates.write(datetime, out, encoding.values);
        } else {
            encoding.values.writeString(conversions.string(value));
        }
    }

    private void writeObject(LogRecord record, JsonGenerator generator, Encoding encoding) throws IOException {
        generator.writeStartObject();
        if (settings.unflatten()) {
            writeTree(unflatten(record), generator, encoding);
        } else {
            for (int i = 0, size = record.size(); i < size; i++) {
                SerializedString name = encoding.writtenName(record.nameAt(i));
                if (name == null) {
                    continue;
                }
                generator.writeFieldName(name);
                writeValue(record.valueAt(i), generator, encoding);
            }
        }
        generator.writeEndObject();
    }

    /** The calling thread's cache of escaped values (for tests: one per thread). */
    EscapedStringCache escapedStrings() {
        return encodings.get().strings;
    }

    private boolean included(FieldName name) {
        if (name.sameField(CoreFields.RAW_EVENT)) {
            return false;
        }
        char first = name.spelling().charAt(0);
        return settings.includeHiddenFields() || (first != '.' && first != '_');
    }

    private void writeValue(Object value, JsonGenerator generator, Encoding encoding) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            boolean nested = settings.detectNestedJson() && looksNested(text) && writeNested(text, generator, encoding);
            if (!nested) {
                // Only plain strings reach the cache: a nested-JSON value must never be written as a string.
                SerializedString escaped = encoding.strings.escaped(text);
                if (escaped != null) {
                    generator.writeString(escaped);
                } else {
                    generator.writeString(text);
                }
            }
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Datetime datetime) {
            encoding.dates.write(datetime, generator);
        } else {
            generator.writeString(conversions.string(value));
        }
    }

    /**
     * Writes {@code text} as the JSON object or array it holds and returns true; returns false, having
     * written nothing, when it is not exactly one JSON object or array.
     *
     * <p>The text is parsed once: it is copied, token by token, through a second generator into a
     * scratch buffer, and only when the whole text turned out to be valid are those bytes appended
     * after the field name. The scratch generator has the main one's settings, so the bytes are the
     * ones copying into the main generator would write. With PrettyPrint the nested value must indent at
     * its depth in the record, so it is validated first and then copied through the main generator.
     */
    private boolean writeNested(String text, JsonGenerator generator, Encoding encoding) throws IOException {
        if (settings.prettyPrint()) {
            if (!isJson(text)) {
                return false;
            }
            try (JsonParser parser = FACTORY.createParser(text)) {
                parser.nextToken();
                generator.copyCurrentStructure(parser);
            }
            return true;
        }
        if (!copyNested(text, encoding)) {
            return false;
        }
        // An empty raw value makes the generator write what goes before a value (the ':' after the
        // field name, or the ',' in an array) and count the value; flushed, the sink then ends there.
        generator.writeRawValue("");
        generator.flush();
        encoding.stream.write(encoding.nestedCopy.array(), 0, encoding.nestedCopy.length());
        return true;
    }

    /**
     * Copies {@code text} through the scratch generator into {@code encoding.nestedCopy} and returns true
     * when it is exactly one JSON object or array; returns false otherwise (the copy is then garbage).
     */
    private static boolean copyNested(String text, Encoding encoding) {
        ByteSink copy = encoding.nestedCopy;
        copy.reset();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            JsonGenerator copier = encoding.nestedCopier();
            copier.copyCurrentStructure(parser);
            if (parser.nextToken() != null) {
                encoding.resetNestedCopier();
                return false; // more after the first value: not one JSON value, so a plain string
            }
            copier.flush();
        } catch (IOException e) {
            encoding.resetNestedCopier(); // it may have stopped inside an array or object
            return false;
        }
        return true;
    }

    private static boolean looksNested(String text) {
        int length = text.length();
        if (length < 2) {
            return false;
        }
        char first = text.charAt(0);
        char last = text.charAt(length - 1);
        return (first == '{' && last == '}') || (first == '[' && last == ']');
    }

    /** True when the whole text is one JSON object or array. */
    static boolean isJson(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Dotted names as a tree, in first-appearance order; a name that collides with a leaf stays dotted. */
    private Map<String, Object> unflatten(LogRecord record) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (int i = 0, size = record.size(); i < size; i++) {
            String name = record.nameAt(i).spelling();
            if (!included(record.nameAt(i))) {
                continue;
            }
            Map<String, Object> node = root;
            String[] parts = name.split("\\.", -1);
            int depth = 0;
            while (depth < parts.length - 1 && !parts[depth].isEmpty()) {
                Object child = node.get(parts[depth]);
                if (child == null && !node.containsKey(parts[depth])) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(parts[depth], child);
                } else if (!(child instanceof Map)) {
                    break;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
                depth++;
            }
            String key = String.join(".", Arrays.asList(parts).subList(depth, parts.length));
            Object existing = node.get(key);
            if (existing instanceof Map) {
                key = name; // a leaf named like an existing object: keep the full dotted name
            }
            node.put(key, new Leaf(record.valueAt(i)));
        }
        return root;
    }

    private void writeTree(Map<String, Object> tree, JsonGenerator generator, Encoding encoding) throws IOException {
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            generator.writeFieldName(entry.getKey());
            if (entry.getValue() instanceof Leaf leaf) {
                writeValue(leaf.value, generator, encoding);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) entry.getValue();
                generator.writeStartObject();
                writeTree(child, generator, encoding);
                generator.writeEndObject();
            }
        }
    }

    private record Leaf(Object value) {
    }

    /** A field's name as the generator takes it and as a flat object's {@code ,"name":}; both null when left out. */
    private record WrittenName(SerializedString name, byte[] prefix) {
        static WrittenName of(FieldName field, boolean included) {
            if (!included) {
                return new WrittenName(null, null);
            }
            SerializedString name = new SerializedString(field.spelling());
            byte[] escaped = name.asQuotedUTF8();
            byte[] prefix = new byte[escaped.length + 4];
            prefix[0] = ',';
            prefix[1] = '"';
            System.arraycopy(escaped, 0, prefix, 2, escaped.length);
            prefix[prefix.length - 2] = '"';
            prefix[prefix.length - 1] = ':';
            return new WrittenName(name, prefix);
        }
    }

    /** One thread's generator, bound to a sink per use. */
    private final class Encoding {
        final SinkOutputStream stream = new SinkOutputStream();
        ByteSink scratch = new ByteSink(1024);
        final DatetimeCache dates = new DatetimeCache(JsonEncoder.this.dates);
        final EscapedStringCache strings = new EscapedStringCache();
        /**
         * Field names escaped once, by field id: {@code names[id]} is the escaped spelling of
         * {@code nameKeys[id]}, or null when that field is not written (raw_event, hidden fields). A
         * FieldName is one instance per spelling, so a reference comparison finds it; spellings that differ
         * in case share an id and take turns in its slot.
         */
        private FieldName[] nameKeys = new FieldName[64];
        private SerializedString[] names = new SerializedString[64];
        /** {@code memberPrefixes[id]}: {@code ,"name":} in UTF-8 for {@code names[id]}, or null likewise. */
        private byte[][] memberPrefixes = new byte[64][];
        final JsonValueWriter values = new JsonValueWriter();
        private JsonGenerator generator;
        /** Where a nested JSON value is copied before it is known to be valid; see {@link #writeNested}. */
        final ByteSink nestedCopy = new ByteSink(256);
        private final SinkOutputStream nestedStream = new SinkOutputStream();
        private JsonGenerator nestedCopier;

        /** The field's escaped name, or null when the encoder leaves the field out. */
        SerializedString writtenName(FieldName name) {
            int id = name.id();
            if (id < nameKeys.length && nameKeys[id] == name) {
                return names[id];
            }
            return learn(name).name;
        }

        /** What goes before the field's value in a flat object, {@code ,"name":}; null when it is left out. */
        byte[] memberPrefix(FieldName name) {
            int id = name.id();
            if (id < nameKeys.length && nameKeys[id] == name) {
                return memberPrefixes[id];
            }
            return learn(name).prefix;
        }

        private WrittenName learn(FieldName name) {
            WrittenName written = WrittenName.of(name, included(name));
            int id = name.id();
            if (id >= nameKeys.length) {
                if (id > 1 << 16) {
                    return written;
                }
                int length = Math.max(id + 1, nameKeys.length * 2);
                nameKeys = Arrays.copyOf(nameKeys, length);
                names = Arrays.copyOf(names, length);
                memberPrefixes = Arrays.copyOf(memberPrefixes, length);
            }
            nameKeys[id] = name;
            names[id] = written.name;
            memberPrefixes[id] = written.prefix;
            return written;
        }

        JsonGenerator generator() throws IOException {
            if (generator == null) {
                generator = FACTORY.createGenerator(stream);
                // Objects written one after another must not be separated by Jackson's default space.
                generator.setRootValueSeparator(null);
                if (settings.prettyPrint()) {
                    generator.setPrettyPrinter(new DefaultPrettyPrinter().withRootSeparator(""));
                }
            }
            return generator;
        }

        JsonGenerator nestedCopier() throws IOException {
            if (nestedCopier == null) {
                nestedStream.target(nestedCopy);
                nestedCopier = FACTORY.createGenerator(nestedStream);
                nestedCopier.setRootValueSeparator(null);
            }
            return nestedCopier;
        }

        void resetNestedCopier() {
            nestedCopier = null;
        }

        void reset() {
            generator = null;
            nestedCopier = null;
            values.reset();
        }
    }
}
