package org.openmaces.core.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code nxlog doctor} asks of the machine it runs on, behind an interface so tests can play a Mac,
 * a non-root user or a missing eslogger on any machine. {@link #system()} is the real one.
 */
public interface Host {

    /** The effective user id, or -1 when unknown. */
    long uid();

    /** True on macOS. */
    boolean isMacOs();

    /** {@code os.name} and {@code os.version}, for messages. */
    String describe();

    /** The macOS major version (13 for Ventura), or 0 when not macOS or unknown. */
    int macOsMajorVersion();

    /** The executable of this process: the launcher ({@code nxlog}) or {@code java}. */
    Optional<Path> executable();

    /** True when this process can open {@code file} for reading (TCC decides that for protected files). */
    boolean canRead(Path file);

    /** True when {@code file} exists, is a regular file and may be executed. */
    boolean isExecutableFile(Path file);

    /**
     * Runs a command and returns its exit status with standard output and error merged; status -1 and the
     * reason as output when it cannot be started or does not end within {@code timeout}.
     */
    CommandResult run(List<String> command, Duration timeout);

    /** What a command printed and how it ended. */
    record CommandResult(int status, String output) {
    }

    /** This machine. */
    static Host system() {
        return new SystemHost();
    }
}
