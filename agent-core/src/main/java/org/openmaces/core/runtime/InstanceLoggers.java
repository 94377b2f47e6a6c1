package org.openmaces.core.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loggers of module instances are named {@code module.<instance>}, so the agent's log and im_internal can
 * say which instance spoke without every message repeating it.
 */
public final class InstanceLoggers {
    public static final String PREFIX = "module.";

    private static final java.util.Map<String, String> MODULES = new java.util.concurrent.ConcurrentHashMap<>();

    private InstanceLoggers() {
    }

    /** Remembers which module an instance runs, so log consumers can name it ($ModuleType of im_internal). */
    public static void register(String instanceName, String moduleName) {
        MODULES.put(instanceName, moduleName);
    }

    /** The module of a registered instance, or null. */
    public static String moduleOf(String instanceName) {
        return instanceName == null ? null : MODULES.get(instanceName);
    }

    public static Logger of(String instanceName) {
        return LoggerFactory.getLogger(PREFIX + instanceName);
    }

    /** The instance a logger name belongs to, or null for the agent's own loggers. */
    public static String instanceOf(String loggerName) {
        return loggerName != null && loggerName.startsWith(PREFIX) ? loggerName.substring(PREFIX.length()) : null;
    }
}
