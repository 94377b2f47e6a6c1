package org.openmaces.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.openmaces.core.language.CompilationScope;
import org.openmaces.core.language.CompiledStatements;
import org.openmaces.core.language.Diagnostics;
import org.openmaces.core.language.ExecutionContext;
import org.openmaces.core.language.ExecutionEnvironment;
import org.openmaces.core.language.FunctionRegistry;
import org.openmaces.core.language.InstanceState;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * Any text as Exec code: compiling reports diagnostics, and a program that compiles runs on a record
 * without throwing (run-time errors are logged, never thrown). Regression inputs in
 * {@code LanguageFuzzTestInputs/}.
 */
class LanguageFuzzTest {
    private static final NxlogLanguage LANGUAGE = new NxlogLanguage(LanguageSettings.defaults());
    private static final FunctionRegistry FUNCTIONS = new FunctionRegistry();

    static {
        FUNCTIONS.registrar("fuzz");
    }

    @FuzzTest(maxDuration = "60s")
    void shouldCompileOrReportAndNeverThrowWhileRunning(byte[] input) {
        String code = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        // sleep() would stall the fuzzer; huge inputs only slow it down.
        if (code.length() > 400 || code.contains("sleep")) {
            return;
        }
        Diagnostics diagnostics = new Diagnostics();
        CompiledStatements program = LANGUAGE.compileStatements(
                List.of(SourceText.ofBlock(Path.of("/fuzz/nxlog.conf"), 1, code)),
                new CompilationScope("fuzz", "im_testgen", true, FUNCTIONS, List.of()), diagnostics);
        diagnostics.all().forEach(diagnostic -> diagnostic.format());
        if (program == null) {
            return;
        }
        ExecutionContext context = new ExecutionContext(new QuietEnvironment(LANGUAGE.newInstanceState()));
        LogRecord record = new LogRecord();
        record.setString(FieldName.of("raw_event"), "Failed password for root from 10.0.0.1 port 22");
        record.setString(FieldName.of("Message"), "hello");
        record.setInteger(FieldName.of("SeverityValue"), 3);
        record.set(FieldName.of("EventTime"), Datetime.ofMicroseconds(1_700_000_000_000_000L));
        context.beginRecord(record);
        program.execute(context);
    }

    /** Swallows logs and rejects routing: the fuzz target checks for exceptions, not output. */
    private record QuietEnvironment(InstanceState state) implements ExecutionEnvironment {
        @Override
        public String instanceName() {
            return "fuzz";
        }

        @Override
        public String moduleName() {
            return "im_testgen";
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public LanguageSettings settings() {
            return LanguageSettings.defaults();
        }

        @Override
        public void log(LogLevel level, String message) {
        }

        @Override
        public void reroute(String routeName, LogRecord record) throws org.openmaces.core.language.ExecutionException {
            throw new org.openmaces.core.language.ExecutionException("no route '" + routeName + "'");
        }

        @Override
        public void addToRoute(String routeName, LogRecord record) throws org.openmaces.core.language.ExecutionException {
            throw new org.openmaces.core.language.ExecutionException("no route '" + routeName + "'");
        }
    }
}
