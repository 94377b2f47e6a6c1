package org.openmaces.core.language;

import java.util.List;
import org.openmaces.core.record.ValueType;

/**
 * Module functions for tests: instances {@code json} (GLOBAL {@code to_json()}), {@code kvp} (PUBLIC
 * {@code parse_kvp()}), {@code out} (PRIVATE {@code rotate_to(string)} and {@code file_name()}), {@code in}
 * (PRIVATE {@code subscribe(string)} and two overloads of {@code pick()}).
 */
public final class TestModules {
    private TestModules() {
    }

    public static void register(FunctionRegistry registry) {
        FunctionRegistrar in = registry.registrar("in");
        in.register(new ProcedureDefinition("subscribe", List.of(ValueType.STRING), false, Visibility.PRIVATE,
                (context, arguments) -> context.environment().log(ExecutionEnvironment.LogLevel.INFO,
                        "subscribed " + arguments[0])));
        in.register(new FunctionDefinition("pick", ValueType.STRING, List.of(ValueType.INTEGER), false,
                Visibility.PRIVATE, (context, arguments) -> "integer " + arguments[0]));
        in.register(new FunctionDefinition("pick", ValueType.STRING, List.of(ValueType.STRING), false,
                Visibility.PRIVATE, (context, arguments) -> "string " + arguments[0]));
        in.register(new FunctionDefinition("fail", ValueType.STRING, List.of(), false, Visibility.PRIVATE,
                (context, arguments) -> {
                    throw new ExecutionException("module function failed");
                }));
        FunctionRegistrar json = registry.registrar("json");
        json.register(new FunctionDefinition("to_json", ValueType.STRING, List.of(), false, Visibility.GLOBAL,
                (context, arguments) -> "{json of " + context.record().size() + " fields}"));
        json.register(new ProcedureDefinition("to_json", List.of(), false, Visibility.GLOBAL,
                (context, arguments) -> context.record().set(org.openmaces.core.record.CoreFields.RAW_EVENT,
                        "{json}")));
        FunctionRegistrar kvp = registry.registrar("kvp");
        kvp.register(new ProcedureDefinition("parse_kvp", List.of(), false, Visibility.PUBLIC,
                (context, arguments) -> context.record().set(org.openmaces.core.record.FieldName.of("k"), "v")));
        FunctionRegistrar out = registry.registrar("out");
        out.register(new ProcedureDefinition("rotate_to", List.of(ValueType.STRING), false, Visibility.PRIVATE,
                (context, arguments) -> {
                }));
        out.register(new FunctionDefinition("file_name", ValueType.STRING, List.of(), false, Visibility.PRIVATE,
                (context, arguments) -> "/tmp/out.log"));
    }
}
