package org.openmaces.maces.source;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.maces.eslogger.EsloggerJsonConverter;
import org.openmaces.maces.eslogger.JsonLineReader;
import org.openmaces.maces.eslogger.MalformedEventException;
import org.openmaces.maces.record.RecordWriter;

/**
 * Reads eslogger lines and converts each into a record: shared by the eslogger and replay
 * sources. Malformed lines are counted and reported, events of other types counted.
 */
final class LineConversion {
    private final EsloggerJsonConverter converter = new EsloggerJsonConverter(new RecordWriter());
    private final MalformedLineReporter malformed;
    private final LongAdder otherEvents;

    LineConversion(MalformedLineReporter malformed, LongAdder otherEvents) {
        this.malformed = malformed;
        this.otherEvents = otherEvents;
    }

    /**
     * Reads lines until one converts into a record (then {@link #writer()} holds it).
     *
     * @return false at the end of the input
     */
    boolean next(JsonLineReader lines, String where) throws IOException {
        while (lines.next()) {
            if (lines.isOverlong()) {
                malformed.malformed(where, lines.lineNumber(), "longer than " + JsonLineReader.DEFAULT_MAXIMUM_LINE
                        + " bytes");
                continue;
            }
            try {
                if (converter.convert(lines.array(), lines.offset(), lines.length())
                        == EsloggerJsonConverter.Result.RECORD) {
                    return true;
                }
                otherEvents.increment();
            } catch (MalformedEventException e) {
                String why = lines.endedWithoutNewline() ? "the last line is cut short (" + e.getMessage() + ")"
                        : e.getMessage();
                malformed.malformed(where, lines.lineNumber(), why);
            }
        }
        return false;
    }

    RecordWriter writer() {
        return converter.writer();
    }
}
