package org.openmaces.outputs.syslog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * {@code parse_syslog()}, {@code parse_syslog_bsd()} and {@code parse_syslog_ietf()} (modules spec §3.2):
 * never fail; what cannot be parsed gets the documented defaults. Thread-safe.
 */
public final class SyslogParser {
    /** Timestamps a BSD message may start with; the value is parsed with the language's parsedate(). */
    private static final Pattern BSD_TIMESTAMP = Pattern.compile(
            "(?:[A-Z][a-z]{2} [ 0-9]?\\d(?: \\d{4})? \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?"
            + "|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)");
    private final Conversions conversions;
    private final Clock clock;
    private final Supplier<String> localHostName;

    public SyslogParser(Conversions conversions, Clock clock, Supplier<String> localHostName) {
        this.conversions = conversions;
        this.clock = clock;
        this.localHostName = localHostName;
    }

    /** IETF when the text after {@code <PRI>} starts with {@code "1 "}, else BSD. */
    public void parse(String text, LogRecord record) {
        int afterPriority = afterPriority(text);
        if (afterPriority > 0 && text.startsWith("1 ", afterPriority)) {
            parseIetf(text, record);
        } else {
            parseBsd(text, record);
        }
    }

    public void parseBsd(String text, LogRecord record) {
        int position = setPriority(text, record);
        if (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
        Matcher timestamp = BSD_TIMESTAMP.matcher(text).region(position, text.length());
        Datetime time = null;
        if (timestamp.lookingAt()) {
            time = conversions.parseDate(timestamp.group(), false, clock);
        }
        String host = null;
        if (time != null) {
            position = timestamp.end();
            if (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
            int end = run(text, position, true);
            if (end > position) {
                char next = end < text.length() ? text.charAt(end) : ' ';
                if (next == ' ') {
                    host = text.substring(position, end);
                    position = end + 1;
                }
                // Followed by ':' or '[' it is the tag; by anything else it is part of the message.
            }
        }
        record.set(CoreFields.EVENT_TIME, time != null ? time : now());
        setHostname(record, host);
        int tagEnd = run(text, position, true);
        if (tagEnd > position) {
            int colon = -1;
            String pid = null;
            if (tagEnd < text.length() && text.charAt(tagEnd) == ':') {
                colon = tagEnd;
            } else if (tagEnd < text.length() && text.charAt(tagEnd) == '[') {
                int close = text.indexOf(']', tagEnd);
                if (close > tagEnd && close + 1 < text.length() && text.charAt(close + 1) == ':') {
                    pid = text.substring(tagEnd + 1, close);
                    colon = close + 1;
                }
            }
            if (colon > 0) {
                record.set(CoreFields.SOURCE_NAME, text.substring(position, tagEnd));
                if (pid != null) {
                    record.set(CoreFields.PROCESS_ID, pid);
                }
                position = colon + 1;
                if (position < text.length() && text.charAt(position) == ' ') {
                    position++;
                }
            }
        }
        setMessage(record, text.substring(Math.min(position, text.length())));
    }

    public void parseIetf(String text, LogRecord record) {
        int position = afterPriority(text);
        if (position < 0 || !text.startsWith("1 ", position)) {
            parseBsd(text, record);
            return;
        }
        setPriority(text, record);
        position += 2;
        List<String> header = new ArrayList<>(5);
        for (int i = 0; i < 5; i++) {
            int space = text.indexOf(' ', position);
            if (space < 0) {
                header.add(text.substring(position));
                position = text.length();
                break;
            }
            header.add(text.substring(position, space));
            position = space + 1;
        }
        Datetime time = header.isEmpty() ? null : ietfTimestamp(header.get(0));
        if (time == null) {
            record.set(CoreFields.EVENT_TIME, now());
            setHostname(record, null);
            setMessage(record, text.substring(afterPriority(text) + 2));
            return;
        }
        record.set(CoreFields.EVENT_TIME, time);
        setHostname(record, header.size() > 1 ? nil(header.get(1)) : null);
        if (header.size() > 2 && nil(header.get(2)) != null) {
            record.set(CoreFields.SOURCE_NAME, header.get(2));
        }
        if (header.size() > 3 && nil(header.get(3)) != null) {
            record.set(CoreFields.PROCESS_ID, header.get(3));
        }
        if (header.size() > 4 && nil(header.get(4)) != null) {
            record.set(SyslogFields.MESSAGE_ID, header.get(4));
        }
        if (position >= text.length() || header.size() < 5) {
            return;
        }
        if (text.charAt(position) == '-') {
            position++;
        } else if (text.charAt(position) == '[') {
            position = structuredData(text, position, record);
        }
        if (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
        if (text.startsWith("\uFEFF", position)) {
            position++;
        }
        setMessage(record, text.substring(Math.min(position, text.length())));
    }

    /** Reads SD elements from {@code [}; sets their params only when all are well formed. Returns the end. */
    private static int structuredData(String text, int position, LogRecord record) {
        List<String[]> params = new ArrayList<>();
        int index = position;
        while (index < text.length() && text.charAt(index) == '[') {
            int idEnd = index + 1;
            while (idEnd < text.length() && " ]=\"".indexOf(text.charAt(idEnd)) < 0) {
                idEnd++;
            }
            String id = text.substring(index + 1, idEnd);
            int at = id.indexOf('@');
            String prefix = at >= 0 ? id.substring(0, at) : id;
            prefix = prefix.equalsIgnoreCase("NXLOG") || prefix.isEmpty() ? "" : sanitize(prefix) + ".";
            index = idEnd;
            while (index < text.length() && text.charAt(index) == ' ') {
                int nameEnd = text.indexOf('=', index + 1);
                if (nameEnd < 0 || nameEnd + 1 >= text.length() || text.charAt(nameEnd + 1) != '"') {
                    return skipMalformed(text, position);
                }
                String name = text.substring(index + 1, nameEnd);
                StringBuilder value = new StringBuilder();
                int c = nameEnd + 2;
                boolean closed = false;
                while (c < text.length()) {
                    char character = text.charAt(c);
                    if (character == '\\' && c + 1 < text.length() && "\\\"]".indexOf(text.charAt(c + 1)) >= 0) {
                        value.append(text.charAt(c + 1));
                        c += 2;
                    } else if (character == '"') {
                        closed = true;
                        c++;
                        break;
                    } else {
                        value.append(character);
                        c++;
                    }
                }
                if (!closed || name.isEmpty()) {
                    return skipMalformed(text, position);
                }
                params.add(new String[]{prefix + sanitize(name), value.toString()});
                index = c;
            }
            if (index >= text.length() || text.charAt(index) != ']') {
                return skipMalformed(text, position);
            }
            index++;
        }
        for (String[] param : params) {
            record.set(FieldName.of(param[0]), param[1]);
        }
        return index;
    }

    /** Malformed structured data is ignored: the message starts after the next {@code "] "} or the next space. */
    private static int skipMalformed(String text, int position) {
        int end = text.indexOf("] ", position);
        if (end >= 0) {
            return end + 1;
        }
        int space = text.indexOf(' ', position);
        return space < 0 ? text.length() : space;
    }

    private static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '/' || c == '-';
            out.append(allowed ? c : '_');
        }
        return out.toString();
    }

    private Datetime ietfTimestamp(String text) {
        if (text.equals("-")) {
            return null;
        }
        try {
            return Datetime.ofInstant(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nil(String text) {
        return text.isEmpty() || text.equals("-") ? null : text;
    }

    /** Index after {@code <digits>}, or -1 when the text does not start with a PRI. */
    private static int afterPriority(String text) {
        if (text.isEmpty() || text.charAt(0) != '<') {
            return -1;
        }
        int i = 1;
        while (i < text.length() && i <= 4 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i > 1 && i < text.length() && text.charAt(i) == '>' ? i + 1 : -1;
    }

    /** Sets facility and severity from the PRI (or the defaults USER and NOTICE); returns where the rest starts. */
    private static int setPriority(String text, LogRecord record) {
        int end = afterPriority(text);
        int facility = 1;
        int severity = 5;
        if (end > 0) {
            int priority = Integer.parseInt(text.substring(1, end - 1));
            if (priority / 8 <= 23) {
                facility = priority / 8;
                severity = priority % 8;
            }
        }
        record.set(SyslogFields.FACILITY_VALUE, (long) facility);
        record.set(SyslogFields.FACILITY, SyslogTables.facilityName(facility));
        record.set(SyslogFields.SEVERITY_VALUE, (long) severity);
        record.set(SyslogFields.SEVERITY, SyslogTables.severityName(severity));
        int normalized = SyslogTables.normalizedValue(severity);
        record.set(CoreFields.SEVERITY_VALUE, (long) normalized);
        record.set(CoreFields.SEVERITY, SyslogTables.normalizedName(normalized));
        return Math.max(end, 0);
    }

    private void setHostname(LogRecord record, String host) {
        if (host == null) {
            Object source = record.get(SyslogFields.MESSAGE_SOURCE_ADDRESS);
            host = source != null ? conversions.string(source) : localHostName.get();
        }
        record.set(CoreFields.HOSTNAME, host);
    }

    private static void setMessage(LogRecord record, String message) {
        if (message.endsWith("\n")) {
            message = message.substring(0, message.length() - 1);
        }
        if (!message.isEmpty()) {
            record.set(CoreFields.MESSAGE, message);
        }
    }

    /** A host or tag character: letters, digits and {@code . _ / -}. */
    private static int run(String text, int from, boolean allowDot) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '/' || c == '-' || (allowDot && c == '.');
            if (!allowed) {
                break;
            }
            i++;
        }
        return i;
    }

    private Datetime now() {
        return Datetime.ofInstant(clock.instant());
    }
}
