package org.openmaces.maces.ring;

import java.nio.ByteBuffer;

/**
 * Receives records from {@link RingReader#read}: {@code length} bytes at {@code offset} of
 * {@code buffer} (little-endian). The bytes are valid only during the call: the space is handed
 * back to the producer when {@code read} returns. Wrap them with a
 * {@link org.openmaces.maces.record.RecordDecoder} and copy out what must live longer.
 */
@FunctionalInterface
public interface RecordHandler {
    void onRecord(ByteBuffer buffer, int offset, int length);
}
