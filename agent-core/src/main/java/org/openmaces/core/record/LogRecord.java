package org.openmaces.core.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.openmaces.core.framing.ByteSink;

/**
 * One event: an ordered list of typed fields. Field names are case-insensitive and keep the spelling
 * used when the field was first set; order is first-set order. A field may be present with an undef
 * value ({@code null}); an absent field also reads as undef, but {@link #contains} tells them apart.
 *
 * <p>Values are the Java classes listed in {@link ValueType}. Integers are stored as {@link Long},
 * datetimes as {@link Datetime}. A string may also be stored unmade, as a {@link DeferredString} (such as
 * its UTF-8 bytes, {@link Utf8Text}); every reader sees the String it resolves to, made on the first read,
 * except {@link #getStringUtf8} and {@link #writeStringUtf8}, which take a Utf8Text's bytes as they are. A
 * {@link RecordDerivedString} is made from the record's other fields; the record settles it before it
 * changes, so its text stays the one of the record when it was set.
 *
 * <p>Not thread-safe: a record belongs to one thread at a time (the input that made it, then the queue
 * consumer that took it). Copy it with {@link #copy()} before handing it to a second destination.
 *
 * <p>Lookup is a linear scan over an {@code int[]} of field ids: records carry tens of fields, and
 * comparing ids in one contiguous array beats hashing a name per access.
 */
public final class LogRecord {
    private static final int INITIAL_CAPACITY = 16;

    private int[] ids;
    private FieldName[] names;
    private Object[] values;
    private int size;
    /** True when a value may be a {@link RecordDerivedString}: every change settles it first. */
    private boolean derivedPending;

    public LogRecord() {
        this(INITIAL_CAPACITY);
    }

    public LogRecord(int expectedFieldCount) {
        int capacity = Math.max(4, expectedFieldCount);
        ids = new int[capacity];
        names = new FieldName[capacity];
        values = new Object[capacity];
    }

    private LogRecord(LogRecord original) {
        ids = Arrays.copyOf(original.ids, original.size + 4);
        names = Arrays.copyOf(original.names, original.size + 4);
        values = Arrays.copyOf(original.values, original.size + 4);
        size = original.size;
    }

    /**
     * An independent copy: values are immutable (a value derived from this record is settled first), so a
     * shallow copy of the arrays is a deep copy.
     */
    public LogRecord copy() {
        settle();
        return new LogRecord(this);
    }

    /**
     * Makes every value derived from this record's fields ({@link RecordDerivedString}) now, and keeps the
     * text in its place. Called before any change and before a copy; the runtime calls it before the record
     * leaves its thread, so the text is made on the thread that asked for it, as it would be at once.
     */
    public void settle() {
        if (!derivedPending) {
            return;
        }
        derivedPending = false;
        for (int i = 0; i < size; i++) {
            if (values[i] instanceof RecordDerivedString derived) {
                values[i] = derived.settle();
            }
        }
    }

    /** Number of fields, including fields present with an undef value. */
    public int size() {
        return size;
    }

    /** The slot of the field, or -1 when the record lacks it. */
    public int indexOf(FieldName name) {
        int id = name.id();
        int[] localIds = ids;
        for (int i = 0, n = size; i < n; i++) {
            if (localIds[i] == id) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(FieldName name) {
        return indexOf(name) >= 0;
    }

    /** The value, or null when the field is absent or undef. */
    public Object get(FieldName name) {
        int index = indexOf(name);
        return index < 0 ? null : readable(index);
    }

    /**
     * The string value as UTF-8, or null when the field is absent or not a string. When the value was
     * stored as bytes ({@link Utf8Text}) those are returned without a copy: do not modify them.
     */
    public byte[] getStringUtf8(FieldName name) {
        int index = indexOf(name);
        if (index < 0) {
            return null;
        }
        if (values[index] instanceof RecordDerivedString derived) {
            values[index] = derived.settle();
        }
        if (values[index] instanceof Utf8Text utf8) {
            return utf8.bytes();
        }
        return readable(index) instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
    }

    /**
     * Appends the string value as UTF-8 to {@code out} and returns true; returns false, writing nothing,
     * when the field is absent or not a string. A value kept as bytes is copied as it is, and a value derived
     * from the record is made straight into {@code out}, without an array in between.
     */
    public boolean writeStringUtf8(FieldName name, ByteSink out) {
        int index = indexOf(name);
        if (index < 0) {
            return false;
        }
        Object value = values[index];
        if (value instanceof RecordDerivedString derived) {
            derived.writeUtf8(out);
            return true;
        }
        if (value instanceof Utf8Text utf8) {
            out.write(utf8.bytes());
            return true;
        }
        if (readable(index) instanceof String text) {
            out.writeUtf8(text);
            return true;
        }
        return false;
    }

    /** The value when it is a string, else null (absent, undef or another type). */
    public String getString(FieldName name) {
        return get(name) instanceof String text ? text : null;
    }

    /** The value when it is an integer, else null. */
    public Long getInteger(FieldName name) {
        return get(name) instanceof Long number ? number : null;
    }

    /** The value when it is a datetime, else null. */
    public Datetime getDatetime(FieldName name) {
        return get(name) instanceof Datetime datetime ? datetime : null;
    }

    /** The value when it is a boolean, else null. */
    public Boolean getBoolean(FieldName name) {
        return get(name) instanceof Boolean flag ? flag : null;
    }

    /**
     * Sets the field, replacing the value in place when it exists (its position and first spelling are
     * kept) or appending it. {@code null} keeps or creates the field with an undef value.
     */
    public void set(FieldName name, Object value) {
        settle();
        int index = indexOf(name);
        if (index >= 0) {
            noteDerived(value);
            values[index] = value;
            return;
        }
        append(name, value);
    }

    public void setString(FieldName name, String value) {
        set(name, value);
    }

    /** Sets a string value that is made only if read (see {@link DeferredString}). */
    public void setDeferredString(FieldName name, DeferredString value) {
        set(name, value);
    }

    public void setInteger(FieldName name, long value) {
        set(name, Long.valueOf(value));
    }

    public void setBoolean(FieldName name, boolean value) {
        set(name, Boolean.valueOf(value));
    }

    public void setDatetime(FieldName name, long microseconds) {
        set(name, Datetime.ofMicroseconds(microseconds));
    }

    /** Sets the field only when the record lacks it (how the core sets EventReceivedTime and friends). */
    public void setIfAbsent(FieldName name, Object value) {
        settle();
        if (indexOf(name) < 0) {
            append(name, value);
        }
    }

    /**
     * Appends without checking for an existing field of that name. For producers that build a record
     * from distinct names (a decoder filling a fresh record); anyone else uses {@link #set}.
     */
    public void append(FieldName name, Object value) {
        settle();
        noteDerived(value);
        if (size == ids.length) {
            grow();
        }
        ids[size] = name.id();
        names[size] = name;
        values[size] = value;
        size++;
    }

    /**
     * Before storing {@code value}: a value derived from this record is to be settled before the next
     * change; one derived from another record is refused.
     */
    private void noteDerived(Object value) {
        if (value instanceof RecordDerivedString derived) {
            if (derived.record() != this) {
                throw new IllegalArgumentException("a value derived from another record");
            }
            derivedPending = true;
        }
    }

    /** Removes the field; later fields keep their order. Returns whether it was present. */
    public boolean remove(FieldName name) {
        settle();
        int index = indexOf(name);
        if (index < 0) {
            return false;
        }
        int tail = size - index - 1;
        System.arraycopy(ids, index + 1, ids, index, tail);
        System.arraycopy(names, index + 1, names, index, tail);
        System.arraycopy(values, index + 1, values, index, tail);
        size--;
        names[size] = null;
        values[size] = null;
        return true;
    }

    /**
     * Renames a field in place (it keeps its position). A different field already named {@code newName}
     * is removed first. Returns false, changing nothing, when {@code oldName} is absent.
     */
    public boolean rename(FieldName oldName, FieldName newName) {
        settle();
        int index = indexOf(oldName);
        if (index < 0) {
            return false;
        }
        if (!oldName.sameField(newName)) {
            int clash = indexOf(newName);
            if (clash >= 0) {
                remove(newName);
                if (clash < index) {
                    index--;
                }
            }
        }
        ids[index] = newName.id();
        names[index] = newName;
        return true;
    }

    /** Name of the field in slot {@code index} (0 ≤ index &lt; size), with its first spelling. */
    public FieldName nameAt(int index) {
        checkIndex(index);
        return names[index];
    }

    /** Value in slot {@code index} (0 ≤ index &lt; size); null for undef. */
    public Object valueAt(int index) {
        checkIndex(index);
        return readable(index);
    }

    /**
     * The value in slot {@code index} as the language knows it. Invariant: no {@link DeferredString} leaves
     * this class (only a Utf8Text's bytes do, through {@link #getStringUtf8}); one is resolved on its first
     * read and the String takes its slot, so later reads neither resolve again nor get another instance.
     */
    private Object readable(int index) {
        Object value = values[index];
        if (value instanceof DeferredString deferred) {
            String text = deferred.resolve();
            values[index] = text;
            return text;
        }
        return value;
    }

    /** Replaces the value in slot {@code index}; for callers that looked the slot up with {@link #indexOf}. */
    public void setValueAt(int index, Object value) {
        checkIndex(index);
        settle();
        noteDerived(value);
        values[index] = value;
    }

    /** Removes every field. */
    public void clear() {
        derivedPending = false;
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("field index " + index + " outside 0.." + (size - 1));
        }
    }

    private void grow() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        names = Arrays.copyOf(names, capacity);
        values = Arrays.copyOf(values, capacity);
    }

    /** {@code name=value} pairs for debugging; not an output format. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(names[i].spelling()).append('=').append(readable(i));
        }
        return text.append('}').toString();
    }
}
