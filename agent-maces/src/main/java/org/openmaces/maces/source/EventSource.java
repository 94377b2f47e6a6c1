package org.openmaces.maces.source;

import java.util.List;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.ring.RecordHandler;

/**
 * Where im_maces gets its events: every source hands over records of the ring format
 * (native/RECORD_FORMAT.md), so one decoder and one mapper serve them all.
 *
 * <p>{@link #start} and {@link #stop} run on the runtime's control thread, {@link #read} on the
 * input thread; the control calls ({@link #subscribe} ...) come from Exec or Schedule threads
 * and must be thread-safe.
 */
public interface EventSource {
    /** {@link #read} returns this when a finite source (a replay) has nothing more. */
    int END = -1;

    /** Opens the source; the message of a failure says what to change. */
    void start() throws Exception;

    /**
     * Hands up to {@code limit} records to {@code handler}, in order; may block for at most about
     * 100 ms when nothing is there. The bytes are valid only during the call.
     *
     * @return records handed over, or {@link #END}
     */
    int read(RecordHandler handler, int limit) throws Exception;

    /** Releases everything; called once, after the last {@link #read}, also after a failed start. */
    void stop();

    /** True when the running macOS (or the source) has the event; false ones are not subscribed. */
    boolean isSupported(EsEvent event);

    /** Subscribes one event; the caller has checked {@link #isSupported}. */
    void subscribe(EsEvent event);

    void unsubscribe(EsEvent event);

    void unsubscribeAll();

    /** Mutes an executable path (literal or prefix) at the source, if the source can. */
    void mute(String path, boolean prefix);

    void unmuteAllPaths();

    /** Checks for {@code nxlog doctor}, without starting. */
    List<DoctorFinding> diagnose();

    /** The source's name in messages: {@code native}, {@code eslogger}, {@code replay}. */
    String name();
}
