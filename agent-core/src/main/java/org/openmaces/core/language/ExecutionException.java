package org.openmaces.core.language;

/**
 * A run-time error in Exec: the rest of the current record's statements are skipped, the error is logged
 * with the instance and the source position, and the record goes on (language spec §11). Thrown by
 * functions and procedures with a message that says what was wrong ("cannot call add_stat() on
 * nonexistent stat 'n'"); the language adds the position.
 *
 * <p>Stackless: run-time errors can come per record, and their stack says nothing to a user.
 */
public class ExecutionException extends Exception {
    public ExecutionException(String message) {
        super(message, null, false, false);
    }

    public ExecutionException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
