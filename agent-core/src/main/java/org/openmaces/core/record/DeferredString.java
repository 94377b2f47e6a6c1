package org.openmaces.core.record;

/**
 * A string value whose String is made only if someone reads it: a producer stores this when the text is
 * often not needed as a String (im_maces's {@code $raw_event}, which a {@code to_json()} configuration
 * overwrites unread) or is wanted as bytes ({@link Utf8Text}, for a line-based output).
 *
 * <p>{@link LogRecord} resolves it on the first read of the field and keeps the String in its place, so
 * the language never sees this type. Subclasses are immutable and give the same text on every call from
 * any thread: copies of a record share them, and two outputs may resolve one at the same time. The one
 * exception, {@link RecordDerivedString}, is made from its record's fields; the record replaces it by its
 * settled text before it changes, is copied or leaves its thread, so it too always gives the same text.
 *
 * <p>An abstract class, not an interface, because LogRecord tests every value it hands out against it:
 * a class test is one compare, while on JDK 17 an interface test on a String goes through a one-entry
 * cache in String's class data that threads testing other interfaces keep rewriting, moving it between
 * cores (JDK-8180450). Measured: with an interface, the encoder's loop over the fields went from 5 % to
 * 29 % of the output thread's time.
 */
public abstract class DeferredString {
    /** The text; may be made afresh on every call. */
    public abstract String resolve();

    @Override
    public String toString() {
        return resolve();
    }
}
