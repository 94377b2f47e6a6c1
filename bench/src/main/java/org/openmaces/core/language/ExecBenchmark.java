package org.openmaces.core.language;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

/**
 * How fast does a compiled Exec run per record, and how close is it to the same logic written in Java?
 *
 * <p>The program is representative of filtering rules: a regular expression with two captures,
 * comparisons, string building and an assignment, {@code add_stat()} and a function call ({@code lc()}).
 * Half of the records match. {@link #compiledExec} runs the compiled program; {@link #handWritten} does the
 * same work with {@code java.util.regex}, {@link LogRecord} and the same statistics store, as a module
 * author would write it (reusing its matcher). Both run on one thread.
 *
 * <p>Run: {@code ./mvnw -B -q -pl agent-core,bench -DskipTests package && java -jar bench/target/benchmarks.jar ExecBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExecBenchmark {
    static final String PROGRAM = String.join("\n",
            "if $Message =~ /^Failed password for (\\S+) from (\\S+)/ {",
            "    if $SeverityValue >= 3 and $1 != \"root\" {",
            "        $Alert = \"failed login for \" + $1 + \" from \" + $2;",
            "        add_stat(\"failures\", 1);",
            "    }",
            "    $User = lc($1);",
            "}");

    private static final FieldName MESSAGE = FieldName.of("Message");
    private static final FieldName SEVERITY_VALUE = FieldName.of("SeverityValue");
    private static final FieldName ALERT = FieldName.of("Alert");
    private static final FieldName USER = FieldName.of("User");
    private static final Pattern FAILED = Pattern.compile("^Failed password for (\\S+) from (\\S+)",
            Pattern.UNIX_LINES);

    private LogRecord[] records;
    private int next;
    private CompiledStatements program;
    private ExecutionContext context;
    private InstanceState handState;
    private Clock clock;
    private Matcher matcher;

    @Setup(Level.Trial)
    public void setUp() {
        String[] messages = {
            "Failed password for alice from 10.0.0.7 port 50022 ssh2",
            "Accepted publickey for bob from 10.0.0.8 port 50100 ssh2",
            "Failed password for root from 192.168.1.20 port 40022 ssh2",
            "session opened for user carol by (uid=0)",
        };
        records = new LogRecord[messages.length];
        for (int i = 0; i < messages.length; i++) {
            LogRecord record = new LogRecord();
            record.set(FieldName.of("raw_event"), messages[i]);
            record.set(MESSAGE, messages[i]);
            record.setInteger(SEVERITY_VALUE, 3 + i % 2);
            record.set(FieldName.of("Hostname"), "mac-01");
            record.set(FieldName.of("EventTime"), org.openmaces.core.record.Datetime.ofInstant(Instant.now()));
            records[i] = record;
        }
        NxlogLanguage language = new NxlogLanguage();
        clock = Clock.systemUTC();
        BenchEnvironment environment = new BenchEnvironment(language.newInstanceState(), clock);
        Diagnostics diagnostics = new Diagnostics();
        program = language.compileStatements(List.of(SourceText.ofBlock(Path.of("bench.conf"), 1, PROGRAM)),
                new CompilationScope("in", "im_maces", true, new FunctionRegistry(), List.of()), diagnostics);
        if (program == null) {
            throw new IllegalStateException(diagnostics.all().toString());
        }
        context = new ExecutionContext(environment);
        context.beginRecord(records[0]);
        program.execute(context);
        try {
            environment.state().createStat("failures", "COUNT", 0, 0, InstanceState.NEVER, 0);
            handState = language.newInstanceState();
            handState.createStat("failures", "COUNT", 0, 0, InstanceState.NEVER, 0);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
        matcher = FAILED.matcher("");
    }

    private LogRecord nextRecord() {
        LogRecord record = records[next];
        next = (next + 1) & (records.length - 1);
        return record;
    }

    @Benchmark
    public void compiledExec(Blackhole sink) {
        LogRecord record = nextRecord();
        context.beginRecord(record);
        program.execute(context);
        sink.consume(context.isDropped());
    }

    @Benchmark
    public void handWritten(Blackhole sink) throws ExecutionException {
        LogRecord record = nextRecord();
        Object message = record.get(MESSAGE);
        if (message instanceof String text && matcher.reset(text).find()) {
            String user = matcher.group(1);
            String host = matcher.group(2);
            Object severity = record.get(SEVERITY_VALUE);
            if (severity instanceof Long level && level >= 3 && !"root".equals(user)) {
                record.set(ALERT, "failed login for " + user + " from " + host);
                Instant now = clock.instant();
                long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
                handState.addStat("failures", 1, micros, micros);
            }
            record.set(USER, user.toLowerCase(Locale.ROOT));
        }
        sink.consume(record);
    }
}
