package org.openmaces.core.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How the runtime is run.
 *
 * @param verifyOnly       {@code -v}: create instances in verify mode and compile, start nothing
 * @param oneshot          {@code --oneshot}: stop once every finite input ended and every queue is flushed
 * @param clock            wall clock for everything that tells time
 * @param workingDirectory where relative paths resolve when SpoolDir is not set
 * @param drainTimeout     at shutdown, how long an output may make no progress before its remaining
 *                         records are saved to disk instead of delivered
 */
public record RuntimeOptions(boolean verifyOnly, boolean oneshot, Clock clock, Path workingDirectory,
                             Duration drainTimeout) {
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(false, false, Clock.systemDefaultZone(), Path.of("").toAbsolutePath(),
                Duration.ofSeconds(10));
    }

    public RuntimeOptions withVerifyOnly(boolean verify) {
        return new RuntimeOptions(verify, oneshot, clock, workingDirectory, drainTimeout);
    }

    public RuntimeOptions withOneshot(boolean once) {
        return new RuntimeOptions(verifyOnly, once, clock, workingDirectory, drainTimeout);
    }

    public RuntimeOptions withClock(Clock newClock) {
        return new RuntimeOptions(verifyOnly, oneshot, newClock, workingDirectory, drainTimeout);
    }

    public RuntimeOptions withDrainTimeout(Duration timeout) {
        return new RuntimeOptions(verifyOnly, oneshot, clock, workingDirectory, timeout);
    }
}
