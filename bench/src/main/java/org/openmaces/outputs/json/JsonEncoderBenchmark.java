package org.openmaces.outputs.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openmaces.core.framing.ByteSink;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.CoreFields;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.mapping.FieldMapper;
import org.openmaces.maces.record.RecordDecoder;

/**
 * xm_json's encoder alone, on the records the im_maces end-to-end benchmark makes: the golden
 * message-version-10 records of fake-es (variant 0, as {@code MacesThroughput} generates them) mapped by
 * the real {@link FieldMapper}, plus the three core fields the runtime adds. Each record is mapped
 * separately, so values the mapper caches (executables, signing and team IDs, cdhashes, paths) are the
 * same String instances in every record, as in the agent, and values it makes per event are not.
 *
 * <p>{@code values=distinct} replaces every string value by an equal copy of its own, in 4096 records
 * used in turn: the worst case for anything keyed by identity (every value is new to the encoder).
 *
 * <p>{@link #toJsonProcedureLine}: the procedure {@code to_json()} and om_file's line framing, the work of
 * the output thread in the end-to-end benchmark: the procedure's check that the record can be written
 * later, then its {@link RecordJson} written straight into the line. (Setting the value into the record
 * is left out: done again on the same record, it would settle, that is encode, the previous one.)
 * {@link #toJsonLine}: the same with the JSON as a String in between (what the function
 * {@code $raw_event = to_json()} does). {@link #writeBytes}: the encoder's bytes straight into the line,
 * the floor for both.
 *
 * <p>Run: {@code ./mvnw -B -q -pl native,agent-core,agent-maces,agent-outputs,bench -am -DskipTests package &&
 * java -jar bench/target/benchmarks.jar JsonEncoderBenchmark}, or on a shared machine
 * {@code java -Xms256m -Xmx256m -XX:+UseSerialGC -cp bench/target/benchmarks.jar org.openmaces.outputs.json.JsonEncoderBenchmark}
 * (see {@link #main}). The golden records are read from
 * {@code src-test-fixtures/records/format-1/message-v10} (relative to the working directory, or
 * {@code -Dopenmaces.fixtures=DIR}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+UseSerialGC"})
public class JsonEncoderBenchmark {
    @Param({"open_close", "exec"})
    public String events;

    @Param({"repeated", "distinct"})
    public String values;

    private LogRecord[] records;
    private int next;
    private JsonEncoder encoder;
    private final ByteSink line = new ByteSink();

    @Setup
    public void setUp() throws IOException {
        Path fixtures = Path.of(System.getProperty("openmaces.fixtures", "src-test-fixtures"));
        List<ByteBuffer> golden = events.equals("exec")
                ? List.of(golden(fixtures, "exec v10 variant0"))
                : List.of(golden(fixtures, "open v10 variant0"), golden(fixtures, "close v10 variant0"));
        FieldMapper mapper = new FieldMapper(bytes -> new String(bytes, StandardCharsets.UTF_8));
        RecordDecoder decoder = new RecordDecoder();
        int count = values.equals("distinct") ? 4096 : 2048;
        records = new LogRecord[count];
        long now = System.currentTimeMillis() * 1000L;
        for (int i = 0; i < count; i++) {
            // Open and close in runs, as the end-to-end benchmark generates them (chunks of 5 000): their
            // EventTimes are different seconds, and DatetimeCache keeps two seconds (with EventReceivedTime's).
            decoder.wrap(golden.get(i * golden.size() / count), 0);
            LogRecord record = mapper.map(decoder);
            record.setDatetime(CoreFields.EVENT_RECEIVED_TIME, now + i * 3L);
            record.setString(CoreFields.SOURCE_MODULE_NAME, "es");
            record.setString(CoreFields.SOURCE_MODULE_TYPE, "im_maces");
            if (values.equals("distinct")) {
                for (int field = 0; field < record.size(); field++) {
                    if (record.valueAt(field) instanceof String text) {
                        record.setValueAt(field, new String(text.toCharArray()));
                    }
                }
            }
            records[i] = record;
        }
        encoder = new JsonEncoder(JsonSettings.defaults(),
                Conversions.of(new LanguageSettings(null, false, false, ZoneOffset.UTC)));
    }

    private LogRecord nextRecord() {
        LogRecord record = records[next];
        next = next + 1 == records.length ? 0 : next + 1;
        return record;
    }

    @Benchmark
    public int toJsonLine() {
        String json = encoder.toJson(nextRecord());
        line.reset();
        line.writeUtf8(json);
        line.write('\n');
        return line.length();
    }

    @Benchmark
    public int toJsonProcedureLine() {
        LogRecord record = nextRecord();
        line.reset();
        if (encoder.canWriteLater(record)) {
            new RecordJson(encoder, record).writeUtf8(line);
        }
        line.write('\n');
        return line.length();
    }

    @Benchmark
    public int writeBytes() {
        line.reset();
        encoder.write(nextRecord(), line);
        line.write('\n');
        return line.length();
    }

    /**
     * The same work without JMH, timed by the thread's CPU time instead of the wall clock, so a figure stays
     * comparable on a machine shared with other work: records per CPU-second of the encoding thread.
     * Arguments: seconds per case (default 10), then optionally the events and the values to run (default all).
     */
    public static void main(String[] arguments) throws IOException {
        int seconds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 10;
        String[] eventsToRun = arguments.length > 1 ? new String[]{arguments[1]} : new String[]{"open_close", "exec"};
        String[] valuesToRun = arguments.length > 2 ? new String[]{arguments[2]} : new String[]{"repeated", "distinct"};
        // com.sun.management's interface: the JDK's ThreadMXBean also counts the bytes a thread allocates.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (String events : eventsToRun) {
            for (String values : valuesToRun) {
                JsonEncoderBenchmark benchmark = new JsonEncoderBenchmark();
                benchmark.events = events;
                benchmark.values = values;
                benchmark.setUp();
                for (String method : new String[]{"toJsonLine", "toJsonProcedureLine", "writeBytes"}) {
                    long sum = 0;
                    long deadline = System.nanoTime() + 3_000_000_000L; // warm-up
                    while (System.nanoTime() < deadline) {
                        sum += run(benchmark, method, 10_000);
                    }
                    long allocatedStart = threads.getCurrentThreadAllocatedBytes();
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long wallStart = System.nanoTime();
                    long count = 0;
                    while (System.nanoTime() - wallStart < seconds * 1_000_000_000L) {
                        sum += run(benchmark, method, 10_000);
                        count += 10_000;
                    }
                    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    double allocated = (double) (threads.getCurrentThreadAllocatedBytes() - allocatedStart) / count;
                    double wall = (System.nanoTime() - wallStart) / 1e9;
                    System.out.printf("%-10s %-8s %-19s %,9.0f records per CPU-second (%.0f ns each; %,9.0f per wall-clock second; %,.0f bytes allocated each)%s%n",
                            events, values, method, count / cpu, cpu * 1e9 / count, count / wall, allocated, sum == 42 ? " " : "");
                }
            }
        }
    }

    private static long run(JsonEncoderBenchmark benchmark, String method, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += switch (method) {
                case "toJsonLine" -> benchmark.toJsonLine();
                case "toJsonProcedureLine" -> benchmark.toJsonProcedureLine();
                default -> benchmark.writeBytes();
            };
        }
        return sum;
    }

    /** One record of records.bin, found by its name in expected.txt (records are back to back, in that order). */
    static ByteBuffer golden(Path fixtures, String name) throws IOException {
        Path directory = fixtures.resolve("records/format-1/message-v10");
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(directory.resolve("records.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        List<String> names = new ArrayList<>();
        for (String text : Files.readAllLines(directory.resolve("expected.txt"), StandardCharsets.ISO_8859_1)) {
            if (text.startsWith("record ")) {
                names.add(text.substring(7));
            }
        }
        int at = 0;
        for (String recordName : names) {
            int length = all.getInt(at);
            if (recordName.equals(name)) {
                ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
                bytes.put(0, all, at, length);
                return bytes;
            }
            at += length;
        }
        throw new IllegalArgumentException(directory + " has no record " + name);
    }
}
