package org.openmaces.maces.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.openmaces.maces.event.EsEvent;

class LossAccountingTest {
    private final LongAdder ring = new LongAdder();
    private final LongAdder sequence = new LongAdder();
    private final LossAccounting loss = new LossAccounting(ring, sequence, true);

    @Test
    void shouldCountGapsPerTypeAndKeepTheirRanges() {
        loss.observe(33, 6, 10, 100, 1);
        loss.observe(33, 6, 11, 101, 2);
        loss.observe(33, 6, 15, 105, 3);
        assertEquals(3, sequence.sum());
        LossAccounting.Gap gap = loss.pollGap();
        assertEquals(EsEvent.WRITE, gap.event());
        assertEquals(12, gap.firstMissing());
        assertEquals(14, gap.lastMissing());
        assertEquals(3, gap.count());
        assertNull(loss.pollGap());
    }

    @Test
    void shouldNotCountRingDropsTwice() {
        loss.observe(10, 6, 0, 0, 0);
        loss.ringDroppedTotal(4);
        assertEquals(4, ring.sum());
        assertEquals(0, sequence.sum(), "the gap is not seen yet, and is the ring's anyway");
        loss.observe(10, 6, 5, 5, 0);
        assertEquals(0, sequence.sum(), "four missing, all dropped by the ring");
        loss.observe(10, 6, 8, 8, 0);
        assertEquals(2, sequence.sum(), "two more missing, not the ring's");
    }

    @Test
    void shouldSeeLossesOfOtherTypesThroughTheGlobalSequence() {
        loss.observe(9, 4, 0, 10, 0);
        loss.observe(10, 4, 0, 13, 0);
        assertEquals(2, sequence.sum(), "two events of some type were lost between 10 and 13");
        assertNull(loss.pollGap(), "no per-type gap yet");
    }

    @Test
    void shouldStartAfreshForANewRunOrANumberGoingBack() {
        loss.observe(15, 9, 100, 1000, 0);
        loss.newRun();
        loss.observe(15, 9, 0, 0, 0);
        loss.observe(15, 9, 1, 1, 0);
        loss.observe(15, 9, 0, 0, 0);
        assertEquals(0, sequence.sum());
    }

    @Test
    void shouldSeeNothingInVersionOneMessages() {
        loss.observe(9, 1, 0, 0, 0);
        loss.observe(9, 1, 0, 0, 0);
        assertEquals(0, sequence.sum());
    }
}
