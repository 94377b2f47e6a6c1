package org.openmaces.core.config;

/**
 * A configuration problem a user can fix: thrown with a message that says what to change. When it comes
 * from a known place, {@link #location()} is {@code FILE:LINE}; the loader prefixes messages with it.
 */
public class ConfigurationException extends Exception {
    private final String location;

    public ConfigurationException(String message) {
        this(null, message);
    }

    public ConfigurationException(String location, String message) {
        super(message, null, false, false);
        this.location = location;
    }

    /** {@code FILE:LINE}, or null when the problem has no single place. */
    public String location() {
        return location;
    }

    /** {@code FILE:LINE: message}, or just the message. */
    public String describe() {
        return location == null ? getMessage() : location + ": " + getMessage();
    }
}
