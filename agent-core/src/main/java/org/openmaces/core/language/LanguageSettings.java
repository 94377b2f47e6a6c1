package org.openmaces.core.language;

import java.time.ZoneId;

/**
 * Global directives that change value conversion: {@code DateFormat}, {@code GenerateDateInUTC},
 * {@code ParseDateInUTC} (config spec §3).
 *
 * @param dateFormat        the DateFormat directive's value, or null for the default {@code YYYY-MM-DD hh:mm:ss}
 * @param generateDateInUtc datetime → string and datetime part functions use UTC
 * @param parseDateInUtc    strings without a zone are parsed as UTC
 * @param localZone         the zone "local time" means (injected for tests; the system zone in production)
 */
public record LanguageSettings(String dateFormat, boolean generateDateInUtc, boolean parseDateInUtc,
                               ZoneId localZone) {
    public static LanguageSettings defaults() {
        return new LanguageSettings(null, false, false, ZoneId.systemDefault());
    }
}
