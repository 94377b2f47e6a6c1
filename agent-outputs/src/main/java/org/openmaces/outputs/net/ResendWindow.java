package org.openmaces.outputs.net;

import java.util.ArrayDeque;
import org.openmaces.core.framing.ByteSink;

/**
 * The bytes of the batches a stream output sent most recently, kept after they were acknowledged. A TCP
 * write succeeds once the bytes are in the local send buffer; when the receiver then dies, what was still
 * in flight or unread in its socket is gone, and the sender learns it only later. After such a failure the
 * output sends these batches again on the new connection, so records acknowledged shortly before the
 * failure arrive at least once (possibly twice). Batches older than the window, or beyond its byte limit,
 * are forgotten. The sinks are recycled to avoid copying. Not thread-safe.
 */
final class ResendWindow {
    private final long windowMillis;
    private final long maximumBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final ArrayDeque<ByteSink> spare = new ArrayDeque<>();
    private long bytes;

    private record Entry(ByteSink sink, long sentMillis) {
    }

    ResendWindow(long windowMillis, long maximumBytes) {
        this.windowMillis = windowMillis;
        this.maximumBytes = maximumBytes;
    }

    /** Keeps {@code sent} (sent at {@code nowMillis}) and returns an empty sink to fill next. */
    ByteSink retain(ByteSink sent, long nowMillis) {
        if (windowMillis <= 0 || maximumBytes <= 0) {
            sent.reset();
            return sent;
        }
        entries.addLast(new Entry(sent, nowMillis));
        bytes += sent.length();
        expire(nowMillis);
        ByteSink next = spare.pollFirst();
        return next != null ? next : new ByteSink(Math.max(8192, sent.array().length));
    }

    /**
     * Forgets batches sent before {@code nowMillis - window}, and the oldest ones while the newer ones
     * alone hold the byte limit (so the window covers at least the last limit's worth of bytes).
     */
    void expire(long nowMillis) {
        while (!entries.isEmpty()) {
            Entry oldest = entries.peekFirst();
            boolean tooOld = oldest.sentMillis < nowMillis - windowMillis;
            boolean tooMuch = bytes - oldest.sink.length() >= maximumBytes && entries.size() > 1;
            if (!tooOld && !tooMuch) {
                break;
            }
            entries.removeFirst();
            bytes -= oldest.sink.length();
            recycle(oldest.sink);
        }
    }

    private void recycle(ByteSink sink) {
        sink.reset();
        if (spare.size() < 4 && sink.array().length <= 4 << 20) {
            spare.addLast(sink);
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    int batches() {
        return entries.size();
    }

    /** The kept batches, oldest first. */
    Iterable<ByteSink> batchesOldestFirst() {
        return entries.stream().map(Entry::sink)::iterator;
    }

    void clear() {
        while (!entries.isEmpty()) {
            recycle(entries.removeFirst().sink);
        }
        bytes = 0;
    }
}
