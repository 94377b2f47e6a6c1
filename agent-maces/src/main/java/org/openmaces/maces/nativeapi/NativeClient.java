package org.openmaces.maces.nativeapi;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.openmaces.maces.ring.RingWaiter;

/**
 * One ES client of the shim and its ring. Events never pass through here: the shim flattens them
 * into the ring, which {@link #ringRegion()} maps for a {@link org.openmaces.maces.ring.RingReader}.
 * These are the control calls: subscriptions, muting, waiting, counters.
 *
 * <p>Control calls may come from any thread. {@link #close()} must come after the reader has
 * stopped reading the region: the memory is unmapped.
 */
public final class NativeClient implements AutoCloseable, RingWaiter {
    /** Return codes of the control calls (nxes.h). */
    public static final int OK = 0;
    public static final int UNSUPPORTED_EVENT = -2;
    public static final int REFUSED_BY_ES = -3;
    public static final int CLOSED = -4;

    private final NxesLibrary library;
    private volatile Pointer handle;
    private final ByteBuffer region;

    private NativeClient(NxesLibrary library, Pointer handle) {
        this.library = library;
        this.handle = handle;
        long size = library.nxes_ring_size(handle);
        this.region = library.nxes_ring_address(handle).getByteBuffer(0, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Opens an ES client with a ring of {@code ringCapacity} bytes (a power of two; 0 for the
     * default 32 MiB). The client mutes its own process and subscribes to nothing yet.
     *
     * @throws NativeClientException when ES refuses; the message says what to change
     */
    public static NativeClient open(long ringCapacity) throws NativeClientException {
        NxesLibrary library = NativeShim.library();
        int[] error = new int[1];
        byte[] message = new byte[1024];
        Pointer handle = library.nxes_open(ringCapacity, error, message, message.length);
        if (handle == null) {
            int end = 0;
            while (end < message.length && message[end] != 0) {
                end++;
            }
            throw new NativeClientException(error[0], new String(message, 0, end, StandardCharsets.UTF_8));
        }
        return new NativeClient(library, handle);
    }

    /** The whole shared ring region (descriptor and data), little-endian, direct. */
    public ByteBuffer ringRegion() {
        return region.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The running OS version as major*10000 + minor*100 + patch (macOS 15.4.1: 150401). */
    public int osVersion() {
        return library.nxes_os_version(live());
    }

    /** True when the event type is one of the 51 NotifyEvents and the running macOS has it. */
    public boolean isSupported(int eventType) {
        return library.nxes_is_supported(live(), eventType) == 1;
    }

    /** Subscribes one type; {@link #UNSUPPORTED_EVENT} when the running macOS lacks it (ES is not called). */
    public int subscribe(int eventType) {
        return library.nxes_subscribe(live(), eventType);
    }

    public int unsubscribe(int eventType) {
        return library.nxes_unsubscribe(live(), eventType);
    }

    /** Subscribes every supported NotifyEvent, one call each; returns how many succeeded. */
    public int subscribeAll() {
        return library.nxes_subscribe_all(live());
    }

    public int unsubscribeAll() {
        return library.nxes_unsubscribe_all(live());
    }

    /** Mutes events of processes whose executable path is exactly {@code path}. */
    public int mutePathLiteral(String path) {
        return library.nxes_mute_path_literal(live(), path);
    }

    /** Mutes events of processes whose executable path starts with {@code prefix}. */
    public int mutePathPrefix(String prefix) {
        return library.nxes_mute_path_prefix(live(), prefix);
    }

    /** Removes every executable-path mute (ES's default set too); the self-mute stays. */
    public int unmuteAllPaths() {
        return library.nxes_unmute_all_paths(live());
    }

    @Override
    public boolean await(long timeoutMillis) {
        Pointer h = handle;
        return h != null && library.nxes_wait(h, (int) Math.min(Integer.MAX_VALUE, Math.max(0, timeoutMillis))) == 1;
    }

    /** Wakes a reader sleeping in {@link #await} (for shutdown). */
    public void wake() {
        Pointer h = handle;
        if (h != null) {
            library.nxes_wake(h);
        }
    }

    public long writtenRecords() {
        return library.nxes_written_records(live());
    }

    public long droppedRecords() {
        return library.nxes_dropped_records(live());
    }

    public long droppedForType(int eventType) {
        return library.nxes_dropped_for_type(live(), eventType);
    }

    /** Unsubscribes, deletes the ES client, frees the ring. Idempotent. */
    @Override
    public synchronized void close() {
        Pointer h = handle;
        if (h != null) {
            handle = null;
            library.nxes_close(h);
        }
    }

    private Pointer live() {
        Pointer h = handle;
        if (h == null) {
            throw new IllegalStateException("the native ES client is closed");
        }
        return h;
    }
}
