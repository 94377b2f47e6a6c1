package org.openmaces.core.record;

import org.openmaces.core.framing.ByteSink;

/**
 * A string made from the other fields of the record that holds it, such as the JSON that xm_json's
 * {@code to_json()} procedure puts into {@code $raw_event}. It is made when it is read, from the fields as
 * they are then, so a line-based output can have it written straight into its buffer
 * ({@link LogRecord#writeStringUtf8}) instead of the procedure making it into an array that the output then
 * copies.
 *
 * <p>{@link LogRecord} keeps the text what it was when the value was set: before any change to the record,
 * before a copy, and before the record leaves its thread ({@link LogRecord#settle}), it replaces this value
 * by its {@link #settle() settled} text. So no reader can tell it from a value made at once.
 *
 * <p>Making the text must not read this value's own field: it would read itself.
 */
public abstract class RecordDerivedString extends DeferredString {
    private final LogRecord record;

    protected RecordDerivedString(LogRecord record) {
        this.record = record;
    }

    /** The record whose fields the text is made from; the value may only be set into that record. */
    public final LogRecord record() {
        return record;
    }

    /** Appends the text, made from the record as it is now, to {@code out} as UTF-8. */
    public abstract void writeUtf8(ByteSink out);

    /** The text, made from the record as it is now, in a form that no longer depends on it. */
    public abstract DeferredString settle();
}
