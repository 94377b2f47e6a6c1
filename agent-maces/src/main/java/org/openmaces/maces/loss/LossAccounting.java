package org.openmaces.maces.loss;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.maces.event.EsEvent;

/**
 * Finds lost events (endpoint-security.md §1.6): gaps in {@code seq_num} per event type (message
 * version 2 and later) and in {@code global_seq_num} (version 4 and later), and the ring's own
 * drops, which the shim counts. A ring drop also leaves a sequence gap (ES numbered the event
 * before the ring refused it), so events lost before the agent saw them are the sequence gaps
 * minus the ring's drops; that difference only grows, never overcounts, and catches up as soon as
 * the gap after a ring drop is seen.
 *
 * <p>Called on the input thread for every record read, before any filtering (a filtered event is
 * not a gap). {@link #newRun} when numbering restarts (a new eslogger process, the next capture
 * file); a number going backwards also starts a new run for that counter.
 */
public final class LossAccounting {
    /** One sequence gap, for a gap record ({@code $EventType "lost"}). */
    public record Gap(EsEvent event, long firstMissing, long lastMissing, long timeNanos) {
        public long count() {
            return lastMissing - firstMissing + 1;
        }
    }

    private final LongAdder ringLoss;
    private final LongAdder sequenceLoss;
    private final boolean keepGaps;
    private final long[] lastSeq = new long[EsEvent.MAX_TYPE + 1];
    private final boolean[] seenType = new boolean[EsEvent.MAX_TYPE + 1];
    private long lastGlobal;
    private boolean seenGlobal;
    private long typeGaps;
    private long globalGaps;
    private long ringDropped;
    private long sequenceReported;
    private final Queue<Gap> gaps = new ArrayDeque<>();

    /**
     * @param ringLoss     receives events the ring dropped
     * @param sequenceLoss receives events lost before they reached the agent (sequence gaps minus ring drops)
     * @param keepGaps     true to keep each gap for {@link #pollGap()}
     */
    public LossAccounting(LongAdder ringLoss, LongAdder sequenceLoss, boolean keepGaps) {
        this.ringLoss = ringLoss;
        this.sequenceLoss = sequenceLoss;
        this.keepGaps = keepGaps;
    }

    /** Numbering starts again (a new ES client or capture): forget the last numbers seen. */
    public void newRun() {
        Arrays.fill(seenType, false);
        seenGlobal = false;
    }

    /** One record as read, before filtering. */
    public void observe(int eventType, int messageVersion, long seqNum, long globalSeqNum, long timeNanos) {
        if (messageVersion >= 2 && eventType >= 0 && eventType <= EsEvent.MAX_TYPE) {
            if (seenType[eventType] && Long.compareUnsigned(seqNum, lastSeq[eventType]) > 0) {
                long missing = seqNum - lastSeq[eventType] - 1;
                if (missing > 0) {
                    typeGaps += missing;
                    if (keepGaps) {
                        gaps.add(new Gap(EsEvent.ofType(eventType), lastSeq[eventType] + 1, seqNum - 1, timeNanos));
                    }
                }
            }
            seenType[eventType] = true;
            lastSeq[eventType] = seqNum;
        }
        if (messageVersion >= 4) {
            if (seenGlobal && Long.compareUnsigned(globalSeqNum, lastGlobal) > 0) {
                globalGaps += globalSeqNum - lastGlobal - 1;
            }
            seenGlobal = true;
            lastGlobal = globalSeqNum;
        }
        settle();
    }

    /** The shim's total of ring drops (a counter that only grows). */
    public void ringDroppedTotal(long total) {
        if (total > ringDropped) {
            ringLoss.add(total - ringDropped);
            ringDropped = total;
            settle();
        }
    }

    private void settle() {
        long beforeAgent = Math.max(typeGaps, globalGaps) - ringDropped;
        if (beforeAgent > sequenceReported) {
            sequenceLoss.add(beforeAgent - sequenceReported);
            sequenceReported = beforeAgent;
        }
    }

    /** The next gap seen (when gaps are kept), or null. */
    public Gap pollGap() {
        return gaps.poll();
    }

    /** Events missing from the sequence numbers so far (both causes). */
    public long sequenceGaps() {
        return Math.max(typeGaps, globalGaps);
    }

    public long ringDropped() {
        return ringDropped;
    }

    /** Events lost before they reached the agent. */
    public long lostBeforeAgent() {
        return sequenceReported;
    }
}
