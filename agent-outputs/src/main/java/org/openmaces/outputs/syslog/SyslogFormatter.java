package org.openmaces.outputs.syslog;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * {@code to_syslog_bsd()}, {@code to_syslog_ietf()} and {@code to_syslog_snare()} (modules spec §3.2): the
 * syslog line of a record, from its syslog fields, falling back to the normalized severity,
 * {@code $EventTime} (else now), {@code $Hostname} (else the local host name) and {@code $Message} (else
 * {@code $raw_event}). Immutable and thread-safe.
 */
public final class SyslogFormatter {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    /** What Snare receivers expect in the event-type column for NXLog's Windows event type names. */
    private static final Map<String, String> SNARE_EVENT_TYPES = Map.of("AUDIT_SUCCESS", "Success Audit",
            "AUDIT_FAILURE", "Failure Audit", "INFO", "Information", "CRITICAL", "Critical", "ERROR", "Error",
            "WARNING", "Warning", "VERBOSE", "Verbose");
    /** Snare's word for a column the record has no value for. */
    private static final String SNARE_NOT_AVAILABLE = "N/A";
    /** Fields that have their own place in the IETF header, so they are not repeated as structured data. */
    private static final Set<String> NOT_IN_STRUCTURED_DATA = Set.of("raw_event", "eventtime", "hostname",
            "sourcename", "message", "messageid", "processid", "severity", "severityvalue", "syslogseverity",
            "syslogseverityvalue", "syslogfacility", "syslogfacilityvalue");
    private final SyslogSettings settings;
    private final Conversions conversions;
    private final Clock clock;
    private final Supplier<String> localHostName;

    public SyslogFormatter(SyslogSettings settings, Conversions conversions, Clock clock, Supplier<String> localHostName) {
        this.settings = settings;
        this.conversions = conversions;
        this.clock = clock;
        this.localHostName = localHostName;
    }

    /** {@code <PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG}. */
    public String bsd(LogRecord record) {
        StringBuilder out = new StringBuilder(128);
        out.append('<').append(priority(record)).append('>');
        appendBsdTimestamp(out, localEventTime(record)).append(' ');
        out.append(hostName(record)).append(' ');
        String tag = conversions.string(record.get(CoreFields.SOURCE_NAME));
        if (tag != null && !tag.isEmpty()) {
            appendReplacingBlanks(out, tag);
            String pid = conversions.string(record.get(CoreFields.PROCESS_ID));
            if (pid != null) {
                out.append('[').append(pid).append(']');
            }
            out.append(": ");
        }
        appendMessage(out, record);
        return out.toString();
    }

    /** {@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}. */
    public String ietf(LogRecord record) {
        StringBuilder out = new StringBuilder(256);
        out.append('<').append(priority(record)).append(">1 ");
        appendIetfTimestamp(out, eventTime(record));
        out.append(' ').append(hostName(record)).append(' ');
        String app = conversions.string(record.get(CoreFields.SOURCE_NAME));
        if (app == null || app.isEmpty()) {
            out.append('-');
        } else {
            appendReplacingBlanks(out, app);
        }
        out.append(' ');
        appendOrNil(out, conversions.string(record.get(CoreFields.PROCESS_ID)));
        out.append(' ');
        appendOrNil(out, conversions.string(record.get(SyslogFields.MESSAGE_ID)));
        out.append(' ');
        appendStructuredData(out, record);
        out.append(' ');
        appendMessage(out, record);
        return out.toString();
    }

    /**
     * Snare over syslog: a BSD header ({@code <PRI>Mmm dd hh:mm:ss HOST }) and then, separated by the
     * SnareDelimiter: {@code MSWinEventLog}, criticality, event log name, {@code eventCounter}, event time
     * ({@code Www Mmm dd hh:mm:ss yyyy}), EventID, SourceName, AccountName, AccountType, event type, computer,
     * Category, an empty data column, the message and RecordNumber. A missing value is {@code N/A}; the
     * delimiter inside a value becomes the SnareReplacement and line breaks become ReplaceLineBreaks, so every
     * line has the same columns.
     *
     * @param eventCounter Snare's sequence number, which lets a receiver notice lost datagrams
     */
    public String snare(LogRecord record, long eventCounter) {
        char delimiter = settings.snareDelimiter();
        LocalDateTime time = localEventTime(record);
        String host = hostName(record);
        StringBuilder out = new StringBuilder(256);
        out.append('<').append(priority(record)).append('>');
        appendBsdTimestamp(out, time).append(' ');
        appendReplacingLineBreaks(out, host);
        out.append(" MSWinEventLog").append(delimiter);
        out.append(criticality(record)).append(delimiter);
        // $Channel is where im_msvistalog puts the log's name, $FileName where im_mseventlog does.
        Object logName = record.get(SyslogFields.CHANNEL);
        appendSnareValue(out, logName != null ? logName : record.get(SyslogFields.FILE_NAME));
        out.append(eventCounter).append(delimiter);
        appendSnareTimestamp(out, time).append(delimiter);
        appendSnareValue(out, record.get(SyslogFields.EVENT_ID));
        appendSnareValue(out, record.get(CoreFields.SOURCE_NAME));
        appendSnareValue(out, record.get(SyslogFields.ACCOUNT_NAME));
        appendSnareValue(out, record.get(SyslogFields.ACCOUNT_TYPE));
        Object eventType = record.get(SyslogFields.EVENT_TYPE);
        if (eventType instanceof String name) {
            eventType = SNARE_EVENT_TYPES.getOrDefault(name, name);
        }
        appendSnareValue(out, eventType);
        appendSnareValue(out, host);
        appendSnareValue(out, record.get(SyslogFields.CATEGORY));
        out.append(delimiter); // Snare's data column: Windows event data that NXLog's records do not carry
        Object message = record.get(CoreFields.MESSAGE);
        appendSnareValue(out, message != null ? message : record.getString(CoreFields.RAW_EVENT));
        Object recordNumber = record.get(SyslogFields.RECORD_NUMBER);
        appendSnareText(out, recordNumber == null ? SNARE_NOT_AVAILABLE : conversions.string(recordNumber));
        return out.toString();
    }

    /**
     * Snare's 0..4 criticality is the normalized severity (1..5) less one, as NXLog writes it; 1 (from INFO)
     * when the record has no severity.
     */
    private static long criticality(LogRecord record) {
        if (record.get(CoreFields.SEVERITY_VALUE) instanceof Long normalized) {
            return normalized - 1;
        }
        int normalized = record.get(CoreFields.SEVERITY) instanceof String name ? SyslogTables.normalizedValue(name) : -1;
        return normalized >= 0 ? normalized - 1 : 1;
    }

    /** The value (in its string form) or {@code N/A}, then the delimiter. */
    private void appendSnareValue(StringBuilder out, Object value) {
        appendSnareText(out, value == null ? SNARE_NOT_AVAILABLE : conversions.string(value));
        out.append(settings.snareDelimiter());
    }

    private void appendSnareText(StringBuilder out, String text) {
        char delimiter = settings.snareDelimiter();
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            if (character == delimiter) {
                character = settings.snareReplacement();
            }
            // Checked after the delimiter so that a replacement of CR or LF cannot break the line either.
            if (character == '\r' || character == '\n') {
                out.append(settings.lineBreakReplacement());
            } else {
                out.append(character);
            }
        }
    }

    /** {@code Www Mmm dd hh:mm:ss yyyy}, the day zero-padded: the date Snare writes in its event-time column. */
    private static StringBuilder appendSnareTimestamp(StringBuilder out, LocalDateTime time) {
        out.append(WEEKDAYS[time.getDayOfWeek().getValue() - 1]).append(' ');
        out.append(MONTHS[time.getMonthValue() - 1]).append(' ');
        two(out, time.getDayOfMonth()).append(' ');
        appendClock(out, time).append(' ');
        return out.append(time.getYear());
    }

    /** {@code Mmm dd hh:mm:ss}, the day padded with a space (RFC 3164). */
    private static StringBuilder appendBsdTimestamp(StringBuilder out, LocalDateTime time) {
        out.append(MONTHS[time.getMonthValue() - 1]).append(' ');
        if (time.getDayOfMonth() < 10) {
            out.append(' ');
        }
        out.append(time.getDayOfMonth()).append(' ');
        return appendClock(out, time);
    }

    private static StringBuilder appendClock(StringBuilder out, LocalDateTime time) {
        two(out, time.getHour()).append(':');
        two(out, time.getMinute()).append(':');
        return two(out, time.getSecond());
    }

    private LocalDateTime localEventTime(LogRecord record) {
        return LocalDateTime.ofInstant(eventTime(record).toInstant(), conversions.outputZone());
    }

    int priority(LogRecord record) {
        int facility = 1;
        Object facilityValue = record.get(SyslogFields.FACILITY_VALUE);
        Object facilityName = record.get(SyslogFields.FACILITY);
        if (facilityValue instanceof Long number && number >= 0 && number <= 23) {
            facility = number.intValue();
        } else if (facilityName instanceof String name && SyslogTables.facilityValue(name) >= 0) {
            facility = SyslogTables.facilityValue(name);
        }
        return facility * 8 + severity(record);
    }

    private static int severity(LogRecord record) {
        Object value = record.get(SyslogFields.SEVERITY_VALUE);
        if (value instanceof Long number && number >= 0 && number <= 7) {
            return number.intValue();
        }
        if (record.get(SyslogFields.SEVERITY) instanceof String name && SyslogTables.severityValue(name) >= 0) {
            return SyslogTables.severityValue(name);
        }
        if (record.get(CoreFields.SEVERITY_VALUE) instanceof Long normalized) {
            return SyslogTables.syslogSeverityOfNormalized(normalized);
        }
        if (record.get(CoreFields.SEVERITY) instanceof String name && SyslogTables.normalizedValue(name) >= 0) {
            return SyslogTables.syslogSeverityOfNormalized(SyslogTables.normalizedValue(name));
        }
        return 5;
    }

    private Datetime eventTime(LogRecord record) {
        Datetime time = record.getDatetime(CoreFields.EVENT_TIME);
        return time != null ? time : Datetime.ofInstant(clock.instant());
    }

    private String hostName(LogRecord record) {
        String host = conversions.string(record.get(CoreFields.HOSTNAME));
        return host == null || host.isEmpty() ? localHostName.get() : host;
    }

    private void appendIetfTimestamp(StringBuilder out, Datetime datetime) {
        ZoneId zone = settings.ietfTimestampInGmt() ? ZoneOffset.UTC : conversions.outputZone();
        long micros = datetime.microseconds();
        java.time.Instant instant = datetime.toInstant();
        int offset = zone.getRules().getOffset(instant).getTotalSeconds();
        LocalDateTime time = LocalDateTime.ofInstant(instant, zone);
        four(out, time.getYear()).append('-');
        two(out, time.getMonthValue()).append('-');
        two(out, time.getDayOfMonth()).append('T');
        two(out, time.getHour()).append(':');
        two(out, time.getMinute()).append(':');
        two(out, time.getSecond()).append('.');
        String fraction = Long.toString(Math.floorMod(micros, 1_000_000L));
        out.append("000000", 0, 6 - fraction.length()).append(fraction);
        if (settings.ietfTimestampInGmt()) {
            out.append('Z');
        } else {
            out.append(offset < 0 ? '-' : '+');
            two(out, Math.abs(offset) / 3600).append(':');
            two(out, Math.abs(offset) / 60 % 60);
        }
    }

    private void appendStructuredData(StringBuilder out, LogRecord record) {
        int start = out.length();
        for (int i = 0, size = record.size(); i < size; i++) {
            Object value = record.valueAt(i);
            FieldName name = record.nameAt(i);
            if (value == null || NOT_IN_STRUCTURED_DATA.contains(name.lowerCaseName())) {
                continue;
            }
            out.append(out.length() == start ? "[NXLOG@14506 " : " ");
            String spelling = name.spelling();
            for (int c = 0; c < spelling.length(); c++) {
                char character = spelling.charAt(c);
                out.append(character == ' ' || character == ']' || character == '"' || character == '='
                        ? '_' : character);
            }
            out.append("=\"");
            String text = conversions.string(value);
            for (int c = 0; c < text.length(); c++) {
                char character = text.charAt(c);
                if (character == '\\' || character == '"' || character == ']') {
                    out.append('\\');
                }
                out.append(character);
            }
            out.append('"');
        }
        out.append(out.length() == start ? "-" : "]");
    }

    private void appendMessage(StringBuilder out, LogRecord record) {
        String message = record.getString(CoreFields.MESSAGE);
        if (message == null) {
            message = record.getString(CoreFields.RAW_EVENT);
        }
        if (message == null) {
            return;
        }
        appendReplacingLineBreaks(out, message);
    }

    private void appendReplacingLineBreaks(StringBuilder out, String text) {
        String replacement = settings.lineBreakReplacement();
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            if (character == '\r' || character == '\n') {
                out.append(replacement);
            } else {
                out.append(character);
            }
        }
    }

    private static void appendReplacingBlanks(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            out.append(character == ' ' || character == '\t' ? '_' : character);
        }
    }

    private static void appendOrNil(StringBuilder out, String text) {
        out.append(text == null || text.isEmpty() ? "-" : text);
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }

    private static StringBuilder four(StringBuilder out, int value) {
        if (value < 1000) {
            out.append(value < 10 ? "000" : value < 100 ? "00" : "0");
        }
        return out.append(value);
    }
}
