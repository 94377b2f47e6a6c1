package org.openmaces.core.config;

import java.util.List;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.schedule.ScheduleTiming;

/** A validated {@code <Schedule>} block: when it runs and the Exec code it runs (with no current record). */
public record ScheduleDefinition(Location location, ScheduleTiming timing, List<SourceText> exec) {
    public ScheduleDefinition {
        exec = List.copyOf(exec);
    }
}
