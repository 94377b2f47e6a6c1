package org.openmaces.maces.module;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.openmaces.maces.event.EsEvent;

/**
 * What the instance collects right now, as the agent sees it: the subscribed event types and the
 * muted executable paths. Every source's records pass through it, so a procedure takes effect at
 * once also for events Endpoint Security (or eslogger, or a capture) already handed over, and
 * sources that cannot mute (eslogger, replay) mute here.
 *
 * <p>Written by procedures (the Exec thread or a Schedule thread), read by the input thread:
 * the subscription bits are atomic, the mute list a copy-on-write snapshot.
 */
final class Selection {
    private final AtomicLongArray subscribed = new AtomicLongArray(2); // bit per ES type 0..127
    private volatile Mutes mutes = Mutes.NONE;
    /** Bumped on every change that can drop records already produced. */
    private final java.util.concurrent.atomic.AtomicLong narrowings = new java.util.concurrent.atomic.AtomicLong();

    boolean isSubscribed(int type) {
        return type >= 0 && type < 128 && (subscribed.get(type >>> 6) & 1L << (type & 63)) != 0;
    }

    /** Sets the subscription; returns whether it changed. */
    boolean setSubscribed(EsEvent event, boolean on) {
        int type = event.type();
        int word = type >>> 6;
        long bit = 1L << (type & 63);
        while (true) {
            long current = subscribed.get(word);
            long next = on ? current | bit : current & ~bit;
            if (current == next) {
                return false;
            }
            if (subscribed.compareAndSet(word, current, next)) {
                if (!on) {
                    narrowings.incrementAndGet();
                }
                return true;
            }
        }
    }

    /** Adds a mute; returns false when it was already there. */
    synchronized boolean mute(String path, boolean prefix) {
        Mutes current = mutes;
        if (current.contains(path, prefix)) {
            return false;
        }
        mutes = current.plus(path, prefix);
        narrowings.incrementAndGet();
        return true;
    }

    synchronized boolean unmuteAll() {
        boolean had = !mutes.isEmpty();
        mutes = Mutes.NONE;
        return had;
    }

    long narrowings() {
        return narrowings.get();
    }

    boolean hasMutes() {
        return !mutes.isEmpty();
    }

    /** True when the executable path (bytes in a record) is muted. */
    boolean isMuted(ByteBuffer buffer, int offset, int length) {
        return mutes.matches(buffer, offset, length);
    }

    boolean isMuted(String executable) {
        byte[] bytes = executable.getBytes(StandardCharsets.UTF_8);
        return mutes.matches(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    List<String> describeMutes() {
        return mutes.describe();
    }

    /** An immutable set of literal and prefix mutes. */
    private static final class Mutes {
        static final Mutes NONE = new Mutes(new byte[0][], new boolean[0]);
        private final byte[][] paths;
        private final boolean[] prefix;

        Mutes(byte[][] paths, boolean[] prefix) {
            this.paths = paths;
            this.prefix = prefix;
        }

        boolean isEmpty() {
            return paths.length == 0;
        }

        boolean contains(String path, boolean isPrefix) {
            byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < paths.length; i++) {
                if (prefix[i] == isPrefix && java.util.Arrays.equals(paths[i], bytes)) {
                    return true;
                }
            }
            return false;
        }

        Mutes plus(String path, boolean isPrefix) {
            byte[][] newPaths = java.util.Arrays.copyOf(paths, paths.length + 1);
            boolean[] newPrefix = java.util.Arrays.copyOf(prefix, prefix.length + 1);
            newPaths[paths.length] = path.getBytes(StandardCharsets.UTF_8);
            newPrefix[paths.length] = isPrefix;
            return new Mutes(newPaths, newPrefix);
        }

        /** ES's rule: a literal matches the whole path, a prefix its start. */
        boolean matches(ByteBuffer buffer, int offset, int length) {
            for (int i = 0; i < paths.length; i++) {
                byte[] path = paths[i];
                if (prefix[i] ? length >= path.length : length == path.length) {
                    boolean same = true;
                    for (int j = 0; j < path.length && same; j++) {
                        same = buffer.get(offset + j) == path[j];
                    }
                    if (same) {
                        return true;
                    }
                }
            }
            return false;
        }

        List<String> describe() {
            List<String> text = new ArrayList<>();
            for (int i = 0; i < paths.length; i++) {
                text.add((prefix[i] ? "prefix " : "literal ") + new String(paths[i], StandardCharsets.UTF_8));
            }
            return text;
        }
    }
}
