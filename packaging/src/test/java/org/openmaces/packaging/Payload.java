package org.openmaces.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where assemble.sh put the installed layout, and small helpers the layout tests share. */
final class Payload {
    private Payload() {
    }

    static Path directory() {
        Path payload = CheckoutPaths.root().resolve("packaging/target/payload");
        if (!Files.isDirectory(payload.resolve("macos/root"))) {
            throw new IllegalStateException(payload + " is missing: run ./mvnw package (assemble.sh) first");
        }
        return payload;
    }

    /** The pkg payload root: what the installer copies onto / . */
    static Path macosRoot() {
        return directory().resolve("macos/root");
    }

    static Path bundle() {
        return macosRoot().resolve("opt/nxlog/lib/nxlog.app/Contents");
    }

    static Path scripts() {
        return directory().resolve("macos/scripts");
    }

    static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    /** A property list as sorted JSON, read by Python's plistlib (which rejects anything that is not one). */
    static String plistAsJson(Path file) throws Exception {
        Result result = run(null, List.of("python3", "-c", "import json, plistlib, sys\n"
                + "print(json.dumps(plistlib.load(open(sys.argv[1], 'rb')), sort_keys=True, default=str))", file.toString()));
        if (result.status() != 0) {
            throw new AssertionError(file + " is not a property list: " + result.output());
        }
        return result.output().strip();
    }

    record Result(int status, String output) {
    }

    /** Runs a command to its end (60 s at most) with stdout and stderr merged. */
    static Result run(java.util.Map<String, String> environment, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (environment != null) {
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
