package org.openmaces.outputs.file;

import java.util.List;
import org.openmaces.core.config.ConfigurationException;
import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.language.FunctionDefinition;
import org.openmaces.core.language.FunctionRegistrar;
import org.openmaces.core.language.ProcedureDefinition;
import org.openmaces.core.language.Visibility;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleConfiguration;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.record.ValueType;

/**
 * om_file (modules spec §2.1): appends framed records ({@code $raw_event} and a newline by default) to the
 * file its {@code File} expression names, evaluated per record when it is not a constant; private
 * functions {@code file_name()}, {@code file_size()} and procedures {@code rotate_to()}, {@code reopen()}.
 */
public final class FileOutputModule implements ModuleProvider {
    static final String FILE = "File";
    static final String CREATE_DIR = "CreateDir";
    static final String TRUNCATE = "Truncate";
    static final String SYNC = "Sync";
    static final String PERMS = "Perms";
    static final String USER = "User";
    static final String GROUP = "Group";
    static final String CACHE_SIZE = "CacheSize";

    @Override
    public String name() {
        return "om_file";
    }

    @Override
    public ModuleKind kind() {
        return ModuleKind.OUTPUT;
    }

    @Override
    public String defaultOutputType() {
        return "LineBased";
    }

    @Override
    public List<DirectiveSpec> directives() {
        return List.of(
                DirectiveSpec.required(FILE, DirectiveType.EXPRESSION, "the file to write, a string expression"),
                DirectiveSpec.optional(CREATE_DIR, DirectiveType.BOOLEAN, "FALSE", "create missing parent directories"),
                DirectiveSpec.optional(TRUNCATE, DirectiveType.BOOLEAN, "FALSE", "keep only the latest record in the file"),
                DirectiveSpec.optional(SYNC, DirectiveType.BOOLEAN, "FALSE", "fsync before a batch is acknowledged"),
                DirectiveSpec.optional(PERMS, DirectiveType.OCTAL, "0640", "mode of files this output creates"),
                DirectiveSpec.optional(USER, DirectiveType.STRING, null, "owner of files this output creates"),
                DirectiveSpec.optional(GROUP, DirectiveType.STRING, null, "group of files this output creates"),
                DirectiveSpec.optional(CACHE_SIZE, DirectiveType.INTEGER, "0",
                        "how many files named by File stay open at once (0 or 1: one)"));
    }

    @Override
    public ModuleInstance create(ModuleContext context) throws ConfigurationException {
        ModuleConfiguration configuration = context.configuration();
        CompiledExpression file = context.compileExpression(FILE);
        if (file != null && file.staticType() != ValueType.STRING && file.staticType() != ValueType.UNKNOWN) {
            context.configurationError(FILE, "File must be a string expression, such as \"/var/log/nxlog/es.log\","
                    + " not " + file.staticType().languageName());
        }
        Integer mode = configuration.getOctal(PERMS);
        if (mode == null || mode < 0 || mode > 07777) {
            context.configurationError(PERMS, "Perms takes an octal mode such as 0640, not '"
                    + configuration.getString(PERMS) + "'");
            mode = FileSettings.DEFAULT_PERMISSIONS;
        }
        long cacheSize = configuration.getInteger(CACHE_SIZE, 0);
        if (cacheSize < 0 || cacheSize > 10_000) {
            context.configurationError(CACHE_SIZE, "CacheSize " + cacheSize + " is out of range: use 0 to 10000");
            cacheSize = 0;
        }
        FileSettings settings = new FileSettings(configuration.getBoolean(CREATE_DIR),
                configuration.getBoolean(TRUNCATE), configuration.getBoolean(SYNC), FileSettings.permissions(mode),
                configuration.getString(USER), configuration.getString(GROUP), (int) cacheSize);
        FileOutput output = new FileOutput(context, file, context.outputFraming(), settings);
        register(context.functions(), output);
        return output;
    }

    private static void register(FunctionRegistrar functions, FileOutput output) {
        functions.register(new FunctionDefinition("file_name", ValueType.STRING, List.of(), false, Visibility.PRIVATE,
                (context, arguments) -> output.fileName()));
        functions.register(new FunctionDefinition("file_size", ValueType.INTEGER, List.of(), false, Visibility.PRIVATE,
                (context, arguments) -> output.fileSize()));
        functions.register(new ProcedureDefinition("rotate_to", List.of(ValueType.STRING), false, Visibility.PRIVATE,
                (context, arguments) -> {
                    if (arguments[0] == null || ((String) arguments[0]).isEmpty()) {
                        throw new org.openmaces.core.language.ExecutionException(
                                "rotate_to() needs the new file name, not undef or an empty string");
                    }
                    output.rotateTo((String) arguments[0]);
                }));
        functions.register(new ProcedureDefinition("reopen", List.of(), false, Visibility.PRIVATE,
                (context, arguments) -> output.reopen()));
    }
}
