package org.openmaces.core.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A machine a test describes: which OS, which user, what exists, what codesign says. */
final class FakeHost implements Host {
    long uid = 0;
    boolean macOs;
    int macOsMajor;
    Path executable = Path.of("/opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog");
    boolean esloggerPresent;
    boolean fullDiskAccess = true;
    CommandResult codesign = new CommandResult(0, "");
    final List<List<String>> commands = new ArrayList<>();

    static FakeHost linux() {
        FakeHost host = new FakeHost();
        host.executable = Path.of("/opt/openmaces/bin/nxlog");
        return host;
    }

    static FakeHost mac(int major) {
        FakeHost host = new FakeHost();
        host.macOs = true;
        host.macOsMajor = major;
        host.esloggerPresent = major >= 13;
        return host;
    }

    @Override
    public long uid() {
        return uid;
    }

    @Override
    public boolean isMacOs() {
        return macOs;
    }

    @Override
    public String describe() {
        return macOs ? "Mac OS X " + macOsMajor + ".1" : "Linux 6.1";
    }

    @Override
    public int macOsMajorVersion() {
        return macOsMajor;
    }

    @Override
    public Optional<Path> executable() {
        return Optional.ofNullable(executable);
    }

    @Override
    public boolean canRead(Path file) {
        return file.equals(HostChecks.TCC_DATABASE) && fullDiskAccess;
    }

    @Override
    public boolean isExecutableFile(Path file) {
        return file.equals(HostChecks.ESLOGGER) && esloggerPresent;
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        commands.add(command);
        return codesign;
    }
}
