package org.openmaces.maces.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openmaces.core.config.Suggestions;

/**
 * Names to events for {@code NotifyEvents} and the procedures: the 51 names, {@code All}, and the
 * documented default set.
 */
public final class EventCatalog {
    /** The value of NotifyEvents that subscribes every supported event. */
    public static final String ALL = "All";

    /** NotifyEvents when the directive is absent (im_maces documentation). */
    public static final Set<EsEvent> DEFAULTS = Collections.unmodifiableSet(EnumSet.of(EsEvent.CHROOT, EsEvent.CLOSE,
            EsEvent.CREATE, EsEvent.EXEC, EsEvent.EXIT, EsEvent.FORK, EsEvent.KEXTLOAD, EsEvent.KEXTUNLOAD,
            EsEvent.OPEN, EsEvent.UNLINK));

    private static final Map<String, EsEvent> BY_NAME = new LinkedHashMap<>();

    static {
        for (EsEvent event : EsEvent.values()) {
            BY_NAME.put(event.eventName(), event);
        }
    }

    private EventCatalog() {
    }

    /** The event of that name (case-insensitive), or null. */
    public static EsEvent find(String name) {
        return BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** Every event name, in ES number order. */
    public static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /** "unknown Endpoint Security event 'wrte'; did you mean 'write'?" */
    public static String unknownEventMessage(String name) {
        List<String> candidates = names();
        candidates.add(ALL);
        return "unknown Endpoint Security event '" + name + "'" + Suggestions.didYouMean(name, candidates)
                + " (im_maces collects: " + String.join(", ", names()) + ", or All)";
    }

    /**
     * Parses NotifyEvents values ({@code All} or names); null when a name is unknown, after
     * passing each unknown name to {@code unknown}.
     */
    public static Set<EsEvent> parse(List<String> values, java.util.function.Consumer<String> unknown) {
        EnumSet<EsEvent> events = EnumSet.noneOf(EsEvent.class);
        boolean failed = false;
        for (String value : values) {
            String name = value.trim();
            if (name.equalsIgnoreCase(ALL)) {
                events.addAll(EnumSet.allOf(EsEvent.class));
                continue;
            }
            EsEvent event = find(name);
            if (event == null) {
                unknown.accept(name);
                failed = true;
            } else {
                events.add(event);
            }
        }
        return failed ? null : events;
    }
}
