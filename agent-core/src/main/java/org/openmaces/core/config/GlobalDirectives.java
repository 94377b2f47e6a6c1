package org.openmaces.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;

/**
 * Reads the global directives into {@link GlobalSettings}. A directive that cannot apply to a JVM agent on
 * macOS is accepted with a warning that says so, never silently misread.
 */
final class GlobalDirectives {
    /** Default CacheDir when the config names none: the bundle's spool directory, overridable for checkouts. */
    static final String DEFAULT_CACHE_DIRECTORY_PROPERTY = "openmaces.cachedir";
    static final String DEFAULT_CACHE_DIRECTORY = "/opt/nxlog/var/spool/nxlog";

    private static final List<DirectiveSpec> SPECS = List.of(
            DirectiveSpec.optional("CacheDir", DirectiveType.PATH, null, "module state across restarts"),
            DirectiveSpec.optional("PidFile", DirectiveType.PATH, null, "file the agent writes its process id to"),
            DirectiveSpec.optional("LogFile", DirectiveType.PATH, null, "the agent's own log"),
            DirectiveSpec.enumeration("LogLevel", "INFO", List.of("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"),
                    "threshold of the agent's own log"),
            DirectiveSpec.optional("SuppressRepeatingLogs", DirectiveType.BOOLEAN, "TRUE", "collapse repeated log lines"),
            DirectiveSpec.optional("NoCache", DirectiveType.BOOLEAN, "FALSE", "do not keep module state across restarts"),
            DirectiveSpec.optional("SpoolDir", DirectiveType.PATH, null, "working directory after start-up"),
            DirectiveSpec.optional("FlowControl", DirectiveType.BOOLEAN, "TRUE", "default flow control of inputs and processors"),
            DirectiveSpec.optional("IgnoreErrors", DirectiveType.BOOLEAN, "TRUE", "start without faulty modules"),
            DirectiveSpec.optional("BatchSize", DirectiveType.INTEGER, "50", "records per batch between modules"),
            DirectiveSpec.optional("BatchFlushInterval", DirectiveType.SECONDS, "0.1", "flush a partial batch after this"),
            DirectiveSpec.optional("CacheFlushInterval", DirectiveType.SECONDS, "5", "how often module state is saved"),
            DirectiveSpec.optional("CacheSync", DirectiveType.BOOLEAN, "FALSE", "fsync module state"),
            DirectiveSpec.optional("DateFormat", DirectiveType.STRING, null, "datetime to string format"),
            DirectiveSpec.optional("GenerateDateInUTC", DirectiveType.BOOLEAN, "FALSE", "datetime to string in UTC"),
            DirectiveSpec.optional("ParseDateInUTC", DirectiveType.BOOLEAN, "FALSE", "zone-less strings are UTC"),
            DirectiveSpec.optional("LogqueueDir", DirectiveType.PATH, null, "where persistent queues live"),
            DirectiveSpec.optional("LogqueueSize", DirectiveType.INTEGER, "100", "queue capacity in records"),
            DirectiveSpec.optional("PersistLogqueue", DirectiveType.BOOLEAN, "FALSE", "disk-backed output queues"),
            DirectiveSpec.optional("SyncLogqueue", DirectiveType.BOOLEAN, "FALSE", "fsync persistent queues per batch"),
            DirectiveSpec.optional("FlowControlFIFO", DirectiveType.BOOLEAN, "TRUE", "without flow control drop the oldest"),
            DirectiveSpec.optional("AbortOnDoubleSigterm", DirectiveType.BOOLEAN, "FALSE", "a second SIGTERM exits at once"),
            // Accepted for compatibility; see IGNORED for what the agent does instead.
            DirectiveSpec.optional("ModuleDir", DirectiveType.PATH, null, "ignored"),
            DirectiveSpec.optional("User", DirectiveType.STRING, null, "ignored"),
            DirectiveSpec.optional("Group", DirectiveType.STRING, null, "ignored"),
            DirectiveSpec.optional("RootDir", DirectiveType.PATH, null, "ignored"),
            DirectiveSpec.optional("Threads", DirectiveType.INTEGER, null, "ignored"),
            DirectiveSpec.optional("NoFreeOnExit", DirectiveType.BOOLEAN, null, "ignored"),
            DirectiveSpec.enumeration("Panic", null, List.of("HARD", "SOFT", "OFF"), "ignored"));

    /** Why each compatibility-only directive has no effect here. */
    private static final Map<String, String> IGNORED = Map.of(
            "ModuleDir", "modules are built into the agent's jars; ModuleDir is ignored",
            "User", "the agent cannot drop privileges itself (Endpoint Security needs root);"
                    + " run it as another user from launchd or systemd instead. User is ignored",
            "Group", "the agent cannot drop privileges itself; run it with another group from launchd or"
                    + " systemd instead. Group is ignored",
            "RootDir", "the agent cannot chroot itself; use the service manager's sandboxing. RootDir is ignored",
            "Threads", "each module instance has its own thread; Threads is ignored",
            "NoFreeOnExit", "a debugging aid of the C agent; NoFreeOnExit is ignored",
            "Panic", "assertion handling of the C agent; Panic is ignored");

    private static final Map<String, DirectiveSpec> BY_LOWER_NAME = new HashMap<>();

    static {
        for (DirectiveSpec spec : SPECS) {
            BY_LOWER_NAME.put(spec.name().toLowerCase(Locale.ROOT), spec);
        }
    }

    private GlobalDirectives() {
    }

    static GlobalSettings read(List<ConfigDirective> directives, Diagnostics diagnostics) {
        Map<String, ConfigDirective> first = new LinkedHashMap<>();
        for (ConfigDirective directive : directives) {
            DirectiveSpec spec = BY_LOWER_NAME.get(directive.name().toLowerCase(Locale.ROOT));
            Location at = directive.location();
            if (spec == null) {
                List<String> names = new ArrayList<>();
                SPECS.forEach(known -> names.add(known.name()));
                diagnostics.error(at.file(), at.line(), "Invalid keyword: " + directive.name()
                        + Suggestions.didYouMean(directive.name(), names));
                continue;
            }
            ConfigDirective earlier = first.get(spec.name());
            if (earlier != null) {
                diagnostics.warning(at.file(), at.line(), spec.name() + " is already defined at "
                        + earlier.location() + "; the first value is used");
                continue;
            }
            try {
                DirectiveValues.check(spec, directive.value());
            } catch (IllegalArgumentException e) {
                diagnostics.error(at.file(), at.line(), "invalid value for " + spec.name() + ": " + e.getMessage());
                continue;
            }
            first.put(spec.name(), directive);
            String ignored = IGNORED.get(spec.name());
            if (ignored != null) {
                diagnostics.warning(at.file(), at.line(), ignored);
            }
        }
        Values values = new Values(first);
        int batchSize = (int) values.integer("BatchSize", 1, 1_000_000, diagnostics);
        int logqueueSize = (int) values.integer("LogqueueSize", 1, 100_000_000, diagnostics);
        Path cacheDirectory = values.path("CacheDir");
        if (cacheDirectory == null) {
            cacheDirectory = Path.of(System.getProperty(DEFAULT_CACHE_DIRECTORY_PROPERTY, DEFAULT_CACHE_DIRECTORY));
        }
        return new GlobalSettings(
                cacheDirectory,
                values.path("PidFile"),
                values.path("LogFile"),
                ValueConversion.parseEnumeration(values.text("LogLevel"), BY_LOWER_NAME.get("loglevel").allowedValues()),
                values.bool("SuppressRepeatingLogs"),
                values.bool("NoCache"),
                values.path("SpoolDir"),
                values.bool("FlowControl"),
                values.bool("IgnoreErrors"),
                batchSize,
                ValueConversion.parseSecondsAsNanos(values.text("BatchFlushInterval")),
                ValueConversion.parseSecondsAsNanos(values.text("CacheFlushInterval")),
                values.bool("CacheSync"),
                values.string("DateFormat"),
                values.bool("GenerateDateInUTC"),
                values.bool("ParseDateInUTC"),
                values.path("LogqueueDir"),
                logqueueSize,
                values.bool("PersistLogqueue"),
                values.bool("SyncLogqueue"),
                values.bool("FlowControlFIFO"),
                values.bool("AbortOnDoubleSigterm"));
    }

    /** Typed reads of the checked directives with their specs' defaults. */
    private record Values(Map<String, ConfigDirective> directives) {
        /** The directive's value without a trailing comment (as it was checked), or the spec's default. */
        String text(String name) {
            ConfigDirective directive = directives.get(name);
            String raw = directive != null ? directive.value() : BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)).defaultValue();
            return raw == null ? null : ValueConversion.stripInlineComment(raw);
        }

        String string(String name) {
            String text = text(name);
            return text == null ? null : ValueConversion.unquote(text);
        }

        Path path(String name) {
            String text = string(name);
            return text == null ? null : Path.of(text);
        }

        boolean bool(String name) {
            return ValueConversion.parseBoolean(text(name));
        }

        long integer(String name, long minimum, long maximum, Diagnostics diagnostics) {
            long value = ValueConversion.parseInteger(text(name));
            if (value < minimum || value > maximum) {
                ConfigDirective directive = directives.get(name);
                diagnostics.error(directive.location().file(), directive.location().line(), "invalid value for " + name
                        + ": " + value + " is outside " + minimum + ".." + maximum);
                return Long.parseLong(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)).defaultValue());
            }
            return value;
        }
    }
}
