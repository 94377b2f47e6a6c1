package org.openmaces.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openmaces.core.cli.AgentProcess;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.RuntimeOptions;

/** Every configuration shipped under {@code conf/} passes {@code nxlog -v} with every module of the agent. */
class SampleConfigurationsTest {

    @TestFactory
    Stream<DynamicTest> shouldVerifyEverySampleConfiguration() throws IOException {
        Path root = CheckoutPaths.root();
        List<Path> samples;
        try (Stream<Path> files = Files.walk(root.resolve("conf"))) {
            samples = files.filter(file -> file.toString().endsWith(".conf")).sorted().toList();
        }
        assertFalse(samples.isEmpty(), "no sample configurations under " + root.resolve("conf"));
        return samples.stream().map(sample -> DynamicTest.dynamicTest(root.relativize(sample).toString(), () -> {
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AgentProcess process = new AgentProcess(sample, false, ConfigurationLoader.forThisProcess(true), NxlogLanguage::new,
                    RuntimeOptions.defaults(), new PrintStream(errors, true, StandardCharsets.UTF_8));
            int status = process.verify(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(AgentProcess.EXIT_OK, status, errors.toString(StandardCharsets.UTF_8));
            assertEquals("configuration OK\n", out.toString(StandardCharsets.UTF_8));
        }));
    }
}
