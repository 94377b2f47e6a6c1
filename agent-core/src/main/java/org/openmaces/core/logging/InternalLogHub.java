package org.openmaces.core.logging;

import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands the agent's own log messages (INFO and above) to whoever listens: im_internal instances. The
 * logging appender publishes; listeners must not block and must not log (that would loop).
 */
public final class InternalLogHub {
    private static final CopyOnWriteArrayList<Listener> LISTENERS = new CopyOnWriteArrayList<>();

    private InternalLogHub() {
    }

    /** A message as im_internal turns it into a record. */
    public record Message(Instant time, String severity, int severityValue, String text, String instanceName,
                          String loggerName) {
    }

    @FunctionalInterface
    public interface Listener {
        void onMessage(Message message);
    }

    /** Starts delivering messages to {@code listener}; attaches the feed to the logging system if needed. */
    public static void subscribe(Listener listener) {
        AgentLogging.ensureInternalFeed();
        LISTENERS.add(listener);
    }

    public static void unsubscribe(Listener listener) {
        LISTENERS.remove(listener);
    }

    static boolean hasListeners() {
        return !LISTENERS.isEmpty();
    }

    static void publish(Message message) {
        for (Listener listener : LISTENERS) {
            listener.onMessage(message);
        }
    }
}
