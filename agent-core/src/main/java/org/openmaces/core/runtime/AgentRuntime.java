package org.openmaces.core.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.config.AgentConfiguration;
import org.openmaces.core.config.ConfigurationException;
import org.openmaces.core.config.GlobalSettings;
import org.openmaces.core.config.InstanceDefinition;
import org.openmaces.core.config.Location;
import org.openmaces.core.config.RouteDefinition;
import org.openmaces.core.config.ScheduleDefinition;
import org.openmaces.core.framing.CoreFramings;
import org.openmaces.core.language.CompilationScope;
import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.FunctionRegistry;
import org.openmaces.core.language.Language;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.module.FieldSpec;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.ValueType;
import org.openmaces.core.runtime.queue.MemoryQueue;
import org.openmaces.core.runtime.queue.PersistentQueue;
import org.openmaces.core.runtime.queue.RecordQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running configuration: creates the module instances, compiles their Exec, wires routes and queues,
 * and runs them (config spec §5–6). Lifecycle: {@link #assemble} → {@link #start} → {@link #stop} (or,
 * with {@code --oneshot}, {@link #awaitCompletion} then stop). Start order is extensions, outputs,
 * processors, inputs; stop is the reverse, each stage drained before the next stops, and whatever an
 * output could not deliver is saved for the next start.
 */
public final class AgentRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    private static final List<FieldSpec> CORE_FIELDS = List.of(
            new FieldSpec("raw_event", ValueType.STRING, "the record text"),
            new FieldSpec("EventReceivedTime", ValueType.DATETIME, "when the input received the record"),
            new FieldSpec("SourceModuleName", ValueType.STRING, "the input instance"),
            new FieldSpec("SourceModuleType", ValueType.STRING, "the input module"));

    private final AgentConfiguration configuration;
    private final Language language;
    private final RuntimeOptions options;
    private final GlobalSettings globals;
    private final LanguageSettings languageSettings;
    private final FunctionRegistry functions = new FunctionRegistry();
    private final CoreFramings framings = new CoreFramings();
    private final RouteDirectory routeDirectory = new RouteDirectory();
    private final FlowControlGate gate = new FlowControlGate();
    private final ErrorThrottle errors;
    private final Map<String, ModuleNode> nodes = new LinkedHashMap<>();
    private final List<ModuleNode> activeNodes = new ArrayList<>();
    private final List<RouteDefinition> activeRoutes = new ArrayList<>();
    private final ScheduleRunner scheduler;
    private final CountDownLatch inputsEnded;
    private PriorityArbiter arbiter = PriorityArbiter.inactive();
    private LossReporter lossReporter;
    private final QueueStore queueStore;
    private boolean assembled;
    private volatile boolean running;
    /** Inputs still producing; not guarded by this object's lock, which stop() holds while joining inputs. */
    private final java.util.concurrent.atomic.AtomicInteger runningInputs = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param languageFactory makes the language for this configuration's conversion settings (DateFormat,
     *                        GenerateDateInUTC, ParseDateInUTC): {@code NxlogLanguage::new}
     */
    public AgentRuntime(AgentConfiguration configuration, java.util.function.Function<LanguageSettings, Language> languageFactory,
                        RuntimeOptions options) {
        this.configuration = configuration;
        this.options = options;
        this.globals = configuration.globals();
        this.languageSettings = new LanguageSettings(globals.dateFormat(), globals.generateDateInUtc(),
                globals.parseDateInUtc(), options.clock().getZone());
        this.language = languageFactory.apply(languageSettings);
        this.errors = new ErrorThrottle(options.clock(), 60_000);
        this.scheduler = new ScheduleRunner(options.clock());
        this.queueStore = new QueueStore(globals.cacheDirectory());
        this.inputsEnded = new CountDownLatch(1);
    }

    /**
     * Creates every instance and compiles every Exec, reporting problems to {@code diagnostics}.
     *
     * @param strict true for {@code -v} and IgnoreErrors FALSE: any error fails the whole assembly
     * @return false when the configuration cannot run
     */
    public boolean assemble(Diagnostics diagnostics, boolean strict) {
        if (assembled) {
            throw new IllegalStateException("already assembled");
        }
        assembled = true;
        int errorsBefore = diagnostics.errorCount();
        // Declared in file order first: a bare GLOBAL name resolves to the first instance in the file.
        configuration.instances().forEach(definition -> functions.registrar(definition.name()));
        List<InstanceDefinition> creationOrder = new ArrayList<>();
        configuration.instances().stream().filter(i -> i.kind() == ModuleKind.EXTENSION).forEach(creationOrder::add);
        configuration.instances().stream().filter(i -> i.kind() != ModuleKind.EXTENSION).forEach(creationOrder::add);
        for (InstanceDefinition definition : creationOrder) {
            InstanceCounters counters = new InstanceCounters();
            InstanceContext context = new InstanceContext(definition, functions, framings, language, diagnostics,
                    options, globals, languageSettings, counters);
            ModuleNode node = new ModuleNode(definition, context, counters, options.clock());
            nodes.put(lower(definition.name()), node);
            try {
                node.setInstance(definition.provider().create(context));
            } catch (ConfigurationException e) {
                Location at = parseLocation(e.location(), definition.location());
                diagnostics.error(at.file(), at.line(), e.getMessage());
                context.markFaulty();
            } catch (RuntimeException e) {
                Location at = definition.location();
                diagnostics.error(at.file(), at.line(), "module " + definition.provider().name() + " could not be"
                        + " configured: " + InputWorker.describe(e));
                LOG.debug("configuration failure of {}", definition.name(), e);
                context.markFaulty();
            }
        }
        for (ModuleNode node : nodes.values()) {
            compile(node, diagnostics);
        }
        List<RouteDefinition> routes = new ArrayList<>();
        for (RouteDefinition route : configuration.routes()) {
            List<String> broken = new ArrayList<>();
            for (String name : members(route)) {
                if (nodes.get(lower(name)).context().isFaulty()) {
                    broken.add(name);
                }
            }
            if (broken.isEmpty()) {
                routes.add(route);
            } else {
                Location at = route.location() != null ? route.location() : configuration.instance(broken.get(0)).location();
                diagnostics.warning(at.file(), at.line(), "route '" + route.name() + "' is not started: module '"
                        + broken.get(0) + "' has configuration errors");
            }
        }
        boolean failed = diagnostics.errorCount() > errorsBefore;
        if (failed && (strict || !globals.ignoreErrors())) {
            return false;
        }
        activeRoutes.addAll(routes);
        return true;
    }

    private void compile(ModuleNode node, Diagnostics diagnostics) {
        InstanceDefinition definition = node.definition();
        InstanceContext context = node.context();
        InstanceEnvironment environment = new InstanceEnvironment(definition.name(), definition.provider().name(),
                language.newInstanceState(), options.clock(), languageSettings, routeDirectory,
                definition.provider().name().equalsIgnoreCase("im_internal"));
        node.setEnvironment(environment);
        context.setEnvironment(environment);
        boolean hasRecord = definition.kind() != ModuleKind.EXTENSION;
        List<FieldSpec> known = List.of();
        if (definition.kind() == ModuleKind.INPUT && !definition.provider().fields().isEmpty()) {
            List<FieldSpec> all = new ArrayList<>(CORE_FIELDS);
            all.addAll(definition.provider().fields());
            known = all;
        }
        int before = diagnostics.errorCount();
        if (!definition.exec().isEmpty()) {
            if (definition.kind() == ModuleKind.EXTENSION) {
                Location at = definition.location();
                diagnostics.warning(at.file(), at.line(), "Exec in an Extension block never runs (extensions receive"
                        + " no records); use a <Schedule> block");
            }
            CompilationScope scope = new CompilationScope(definition.name(), definition.provider().name(), hasRecord,
                    functions, known);
            if (definition.kind() == ModuleKind.INPUT) {
                for (Map.Entry<String, String> alias : definition.provider().fieldAliases().entrySet()) {
                    scope = scope.withFieldAlias(alias.getKey(), alias.getValue());
                }
            }
            CompiledStatements exec = language.compileStatements(definition.exec(), scope, diagnostics);
            node.setExec(exec);
        }
        for (ScheduleDefinition schedule : definition.schedules()) {
            CompiledStatements program = language.compileStatements(schedule.exec(),
                    new CompilationScope(definition.name(), definition.provider().name(), false, functions, List.of()),
                    diagnostics);
            if (program != null) {
                node.schedules().add(new ModuleNode.CompiledSchedule(schedule, program));
            }
        }
        if (diagnostics.errorCount() > before) {
            context.markFaulty();
        }
    }

    /** {@code FILE:LINE} as a module reports it, or the fallback. */
    private static Location parseLocation(String text, Location fallback) {
        if (text == null) {
            return fallback;
        }
        int colon = text.lastIndexOf(':');
        try {
            return new Location(Path.of(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static List<String> members(RouteDefinition route) {
        List<String> all = new ArrayList<>(route.inputs());
        all.addAll(route.processors());
        all.addAll(route.outputs());
        return all;
    }

    /**
     * Wires queues and routes, restores saved queues, and starts extensions, outputs, processors and inputs
     * in that order. A module that fails to start is reported and left out; the rest run.
     *
     * @throws RuntimeFailure when nothing that could collect records started, or a queue cannot be opened
     */
    public void start() throws RuntimeFailure {
        if (!assembled || options.verifyOnly()) {
            throw new IllegalStateException("start() needs an assembled, non-verify runtime");
        }
        wire();
        for (ModuleKind kind : List.of(ModuleKind.EXTENSION, ModuleKind.OUTPUT, ModuleKind.PROCESSOR, ModuleKind.INPUT)) {
            for (ModuleNode node : activeNodes) {
                if (node.definition().kind() == kind) {
                    startNode(node);
                }
            }
        }
        lossReporter = new LossReporter(activeNodes);
        scheduler.every(Duration.ofSeconds(10), lossReporter::reportIncreases);
        running = true;
        long inputs = activeNodes.stream().filter(node -> node.definition().kind() == ModuleKind.INPUT && node.isStarted())
                .count();
        boolean anyInputConfigured = activeNodes.stream().anyMatch(node -> node.definition().kind() == ModuleKind.INPUT);
        if (anyInputConfigured && inputs == 0) {
            stop();
            throw new RuntimeFailure("no input module could start; see the errors above");
        }
        if (runningInputs.addAndGet((int) inputs) <= 0) {
            inputsEnded.countDown();
        }
        LOG.info("nxlog-compatible agent started: {} module instances, {} routes", activeNodes.size(), activeRoutes.size());
    }

    private void wire() throws RuntimeFailure {
        List<ModuleNode> used = new ArrayList<>();
        for (ModuleNode node : nodes.values()) {
            boolean inRoute = activeRoutes.stream().anyMatch(route -> members(route).stream()
                    .anyMatch(name -> name.equalsIgnoreCase(node.name())));
            if (!node.context().isFaulty() && (node.definition().kind() == ModuleKind.EXTENSION || inRoute)) {
                used.add(node);
            }
        }
        for (ModuleNode node : used) {
            InstanceDefinition definition = node.definition();
            if (definition.kind() == ModuleKind.PROCESSOR || definition.kind() == ModuleKind.OUTPUT) {
                node.setQueue(openQueue(definition));
                node.queue().setDrainListener(gate::signalDrained);
            }
        }
        Map<String, List<RecordQueue>> targets = new HashMap<>();
        Map<String, List<String>> targetNames = new HashMap<>();
        for (RouteDefinition route : activeRoutes) {
            List<ModuleNode> outputs = route.outputs().stream().map(name -> nodes.get(lower(name))).toList();
            List<ModuleNode> processors = route.processors().stream().map(name -> nodes.get(lower(name))).toList();
            List<ModuleNode> entry = processors.isEmpty() ? outputs : List.of(processors.get(0));
            for (String input : route.inputs()) {
                targets.computeIfAbsent(lower(input), name -> new ArrayList<>()).addAll(entry.stream().map(ModuleNode::queue).toList());
                targetNames.computeIfAbsent(lower(input), name -> new ArrayList<>()).addAll(entry.stream().map(ModuleNode::name).toList());
            }
            for (int i = 0; i < processors.size(); i++) {
                List<ModuleNode> next = i + 1 < processors.size() ? List.of(processors.get(i + 1)) : outputs;
                targets.put(lower(processors.get(i).name()), new ArrayList<>(next.stream().map(ModuleNode::queue).toList()));
                targetNames.put(lower(processors.get(i).name()), new ArrayList<>(next.stream().map(ModuleNode::name).toList()));
            }
            for (String member : members(route)) {
                nodes.get(lower(member)).lowerPriorityTo(route.priority());
            }
            LongAdder rerouteDrops = nodes.get(lower(entry.get(0).name())).counters().loss("records dropped by reroute()/add_to_route() because the queue was full");
            routeDirectory.add(route.name(), entry.stream().map(ModuleNode::queue).toArray(RecordQueue[]::new), rerouteDrops);
        }
        for (ModuleNode node : used) {
            ModuleKind kind = node.definition().kind();
            if (kind == ModuleKind.INPUT || kind == ModuleKind.PROCESSOR) {
                List<RecordQueue> queues = targets.getOrDefault(lower(node.name()), List.of());
                List<String> names = targetNames.getOrDefault(lower(node.name()), List.of());
                LongAdder[] drops = new LongAdder[queues.size()];
                for (int i = 0; i < drops.length; i++) {
                    drops[i] = node.counters().loss("records dropped for '" + names.get(i)
                            + "' because its queue was full (FlowControl FALSE)");
                }
                node.setDestinations(new Destinations(queues.toArray(new RecordQueue[0]), names.toArray(new String[0]),
                        drops, node.definition().flowControl(), globals.flowControlFifo(), gate,
                        node.definition().batchSize(), node.counters().count("pauses by flow control"),
                        node.counters().loss("records not queued at shutdown (a destination queue could not be written)")));
            }
        }
        List<Integer> priorities = new ArrayList<>();
        List<RecordQueue> queues = new ArrayList<>();
        for (ModuleNode node : used) {
            if (node.queue() != null) {
                priorities.add(node.priority());
                queues.add(node.queue());
            }
        }
        arbiter = new PriorityArbiter(priorities, queues);
        activeNodes.addAll(used);
        restoreSavedQueues();
    }

    private RecordQueue openQueue(InstanceDefinition definition) throws RuntimeFailure {
        if (!definition.persistLogqueue()) {
            return new MemoryQueue(definition.logqueueSize());
        }
        Path base = globals.effectiveLogqueueDirectory();
        if (definition.configuration().isSet("LogqueueDir")) {
            base = Path.of(definition.configuration().getString("LogqueueDir"));
        }
        Path directory = base.resolve(definition.name() + ".queue");
        try {
            PersistentQueue queue = new PersistentQueue(directory, definition.logqueueSize(), definition.syncLogqueue());
            if (queue.possibleDuplicates() > 0) {
                LOG.warn("{} '{}': {} records were being delivered when the agent stopped; they are delivered again"
                        + " (possible duplicates)", definition.provider().name(), definition.name(), queue.possibleDuplicates());
            }
            if (queue.discardedAtOpen() > 0) {
                nodeCounter(definition, "records lost to a damaged persistent queue file").add(queue.discardedAtOpen());
            }
            return queue;
        } catch (IOException e) {
            throw new RuntimeFailure("cannot open the persistent queue of " + definition.name() + " in " + directory
                    + ": " + InputWorker.describe(e) + " (check LogqueueDir/CacheDir and their permissions)");
        }
    }

    private LongAdder nodeCounter(InstanceDefinition definition, String what) {
        return nodes.get(lower(definition.name())).counters().loss(what);
    }

    private void restoreSavedQueues() throws RuntimeFailure {
        if (globals.noCache()) {
            return;
        }
        for (ModuleNode node : activeNodes) {
            if (!(node.queue() instanceof MemoryQueue queue)) {
                continue;
            }
            try {
                QueueStore.Loaded loaded = queueStore.load(node.name());
                if (loaded.damage() != null) {
                    LOG.error("{}: {}", node, loaded.damage());
                    node.counters().loss("records lost to a damaged saved queue file").increment();
                }
                if (!loaded.records().isEmpty()) {
                    queue.offer(loaded.records().toArray(new LogRecord[0]), loaded.records().size());
                    LOG.info("{}: restored {} records saved at the last shutdown", node, loaded.records().size());
                }
            } catch (IOException e) {
                LOG.error("{}: cannot read the queue saved at the last shutdown ({}): {}", node,
                        queueStore.fileFor(node.name()), InputWorker.describe(e));
            }
        }
    }

    private void startNode(ModuleNode node) {
        ModuleInstance instance = node.instance();
        try {
            instance.start();
        } catch (Exception e) {
            LOG.error("{} failed to start: {}", node, InputWorker.describe(e));
            try {
                instance.stop();
            } catch (Exception ignored) {
                LOG.debug("stop after a failed start of {} failed too", node, ignored);
            }
            return;
        }
        node.setStarted(true);
        Worker worker = switch (node.definition().kind()) {
            case INPUT -> node.destinations() == null || node.destinations().isEmpty() ? null
                    : new InputWorker(node, this::inputEnded, errors);
            case PROCESSOR -> new ProcessorWorker(node, errors, arbiter);
            case OUTPUT -> new OutputWorker(node, errors, arbiter, options.drainTimeout());
            case EXTENSION -> null;
        };
        if (worker != null) {
            node.setWorker(worker);
            worker.start(node.definition().kind().blockName().toLowerCase(Locale.ROOT) + "-" + node.name());
        }
        for (ModuleNode.CompiledSchedule schedule : node.schedules()) {
            scheduler.add(node, schedule);
        }
    }

    private void inputEnded() {
        if (runningInputs.decrementAndGet() <= 0) {
            inputsEnded.countDown();
        }
    }

    /** Waits until every input has ended (finite inputs with {@code --oneshot}); returns at once without inputs. */
    public void awaitCompletion() throws InterruptedException {
        inputsEnded.await();
    }

    /**
     * Stops everything gracefully: inputs first, then each processor and output once its queue is empty
     * (or it made no progress for the drain timeout), then extensions. Records an output could not deliver
     * are saved for the next start (memory queues) or stay in the persistent queue. Idempotent.
     */
    public synchronized void stop() {
        if (!running && activeNodes.isEmpty()) {
            return;
        }
        running = false;
        stopStage(activeNodes.stream().filter(node -> node.definition().kind() == ModuleKind.INPUT).toList());
        // A processor stops once its queue is empty, so each must wait until the one before it on the
        // path has stopped (and forwarded everything): one at a time, in path order.
        for (ModuleNode processor : processorsInPathOrder()) {
            stopStage(List.of(processor));
        }
        stopStage(activeNodes.stream().filter(node -> node.definition().kind() == ModuleKind.OUTPUT).toList());
        scheduler.stop();
        for (ModuleNode node : activeNodes) {
            if (node.definition().kind() == ModuleKind.EXTENSION) {
                stopInstance(node);
            }
        }
        for (ModuleNode node : activeNodes) {
            saveAndClose(node);
        }
        if (lossReporter != null) {
            lossReporter.reportTotals();
        }
        activeNodes.clear();
        inputsEnded.countDown();
    }

    /** Asks every worker of the stage to stop, then waits for each and stops its instance. */
    private void stopStage(List<ModuleNode> stage) {
        stage.forEach(node -> {
            if (node.worker() != null) {
                node.worker().requestStop();
            }
        });
        for (ModuleNode node : stage) {
            joinWorker(node);
            stopInstance(node);
        }
    }

    private List<ModuleNode> processorsInPathOrder() {
        List<ModuleNode> ordered = new ArrayList<>();
        for (RouteDefinition route : activeRoutes) {
            for (String name : route.processors()) {
                ModuleNode node = nodes.get(lower(name));
                if (activeNodes.contains(node) && !ordered.contains(node)) {
                    ordered.add(node);
                }
            }
        }
        return ordered;
    }

    private void joinWorker(ModuleNode node) {
        Worker worker = node.worker();
        if (worker == null) {
            return;
        }
        try {
            long limit = options.drainTimeout().toMillis() * 3 + 5_000;
            if (!worker.join(limit)) {
                LOG.error("{} did not stop within {} ms; interrupting it", node, limit);
                worker.interrupt();
                worker.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopInstance(ModuleNode node) {
        if (!node.isStarted()) {
            return;
        }
        try {
            node.instance().stop();
        } catch (Exception e) {
            LOG.error("{} failed to stop cleanly: {}", node, InputWorker.describe(e));
        }
        node.setStarted(false);
    }

    private void saveAndClose(ModuleNode node) {
        RecordQueue queue = node.queue();
        if (queue == null) {
            return;
        }
        if (queue instanceof MemoryQueue memory) {
            List<LogRecord> left = new ArrayList<>();
            if (node.worker() instanceof OutputWorker output && output.gaveUp()) {
                left.addAll(List.of(output.undelivered()));
            }
            left.addAll(List.of(memory.drainQueued()));
            if (!left.isEmpty()) {
                if (globals.noCache()) {
                    node.counters().loss("records not delivered at shutdown (NoCache TRUE: not saved)").add(left.size());
                } else {
                    try {
                        queueStore.save(node.name(), left);
                        LOG.warn("{}: {} undelivered records saved to {}; they are delivered after the next start",
                                node, left.size(), queueStore.fileFor(node.name()));
                    } catch (IOException e) {
                        node.counters().loss("records not delivered at shutdown (could not be saved)").add(left.size());
                        LOG.error("{}: cannot save {} undelivered records to {}: {}", node, left.size(),
                                queueStore.fileFor(node.name()), InputWorker.describe(e));
                    }
                }
            }
        }
        try {
            queue.close();
        } catch (IOException e) {
            LOG.error("{}: closing {} failed: {}", node, queue.describe(), InputWorker.describe(e));
        }
    }

    /** Counters of every running instance, for SIGUSR1 and shutdown. */
    public String statusReport() {
        StringBuilder report = new StringBuilder();
        for (ModuleNode node : nodes.values()) {
            report.append(node).append(node.isStarted() ? "" : " (not running)");
            if (node.queue() != null) {
                report.append(", queue ").append(node.queue().size()).append('/').append(node.queue().capacity());
            }
            node.counters().countSnapshot().forEach((what, value) -> report.append(", ").append(what).append(' ').append(value));
            node.counters().lossSnapshot().forEach((what, value) -> report.append(", lost ").append(value).append(" (")
                    .append(what).append(')'));
            report.append('\n');
        }
        return report.toString();
    }

    /**
     * One count of one instance as the status report shows it (for example an output's "records
     * written"), or -1 when there is no such instance or count. Cheap enough to poll: benchmarks pace
     * their generators by it.
     */
    public long count(String instanceName, String what) {
        ModuleNode node = nodes.get(lower(instanceName));
        return node == null ? -1 : node.counters().countOrMinusOne(what);
    }

    /**
     * For {@code nxlog doctor}: calls {@code action} with every instance that was created without configuration
     * errors, extensions first, then in file order. Call it after {@link #assemble}; in a verify-only runtime
     * the instances were never started.
     */
    public void forEachInstance(java.util.function.BiConsumer<InstanceDefinition, ModuleInstance> action) {
        for (ModuleNode node : nodes.values()) {
            if (node.instance() != null && !node.context().isFaulty()) {
                action.accept(node.definition(), node.instance());
            }
        }
    }

    /** The routes that run (faulty ones removed). */
    public List<RouteDefinition> activeRoutes() {
        return List.copyOf(activeRoutes);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A failure at run time that stops the agent (exit status 2). */
    public static final class RuntimeFailure extends Exception {
        public RuntimeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
