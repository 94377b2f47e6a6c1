package org.openmaces.core.language.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.InstanceState;

class StatisticTest {
    private static final long SECOND = 1_000_000L;
    private final LanguageInstanceState state = new LanguageInstanceState();

    private void create(String name, String type, long interval) throws ExecutionException {
        state.createStat(name, type, interval, 0, InstanceState.NEVER, 0);
    }

    private void add(String name, long value, long seconds) throws ExecutionException {
        state.addStat(name, value, seconds * SECOND, 0);
    }

    private Long get(String name, long seconds) {
        return state.getStat(name, seconds * SECOND, 0);
    }

    @Test
    void shouldCountFromZeroWithoutWindows() throws ExecutionException {
        create("c", "count", 0);
        assertEquals(0L, get("c", 0));
        add("c", 5, 0);
        add("c", -2, 0);
        assertEquals(3L, get("c", 0));
    }

    @Test
    void shouldNormaliseRateToTheIntervalAndResetIt() throws ExecutionException {
        create("r", "RATE", 10);
        add("r", 6, 1);
        assertNull(get("r", 9));
        assertEquals(6L, get("r", 10));
        add("r", 4, 12);
        assertEquals(2L, get("r", 30), "4 in a 20 s window is 2 per 10 s");
    }

    @Test
    void shouldPutAnAddThatClosesAWindowIntoTheNextOne() throws ExecutionException {
        create("r", "RATE", 1);
        add("r", 3, 0);
        add("r", 7, 1);
        assertEquals(3L, get("r", 1));
        assertEquals(7L, get("r", 2));
    }

    @Test
    void shouldTrackMinimaAndMaxima() throws ExecutionException {
        create("min", "RATEMIN", 1);
        create("max", "RATEMAX", 1);
        for (String name : new String[] {"min", "max"}) {
            add(name, 5, 0);
            add(name, 2, 1);
            add(name, 9, 2);
            get(name, 3);
        }
        assertEquals(2L, get("min", 3));
        assertEquals(9L, get("max", 3));
    }

    @Test
    void shouldComputeAverageAsNxlogDoes() throws ExecutionException {
        create("a", "AVG", 1);
        create("amax", "AVGMAX", 1);
        add("a", 10, 0);
        add("amax", 10, 0);
        assertEquals(5L, get("a", 1));
        add("amax", 2, 1);
        get("amax", 2);
        assertEquals(5L, get("amax", 2));
    }

    @Test
    void shouldComputeGradientsFromSuccessiveRates() throws ExecutionException {
        create("g", "GRAD", 1);
        create("gmin", "GRADMIN", 1);
        for (String name : new String[] {"g", "gmin"}) {
            add(name, 4, 0);
            add(name, 10, 1);
            add(name, 1, 2);
        }
        assertEquals(-9L, get("g", 3));
        assertEquals(-9L, get("gmin", 3), "rates 4, 10, 1: gradients 4, 6, -9");
    }

    @Test
    void shouldKeepCountMaxOverCumulativeTotals() throws ExecutionException {
        create("cmax", "COUNTMAX", 1);
        create("cmin", "COUNTMIN", 1);
        for (String name : new String[] {"cmax", "cmin"}) {
            add(name, 5, 0);
            add(name, -3, 1);
            add(name, 1, 2);
        }
        assertEquals(5L, get("cmax", 3));
        assertEquals(2L, get("cmin", 3));
    }

    @Test
    void shouldIgnoreCreatingAnExistingCounter() throws ExecutionException {
        create("c", "COUNT", 0);
        add("c", 1, 0);
        create("c", "RATE", 5);
        assertEquals(1L, get("c", 0));
    }

    @Test
    void shouldRejectBadCounters() {
        assertThrows(ExecutionException.class, () -> create("x", "RATE", 0));
        assertThrows(ExecutionException.class, () -> create("x", "PERCENTILE", 1));
        assertThrows(ExecutionException.class, () -> add("missing", 1, 0));
    }

    @Test
    void shouldExpireCountersAndVariables() throws ExecutionException {
        state.createStat("c", "COUNT", 0, 0, 10 * SECOND, 0);
        assertEquals(0L, state.getStat("c", 0, 9 * SECOND));
        assertNull(state.getStat("c", 0, 10 * SECOND));
        state.createVariable("v", 5 * SECOND, 0);
        state.setVariable("v", "x", 1);
        assertEquals("x", state.getVariable("v", 4 * SECOND));
        assertNull(state.getVariable("v", 5 * SECOND));
        state.setVariable("v", "y", 6 * SECOND);
        assertEquals("y", state.getVariable("v", 100 * SECOND), "set_var recreates without expiry");
    }
}
