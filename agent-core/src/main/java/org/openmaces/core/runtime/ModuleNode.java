package org.openmaces.core.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.config.InstanceDefinition;
import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.runtime.queue.RecordQueue;

/** Everything the runtime holds for one module instance, wired together at assembly. */
final class ModuleNode {
    private final InstanceDefinition definition;
    private final InstanceContext context;
    private final InstanceCounters counters;
    private final Clock clock;
    private ModuleInstance instance;
    private InstanceEnvironment environment;
    private CompiledStatements exec;
    private final List<CompiledSchedule> schedules = new ArrayList<>();
    private RecordQueue queue;
    private Destinations destinations;
    private int priority = 100;
    private Worker worker;
    private boolean started;

    /** A Schedule block compiled for this instance. */
    record CompiledSchedule(org.openmaces.core.config.ScheduleDefinition definition, CompiledStatements program) {
    }

    ModuleNode(InstanceDefinition definition, InstanceContext context, InstanceCounters counters, Clock clock) {
        this.definition = definition;
        this.context = context;
        this.counters = counters;
        this.clock = clock;
    }

    String name() {
        return definition.name();
    }

    InstanceDefinition definition() {
        return definition;
    }

    InstanceContext context() {
        return context;
    }

    InstanceCounters counters() {
        return counters;
    }

    Clock clock() {
        return clock;
    }

    ModuleInstance instance() {
        return instance;
    }

    void setInstance(ModuleInstance created) {
        instance = created;
    }

    InstanceEnvironment environment() {
        return environment;
    }

    void setEnvironment(InstanceEnvironment created) {
        environment = created;
    }

    CompiledStatements exec() {
        return exec;
    }

    void setExec(CompiledStatements compiled) {
        exec = compiled;
    }

    List<CompiledSchedule> schedules() {
        return schedules;
    }

    RecordQueue queue() {
        return queue;
    }

    void setQueue(RecordQueue created) {
        queue = created;
    }

    Destinations destinations() {
        return destinations;
    }

    void setDestinations(Destinations wired) {
        destinations = wired;
    }

    /** The most urgent (lowest) Priority among the routes the instance is in. */
    int priority() {
        return priority;
    }

    void lowerPriorityTo(int routePriority) {
        priority = Math.min(priority, routePriority);
    }

    Worker worker() {
        return worker;
    }

    void setWorker(Worker started) {
        worker = started;
    }

    boolean isStarted() {
        return started;
    }

    void setStarted(boolean value) {
        started = value;
    }

    @Override
    public String toString() {
        return definition.provider().name() + " '" + definition.name() + "'";
    }
}
