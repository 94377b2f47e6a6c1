package org.openmaces.core.config;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.ModuleRegistry;
import org.openmaces.core.schedule.CronExpression;
import org.openmaces.core.schedule.ScheduleTiming;

/**
 * Reads and validates a config file (config spec §1–5): pre-processing, structure, global directives,
 * every module block against its module's directives, Schedules and routes. All problems go to the
 * diagnostics, so one run reports every error of the file. Module instances are not created here (the
 * runtime does that, and compiles Exec), so loading touches nothing but the config files.
 */
public final class ConfigurationLoader {
    private static final DateTimeFormatter FIRST_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final ModuleRegistry registry;
    private final Path workingDirectory;
    private final InputStream standardInput;
    private final Map<String, String> environment;
    private final ZoneId zone;
    private final ConfigFileSafety safety;

    public ConfigurationLoader(ModuleRegistry registry, Path workingDirectory, InputStream standardInput,
                               Map<String, String> environment, ZoneId zone) {
        this(registry, workingDirectory, standardInput, environment, zone, ConfigFileSafety.disabled());
    }

    /** @param safety the owner and permission check every config file must pass (as root) */
    public ConfigurationLoader(ModuleRegistry registry, Path workingDirectory, InputStream standardInput,
                               Map<String, String> environment, ZoneId zone, ConfigFileSafety safety) {
        this.registry = registry;
        this.workingDirectory = workingDirectory;
        this.standardInput = standardInput;
        this.environment = environment;
        this.zone = zone;
        this.safety = safety;
    }

    /**
     * A loader for the running process: discovered modules, its working directory, stdin, environment and
     * zone; when it runs as root, config files must belong to root and be writable by nobody else unless
     * {@code allowUnsafeFiles}.
     */
    public static ConfigurationLoader forThisProcess(boolean allowUnsafeFiles) {
        return new ConfigurationLoader(ModuleRegistry.discover(), Path.of("").toAbsolutePath(), System.in,
                System.getenv(), ZoneId.systemDefault(),
                allowUnsafeFiles ? ConfigFileSafety.disabled() : ConfigFileSafety.forThisProcess());
    }

    public ModuleRegistry registry() {
        return registry;
    }

    /**
     * Loads {@code file} ({@code -} for standard input).
     *
     * @param strict true for {@code -v} and when the caller wants IgnoreErrors ignored: then any error
     *               means no configuration
     * @return the configuration, or null when errors prevent starting (they are in {@code diagnostics})
     */
    public AgentConfiguration load(Path file, boolean strict, Diagnostics diagnostics) {
        ConfigReader reader = new ConfigReader(diagnostics, workingDirectory, standardInput, environment, safety);
        Path mainFile;
        if (file.toString().equals("-")) {
            mainFile = Path.of("<stdin>");
            try {
                reader.openText(mainFile, new String(standardInput.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                diagnostics.error((java.nio.file.Path) null, 0, "cannot read the configuration from standard input: " + e.getMessage());
                return null;
            }
        } else {
            mainFile = workingDirectory.resolve(file).toAbsolutePath().normalize();
            if (!reader.open(mainFile)) {
                return null;
            }
        }
        return validate(new ConfigParser(reader, diagnostics).parse(mainFile), strict, diagnostics);
    }

    /** Loads configuration text (tests and embedded use); {@code name} is the file name messages use. */
    public AgentConfiguration loadText(Path name, String text, boolean strict, Diagnostics diagnostics) {
        ConfigReader reader = new ConfigReader(diagnostics, workingDirectory, standardInput, environment, safety);
        reader.openText(name, text);
        return validate(new ConfigParser(reader, diagnostics).parse(name), strict, diagnostics);
    }

    private AgentConfiguration validate(ConfigDocument document, boolean strict, Diagnostics diagnostics) {
        int structuralErrors = diagnostics.errorCount();
        GlobalSettings globals = GlobalDirectives.read(document.globals(), diagnostics);
        int globalErrors = diagnostics.errorCount();

        Map<String, ConfigBlock> blocksByLowerName = new HashMap<>();
        Map<String, ModuleKind> kindsByLowerName = new HashMap<>();
        Set<String> faulty = new HashSet<>();
        List<InstanceDefinition> instances = new ArrayList<>();
        for (ConfigBlock block : document.modules()) {
            int before = diagnostics.errorCount();
            String lower = block.name().toLowerCase(Locale.ROOT);
            ConfigBlock earlier = blocksByLowerName.get(lower);
            if (earlier != null && !block.name().isEmpty()) {
                error(diagnostics, block.location(), "module '" + block.name() + "' is already defined at "
                        + earlier.location() + "; give each instance its own name");
                continue;
            }
            blocksByLowerName.put(lower, block);
            kindsByLowerName.put(lower, ModuleKind.forBlockName(block.tag()));
            InstanceDefinition definition = validateModule(block, globals, diagnostics);
            if (definition == null || diagnostics.errorCount() > before) {
                faulty.add(lower);
            } else {
                instances.add(definition);
            }
        }

        List<RouteDefinition> routes = document.routes().isEmpty()
                ? implicitRoute(instances, document, diagnostics)
                : validateRoutes(document.routes(), blocksByLowerName, kindsByLowerName, faulty, diagnostics);
        warnUnused(instances, routes, diagnostics);

        boolean fatal = structuralErrors > 0 || globalErrors > structuralErrors;
        if (diagnostics.hasErrors() && (strict || fatal || !globals.ignoreErrors())) {
            return null;
        }
        return new AgentConfiguration(document.mainFile(), document.files(), globals, instances, routes);
    }

    private InstanceDefinition validateModule(ConfigBlock block, GlobalSettings globals, Diagnostics diagnostics) {
        ModuleKind kind = ModuleKind.forBlockName(block.tag());
        List<ConfigDirective> moduleDirectives = block.all(CommonDirectives.MODULE);
        if (moduleDirectives.isEmpty()) {
            error(diagnostics, block.location(), "Module missing: add 'Module " + kind.namePrefix() + "...' to <"
                    + block.tag() + " " + block.name() + ">");
            return null;
        }
        String moduleName = ValueConversion.unquote(ValueConversion.stripInlineComment(moduleDirectives.get(0).value()));
        ModuleProvider provider = registry.find(moduleName);
        if (provider == null) {
            error(diagnostics, moduleDirectives.get(0).location(), "unknown module '" + moduleName + "'"
                    + Suggestions.didYouMean(moduleName, registry.names()) + " (available: "
                    + String.join(", ", registry.names()) + ")");
            return null;
        }
        if (provider.kind() != kind) {
            error(diagnostics, moduleDirectives.get(0).location(), "cannot use " + provider.kind().name()
                    + " module " + provider.name() + " as " + kind.name() + ": put it in an <"
                    + provider.kind().blockName() + "> block");
            return null;
        }

        Map<String, DirectiveSpec> specs = new LinkedHashMap<>();
        for (DirectiveSpec spec : CommonDirectives.forModule(provider)) {
            specs.put(spec.name().toLowerCase(Locale.ROOT), spec);
        }
        for (DirectiveSpec spec : provider.directives()) {
            specs.put(spec.name().toLowerCase(Locale.ROOT), spec);
        }
        Map<String, List<ConfigDirective>> checked = new LinkedHashMap<>();
        for (ConfigDirective directive : block.directives()) {
            DirectiveSpec spec = specs.get(directive.name().toLowerCase(Locale.ROOT));
            if (spec == null) {
                unknownDirective(directive, provider, specs, diagnostics);
                continue;
            }
            List<ConfigDirective> occurrences = checked.computeIfAbsent(spec.name(), name -> new ArrayList<>());
            if (!occurrences.isEmpty() && !spec.repeatable()) {
                error(diagnostics, directive.location(), spec.name() + " is already defined at "
                        + occurrences.get(0).location() + "; it may appear only once");
                continue;
            }
            try {
                DirectiveValues.check(spec, directive.value());
            } catch (IllegalArgumentException e) {
                error(diagnostics, directive.location(), "invalid value '" + directive.value() + "' for "
                        + spec.name() + ": " + e.getMessage());
                continue;
            }
            occurrences.add(directive);
        }
        for (DirectiveSpec spec : specs.values()) {
            if (spec.required() && !checked.containsKey(spec.name())) {
                error(diagnostics, block.location(), "'" + spec.name() + "' missing for module " + provider.name()
                        + " in <" + block.tag() + " " + block.name() + ">: add " + spec.name() + " (" + spec.description() + ")");
            }
        }
        if (checked.containsKey(CommonDirectives.PROCESSORS)) {
            warning(diagnostics, checked.get(CommonDirectives.PROCESSORS).get(0).location(),
                    "Processors is obsolete and ignored; put processors in a <Route> Path");
        }
        BlockConfiguration configuration = new BlockConfiguration(specs, checked, block.location());
        List<ScheduleDefinition> schedules = new ArrayList<>();
        for (ConfigBlock schedule : block.schedules()) {
            ScheduleDefinition definition = validateSchedule(schedule, diagnostics);
            if (definition != null) {
                schedules.add(definition);
            }
        }
        boolean persist = booleanOr(configuration, specs, CommonDirectives.PERSIST_LOGQUEUE, globals.persistLogqueue());
        boolean sync = booleanOr(configuration, specs, CommonDirectives.SYNC_LOGQUEUE, globals.syncLogqueue());
        if (sync && !persist && configuration.isSetSafely(specs, CommonDirectives.SYNC_LOGQUEUE)) {
            warning(diagnostics, configuration.locationOf(CommonDirectives.SYNC_LOGQUEUE),
                    "SyncLogqueue has no effect without PersistLogqueue TRUE");
        }
        long logqueueSize = integerOr(configuration, specs, CommonDirectives.LOGQUEUE_SIZE, globals.logqueueSize());
        long batchSize = integerOr(configuration, specs, CommonDirectives.BATCH_SIZE, globals.batchSize());
        if (logqueueSize < 1 || logqueueSize > 100_000_000) {
            error(diagnostics, configuration.locationOf(CommonDirectives.LOGQUEUE_SIZE),
                    "invalid value for LogqueueSize: " + logqueueSize + " is outside 1..100000000");
        }
        if (batchSize < 1 || batchSize > 1_000_000) {
            error(diagnostics, configuration.locationOf(CommonDirectives.BATCH_SIZE),
                    "invalid value for BatchSize: " + batchSize + " is outside 1..1000000");
        }
        long flushInterval = specs.containsKey(CommonDirectives.BATCH_FLUSH_INTERVAL.toLowerCase(Locale.ROOT))
                && configuration.isSet(CommonDirectives.BATCH_FLUSH_INTERVAL)
                ? configuration.getDurationNanos(CommonDirectives.BATCH_FLUSH_INTERVAL) : globals.batchFlushIntervalNanos();
        return new InstanceDefinition(block.name(), provider, configuration, block.execSources(), schedules,
                block.location(),
                booleanOr(configuration, specs, CommonDirectives.FLOW_CONTROL, globals.flowControl()),
                (int) Math.max(1, Math.min(logqueueSize, 100_000_000)), persist, sync,
                (int) Math.max(1, Math.min(batchSize, 1_000_000)), flushInterval);
    }

    private static boolean booleanOr(BlockConfiguration configuration, Map<String, DirectiveSpec> specs,
                                     String directive, boolean fallback) {
        return configuration.isSetSafely(specs, directive) ? configuration.getBoolean(directive) : fallback;
    }

    private static long integerOr(BlockConfiguration configuration, Map<String, DirectiveSpec> specs,
                                  String directive, long fallback) {
        return configuration.isSetSafely(specs, directive) ? configuration.getInteger(directive) : fallback;
    }

    private static void unknownDirective(ConfigDirective directive, ModuleProvider provider,
                                         Map<String, DirectiveSpec> specs, Diagnostics diagnostics) {
        String name = directive.name();
        if (name.equalsIgnoreCase(CommonDirectives.FLOW_CONTROL)) {
            error(diagnostics, directive.location(), "'FlowControl' is only supported by Input and Processor modules;"
                    + " remove it from this " + provider.kind().blockName() + " block");
            return;
        }
        if (name.equalsIgnoreCase(CommonDirectives.OUTPUT_TYPE)) {
            error(diagnostics, directive.location(), "module " + provider.name() + " takes no OutputType");
            return;
        }
        for (String queueDirective : List.of(CommonDirectives.LOGQUEUE_SIZE, CommonDirectives.PERSIST_LOGQUEUE,
                CommonDirectives.SYNC_LOGQUEUE, CommonDirectives.LOGQUEUE_DIR)) {
            if (name.equalsIgnoreCase(queueDirective)) {
                error(diagnostics, directive.location(), "'" + queueDirective + "' applies only to Processor and"
                        + " Output modules, which have a queue; " + provider.name() + " has none");
                return;
            }
        }
        List<String> names = new ArrayList<>();
        specs.values().forEach(spec -> names.add(spec.name()));
        error(diagnostics, directive.location(), "invalid keyword: " + name + " is not a directive of module "
                + provider.name() + Suggestions.didYouMean(name, names));
    }

    private ScheduleDefinition validateSchedule(ConfigBlock schedule, Diagnostics diagnostics) {
        ConfigDirective when = null;
        ConfigDirective every = null;
        ConfigDirective first = null;
        for (ConfigDirective directive : schedule.directives()) {
            if (directive.is("When") || directive.is("Every")) {
                if (when != null || every != null) {
                    error(diagnostics, directive.location(), "'When'/'Every' is already defined within the Schedule block");
                    continue;
                }
                if (directive.is("When")) {
                    when = directive;
                } else {
                    every = directive;
                }
            } else if (directive.is("First")) {
                if (first != null) {
                    error(diagnostics, directive.location(), "'First' is already defined within the Schedule block");
                    continue;
                }
                first = directive;
            } else {
                error(diagnostics, directive.location(), "invalid keyword under <Schedule>: " + directive.name()
                        + " (a Schedule takes When or Every, First, and Exec)"
                        + Suggestions.didYouMean(directive.name(), List.of("When", "Every", "First", "Exec")));
            }
        }
        if (schedule.execSources().isEmpty()) {
            error(diagnostics, schedule.location(), "'Exec' missing from Schedule block");
        }
        if (when == null && every == null) {
            error(diagnostics, schedule.location(), "the Schedule block needs 'When' (cron syntax) or 'Every' (an interval)");
            return null;
        }
        ScheduleTiming timing;
        if (when != null) {
            if (first != null) {
                error(diagnostics, first.location(), "cannot use 'First' with 'When' in Schedule block");
            }
            try {
                timing = new ScheduleTiming.When(CronExpression.parse(ValueConversion.unquote(when.value())));
            } catch (IllegalArgumentException e) {
                error(diagnostics, when.location(), "couldn't parse value for directive 'When': " + e.getMessage());
                return null;
            }
        } else {
            long seconds;
            try {
                seconds = parseEvery(ValueConversion.unquote(every.value()));
            } catch (IllegalArgumentException e) {
                error(diagnostics, every.location(), "couldn't parse value for directive 'Every': " + e.getMessage());
                return null;
            }
            java.time.Instant firstRun = null;
            if (first != null) {
                try {
                    firstRun = LocalDateTime.parse(ValueConversion.unquote(first.value()).trim(), FIRST_FORMAT)
                            .atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    error(diagnostics, first.location(), "invalid datetime given for 'First' directive: "
                            + first.value() + " (expected YYYY-MM-DD hh:mm:ss)");
                    return null;
                }
            }
            timing = new ScheduleTiming.Every(seconds, firstRun);
        }
        return new ScheduleDefinition(schedule.location(), timing, schedule.execSources());
    }

    /** {@code N} optionally followed by sec, min, hour, day or week (default seconds). */
    static long parseEvery(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("expected a number optionally followed by sec, min, hour, day or week,"
                    + " found '" + text + "'");
        }
        long count;
        try {
            count = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[0] + "' is not a whole number");
        }
        if (count <= 0) {
            throw new IllegalArgumentException("the interval must be positive, not " + count);
        }
        long unit = 1;
        if (parts.length == 2) {
            String word = parts[1].toLowerCase(Locale.ROOT);
            unit = switch (word) {
                case "sec", "secs", "second", "seconds" -> 1;
                case "min", "mins", "minute", "minutes" -> 60;
                case "hour", "hours" -> 3600;
                case "day", "days" -> 86_400;
                case "week", "weeks" -> 604_800;
                default -> throw new IllegalArgumentException("unknown unit '" + parts[1]
                        + "': use sec, min, hour, day or week");
            };
        }
        return Math.multiplyExact(count, unit);
    }

    private List<RouteDefinition> validateRoutes(List<ConfigBlock> routeBlocks, Map<String, ConfigBlock> blocks,
                                                 Map<String, ModuleKind> kinds, Set<String> faulty,
                                                 Diagnostics diagnostics) {
        List<RouteDefinition> routes = new ArrayList<>();
        Map<String, String> processorRoutes = new HashMap<>();
        Map<String, Location> routeNames = new HashMap<>();
        int unnamed = 0;
        for (ConfigBlock block : routeBlocks) {
            String name = block.name();
            if (name.isEmpty()) {
                name = "route" + (++unnamed);
                warning(diagnostics, block.location(), "<Route> has no name; it is called '" + name + "' in messages");
            }
            Location previous = routeNames.putIfAbsent(name.toLowerCase(Locale.ROOT), block.location());
            if (previous != null) {
                error(diagnostics, block.location(), "route '" + name + "' is already defined at " + previous);
                continue;
            }
            RouteDefinition route = validateRoute(block, name, blocks, kinds, faulty, processorRoutes, diagnostics);
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    private RouteDefinition validateRoute(ConfigBlock block, String name, Map<String, ConfigBlock> blocks,
                                          Map<String, ModuleKind> kinds, Set<String> faulty,
                                          Map<String, String> processorRoutes, Diagnostics diagnostics) {
        ConfigDirective path = null;
        int priority = 10;
        for (ConfigDirective directive : block.directives()) {
            if (directive.is("Path")) {
                if (path != null) {
                    error(diagnostics, directive.location(), "Path is already defined at " + path.location());
                    continue;
                }
                path = directive;
            } else if (directive.is("Priority")) {
                try {
                    priority = (int) ValueConversion.parseInteger(ValueConversion.stripInlineComment(directive.value()));
                    if (priority < 1 || priority > 100) {
                        throw new IllegalArgumentException("");
                    }
                } catch (IllegalArgumentException | ArithmeticException e) {
                    error(diagnostics, directive.location(), "invalid priority: " + directive.value()
                            + " (use an integer from 1, most urgent, to 100)");
                }
            } else if (directive.is("Exec")) {
                error(diagnostics, directive.location(), "invalid keyword under <Route>: Exec (put Exec in a module block)");
            } else {
                error(diagnostics, directive.location(), "invalid keyword under <Route>: " + directive.name()
                        + Suggestions.didYouMean(directive.name(), List.of("Path", "Priority")));
            }
        }
        if (!block.execSources().isEmpty()) {
            error(diagnostics, block.location(), "invalid keyword under <Route>: Exec (put Exec in a module block)");
        }
        if (path == null) {
            error(diagnostics, block.location(), "path missing from route '" + name + "': add Path in => out");
            return null;
        }
        RoutePath parsed;
        try {
            parsed = RoutePath.parse(ValueConversion.stripInlineComment(path.value()));
        } catch (IllegalArgumentException e) {
            error(diagnostics, path.location(), e.getMessage());
            return null;
        }
        boolean usable = true;
        List<String> inputs = new ArrayList<>();
        List<String> processors = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String input : parsed.inputs()) {
            usable &= resolve(input, ModuleKind.INPUT, "an input", name, path, blocks, kinds, faulty, inputs, diagnostics);
        }
        for (String processor : parsed.processors()) {
            boolean resolved = resolve(processor, ModuleKind.PROCESSOR, "a processor", name, path, blocks, kinds, faulty,
                    processors, diagnostics);
            usable &= resolved;
            if (resolved) {
                String lower = processor.toLowerCase(Locale.ROOT);
                String owner = processorRoutes.putIfAbsent(lower, name);
                if (owner != null) {
                    error(diagnostics, path.location(), "cannot add processor module '" + processor + "' to route '" + name
                            + "' because it is already added to route '" + owner + "', you should define another instance");
                    usable = false;
                }
            }
        }
        for (String output : parsed.outputs()) {
            usable &= resolve(output, ModuleKind.OUTPUT, "an output", name, path, blocks, kinds, faulty, outputs, diagnostics);
        }
        return usable ? new RouteDefinition(name, inputs, processors, outputs, priority, block.location()) : null;
    }

    private static boolean resolve(String name, ModuleKind expected, String role, String routeName,
                                   ConfigDirective path, Map<String, ConfigBlock> blocks, Map<String, ModuleKind> kinds,
                                   Set<String> faulty, List<String> resolved, Diagnostics diagnostics) {
        String lower = name.toLowerCase(Locale.ROOT);
        ConfigBlock block = blocks.get(lower);
        if (block == null) {
            List<String> names = new ArrayList<>();
            blocks.values().forEach(candidate -> names.add(candidate.name()));
            error(diagnostics, path.location(), "module '" + name + "' not declared (route '" + routeName + "')"
                    + Suggestions.didYouMean(name, names));
            return false;
        }
        ModuleKind kind = kinds.get(lower);
        if (kind != expected) {
            error(diagnostics, path.location(), "'" + block.name() + "' is an " + kind.blockName() + " instance ("
                    + block.location() + ") and cannot be " + role + " of route '" + routeName + "'");
            return false;
        }
        if (faulty.contains(lower)) {
            error(diagnostics, path.location(), "module '" + block.name() + "' has configuration errors, not adding to route '"
                    + routeName + "'");
            return false;
        }
        resolved.add(block.name());
        return true;
    }

    private static List<RouteDefinition> implicitRoute(List<InstanceDefinition> instances, ConfigDocument document,
                                                       Diagnostics diagnostics) {
        List<String> inputs = instances.stream().filter(instance -> instance.kind() == ModuleKind.INPUT)
                .map(InstanceDefinition::name).toList();
        List<String> outputs = instances.stream().filter(instance -> instance.kind() == ModuleKind.OUTPUT)
                .map(InstanceDefinition::name).toList();
        if (inputs.isEmpty() || outputs.isEmpty()) {
            if (!document.modules().isEmpty()) {
                diagnostics.warning(document.mainFile(), 0, "no <Route> and " + (inputs.isEmpty() ? "no input" : "no output")
                        + " instance: nothing will be collected");
            }
            return List.of();
        }
        return List.of(new RouteDefinition("default", inputs, List.of(), outputs, 10, null));
    }

    private static void warnUnused(List<InstanceDefinition> instances, List<RouteDefinition> routes,
                                   Diagnostics diagnostics) {
        Set<String> used = new HashSet<>();
        for (RouteDefinition route : routes) {
            route.inputs().forEach(name -> used.add(name.toLowerCase(Locale.ROOT)));
            route.processors().forEach(name -> used.add(name.toLowerCase(Locale.ROOT)));
            route.outputs().forEach(name -> used.add(name.toLowerCase(Locale.ROOT)));
        }
        for (InstanceDefinition instance : instances) {
            if (instance.kind() != ModuleKind.EXTENSION && !used.contains(instance.name().toLowerCase(Locale.ROOT))) {
                warning(diagnostics, instance.location(), "not starting unused module " + instance.name()
                        + ": no route uses it");
            }
        }
        if (!routes.isEmpty() && routes.stream().allMatch(route -> route.inputs().isEmpty())) {
            diagnostics.warning((java.nio.file.Path) null, 0, "no functional input modules!");
        }
    }

    private static void error(Diagnostics diagnostics, Location location, String message) {
        diagnostics.error(location.file(), location.line(), message);
    }

    private static void warning(Diagnostics diagnostics, Location location, String message) {
        diagnostics.warning(location.file(), location.line(), message);
    }
}
