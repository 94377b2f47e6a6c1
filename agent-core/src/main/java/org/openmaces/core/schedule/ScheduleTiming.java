package org.openmaces.core.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a {@code <Schedule>} block runs: a cron {@code When}, or {@code Every} with an optional {@code First}. */
public sealed interface ScheduleTiming {

    /**
     * The next run strictly after {@code now}. {@code firstCall} is true for the first question after the
     * module starts (an Every without First runs immediately then). Null when it never runs again.
     */
    Instant nextRun(Instant now, ZoneId zone, boolean firstCall);

    /** {@code When}: matching minutes in local time. */
    record When(CronExpression expression) implements ScheduleTiming {
        @Override
        public Instant nextRun(Instant now, ZoneId zone, boolean firstCall) {
            ZonedDateTime next = expression.nextAfter(now.atZone(zone));
            return next == null ? null : next.toInstant();
        }
    }

    /**
     * {@code Every}: every {@code intervalSeconds}; with {@code first}, at {@code first + k·interval}
     * (missed runs are not made up); without, immediately at start and then every interval.
     */
    record Every(long intervalSeconds, Instant first) implements ScheduleTiming {
        public Every {
            if (intervalSeconds <= 0) {
                throw new IllegalArgumentException("Every needs a positive interval");
            }
        }

        @Override
        public Instant nextRun(Instant now, ZoneId zone, boolean firstCall) {
            if (first == null) {
                return firstCall ? now : now.plusSeconds(intervalSeconds);
            }
            if (first.isAfter(now)) {
                return first;
            }
            long elapsed = now.getEpochSecond() - first.getEpochSecond();
            long periods = elapsed / intervalSeconds + 1;
            return first.plusSeconds(periods * intervalSeconds);
        }
    }
}
