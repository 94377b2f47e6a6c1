package org.openmaces.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.testing.ConfigFixture;

class ConfigurationLoaderTest {
    private final ConfigFixture fixture = ConfigFixture.withFakeModules(Path.of("/tmp"));

    private static final String MINIMAL = """
            <Input in>
                Module im_fake
            </Input>
            <Output out>
                Module om_fake
                Target "x"
            </Output>
            """;

    @Test
    void shouldLoadAMinimalConfigWithAnImplicitRoute() {
        AgentConfiguration configuration = fixture.load(MINIMAL);
        assertNotNull(configuration, fixture.errors());
        assertEquals(2, configuration.instances().size());
        RouteDefinition route = configuration.routes().get(0);
        assertEquals(List.of("in"), route.inputs());
        assertEquals(List.of("out"), route.outputs());
        assertEquals("", fixture.warnings());
    }

    @Test
    void shouldMatchBlockAndDirectiveNamesCaseInsensitively() {
        AgentConfiguration configuration = fixture.load("""
                <INPUT in>
                    module im_fake
                    COUNT 5
                </input>
                <output out>
                    MODULE OM_FAKE
                    target "x"
                </OUTPUT>
                """);
        assertNotNull(configuration, fixture.errors());
        assertEquals(5L, configuration.instance("IN").configuration().getInteger("Count"));
    }

    @Test
    void shouldReadTypedValuesThroughOneConversionLayer() {
        AgentConfiguration configuration = fixture.load("""
                <Input in>
                    Module   im_fake
                    Count    64K
                    Enabled  yes
                    Tag      'first'
                    Tag      "second"
                    Events   write, 'exec' ,fork
                    Interval 0.25
                    Mode     0640
                </Input>
                <Output out>
                    Module om_fake
                    Target "x"
                </Output>
                """);
        assertNotNull(configuration, fixture.errors());
        var block = configuration.instance("in").configuration();
        assertEquals(65536L, block.getInteger("Count"));
        assertTrue(block.getBoolean("Enabled"));
        assertEquals(List.of("first", "second"), block.getList("Tag"));
        assertEquals(List.of("write", "exec", "fork"), block.getList("Events"));
        assertEquals(250_000_000L, block.getDurationNanos("Interval"));
        assertEquals(0640, block.getOctal("Mode"));
        assertEquals(List.of("first", "second"), block.raw().getList(String.class, "Tag"));
        assertEquals(65536L, block.raw().getLong("Count"));
    }

    @Test
    void shouldApplyDefaultsOfAbsentDirectives() {
        AgentConfiguration configuration = fixture.load(MINIMAL);
        var block = configuration.instance("in").configuration();
        assertEquals(0L, block.getInteger("Count"));
        assertEquals(List.of("open", "close"), block.getList("Events"));
        assertFalse(block.isSet("Count"));
        assertNull(block.getDurationNanos("Interval"));
    }

    @Test
    void shouldReportEveryErrorOfAFileInOneRun() {
        AgentConfiguration configuration = fixture.load("""
                <Input in>
                    Module im_fake
                    Cont 5
                    Enabled maybe
                </Input>
                <Input in>
                    Module im_fake
                </Input>
                <Output out>
                    Module om_fake
                </Output>
                <Output other>
                    Module om_nope
                </Output>
                <Route r>
                    Path in => nowhere
                </Route>
                """);
        assertNull(configuration);
        String errors = fixture.errors();
        assertTrue(errors.contains("/test/nxlog.conf:3: invalid keyword: Cont is not a directive of module im_fake; did you mean 'Count'?"), errors);
        assertTrue(errors.contains("/test/nxlog.conf:4: invalid value 'maybe' for Enabled: Invalid boolean value 'maybe'"), errors);
        assertTrue(errors.contains("/test/nxlog.conf:6: module 'in' is already defined at /test/nxlog.conf:1"), errors);
        assertTrue(errors.contains("/test/nxlog.conf:9: 'Target' missing for module om_fake in <Output out>"), errors);
        assertTrue(errors.contains("/test/nxlog.conf:13: unknown module 'om_nope' (available: im_fake, om_fake, pm_fake, xm_fake)"), errors);
        assertTrue(errors.contains("/test/nxlog.conf:16: module 'nowhere' not declared (route 'r')"), errors);
    }

    @Test
    void shouldRejectARepeatedSingleValuedDirective() {
        fixture.load(MINIMAL.replace("Module im_fake", "Module im_fake\nCount 1\nCount 2"));
        assertTrue(fixture.errors().contains(":4: Count is already defined at /test/nxlog.conf:3; it may appear only once"),
                fixture.errors());
    }

    @Test
    void shouldRejectAModuleInTheWrongBlock() {
        fixture.load("<Output out>\nModule im_fake\n</Output>");
        assertTrue(fixture.errors().contains(":2: cannot use INPUT module im_fake as OUTPUT: put it in an <Input> block"),
                fixture.errors());
    }

    @Test
    void shouldRejectFlowControlOnAnOutput() {
        fixture.load(MINIMAL.replace("Target \"x\"", "Target \"x\"\nFlowControl FALSE"));
        assertTrue(fixture.errors().contains("'FlowControl' is only supported by Input and Processor modules"), fixture.errors());
    }

    @Test
    void shouldResolveModuleCommonDirectivesAgainstGlobals() {
        AgentConfiguration configuration = fixture.load("""
                FlowControl FALSE
                LogqueueSize 500
                PersistLogqueue TRUE
                <Input in>
                    Module im_fake
                </Input>
                <Input in2>
                    Module im_fake
                    FlowControl TRUE
                </Input>
                <Output out>
                    Module om_fake
                    Target "x"
                    LogqueueSize 7
                    PersistLogqueue FALSE
                </Output>
                """);
        assertNotNull(configuration, fixture.errors());
        assertFalse(configuration.instance("in").flowControl());
        assertTrue(configuration.instance("in2").flowControl());
        assertEquals(7, configuration.instance("out").logqueueSize());
        assertFalse(configuration.instance("out").persistLogqueue());
        assertEquals(500, configuration.globals().logqueueSize());
    }

    @Test
    void shouldKeepExecSourcesInFileOrderWithTheirLines() {
        AgentConfiguration configuration = fixture.load("""
                <Input in>
                    Module im_fake
                    Exec $a = 1;
                    <Exec>
                        $b = 2;
                        $c = 3;
                    </Exec>
                    Exec $d = \\
                         4;
                </Input>
                <Output out>
                    Module om_fake
                    Target "x"
                </Output>
                """);
        assertNotNull(configuration, fixture.errors());
        List<SourceText> exec = configuration.instance("in").exec();
        assertEquals(3, exec.size());
        assertEquals("$a = 1;", exec.get(0).text());
        assertEquals(3, exec.get(0).lineAt(0));
        assertEquals(10, exec.get(0).columnAt(0));
        assertEquals(5, exec.get(1).lineAt(exec.get(1).text().indexOf("$b")));
        assertEquals(6, exec.get(1).lineAt(exec.get(1).text().indexOf("$c")));
        assertEquals(9, exec.get(1).columnAt(exec.get(1).text().indexOf("$c")));
        assertEquals("$d =          4;", exec.get(2).text());
        assertEquals(9, exec.get(2).lineAt(exec.get(2).text().indexOf("4")));
        assertEquals(10, exec.get(2).columnAt(exec.get(2).text().indexOf("4")));
    }

    @Test
    void shouldParseRoutesWithProcessorsAndPriority() {
        AgentConfiguration configuration = fixture.load("""
                <Input a>
                    Module im_fake
                </Input>
                <Input b>
                    Module im_fake
                </Input>
                <Processor p>
                    Module pm_fake
                </Processor>
                <Output x>
                    Module om_fake
                    Target "x"
                </Output>
                <Output y>
                    Module om_fake
                    Target "y"
                </Output>
                <Route main>
                    Path a, b => p => x, y
                    Priority 3
                </Route>
                """);
        assertNotNull(configuration, fixture.errors());
        RouteDefinition route = configuration.routes().get(0);
        assertEquals(List.of("a", "b"), route.inputs());
        assertEquals(List.of("p"), route.processors());
        assertEquals(List.of("x", "y"), route.outputs());
        assertEquals(3, route.priority());
    }

    @Test
    void shouldRejectBadRoutes() {
        String modules = """
                <Input a>
                    Module im_fake
                </Input>
                <Processor p>
                    Module pm_fake
                </Processor>
                <Output x>
                    Module om_fake
                    Target "x"
                </Output>
                """;
        fixture.load(modules + "<Route r>\nPath x => a\n</Route>");
        assertTrue(fixture.errors().contains("'x' is an Output instance (/test/nxlog.conf:7) and cannot be an input of route 'r'"),
                fixture.errors());
        fixture.load(modules + "<Route r>\nPath a x\n</Route>");
        assertTrue(fixture.errors().contains("invalid path 'a x'"), fixture.errors());
        fixture.load(modules + "<Route r>\nPath a, => x\n</Route>");
        assertTrue(fixture.errors().contains("invalid leading comma/arrow in path"), fixture.errors());
        fixture.load(modules + "<Route r>\nPath a => p => x\n</Route>\n<Route s>\nPath a => p => x\n</Route>");
        assertTrue(fixture.errors().contains("cannot add processor module 'p' to route 's' because it is already added to route 'r'"),
                fixture.errors());
        fixture.load(modules + "<Route r>\nPath a => x\nPriority 0\n</Route>");
        assertTrue(fixture.errors().contains("invalid priority: 0"), fixture.errors());
        fixture.load(modules + "<Route r>\nPriority 5\n</Route>");
        assertTrue(fixture.errors().contains("path missing from route 'r'"), fixture.errors());
        fixture.load(modules + "<Route r>\nPath a => x\nPathh a\n</Route>");
        assertTrue(fixture.errors().contains("invalid keyword under <Route>: Pathh; did you mean 'Path'?"), fixture.errors());
    }

    @Test
    void shouldWarnAboutUnusedModules() {
        AgentConfiguration configuration = fixture.load(MINIMAL + """
                <Input spare>
                    Module im_fake
                </Input>
                <Route r>
                    Path in => out
                </Route>
                """);
        assertNotNull(configuration, fixture.errors());
        assertTrue(fixture.warnings().contains("not starting unused module spare"), fixture.warnings());
    }

    @Test
    void shouldSkipAFaultyModuleUnderIgnoreErrorsButNotInStrictMode() {
        String text = MINIMAL + """
                <Input broken>
                    Module im_fake
                    Count lots
                </Input>
                """;
        assertNull(fixture.load(text));
        AgentConfiguration lenient = fixture.loadLenient(text);
        assertNotNull(lenient, fixture.errors());
        assertNull(lenient.instance("broken"));
        assertTrue(fixture.errors().contains("invalid value 'lots' for Count"), fixture.errors());
        assertNull(fixture.loadLenient("IgnoreErrors FALSE\n" + text));
    }

    @Test
    void shouldValidateSchedules() {
        AgentConfiguration configuration = fixture.load("""
                <Extension x>
                    Module xm_fake
                    <Schedule>
                        Every 5 min
                        First 2030-01-01 00:00:00
                        Exec log_info("tick");
                    </Schedule>
                    <Schedule>
                        When @hourly
                        <Exec>
                            log_info("hour");
                        </Exec>
                    </Schedule>
                </Extension>
                """ + MINIMAL);
        assertNotNull(configuration, fixture.errors());
        var schedules = configuration.instance("x").schedules();
        assertEquals(2, schedules.size());
        assertEquals(300, ((org.openmaces.core.schedule.ScheduleTiming.Every) schedules.get(0).timing()).intervalSeconds());
        assertEquals(1, schedules.get(1).exec().size());

        fixture.load("<Extension x>\nModule xm_fake\n<Schedule>\nWhen 0 0 * * *\nFirst 2030-01-01 00:00:00\nExec log_info(1);\n</Schedule>\n</Extension>");
        assertTrue(fixture.errors().contains("cannot use 'First' with 'When' in Schedule block"), fixture.errors());
        fixture.load("<Extension x>\nModule xm_fake\n<Schedule>\nEvery 1\n</Schedule>\n</Extension>");
        assertTrue(fixture.errors().contains("'Exec' missing from Schedule block"), fixture.errors());
        fixture.load("<Extension x>\nModule xm_fake\n<Schedule>\nWhen @reboot\nExec log_info(1);\n</Schedule>\n</Extension>");
        assertTrue(fixture.errors().contains("couldn't parse value for directive 'When': @reboot not supported"), fixture.errors());
        fixture.load("<Extension x>\nModule xm_fake\n<Schedule>\nEvery 5 fortnights\nExec log_info(1);\n</Schedule>\n</Extension>");
        assertTrue(fixture.errors().contains("unknown unit 'fortnights'"), fixture.errors());
    }

    @Test
    void shouldReadGlobalDirectivesAndWarnAboutThoseThatCannotApply() {
        AgentConfiguration configuration = fixture.load("""
                LogLevel debug
                User nxlog
                LogqueueSize 2K
                BatchSize 200
                SpoolDir /var/spool/nxlog
                Panic SOFT
                """ + MINIMAL);
        assertNotNull(configuration, fixture.errors());
        assertEquals("DEBUG", configuration.globals().logLevel());
        assertEquals(2048, configuration.globals().logqueueSize());
        assertEquals(200, configuration.globals().batchSize());
        assertTrue(fixture.warnings().contains("User is ignored"), fixture.warnings());
        assertTrue(fixture.warnings().contains("Panic is ignored"), fixture.warnings());
        fixture.load("LogLevel loud\n" + MINIMAL);
        assertTrue(fixture.errors().contains(":1: invalid value for LogLevel: 'loud' is not one of CRITICAL, ERROR, WARNING, INFO, DEBUG"),
                fixture.errors());
        fixture.load("LogLevl INFO\n" + MINIMAL);
        assertTrue(fixture.errors().contains(":1: Invalid keyword: LogLevl; did you mean 'LogLevel'?"), fixture.errors());
    }

    @Test
    void shouldReadGlobalDirectivesFollowedByAComment() {
        // Found by the configuration fuzzer: LogLevel and the flush intervals were checked without their
        // trailing comment but then read with it, which threw instead of loading.
        AgentConfiguration configuration = fixture.load("""
                LogLevel DEBUG # while we look at it
                BatchFlushInterval 0.5 # seconds
                CacheFlushInterval 2 # seconds
                """ + MINIMAL);
        assertNotNull(configuration, fixture.errors());
        assertEquals("DEBUG", configuration.globals().logLevel());
        assertEquals(500_000_000L, configuration.globals().batchFlushIntervalNanos());
        assertEquals(2_000_000_000L, configuration.globals().cacheFlushIntervalNanos());
    }

    @Test
    void shouldTakeTheKindOfABlockFromItsTag() {
        AgentConfiguration configuration = fixture.load(MINIMAL);
        assertEquals(ModuleKind.INPUT, configuration.instance("in").kind());
    }
}
