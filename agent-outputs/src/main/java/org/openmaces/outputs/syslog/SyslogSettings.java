package org.openmaces.outputs.syslog;

/**
 * An xm_syslog instance's directives that change formatting.
 *
 * @param ietfTimestampInGmt to_syslog_ietf writes UTC timestamps ({@code Z}) instead of local time
 * @param lineBreakReplacement what each CR and LF of the message becomes
 */
public record SyslogSettings(boolean ietfTimestampInGmt, String lineBreakReplacement) {
    public static SyslogSettings defaults() {
        return new SyslogSettings(false, " ");
    }
}
