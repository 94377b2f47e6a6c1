package org.openmaces.maces.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.loss.LossAccounting;
import org.openmaces.maces.nativeapi.NativeClient;
import org.openmaces.maces.nativeapi.NativeClientException;
import org.openmaces.maces.nativeapi.NativeShim;
import org.openmaces.maces.ring.BackoffIdleStrategy;
import org.openmaces.maces.ring.RecordHandler;
import org.openmaces.maces.ring.RingReader;
import org.slf4j.Logger;

/**
 * The shim's own ES client (macOS, root, the entitlement, Full Disk Access): events arrive in the
 * shared ring, control calls go through JNA. The shim mutes the agent's own process when it opens
 * the client, so the agent's writes never come back as events.
 *
 * <p>On Linux the shim is built against fake-es; it is used only when the system property
 * {@value #FAKE_ES_PROPERTY} is {@code true} (tests, benchmarks). Otherwise a start outside macOS
 * fails with a message naming the sources that work there.
 */
public final class NativeSource implements EventSource {
    /** System property that lets tests and benchmarks run the native source on fake-es. */
    public static final String FAKE_ES_PROPERTY = "openmaces.fake-es";

    private final long ringCapacity;
    private final LossAccounting loss;
    private final Logger logger;
    private NativeClient client;
    private RingReader reader;
    private BackoffIdleStrategy idle;
    private volatile boolean stopped;

    private final java.util.concurrent.atomic.LongAdder unreadAtStop;

    /** @param unreadAtStop counts events still in the ring when the source stops (they are not delivered) */
    public NativeSource(long ringCapacity, LossAccounting loss, Logger logger,
            java.util.concurrent.atomic.LongAdder unreadAtStop) {
        this.ringCapacity = ringCapacity;
        this.loss = loss;
        this.logger = logger;
        this.unreadAtStop = unreadAtStop;
    }

    static boolean isMacos() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    }

    static boolean fakeEsAllowed() {
        return Boolean.getBoolean(FAKE_ES_PROPERTY);
    }

    /** Why the native source cannot run here, or null. */
    static String unavailableHere() {
        if (!isMacos() && !fakeEsAllowed()) {
            return "the native source needs macOS Endpoint Security, and this is " + System.getProperty("os.name")
                    + ". Use 'Source replay' with 'ReplayFile' to read eslogger captures here, or run the agent on a Mac"
                    + " ('Source native', or 'Source eslogger' without the Endpoint Security entitlement)";
        }
        if (!NativeShim.isAvailable()) {
            return "libnxes, the agent's Endpoint Security shim, cannot be loaded (" + NativeShim.unavailabilityCause()
                    + "); reinstall the agent, or use 'Source eslogger' (macOS 13+, runs /usr/bin/eslogger) or"
                    + " 'Source replay'";
        }
        return null;
    }

    @Override
    public void start() throws Exception {
        String unavailable = unavailableHere();
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        try {
            client = NativeClient.open(ringCapacity);
        } catch (NativeClientException e) {
            throw new IllegalStateException(e.getMessage()
                    + " (without the entitlement, 'Source eslogger' runs Apple's /usr/bin/eslogger instead)", e);
        }
        reader = new RingReader(client.ringRegion());
        idle = BackoffIdleStrategy.waitingOn(client);
        logger.info("Endpoint Security client open on macOS {}, ring of {} KiB; the agent's own process is muted",
                EsEvent.macosText(client.osVersion()), reader.capacity() >> 10);
    }

    @Override
    public int read(RecordHandler handler, int limit) {
        int read = reader.read(handler, limit);
        if (read == 0) {
            idle.idle(0);
            read = reader.read(handler, limit);
        } else {
            idle.reset();
        }
        loss.ringDroppedTotal(reader.droppedRecords());
        return read;
    }

    /** Ring drops of one event type so far. */
    public long droppedForType(EsEvent event) {
        return reader == null ? 0 : reader.droppedForType(event.type());
    }

    /** Records the shim committed to the ring so far. */
    public long writtenRecords() {
        return reader == null ? 0 : reader.writtenRecords();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (client != null) {
            if (reader != null) {
                client.unsubscribeAll();
                loss.ringDroppedTotal(reader.droppedRecords());
                // what ES handed over but the agent stopped before reading: counted, not silently gone
                int unread = reader.read((buffer, offset, length) -> { }, Integer.MAX_VALUE);
                unreadAtStop.add(unread);
            }
            client.close();
            client = null;
        }
    }

    private synchronized NativeClient live() {
        return stopped ? null : client;
    }

    @Override
    public boolean isSupported(EsEvent event) {
        NativeClient c = live();
        return c != null && c.isSupported(event.type());
    }

    @Override
    public void subscribe(EsEvent event) {
        NativeClient c = live();
        if (c != null) {
            int result = c.subscribe(event.type());
            if (result != NativeClient.OK) {
                logger.warn("Endpoint Security refused the subscription to {} (code {})", event.eventName(), result);
            }
        }
    }

    @Override
    public void unsubscribe(EsEvent event) {
        NativeClient c = live();
        if (c != null) {
            c.unsubscribe(event.type());
        }
    }

    @Override
    public void unsubscribeAll() {
        NativeClient c = live();
        if (c != null) {
            c.unsubscribeAll();
        }
    }

    @Override
    public void mute(String path, boolean prefix) {
        NativeClient c = live();
        if (c != null) {
            int result = prefix ? c.mutePathPrefix(path) : c.mutePathLiteral(path);
            if (result != NativeClient.OK) {
                logger.warn("Endpoint Security refused to mute {} '{}' (code {}); the agent filters it instead",
                        prefix ? "prefix" : "path", path, result);
            }
        }
    }

    @Override
    public void unmuteAllPaths() {
        NativeClient c = live();
        if (c != null) {
            c.unmuteAllPaths();
        }
    }

    @Override
    public List<DoctorFinding> diagnose() {
        List<DoctorFinding> findings = new ArrayList<>();
        String unavailable = unavailableHere();
        if (unavailable != null) {
            findings.add(DoctorFinding.problem("Endpoint Security (native source)", unavailable,
                    "switch to 'Source eslogger' or 'Source replay', or run on a Mac with the signed agent"));
            return findings;
        }
        try (NativeClient probe = NativeClient.open(0)) {
            findings.add(DoctorFinding.ok("Endpoint Security client", "created on macOS "
                    + EsEvent.macosText(probe.osVersion()) + "; root, entitlement and Full Disk Access are in place"));
        } catch (NativeClientException e) {
            String check = switch (e.code()) {
                case NativeClientException.NOT_PERMITTED -> "Full Disk Access";
                case NativeClientException.NOT_PRIVILEGED -> "running as root";
                case NativeClientException.NOT_ENTITLED -> "Endpoint Security entitlement";
                case NativeClientException.TOO_MANY_CLIENTS -> "Endpoint Security client limit";
                default -> "Endpoint Security client";
            };
            findings.add(DoctorFinding.problem(check, "es_new_client failed (code " + e.code() + ")", e.getMessage()));
        }
        return findings;
    }

    @Override
    public String name() {
        return "native";
    }
}
