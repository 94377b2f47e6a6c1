package org.openmaces.outputs.syslog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionEnvironment;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.FunctionDefinition;
import org.openmaces.core.language.FunctionRegistrar;
import org.openmaces.core.language.ProcedureBody;
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
 * xm_syslog (modules spec §3.2): formatting and parsing procedures, the facility and severity functions,
 * and the {@code Syslog_TLS} OutputType (octet counting).
 */
public final class SyslogExtensionModule implements ModuleProvider {
    static final String IETF_TIMESTAMP_IN_GMT = "IETFTimestampInGMT";
    static final String UTC_TIMESTAMP = "UTCTimestamp";
    static final String REPLACE_LINE_BREAKS = "ReplaceLineBreaks";
    static final String SNARE_DELIMITER = "SnareDelimiter";
    static final String SNARE_REPLACEMENT = "SnareReplacement";
    private static final Supplier<String> LOCAL_HOST_NAME = new LocalHostName();

    @Override
    public String name() {
        return "xm_syslog";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.EXTENSION;
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.optional(IETF_TIMESTAMP_IN_GMT, DirectiveType.BOOLEAN, "FALSE",
                        "to_syslog_ietf() writes timestamps in UTC"),
                DirectiveSpec.optional(UTC_TIMESTAMP, DirectiveType.BOOLEAN, null,
                        "the newer agent's name for IETFTimestampInGMT"),
                DirectiveSpec.optional(REPLACE_LINE_BREAKS, DirectiveType.STRING, null,
                        "what CR and LF in the message become (default a space)"),
                DirectiveSpec.optional(SNARE_DELIMITER, DirectiveType.STRING, null,
                        "the character between to_syslog_snare() fields (default TAB)"),
                DirectiveSpec.optional(SNARE_REPLACEMENT, DirectiveType.STRING, null,
                        "what the Snare delimiter becomes inside a to_syslog_snare() field (default a space)"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) {
        ModuleConfiguration configuration = context.configuration();
        boolean gmt = configuration.getBoolean(IETF_TIMESTAMP_IN_GMT)
                || Boolean.TRUE.equals(configuration.getBoolean(UTC_TIMESTAMP));
        String replacement = " ";
        if (configuration.isSet(REPLACE_LINE_BREAKS)) {
            replacement = unescape(configuration.getString(REPLACE_LINE_BREAKS));
        }
        char snareDelimiter = character(context, SNARE_DELIMITER, SyslogSettings.DEFAULT_SNARE_DELIMITER);
        char snareReplacement = character(context, SNARE_REPLACEMENT, SyslogSettings.DEFAULT_SNARE_REPLACEMENT);
        if (snareDelimiter == snareReplacement) {
            context.configurationWarning(configuration.isSet(SNARE_REPLACEMENT) ? SNARE_REPLACEMENT : SNARE_DELIMITER,
                    "SnareDelimiter and SnareReplacement are the same character, so a delimiter inside $Message"
                            + " splits it into extra to_syslog_snare() fields; choose another SnareReplacement");
        }
        Conversions conversions = Conversions.of(context.languageSettings());
        SyslogFormatter formatter = new SyslogFormatter(
                new SyslogSettings(gmt, replacement, snareDelimiter, snareReplacement), conversions, context.clock(),
                LOCAL_HOST_NAME);
        SyslogParser parser = new SyslogParser(conversions, context.clock(), LOCAL_HOST_NAME);
        register(context.functions(), formatter, parser, new SnareEventCounters());
        context.framings().register(new OctetCountingFraming());
        return new ExtensionInstance() {
        };
    }

    /** A one-character directive (SnareDelimiter, SnareReplacement), or {@code unset} when it is absent or wrong. */
    private static char character(ModuleContext context, String directive, char unset) {
        ModuleConfiguration configuration = context.configuration();
        if (!configuration.isSet(directive)) {
            return unset;
        }
        String value = unescape(configuration.getString(directive));
        if (value.length() != 1) {
            context.configurationError(directive, directive + " takes one character such as \\t or '|', not '"
                    + configuration.getString(directive) + "'");
            return unset;
        }
        return value.charAt(0);
    }

    private static void register(FunctionRegistrar functions, SyslogFormatter formatter, SyslogParser parser,
                                 SnareEventCounters snareCounters) {
        functions.register(procedure("to_syslog_bsd", (context, arguments) -> {
            LogRecord record = record(context, "to_syslog_bsd()");
            record.set(CoreFields.RAW_EVENT, formatter.bsd(record));
        }));
        functions.register(procedure("to_syslog_ietf", (context, arguments) -> {
            LogRecord record = record(context, "to_syslog_ietf()");
            record.set(CoreFields.RAW_EVENT, formatter.ietf(record));
        }));
        functions.register(procedure("to_syslog_snare", (context, arguments) -> {
            LogRecord record = record(context, "to_syslog_snare()");
            ExecutionEnvironment caller = context.environment();
            long eventCounter = snareCounters.next(caller == null ? "" : caller.instanceName());
            record.set(CoreFields.RAW_EVENT, formatter.snare(record, eventCounter));
        }));
        registerParser(functions, "parse_syslog", parser::parse);
        registerParser(functions, "parse_syslog_bsd", parser::parseBsd);
        registerParser(functions, "parse_syslog_ietf", parser::parseIetf);
        functions.register(function("syslog_facility_value", ValueType.INTEGER, ValueType.STRING,
                name -> (long) Math.max(0, SyslogTables.facilityValue((String) name))));
        functions.register(function("syslog_facility_string", ValueType.STRING, ValueType.INTEGER,
                value -> SyslogTables.facilityName((Long) value)));
        functions.register(function("syslog_severity_value", ValueType.INTEGER, ValueType.STRING,
                name -> (long) Math.max(0, SyslogTables.severityValue((String) name))));
        functions.register(function("syslog_severity_string", ValueType.STRING, ValueType.INTEGER,
                value -> SyslogTables.severityName((Long) value)));
    }

    private interface Parse {
        void parse(String text, LogRecord record);
    }

    private static void registerParser(FunctionRegistrar functions, String name, Parse parse) {
        functions.register(procedure(name, (context, arguments) -> {
            LogRecord record = record(context, name + "()");
            Object raw = record.get(CoreFields.RAW_EVENT);
            if (!(raw instanceof String text)) {
                throw new ExecutionException(name + "() needs $raw_event to be a string, it is "
                        + (raw == null ? "undef" : ValueType.of(raw).languageName()));
            }
            parse.parse(text, record);
        }));
        functions.register(new ProcedureDefinition(name, List.of(ValueType.STRING), false, Visibility.GLOBAL,
                (context, arguments) -> {
                    LogRecord record = record(context, name + "()");
                    if (arguments[0] == null) {
                        throw new ExecutionException(name + "() was given undef instead of a syslog message");
                    }
                    parse.parse((String) arguments[0], record);
                }));
    }

    private static ProcedureDefinition procedure(String name, ProcedureBody body) {
        return new ProcedureDefinition(name, List.of(), false, Visibility.GLOBAL, body);
    }

    private static FunctionDefinition function(String name, ValueType result, ValueType parameter,
                                               java.util.function.Function<Object, Object> body) {
        return new FunctionDefinition(name, result, List.of(parameter), false, Visibility.GLOBAL,
                (context, arguments) -> arguments[0] == null ? null : body.apply(arguments[0]));
    }

    private static LogRecord record(ExecutionContext context, String what) throws ExecutionException {
        LogRecord record = context.record();
        if (record == null) {
            throw new ExecutionException("missing logdata, " + what + " needs a record (not in a Schedule or after drop())");
        }
        return record;
    }

    /** A character argument: one character, quoted or not, or an escape such as {@code \t}. */
    static String unescape(String value) {
        String text = value;
        if (text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            text = text.substring(1, text.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000b');
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The local host name, looked up once (a lookup can be slow) and reused. */
    private static final class LocalHostName implements Supplier<String> {
        private volatile String name;

        @Override
        public String get() {
            String known = name;
            if (known == null) {
                try {
                    known = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException e) {
                    known = "localhost";
                }
                name = known;
            }
            return known;
        }
    }
}
