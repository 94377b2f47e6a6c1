package org.openmaces.core.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The machine the agent runs on. */
final class SystemHost implements Host {

    @Override
    public long uid() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    @Override
    public boolean isMacOs() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
    }

    @Override
    public String describe() {
        return System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?");
    }

    @Override
    public int macOsMajorVersion() {
        if (!isMacOs()) {
            return 0;
        }
        String version = System.getProperty("os.version", "");
        try {
            int major = Integer.parseInt(version.split("\\.")[0]);
            // 10.15 is Catalina; a runtime built with an old SDK reports Big Sur as 10.16
            return major == 10 && version.startsWith("10.16") ? 11 : major;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public Optional<Path> executable() {
        return ProcessHandle.current().info().command().map(Path::of);
    }

    @Override
    public boolean canRead(Path file) {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    @Override
    public boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new CommandResult(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        }
        // Read on another thread so that a command that hangs with its output open still times out.
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "cannot read the output of " + command.get(0) + ": " + e.getMessage();
            }
        });
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new CommandResult(-1, command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new CommandResult(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            return new CommandResult(-1, "cannot read the output of " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new CommandResult(-1, "interrupted");
        }
    }
}
