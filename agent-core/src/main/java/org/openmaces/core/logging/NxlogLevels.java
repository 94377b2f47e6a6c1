package org.openmaces.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** NXLog's level names (CRITICAL, ERROR, WARNING, INFO, DEBUG) over Logback's levels. */
public final class NxlogLevels {
    /** Marks an ERROR event as CRITICAL. */
    public static final Marker CRITICAL = MarkerFactory.getMarker("CRITICAL");

    private NxlogLevels() {
    }

    static String name(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level == Level.ERROR) {
            return event.getMarkerList() != null && event.getMarkerList().contains(CRITICAL) ? "CRITICAL" : "ERROR";
        }
        if (level == Level.WARN) {
            return "WARNING";
        }
        if (level == Level.INFO) {
            return "INFO";
        }
        return "DEBUG";
    }

    /** The normalized severity scale (1 DEBUG … 5 CRITICAL) used by $SeverityValue. */
    static int normalizedValue(String name) {
        return switch (name) {
            case "CRITICAL" -> 5;
            case "ERROR" -> 4;
            case "WARNING" -> 3;
            case "INFO" -> 2;
            default -> 1;
        };
    }

    /** The Logback level for a LogLevel directive value. */
    static Level forLogLevel(String logLevel) {
        return switch (logLevel) {
            case "CRITICAL", "ERROR" -> Level.ERROR;
            case "WARNING" -> Level.WARN;
            case "DEBUG" -> Level.DEBUG;
            default -> Level.INFO;
        };
    }
}
