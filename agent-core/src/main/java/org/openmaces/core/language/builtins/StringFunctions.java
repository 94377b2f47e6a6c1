package org.openmaces.core.language.builtins;

import static org.openmaces.core.record.ValueType.INTEGER;
import static org.openmaces.core.record.ValueType.STRING;
import static org.openmaces.core.record.ValueType.UNKNOWN;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.compiler.Builtin;
import org.openmaces.core.language.nodes.CallNode;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.IpAddress;
import org.openmaces.core.record.ValueType;

/** lc, uc, size, substr, replace, string, integer, type (language spec §8). Strings count UTF-8 bytes. */
final class StringFunctions {
    private StringFunctions() {
    }

    static void register(List<Builtin> library) {
        library.add(Builtin.function("lc", STRING, STRING, true,
                (context, text) -> text == null ? null : ((String) text).toLowerCase(Locale.ROOT)));
        library.add(Builtin.function("uc", STRING, STRING, true,
                (context, text) -> text == null ? null : ((String) text).toUpperCase(Locale.ROOT)));
        library.add(Builtin.function("size", INTEGER, STRING, true,
                (context, text) -> text == null ? null : (long) utf8Length((String) text)));
        library.add(Builtin.function("substr", STRING, STRING, INTEGER, true,
                (context, text, from) -> substring((String) text, (Long) from, null, false)));
        library.add(Builtin.function("substr", STRING, STRING, INTEGER, INTEGER, true,
                (context, text, from, to) -> substring((String) text, (Long) from, (Long) to, true)));
        library.add(Builtin.function("replace", STRING, STRING, STRING, STRING, true,
                (context, subject, source, replacement) -> replace(subject, source, replacement, null)));
        library.add(Builtin.functionN("replace", STRING, List.of(STRING, STRING, STRING, INTEGER), false, true,
                (context, values) -> replace(values[0], values[1], values[2], (Long) values[3])));
        library.add(new Builtin("string", STRING, List.of(UNKNOWN), false, false,
                (build, location, arguments, checks) -> {
                    Conversions conversions = build.conversions();
                    return new CallNode.Call1(location, "string", arguments, checks, STRING, true,
                            (context, value) -> conversions.string(value));
                }));
        library.add(Builtin.function("integer", INTEGER, UNKNOWN, true, (context, value) -> integer(value)));
        library.add(Builtin.function("type", STRING, UNKNOWN, true,
                (context, value) -> value == null ? null : ValueType.of(value).languageName()));
    }

    static int utf8Length(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return length;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Byte offsets {@code [from, to)}; {@code to} is an end offset, not a length. */
    static String substring(String text, Long from, Long to, boolean hasTo) throws ExecutionException {
        if (text == null || from == null) {
            return null;
        }
        if (from < 0) {
            throw new ExecutionException("substr() offset must not be negative, got " + from);
        }
        if (hasTo && to != null && to < 0) {
            throw new ExecutionException("substr() end offset must not be negative, got " + to);
        }
        boolean ascii = isAscii(text);
        byte[] bytes = ascii ? null : text.getBytes(StandardCharsets.UTF_8);
        int length = ascii ? text.length() : bytes.length;
        if (from > length) {
            return null;
        }
        long end = to == null ? length : Math.min(to, length);
        if (from > end) {
            return null;
        }
        if (ascii) {
            return text.substring(from.intValue(), (int) end);
        }
        return new String(bytes, from.intValue(), (int) (end - from), StandardCharsets.UTF_8);
    }

    static String replace(Object subject, Object source, Object replacement, Long count) throws ExecutionException {
        if (subject == null || source == null || replacement == null) {
            return null;
        }
        String text = (String) subject;
        String search = (String) source;
        if (count != null && count < 0) {
            throw new ExecutionException("replace() count must not be negative, got " + count);
        }
        if (text.isEmpty() || search.isEmpty()) {
            return text;
        }
        if (count == null || count == 0) {
            return text.replace(search, (String) replacement);
        }
        StringBuilder out = new StringBuilder(text.length());
        int index = 0;
        long done = 0;
        while (done < count) {
            int found = text.indexOf(search, index);
            if (found < 0) {
                break;
            }
            out.append(text, index, found).append((String) replacement);
            index = found + search.length();
            done++;
        }
        return out.append(text, index, text.length()).toString();
    }

    static Long integer(Object value) throws ExecutionException {
        if (value == null) {
            return null;
        }
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof String text) {
            return Conversions.parseInteger(text);
        }
        if (value instanceof Datetime datetime) {
            return datetime.microseconds();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1L : 0L;
        }
        if (value instanceof IpAddress address && address.isVersion4()) {
            byte[] bytes = address.toBytes();
            return ((bytes[0] & 0xffL) << 24) | ((bytes[1] & 0xffL) << 16) | ((bytes[2] & 0xffL) << 8)
                    | (bytes[3] & 0xffL);
        }
        throw new ExecutionException("cannot convert " + ValueType.of(value).languageName() + " to integer");
    }
}
