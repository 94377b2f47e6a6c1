package org.openmaces.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * preinstall, postinstall and nxlog-uninstall run against a scratch root (NXLOG_INSTALL_ROOT), with a
 * launchctl on PATH that records its calls and remembers whether com.nxlog is loaded, and the payload
 * copied in between as Installer would.
 */
class InstallScriptsIT {
    private static final boolean ROOT_USER = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path work;
    private Path root;
    private Path state;
    private Path prefix;

    @BeforeEach
    void stubs() throws IOException {
        root = Files.createDirectories(work.resolve("root"));
        prefix = root.resolve("opt/nxlog");
        state = Files.createDirectories(work.resolve("state"));
        Path bin = Files.createDirectories(work.resolve("bin"));
        stub(bin.resolve("launchctl"), """
                #!/bin/sh
                echo "launchctl $*" >> "$STUB_STATE/calls"
                case "$1" in
                    list) [ -f "$STUB_STATE/loaded" ] || exit 113 ;;
                    bootout|unload) rm -f "$STUB_STATE/loaded" ;;
                    bootstrap) [ -f "$STUB_STATE/bootstrap-fails" ] && exit 5; touch "$STUB_STATE/loaded" ;;
                    load) touch "$STUB_STATE/loaded" ;;
                esac
                exit 0
                """);
        if (!ROOT_USER) {
            // as another user the scripts cannot chown to root: record the calls instead
            stub(bin.resolve("chown"), "#!/bin/sh\necho \"chown $*\" >> \"$STUB_STATE/calls\"\n");
        }
    }

    private static void stub(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", work.resolve("bin") + ":" + System.getenv("PATH"));
        environment.put("NXLOG_INSTALL_ROOT", root.toString());
        environment.put("STUB_STATE", state.toString());
        return environment;
    }

    private String script(String name, String... arguments) throws Exception {
        Path file = name.equals("nxlog-uninstall") ? prefix.resolve("bin/nxlog-uninstall") : Payload.scripts().resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of("sh", file.toString()));
        command.addAll(List.of(arguments));
        Payload.Result result = Payload.run(environment(), command);
        assertEquals(0, result.status(), name + " failed: " + result.output());
        return result.output();
    }

    /** What Installer does: preinstall, the payload onto the target, postinstall. */
    private String install(String volume) throws Exception {
        String output = script("preinstall", "/tmp/openmaces.pkg", "/", volume, "/");
        Payload.Result copy = Payload.run(null, List.of("cp", "-R", Payload.macosRoot() + "/.", root.toString()));
        assertEquals(0, copy.status(), copy.output());
        Path template = prefix.resolve("etc/nxlog.conf.default");
        if (!Files.exists(template)) {
            // until conf/nxlog.conf exists in the checkout, the payload has no template: stand one in
            Files.writeString(template, "# shipped default\n");
        }
        return output + script("postinstall", "/tmp/openmaces.pkg", "/", volume, "/");
    }

    private String calls() throws IOException {
        Path calls = state.resolve("calls");
        return Files.exists(calls) ? Files.readString(calls) : "";
    }

    private void assertDirectory(String path, String mode) throws IOException {
        Path directory = root.resolve(path);
        assertTrue(Files.isDirectory(directory), path);
        assertEquals(mode, Payload.mode(directory), path);
        if (ROOT_USER) {
            assertEquals(0, Files.getAttribute(directory, "unix:uid"), path);
            assertEquals(0, Files.getAttribute(directory, "unix:gid"), path);
        }
    }

    @Test
    void shouldInstallTheDefaultConfigurationMakeSafeDirectoriesAndStartTheDaemon() throws Exception {
        String output = install("/");
        Path config = prefix.resolve("etc/nxlog.conf");
        assertEquals(Files.readString(prefix.resolve("etc/nxlog.conf.default")), Files.readString(config));
        assertEquals("rw-------", Payload.mode(config));
        assertDirectory("opt/nxlog/var/spool/nxlog", "rwx------");
        assertDirectory("opt/nxlog/var/lib/nxlog", "rwx------");
        assertDirectory("opt/nxlog/var/log/nxlog", "rwxr-x---");
        assertDirectory("opt/nxlog/var/run/nxlog", "rwxr-xr-x");
        for (String parent : List.of("var", "var/spool", "var/log", "var/lib", "var/run")) {
            assertDirectory("opt/nxlog/" + parent, "rwxr-xr-x");
        }
        Path plist = root.resolve("Library/LaunchDaemons/com.nxlog.plist");
        assertEquals(Files.readString(prefix.resolve("share/nxlog/com.nxlog.plist")), Files.readString(plist));
        assertEquals("rw-r--r--", Payload.mode(plist));
        if (ROOT_USER) {
            assertEquals(0, Files.getAttribute(plist, "unix:uid"));
        } else {
            assertTrue(calls().contains("chown 0:0 " + plist), calls());
        }
        assertEquals(List.of("launchctl list com.nxlog", "launchctl bootstrap system " + plist),
                calls().lines().filter(line -> line.startsWith("launchctl")).toList(),
                "nothing was running, so nothing was stopped; the daemon was started");
        assertTrue(output.contains("installed " + config), output);
        assertTrue(Files.exists(state.resolve("loaded")));
    }

    @Test
    void shouldKeepTheUsersConfigurationAndStopTheRunningAgentOnUpgrade() throws Exception {
        install("/");
        Path config = prefix.resolve("etc/nxlog.conf");
        Files.writeString(config, "# the security team's own configuration\n");
        Path stale = prefix.resolve("lib/nxlog.app/Contents/lib/removed-in-this-version.jar");
        Files.writeString(stale, "old");
        Files.setPosixFilePermissions(prefix.resolve("var/spool/nxlog"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.delete(state.resolve("calls"));

        String output = install("/");
        assertEquals("# the security team's own configuration\n", Files.readString(config));
        assertTrue(output.contains("kept the existing " + config), output);
        assertFalse(Files.exists(stale), "preinstall removes the old bundle: a stale jar would end up on the class path");
        assertTrue(Files.isExecutable(prefix.resolve("lib/nxlog.app/Contents/MacOS/nxlog")));
        assertDirectory("opt/nxlog/var/spool/nxlog", "rwx------");
        Path plist = root.resolve("Library/LaunchDaemons/com.nxlog.plist");
        assertEquals(List.of("launchctl list com.nxlog", "launchctl bootout system/com.nxlog",
                "launchctl bootstrap system " + plist), calls().lines().filter(line -> line.startsWith("launchctl")).toList());
    }

    @Test
    void shouldFallBackToLoadWhenBootstrapFails() throws Exception {
        Files.writeString(state.resolve("bootstrap-fails"), "");
        install("/");
        Path plist = root.resolve("Library/LaunchDaemons/com.nxlog.plist");
        assertTrue(calls().contains("launchctl load -w " + plist + "\n"), calls());
        assertTrue(Files.exists(state.resolve("loaded")));
    }

    @Test
    void shouldLeaveLaunchdAloneWhenInstallingOnAnotherVolume() throws Exception {
        Files.writeString(state.resolve("loaded"), "");
        install("/Volumes/Other");
        assertFalse(calls().contains("launchctl"), calls());
        assertTrue(Files.exists(root.resolve("Library/LaunchDaemons/com.nxlog.plist")));
        assertTrue(Files.exists(prefix.resolve("etc/nxlog.conf")));
    }

    @Test
    void shouldUninstallTheProgramButKeepConfigurationLogsAndQueues() throws Exception {
        install("/");
        Files.writeString(prefix.resolve("var/log/nxlog/nxlog.log"), "log\n");
        Files.writeString(prefix.resolve("var/spool/nxlog/out.q"), "queued\n");
        String output = script("nxlog-uninstall");
        assertFalse(Files.exists(state.resolve("loaded")), "the daemon was stopped");
        assertTrue(calls().contains("launchctl bootout system/com.nxlog"), calls());
        assertFalse(Files.exists(root.resolve("Library/LaunchDaemons/com.nxlog.plist")));
        assertFalse(Files.exists(prefix.resolve("lib")));
        assertFalse(Files.exists(prefix.resolve("share")));
        assertFalse(Files.exists(prefix.resolve("bin")));
        assertTrue(Files.exists(prefix.resolve("etc/nxlog.conf")));
        assertFalse(Files.exists(prefix.resolve("etc/nxlog.conf.default")));
        assertEquals("log\n", Files.readString(prefix.resolve("var/log/nxlog/nxlog.log")));
        assertEquals("queued\n", Files.readString(prefix.resolve("var/spool/nxlog/out.q")));
        assertTrue(output.contains("kept " + prefix + "/etc (configuration)"), output);
    }

    @Test
    void shouldRemoveEverythingWithPurge() throws Exception {
        install("/");
        script("nxlog-uninstall", "--purge");
        assertFalse(Files.exists(prefix));
        assertFalse(Files.exists(root.resolve("Library/LaunchDaemons/com.nxlog.plist")));
        assertTrue(Files.isDirectory(root.resolve("opt")), "only /opt/nxlog goes");
    }

    @Test
    void shouldRefuseAnUnknownUninstallOption() throws Exception {
        install("/");
        Payload.Result result = Payload.run(environment(), List.of("sh", prefix.resolve("bin/nxlog-uninstall").toString(), "--all"));
        assertEquals(2, result.status());
        assertTrue(result.output().contains("unknown option '--all'"), result.output());
        assertTrue(Files.exists(prefix.resolve("lib/nxlog.app")), "nothing was removed");
    }
}
