package org.openmaces.core.doctor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.DoctorFinding;
import org.openmaces.core.module.InputInstance;
import org.openmaces.core.module.ModuleContext;
import org.openmaces.core.module.ModuleInstance;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;
import org.openmaces.core.module.OutputInstance;
import org.openmaces.core.record.LogRecord;

/**
 * Test modules whose {@code diagnose()} does what real ones will: om_probe probes a TCP destination and a
 * directory with {@link Probes}, as om_tcp and om_file can; im_maces (a stand-in, not the real module)
 * reports the {@code es_new_client} failure its {@code Result} directive names, or hangs.
 */
final class DiagnosingModules {
    private DiagnosingModules() {
    }

    static List<ModuleProvider> all() {
        return List.of(new ProbingOutput(), new FakeEndpointSecurityInput());
    }

    static final class ProbingOutput implements ModuleProvider {
        @Override
        public String name() {
            return "om_probe";
        }

        @Override
        public ModuleKind kind() {
            return ModuleKind.OUTPUT;
        }

        @Override
        public List<DirectiveSpec> directives() {
            return List.of(DirectiveSpec.optional("Host", DirectiveType.STRING, null, "TCP destination host"),
                    DirectiveSpec.optional("Port", DirectiveType.INTEGER, null, "TCP destination port"),
                    DirectiveSpec.optional("Directory", DirectiveType.STRING, null, "where files would be written"));
        }

        @Override
        public ModuleInstance create(ModuleContext context) {
            String host = context.configuration().getString("Host");
            long port = context.configuration().getInteger("Port", 0);
            String directory = context.configuration().getString("Directory");
            return new OutputInstance() {
                @Override
                public void write(LogRecord record) {
                }

                @Override
                public void flush() throws IOException {
                }

                @Override
                public String destination() {
                    return "probe";
                }

                @Override
                public List<DoctorFinding> diagnose() {
                    List<DoctorFinding> findings = new ArrayList<>();
                    if (host != null) {
                        findings.add(Probes.tcp("destination", host, (int) port, Duration.ofSeconds(2)));
                    }
                    if (directory != null) {
                        findings.add(Probes.writableDirectory("directory", Path.of(directory), true));
                    }
                    return findings;
                }
            };
        }
    }

    static final class FakeEndpointSecurityInput implements ModuleProvider {
        @Override
        public String name() {
            return "im_maces";
        }

        @Override
        public ModuleKind kind() {
            return ModuleKind.INPUT;
        }

        @Override
        public List<DirectiveSpec> directives() {
            return List.of(DirectiveSpec.optional("Result", DirectiveType.STRING, "SUCCESS", "what es_new_client returns"));
        }

        @Override
        public ModuleInstance create(ModuleContext context) {
            String result = context.configuration().getString("Result");
            return new InputInstance() {
                @Override
                public int produce(org.openmaces.core.module.RecordBatch batch) {
                    return 0;
                }

                @Override
                public List<DoctorFinding> diagnose() {
                    if ("HANG".equals(result)) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return List.of();
                    }
                    if (result == null || result.equals("SUCCESS")) {
                        return List.of(DoctorFinding.ok("Endpoint Security client", "es_new_client succeeded"));
                    }
                    return List.of(DoctorFinding.problem("Endpoint Security client", "es_new_client returned " + result,
                            "see the finding below"));
                }
            };
        }
    }
}
