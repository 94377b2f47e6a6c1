package org.openmaces.outputs.json;

import java.util.List;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.FunctionDefinition;
import org.openmaces.core.language.FunctionRegistrar;
import org.openmaces.core.language.ProcedureDefinition;
import org.openmaces.core.language.Visibility;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ExtensionInstance;
import org.openmaces.core.module.ModuleConfiguration;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;
import org.openmaces.core.record.ValueType;

/**
 * xm_json (modules spec §3.1): {@code to_json()} as function and procedure, {@code parse_json()} with and
 * without an argument, and an OutputType named after the instance.
 */
public final class JsonExtensionModule implements ModuleProvider {
    static final String DATE_FORMAT = "DateFormat";
    static final String DETECT_NESTED_JSON = "DetectNestedJSON";
    static final String FLATTEN = "Flatten";
    static final String UNFLATTEN = "UnFlatten";
    static final String PARSE_DATE = "ParseDate";
    static final String PRETTY_PRINT = "PrettyPrint";
    static final String INCLUDE_HIDDEN_FIELDS = "IncludeHiddenFields";

    @Override
    public String name() {
        return "xm_json";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.EXTENSION;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.optional(DATE_FORMAT, DirectiveType.STRING, JsonSettings.DEFAULT_DATE_FORMAT,
                        "format of datetime values in generated JSON"),
                DirectiveSpec.optional(DETECT_NESTED_JSON, DirectiveType.BOOLEAN, "TRUE",
                        "write string values that hold a JSON object or array as nested JSON"),
                DirectiveSpec.optional(FLATTEN, DirectiveType.BOOLEAN, "FALSE",
                        "parse_json: nested objects become dotted field names"),
                DirectiveSpec.optional(UNFLATTEN, DirectiveType.BOOLEAN, "FALSE",
                        "to_json: dotted field names become nested objects"),
                DirectiveSpec.optional(PARSE_DATE, DirectiveType.BOOLEAN, "TRUE",
                        "parse_json: timestamp strings become datetime values"),
                DirectiveSpec.optional(PRETTY_PRINT, DirectiveType.BOOLEAN, "FALSE", "indent generated JSON"),
                DirectiveSpec.optional(INCLUDE_HIDDEN_FIELDS, DirectiveType.BOOLEAN, "FALSE",
                        "to_json: also write fields whose names start with . or _"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        ModuleConfiguration configuration = context.configuration();
        JsonSettings settings = new JsonSettings(configuration.getString(DATE_FORMAT),
                configuration.getBoolean(DETECT_NESTED_JSON), configuration.getBoolean(FLATTEN),
                configuration.getBoolean(UNFLATTEN), configuration.getBoolean(PARSE_DATE),
                configuration.getBoolean(PRETTY_PRINT), configuration.getBoolean(INCLUDE_HIDDEN_FIELDS));
        Conversions conversions = Conversions.of(context.languageSettings());
        JsonEncoder encoder = new JsonEncoder(settings, conversions);
        JsonDecoder decoder = new JsonDecoder(settings, conversions);
        register(context.functions(), encoder, decoder);
        context.framings().register(new JsonFraming(context.instanceName(), encoder, true));
        return new ExtensionInstance() {
        };
    }

    private static void register(FunctionRegistrar functions, JsonEncoder encoder, JsonDecoder decoder) {
        functions.register(new FunctionDefinition("to_json", ValueType.STRING, List.of(), false, Visibility.GLOBAL,
                (context, arguments) -> encoder.toJson(record(context, "to_json()"))));
        functions.register(new ProcedureDefinition("to_json", List.of(), false, Visibility.GLOBAL,
                (context, arguments) -> {
                    LogRecord record = record(context, "to_json()");
                    // Made when an output writes it, or at once when that could fail or differ (see canWriteLater).
                    record.setDeferredString(CoreFields.RAW_EVENT, encoder.canWriteLater(record)
                            ? new RecordJson(encoder, record) : encoder.toJsonUtf8(record));
                }));
        functions.register(new ProcedureDefinition("parse_json", List.of(), false, Visibility.GLOBAL,
                (context, arguments) -> {
                    LogRecord record = record(context, "parse_json()");
                    Object raw = record.get(CoreFields.RAW_EVENT);
                    if (!(raw instanceof String text)) {
                        throw new ExecutionException("parse_json() needs $raw_event to be a string, it is "
                                + (raw == null ? "undef" : ValueType.of(raw).languageName()));
                    }
                    decoder.parse(text, record);
                }));
        functions.register(new ProcedureDefinition("parse_json", List.of(ValueType.STRING), false, Visibility.GLOBAL,
                (context, arguments) -> {
                    LogRecord record = record(context, "parse_json()");
                    if (arguments[0] == null) {
                        throw new ExecutionException("parse_json() was given undef instead of a JSON string");
                    }
                    decoder.parse((String) arguments[0], record);
                }));
    }

    static LogRecord record(ExecutionContext context, String what) throws ExecutionException {
        LogRecord record = context.record();
        if (record == null) {
            throw new ExecutionException("missing logdata, " + what + " needs a record (not in a Schedule or after drop())");
        }
        return record;
    }
}
