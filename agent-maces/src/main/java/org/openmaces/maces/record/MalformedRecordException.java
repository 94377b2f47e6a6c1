package org.openmaces.maces.record;

/** A record that does not follow RECORD_FORMAT.md; the reader counts and skips it. */
public final class MalformedRecordException extends RuntimeException {
    public MalformedRecordException(String message) {
        super(message);
    }
}
