package org.openmaces.maces.eslogger;

/** A line that is not an eslogger event; the message says why. Stackless: bad lines can come in bulk. */
public final class MalformedEventException extends Exception {
    public MalformedEventException(String message) {
        super(message, null, false, false);
    }
}
