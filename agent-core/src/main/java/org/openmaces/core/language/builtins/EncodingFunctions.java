package org.openmaces.core.language.builtins;

import static org.openmaces.core.record.ValueType.BINARY;
import static org.openmaces.core.record.ValueType.STRING;
import static org.openmaces.core.record.ValueType.UNKNOWN;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.compiler.Builtin;
import org.openmaces.core.record.Binary;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.IpAddress;
import org.openmaces.core.record.ValueType;

/**
 * Agent functions on encodings: base64decode/encode, bin2str, deserialize, escape_* / unescape_*, md5sum,
 * sha1sum, sha512sum (language spec §8; the escape and hash names are marked unconfirmed there).
 */
final class EncodingFunctions {
    private EncodingFunctions() {
    }

    static void register(List<Builtin> library) {
        library.add(Builtin.function("base64decode", BINARY, STRING, true, (context, text) -> {
            if (text == null) {
                return null;
            }
            try {
                return Binary.wrap(Base64.getMimeDecoder().decode((String) text));
            } catch (IllegalArgumentException invalid) {
                return null;
            }
        }));
        library.add(Builtin.function("base64encode", STRING, UNKNOWN, true,
                (context, value) -> value == null ? null : Base64.getEncoder().encodeToString(bytes(value, "base64encode"))));
        library.add(Builtin.function("bin2str", STRING, BINARY, true, (context, value) -> {
            if (value == null) {
                return null;
            }
            byte[] raw = ((Binary) value).toBytes();
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    raw[i] = '.';
                }
            }
            return new String(raw, StandardCharsets.UTF_8);
        }));
        library.add(Builtin.function("deserialize", UNKNOWN, BINARY, true,
                (context, value) -> value == null ? null : deserialize(((Binary) value).toBytes())));
        library.add(Builtin.function("escape_json", STRING, STRING, true,
                (context, text) -> text == null ? null : escapeJson((String) text)));
        library.add(Builtin.function("unescape_json", STRING, STRING, true,
                (context, text) -> text == null ? null : unescapeJson((String) text)));
        library.add(Builtin.function("escape_xml", STRING, STRING, true,
                (context, text) -> text == null ? null : escapeXml((String) text, false)));
        library.add(Builtin.function("escape_html", STRING, STRING, true,
                (context, text) -> text == null ? null : escapeXml((String) text, true)));
        library.add(Builtin.function("unescape_xml", STRING, STRING, true,
                (context, text) -> text == null ? null : unescapeXml((String) text)));
        library.add(Builtin.function("unescape_html", STRING, STRING, true,
                (context, text) -> text == null ? null : unescapeXml((String) text)));
        library.add(Builtin.function("escape_url", STRING, STRING, true, (context, text) -> text == null ? null
                : URLEncoder.encode((String) text, StandardCharsets.UTF_8).replace("+", "%20")));
        library.add(Builtin.function("unescape_url", STRING, STRING, true, (context, text) -> {
            if (text == null) {
                return null;
            }
            try {
                return URLDecoder.decode((String) text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException invalid) {
                return null;
            }
        }));
        library.add(Builtin.function("md5sum", STRING, UNKNOWN, true, (context, value) -> digest(value, "MD5")));
        library.add(Builtin.function("sha1sum", STRING, UNKNOWN, true, (context, value) -> digest(value, "SHA-1")));
        library.add(Builtin.function("sha512sum", STRING, UNKNOWN, true,
                (context, value) -> digest(value, "SHA-512")));
    }

    private static byte[] bytes(Object value, String function) throws ExecutionException {
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof Binary binary) {
            return binary.toBytes();
        }
        throw new ExecutionException(function + "() takes a string or binary, got "
                + ValueType.of(value).languageName());
    }

    private static String digest(Object value, String algorithm) throws ExecutionException {
        if (value == null) {
            return null;
        }
        try {
            return Binary.wrap(MessageDigest.getInstance(algorithm).digest(bytes(value, "digest"))).toString();
        } catch (NoSuchAlgorithmException missing) {
            throw new ExecutionException(algorithm + " is not available in this Java runtime");
        }
    }

    /**
     * One value in NXLog's binary serialization (config spec §7): type byte, defined byte, then the value
     * in little-endian. Undef on any mismatch.
     */
    static Object deserialize(byte[] raw) {
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int type = buffer.get() & 0xff;
            boolean defined = buffer.get() != 0;
            if (!defined) {
                return null;
            }
            Object value = switch (type) {
                case 1 -> buffer.getLong();
                case 2, 4 -> {
                    byte[] text = new byte[buffer.getInt()];
                    buffer.get(text);
                    yield new String(text, StandardCharsets.UTF_8);
                }
                case 3 -> Datetime.ofMicroseconds(buffer.getLong());
                case 5 -> buffer.get() != 0;
                case 6 -> {
                    byte[] address = new byte[4];
                    buffer.get(address);
                    yield IpAddress.ofBytes(address);
                }
                case 7 -> {
                    byte[] address = new byte[16];
                    buffer.get(address);
                    yield IpAddress.ofBytes(address);
                }
                case 8 -> {
                    byte[] data = new byte[buffer.getInt()];
                    buffer.get(data);
                    yield Binary.wrap(data);
                }
                default -> null;
            };
            return buffer.hasRemaining() ? null : value;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    static String escapeJson(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String unescapeJson(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < text.length()) {
                        try {
                            out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException invalid) {
                            out.append("\\u");
                        }
                    } else {
                        out.append("\\u");
                    }
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }

    static String escapeXml(String text, boolean html) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append(html ? "&#39;" : "&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescapeXml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
