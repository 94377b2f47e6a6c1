package org.openmaces.maces.module;

import java.util.List;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.FunctionRegistrar;
import org.openmaces.core.language.ProcedureBody;
import org.openmaces.core.language.ProcedureDefinition;
import org.openmaces.core.language.Visibility;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.ValueType;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.event.EventCatalog;

/**
 * The procedures im_maces exports to its own Exec (private, as NXLog's): subscribe,
 * subscribe_all, unsubscribe, unsubscribe_all, mute_path_literal, mute_path_prefix,
 * unmute_all_paths. Each takes effect at once: events already read but not yet through Exec
 * honour it too, and {@code unsubscribe} also drops the record in hand when it is of the
 * unsubscribed type (so Example 2 of the documentation collects exactly MAX_WRITE_EVENTS).
 */
final class MacesProcedures {
    private final MacesInput input;

    MacesProcedures(MacesInput input) {
        this.input = input;
    }

    void register(FunctionRegistrar registrar) {
        List<ValueType> string = List.of(ValueType.STRING);
        registrar.register(procedure("subscribe", string, (context, arguments) ->
                input.subscribe(event("subscribe", arguments[0]))));
        registrar.register(procedure("subscribe_all", List.of(), (context, arguments) -> input.subscribeAll()));
        registrar.register(procedure("unsubscribe", string, (context, arguments) -> {
            EsEvent event = event("unsubscribe", arguments[0]);
            input.unsubscribe(event);
            dropCurrentIf(context, type -> type == event.type());
        }));
        registrar.register(procedure("unsubscribe_all", List.of(), (context, arguments) -> {
            input.unsubscribeAll();
            dropCurrentIf(context, type -> type >= 0);
        }));
        registrar.register(procedure("mute_path_literal", string, (context, arguments) ->
                input.mute(path("mute_path_literal", arguments[0]), false)));
        registrar.register(procedure("mute_path_prefix", string, (context, arguments) ->
                input.mute(path("mute_path_prefix", arguments[0]), true)));
        registrar.register(procedure("unmute_all_paths", List.of(), (context, arguments) -> input.unmuteAllPaths()));
    }

    private static ProcedureDefinition procedure(String name, List<ValueType> parameters, ProcedureBody body) {
        return new ProcedureDefinition(name, parameters, false, Visibility.PRIVATE, body);
    }

    /** The record in hand, when this input made it and its type is now unsubscribed, goes no further. */
    private void dropCurrentIf(ExecutionContext context, java.util.function.IntPredicate unsubscribedType) {
        LogRecord record = context.record();
        if (record != null && !context.isDropped() && unsubscribedType.test(input.eventTypeOf(record))) {
            context.markDropped();
        }
    }

    private static EsEvent event(String procedure, Object argument) throws ExecutionException {
        if (argument == null) {
            throw new ExecutionException(procedure + "() needs an event name, not undef");
        }
        String name = (String) argument;
        EsEvent event = EventCatalog.find(name);
        if (event == null) {
            throw new ExecutionException(procedure + "(): " + EventCatalog.unknownEventMessage(name));
        }
        return event;
    }

    private static String path(String procedure, Object argument) throws ExecutionException {
        if (argument == null || ((String) argument).isEmpty()) {
            throw new ExecutionException(procedure + "() needs a path, not " + (argument == null ? "undef" : "\"\""));
        }
        return (String) argument;
    }
}
