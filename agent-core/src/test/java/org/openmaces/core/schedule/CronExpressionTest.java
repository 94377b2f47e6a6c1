package org.openmaces.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ZonedDateTime at(String text) {
        return ZonedDateTime.parse(text + "Z").withZoneSameInstant(UTC);
    }

    @Test
    void shouldNeverChooseTheCurrentMinute() {
        CronExpression everyMinute = CronExpression.parse("* * * * *");
        assertEquals(at("2024-01-01T10:01:00"), everyMinute.nextAfter(at("2024-01-01T10:00:00")));
        assertEquals(at("2024-01-01T10:01:00"), everyMinute.nextAfter(at("2024-01-01T10:00:59")));
    }

    @Test
    void shouldHandleRangesListsAndSteps() {
        CronExpression expression = CronExpression.parse("*/15 9-17/4 * * 1,3");
        // 2024-01-01 is a Monday.
        assertEquals(at("2024-01-01T09:15:00"), expression.nextAfter(at("2024-01-01T09:00:00")));
        assertEquals(at("2024-01-01T13:00:00"), expression.nextAfter(at("2024-01-01T09:45:00")));
        assertEquals(at("2024-01-03T09:00:00"), expression.nextAfter(at("2024-01-01T17:45:00")));
    }

    @Test
    void shouldRequireBothDayOfMonthAndWeekdayUnlikeCron() {
        // The 13th that is a Friday (5): 2024-09-13.
        CronExpression fridayThe13th = CronExpression.parse("0 0 13 * 5");
        assertEquals(at("2024-09-13T00:00:00"), fridayThe13th.nextAfter(at("2024-01-14T00:00:00")));
    }

    @Test
    void shouldTreatSevenAsSundayAndExpandMacros() {
        assertEquals(at("2024-01-07T00:00:00"), CronExpression.parse("0 0 * * 7").nextAfter(at("2024-01-01T00:00:00")));
        assertEquals(at("2024-01-07T00:00:00"), CronExpression.parse("@weekly").nextAfter(at("2024-01-01T00:00:00")));
        assertEquals(at("2024-01-01T11:00:00"), CronExpression.parse("@hourly").nextAfter(at("2024-01-01T10:00:00")));
        assertEquals(at("2025-01-01T00:00:00"), CronExpression.parse("@yearly").nextAfter(at("2024-01-01T00:00:00")));
    }

    @Test
    void shouldRejectBadFieldsWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("60 * * * *"))
                .getMessage().contains("60 is outside 0-59 in the minute field"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* * * JAN *"))
                .getMessage().contains("names of months and weekdays are not supported"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* * *"))
                .getMessage().contains("expected 5 fields"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 30 2 *"))
                .getMessage().contains("matches no date"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("5/2 * * * *"))
                .getMessage().contains("a /step needs * or a range"));
    }

    @Test
    void shouldRunEveryWithoutFirstImmediatelyThenPeriodically() {
        ScheduleTiming every = new ScheduleTiming.Every(10, null);
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        assertEquals(now, every.nextRun(now, UTC, true));
        assertEquals(now.plusSeconds(10), every.nextRun(now, UTC, false));
    }

    @Test
    void shouldAlignEveryWithFirstAndSkipMissedRuns() {
        Instant first = Instant.parse("2024-01-01T00:00:00Z");
        ScheduleTiming every = new ScheduleTiming.Every(60, first);
        assertEquals(first, every.nextRun(Instant.parse("2023-12-31T23:00:00Z"), UTC, true));
        assertEquals(Instant.parse("2024-01-01T01:01:00Z"), every.nextRun(Instant.parse("2024-01-01T01:00:30Z"), UTC, true));
        assertEquals(Instant.parse("2024-01-01T01:01:00Z"), every.nextRun(Instant.parse("2024-01-01T01:00:00Z"), UTC, false));
    }
}
