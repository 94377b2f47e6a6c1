package org.openmaces.core.language.runtime;

import java.util.Locale;

/** The counter types of {@code create_stat} (language spec §7). */
public enum StatisticType {
    COUNT, COUNTMIN, COUNTMAX, RATE, RATEMIN, RATEMAX, AVG, AVGMIN, AVGMAX, GRAD, GRADMIN, GRADMAX;

    /** The type of this name, any case; null when there is none. */
    public static StatisticType forName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
