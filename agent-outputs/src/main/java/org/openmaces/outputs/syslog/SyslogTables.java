package org.openmaces.outputs.syslog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Syslog facility and severity names and numbers, and NXLog's normalized severity (modules spec §3.2). */
public final class SyslogTables {
    /** Facility names as NXLog CE writes them: 8 is {@code UCP}, 14 {@code FACALERT}. */
    private static final String[] FACILITIES = {"KERN", "USER", "MAIL", "DAEMON", "AUTH", "SYSLOG", "LPR", "NEWS",
        "UCP", "CRON", "AUTHPRIV", "FTP", "NTP", "AUDIT", "FACALERT", "CRON2", "LOCAL0", "LOCAL1", "LOCAL2",
        "LOCAL3", "LOCAL4", "LOCAL5", "LOCAL6", "LOCAL7"};
    private static final String[] SEVERITIES = {"EMERG", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG"};
    /** Normalized severity names by value 1..5. */
    private static final String[] NORMALIZED = {null, "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};
    /** NXLog CE's normalization of syslog severities 0..7. */
    private static final int[] NORMALIZED_BY_SYSLOG = {4, 3, 5, 4, 3, 2, 2, 1};
    private static final Map<String, Integer> FACILITY_BY_NAME = new HashMap<>();
    private static final Map<String, Integer> SEVERITY_BY_NAME = new HashMap<>();
    private static final Map<String, Integer> NORMALIZED_BY_NAME = new HashMap<>();

    static {
        for (int i = 0; i < FACILITIES.length; i++) {
            FACILITY_BY_NAME.put(FACILITIES[i], i);
        }
        FACILITY_BY_NAME.put("UUCP", 8);
        FACILITY_BY_NAME.put("ALERT", 14);
        for (int i = 0; i < SEVERITIES.length; i++) {
            SEVERITY_BY_NAME.put(SEVERITIES[i], i);
        }
        SEVERITY_BY_NAME.put("EMERGENT", 0);
        SEVERITY_BY_NAME.put("EMERGENCY", 0);
        SEVERITY_BY_NAME.put("PANIC", 0);
        SEVERITY_BY_NAME.put("CRITICAL", 2);
        SEVERITY_BY_NAME.put("ERROR", 3);
        SEVERITY_BY_NAME.put("WARN", 4);
        for (int i = 1; i < NORMALIZED.length; i++) {
            NORMALIZED_BY_NAME.put(NORMALIZED[i], i);
        }
    }

    private SyslogTables() {
    }

    /** The facility's number, or -1 for an unknown name. */
    public static int facilityValue(String name) {
        Integer value = FACILITY_BY_NAME.get(name.trim().toUpperCase(Locale.ROOT));
        return value == null ? -1 : value;
    }

    /** The facility's name, or null outside 0..23. */
    public static String facilityName(long value) {
        return value >= 0 && value < FACILITIES.length ? FACILITIES[(int) value] : null;
    }

    /** The severity's number, or -1 for an unknown name. */
    public static int severityValue(String name) {
        Integer value = SEVERITY_BY_NAME.get(name.trim().toUpperCase(Locale.ROOT));
        return value == null ? -1 : value;
    }

    /** The severity's name, or null outside 0..7. */
    public static String severityName(long value) {
        return value >= 0 && value < SEVERITIES.length ? SEVERITIES[(int) value] : null;
    }

    /** NXLog's normalized severity (1 DEBUG .. 5 CRITICAL) of a syslog severity 0..7. */
    public static int normalizedValue(int syslogSeverity) {
        return NORMALIZED_BY_SYSLOG[syslogSeverity];
    }

    public static String normalizedName(int normalizedValue) {
        return normalizedValue >= 1 && normalizedValue < NORMALIZED.length ? NORMALIZED[normalizedValue] : null;
    }

    /** A normalized severity's value from its name ({@code INFO} → 2), or -1. */
    public static int normalizedValue(String name) {
        Integer value = NORMALIZED_BY_NAME.get(name.trim().toUpperCase(Locale.ROOT));
        return value == null ? -1 : value;
    }

    /** The syslog severity for a normalized one: 1→7, 2→6, 3→4, 4→3, 5→2, anything else 5 (notice). */
    public static int syslogSeverityOfNormalized(long normalized) {
        switch ((int) Math.max(Math.min(normalized, 99), -1)) {
            case 1: return 7;
            case 2: return 6;
            case 3: return 4;
            case 4: return 3;
            case 5: return 2;
            default: return 5;
        }
    }
}
