package org.openmaces.maces.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffIdleStrategyTest {
    @Test
    void shouldSpinThenYieldThenParkForDoublingPeriodsUpToTheBound() {
        List<Long> parks = new ArrayList<>();
        BackoffIdleStrategy idle = new BackoffIdleStrategy(3, 2, 1_000, 6_000, null, 100, parks::add);
        for (int i = 0; i < 5; i++) {
            idle.idle(0);
        }
        assertEquals(List.of(), parks, "3 spins and 2 yields first");
        for (int i = 0; i < 5; i++) {
            idle.idle(0);
        }
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 6_000L, 6_000L), parks);
        idle.idle(1);
        parks.clear();
        for (int i = 0; i < 6; i++) {
            idle.idle(0);
        }
        assertEquals(List.of(1_000L), parks, "work resets the backoff");
    }

    @Test
    void shouldWaitOnTheShimInsteadOfParkingWhenItCan() {
        RingWaiter waiter = mock(RingWaiter.class);
        BackoffIdleStrategy.Parker parker = mock(BackoffIdleStrategy.Parker.class);
        BackoffIdleStrategy idle = new BackoffIdleStrategy(1, 1, 1_000, 1_000_000, waiter, 50, parker);
        for (int i = 0; i < 4; i++) {
            idle.idle(0);
        }
        verify(waiter, times(2)).await(50);
        verify(parker, never()).park(org.mockito.ArgumentMatchers.anyLong());
    }
}
