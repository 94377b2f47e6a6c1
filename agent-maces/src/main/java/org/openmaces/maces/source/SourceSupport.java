package org.openmaces.maces.source;

import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/** What the JSON-reading sources share with the instance: counters, the logger, the clock. */
public final class SourceSupport {
    final MalformedLineReporter malformed;
    final LongAdder otherEvents;
    final Logger logger;
    final Clock clock;

    /**
     * @param malformedLines counts lines that are not eslogger events (a loss)
     * @param otherEvents    counts well-formed events of types im_maces does not collect
     */
    public SourceSupport(LongAdder malformedLines, LongAdder otherEvents, Logger logger, Clock clock) {
        this.malformed = new MalformedLineReporter(malformedLines, logger, clock);
        this.otherEvents = otherEvents;
        this.logger = logger;
        this.clock = clock;
    }

    LineConversion newLineConversion() {
        return new LineConversion(malformed, otherEvents);
    }
}
