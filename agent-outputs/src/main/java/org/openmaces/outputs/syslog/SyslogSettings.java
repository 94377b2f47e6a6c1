package org.openmaces.outputs.syslog;

/**
 * An xm_syslog instance's directives that change formatting.
 *
 * @param ietfTimestampInGmt to_syslog_ietf writes UTC timestamps ({@code Z}) instead of local time
 * @param lineBreakReplacement what each CR and LF of the message becomes
 * @param snareDelimiter the character between to_syslog_snare's fields ({@code SnareDelimiter})
 * @param snareReplacement what the delimiter becomes inside a to_syslog_snare field value
 *                         ({@code SnareReplacement}), so a value never splits into two fields
 */
public record SyslogSettings(boolean ietfTimestampInGmt, String lineBreakReplacement, char snareDelimiter,
                             char snareReplacement) {
    public static final char DEFAULT_SNARE_DELIMITER = '\t';
    public static final char DEFAULT_SNARE_REPLACEMENT = ' ';

    /** Settings with the Snare directives at their defaults (TAB, space). */
    public SyslogSettings(boolean ietfTimestampInGmt, String lineBreakReplacement) {
        this(ietfTimestampInGmt, lineBreakReplacement, DEFAULT_SNARE_DELIMITER, DEFAULT_SNARE_REPLACEMENT);
    }

    public static SyslogSettings defaults() {
        return new SyslogSettings(false, " ");
    }
}
