package org.openmaces.maces.module;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.FieldSpec;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.event.EventCatalog;
import org.openmaces.maces.mapping.MacesFields;
import org.openmaces.maces.ring.RingDescriptor;

/**
 * im_maces: macOS Endpoint Security events as NXLog records (docs/im_maces.md). The directives
 * of NXLog's module ({@code NotifyEvents}, {@code MutedPathLiteral}, {@code MutedPathPrefix}) and
 * OpenMacES's own: {@code Source} (native, eslogger, replay), {@code ReplayFile},
 * {@code EsloggerPath}, {@code RingSize}, {@code GapRecords}.
 */
public final class MacesModule implements ModuleProvider {
    static final String NOTIFY_EVENTS = "NotifyEvents";
    static final String MUTED_PATH_LITERAL = "MutedPathLiteral";
    static final String MUTED_PATH_PREFIX = "MutedPathPrefix";
    static final String SOURCE = "Source";
    static final String REPLAY_FILE = "ReplayFile";
    static final String ESLOGGER_PATH = "EsloggerPath";
    static final String RING_SIZE = "RingSize";
    static final String GAP_RECORDS = "GapRecords";

    static final String SOURCE_NATIVE = "native";
    static final String SOURCE_ESLOGGER = "eslogger";
    static final String SOURCE_REPLAY = "replay";
    static final String DEFAULT_ESLOGGER = "/usr/bin/eslogger";

    @Override
    public String name() {
        return "im_maces";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.INPUT;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.optional(NOTIFY_EVENTS, DirectiveType.LIST, null,
                        "Endpoint Security events to collect, or All (default: chroot, close, create, exec, exit, fork,"
                                + " kextload, kextunload, open, unlink)"),
                DirectiveSpec.repeatable(MUTED_PATH_LITERAL, DirectiveType.STRING,
                        "no events from the executable at exactly this path"),
                DirectiveSpec.repeatable(MUTED_PATH_PREFIX, DirectiveType.STRING,
                        "no events from executables whose path starts with this"),
                DirectiveSpec.enumeration(SOURCE, SOURCE_NATIVE, List.of(SOURCE_NATIVE, SOURCE_ESLOGGER, SOURCE_REPLAY),
                        "where events come from: native (the agent's own ES client), eslogger, replay"),
                DirectiveSpec.repeatable(REPLAY_FILE, DirectiveType.PATH,
                        "Source replay: an eslogger capture (JSON lines, .gz too) or a glob of them"),
                DirectiveSpec.optional(ESLOGGER_PATH, DirectiveType.PATH, DEFAULT_ESLOGGER,
                        "Source eslogger: the eslogger executable"),
                DirectiveSpec.optional(RING_SIZE, DirectiveType.INTEGER, "32M",
                        "Source native: bytes of the ring between the ES handler and the agent (power of two)"),
                DirectiveSpec.optional(GAP_RECORDS, DirectiveType.BOOLEAN, "FALSE",
                        "also emit a record with $EventType \"lost\" for each gap in the sequence numbers"));
    }

    @Override
    public List<FieldSpec> fields() {
        return MacesFields.SPECS;
    }

    @Override
    public Map<String, String> fieldAliases() {
        return Map.of(MacesFields.EXECUTABLE_ALIAS, MacesFields.PROCESS.executable.spelling());
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        MacesSettings settings = MacesSettings.read(context);
        MacesInput input = new MacesInput(context, settings);
        new MacesProcedures(input).register(context.functions());
        return input;
    }

    /** The validated directives of one instance. */
    record MacesSettings(Set<EsEvent> events, List<String> mutedLiterals, List<String> mutedPrefixes, String source,
                         List<String> replayFiles, String esloggerPath, long ringSize, boolean gapRecords) {

        static MacesSettings read(ModuleContext context) {
            var configuration = context.configuration();
            Set<EsEvent> events = EventCatalog.DEFAULTS;
            if (configuration.isSet(NOTIFY_EVENTS)) {
                Set<EsEvent> parsed = EventCatalog.parse(configuration.getList(NOTIFY_EVENTS),
                        unknown -> context.configurationError(NOTIFY_EVENTS, EventCatalog.unknownEventMessage(unknown)));
                events = parsed == null ? Set.of() : parsed;
            }
            List<String> literals = configuration.getList(MUTED_PATH_LITERAL);
            List<String> prefixes = configuration.getList(MUTED_PATH_PREFIX);
            for (String path : literals) {
                if (path.isEmpty()) {
                    context.configurationError(MUTED_PATH_LITERAL, "MutedPathLiteral needs a path, not an empty value");
                }
            }
            for (String path : prefixes) {
                if (path.isEmpty()) {
                    context.configurationError(MUTED_PATH_PREFIX, "MutedPathPrefix needs a path prefix, not an empty"
                            + " value (an empty prefix would mute every process)");
                }
            }
            String source = configuration.getString(SOURCE);
            List<String> replayFiles = configuration.getList(REPLAY_FILE);
            if (SOURCE_REPLAY.equals(source) && replayFiles.isEmpty()) {
                context.configurationError(SOURCE, "Source replay needs at least one ReplayFile (an eslogger capture"
                        + " or a glob such as captures/*.jsonl)");
            }
            if (!SOURCE_REPLAY.equals(source) && !replayFiles.isEmpty()) {
                context.configurationWarning(REPLAY_FILE, "ReplayFile is read only with 'Source replay'; this instance"
                        + " uses Source " + source);
            }
            String esloggerPath = configuration.getString(ESLOGGER_PATH);
            if (esloggerPath != null && !java.nio.file.Path.of(esloggerPath).isAbsolute()) {
                // Run as root: a relative name would be looked up in PATH or the working directory.
                context.configurationError(ESLOGGER_PATH, "EsloggerPath '" + esloggerPath + "' must be an absolute path"
                        + " (the agent runs it as root; a relative name would be searched for in PATH): use "
                        + DEFAULT_ESLOGGER);
            }
            long ringSize = configuration.getInteger(RING_SIZE, RingDescriptor.DEFAULT_CAPACITY);
            if (Long.bitCount(ringSize) != 1 || ringSize < RingDescriptor.MIN_CAPACITY
                    || ringSize > RingDescriptor.MAX_CAPACITY) {
                context.configurationError(RING_SIZE, "RingSize " + ringSize + " must be a power of two between "
                        + (RingDescriptor.MIN_CAPACITY >> 10) + "K and " + (RingDescriptor.MAX_CAPACITY >> 20) + "M");
            }
            return new MacesSettings(events, literals, prefixes, source, replayFiles,
                    esloggerPath, ringSize, configuration.getBoolean(GAP_RECORDS, false));
        }
    }
}
