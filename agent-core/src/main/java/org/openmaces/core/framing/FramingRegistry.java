package org.openmaces.core.framing;

/** OutputType names to framings; names match case-insensitively. */
public interface FramingRegistry {

    /** Adds a framing; an existing name is replaced (the later extension instance wins) and returns false. */
    boolean register(RecordFraming framing);

    /** The framing of that name, or null. */
    RecordFraming find(String name);
}
