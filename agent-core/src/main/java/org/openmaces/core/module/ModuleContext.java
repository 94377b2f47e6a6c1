package org.openmaces.core.module;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.openmaces.core.framing.FramingRegistry;
import org.openmaces.core.framing.RecordFraming;
import org.openmaces.core.language.CompiledExpression;
import org.openmaces.core.language.FunctionRegistrar;
import org.openmaces.core.language.LanguageSettings;
import org.slf4j.Logger;

/**
 * Everything a module instance gets from the core at creation. Valid for the instance's whole life.
 */
public interface ModuleContext {

    /** The block's name: {@code in} for {@code <Input in>}. */
    String instanceName();

    /** The module's name: {@code im_maces}. */
    String moduleName();

    ModuleKind kind();

    /** The block's directives, validated and typed. */
    ModuleConfiguration configuration();

    /** Register the instance's functions and procedures here (only during {@link ModuleProvider#create}). */
    FunctionRegistrar functions();

    /** Framings by OutputType name; extensions register theirs (xm_syslog's {@code Syslog_TLS}). */
    FramingRegistry framings();

    /**
     * The framing this instance's {@code OutputType} (or the module default) names. Extensions are created
     * before other instances, so framings they register are found here.
     *
     * @throws org.openmaces.core.config.ConfigurationException naming the OutputType line when unknown
     */
    RecordFraming outputFraming() throws org.openmaces.core.config.ConfigurationException;

    /**
     * Compiles an EXPRESSION directive (om_file's {@code File}) in this instance's scope; null when the
     * directive is absent. Compile errors are reported as configuration errors and give null.
     */
    CompiledExpression compileExpression(String directive);

    /**
     * A fresh execution context bound to this instance (its statistics, variables and logging), for a
     * module that evaluates compiled expressions itself (om_file's dynamic {@code File}). Call it from
     * {@link ModuleInstance#start()} or later, and use the result on one thread only.
     */
    org.openmaces.core.language.ExecutionContext newExecutionContext();

    /**
     * Records a configuration error at the directive's {@code FILE:LINE} (the block's when the directive is
     * absent). Creation continues so every error of the file is reported; the instance will not start.
     */
    void configurationError(String directive, String message);

    /** Records a warning at the directive's line; the instance still starts. */
    void configurationWarning(String directive, String message);

    /** True during {@code nxlog -v}: validate only; do not touch files, sockets or the kernel. */
    boolean verifyOnly();

    /** The instance's logger; messages at INFO and above also reach im_internal. */
    Logger logger();

    /** Wall clock, injected so tests control time. */
    Clock clock();

    /** Conversion settings from the global directives (DateFormat, GenerateDateInUTC, ParseDateInUTC). */
    LanguageSettings languageSettings();

    /** {@code CacheDir}: where modules keep state across restarts. */
    Path cacheDirectory();

    /** {@code SpoolDir}, or the working directory: base for relative paths at run time. */
    Path spoolDirectory();

    /**
     * A counter of records or events this instance lost (ring overflow, malformed input lines, kernel
     * drops). The runtime reports increases as warnings (rate-limited) and totals at shutdown and on
     * SIGUSR1, so no loss goes unreported. {@code what} names the loss: {@code "ring full"}.
     */
    LongAdder lossCounter(String what);

    /** A counter reported at shutdown and on SIGUSR1 (events read, bytes written, reconnects). */
    LongAdder counter(String what);
}
