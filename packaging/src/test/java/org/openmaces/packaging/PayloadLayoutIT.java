package org.openmaces.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openmaces.core.cli.AgentProcess;
import org.openmaces.core.config.ConfigurationLoader;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.runtime.RuntimeOptions;

/** The layout assemble.sh made: the pkg payload, its property lists, modes, and the Linux tarball. */
class PayloadLayoutIT {
    private static final Path ROOT = CheckoutPaths.root();
    private static final String LAUNCHER = "/opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog";

    private static Path payload(String path) {
        return Payload.macosRoot().resolve(path.substring(1));
    }

    @Test
    void shouldBuildTheBundleAroundTheLauncher() throws Exception {
        Path bundle = Payload.bundle();
        assertEquals("rwxr-xr-x", Payload.mode(bundle.resolve("MacOS/nxlog")));
        String info = Payload.plistAsJson(bundle.resolve("Info.plist"));
        assertTrue(info.contains("\"CFBundleExecutable\": \"nxlog\""), info);
        assertTrue(info.contains("\"CFBundleIdentifier\": \"org.openmaces.nxlog\""), info);
        assertTrue(info.contains("\"CFBundlePackageType\": \"APPL\""), info);
        assertTrue(info.matches(".*\"CFBundleVersion\": \"[0-9]+(\\.[0-9]+)*\".*"), "CFBundleVersion must be numeric: " + info);

        List<String> lib;
        try (Stream<Path> files = Files.list(bundle.resolve("lib"))) {
            lib = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        for (String jar : List.of("agent-core-", "agent-maces-", "agent-outputs-", "jna-", "logback-classic-", "slf4j-api-")) {
            assertTrue(lib.stream().anyMatch(name -> name.startsWith(jar) && name.endsWith(".jar")), jar + " missing: " + lib);
        }
        Path libnxes = bundle.resolve(lib.contains("libnxes.dylib") ? "lib/libnxes.dylib" : "lib/libnxes.so");
        assertEquals("rwxr-xr-x", Payload.mode(libnxes));
        Path dispatch = lib.contains("libjnidispatch.jnilib") ? bundle.resolve("lib/libjnidispatch.jnilib")
                : bundle.resolve("lib/libjnidispatch.so");
        assertEquals("rwxr-xr-x", Payload.mode(dispatch));
        for (String name : lib.stream().filter(file -> file.endsWith(".jar")).toList()) {
            try (ZipFile jar = new ZipFile(bundle.resolve("lib").resolve(name).toFile())) {
                assertEquals(List.of(), jar.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(entry -> entry.matches(".*\\.(so|dylib|jnilib|dll|a)")).toList(),
                        name + " holds native code: notarization rejects unsigned binaries inside jars");
                if (name.startsWith("jna-")) {
                    assertTrue(jar.getEntry("com/sun/jna/Native.class") != null);
                }
            }
        }
        String options = Files.readString(bundle.resolve("conf/jvm.options"));
        assertTrue(options.contains("\n-Djna.nounpack=true\n"), options);
        assertTrue(options.contains("\n-Xmx"), options);

        Path runtime = bundle.resolve("runtime");
        assertTrue(Files.isRegularFile(runtime.resolve("lib/server/libjvm.so")) || Files.isRegularFile(runtime.resolve("lib/server/libjvm.dylib")),
                "the jlink runtime has a libjvm for the launcher to load");
        assertTrue(Files.isExecutable(runtime.resolve("bin/java")));
        assertTrue(Files.readString(runtime.resolve("release")).contains("jdk.security.auth"), "the modules the agent needs");
    }

    @Test
    void shouldLayOutOptNxlogAsNxlogAgentUsersExpect() throws Exception {
        Path prefix = payload("/opt/nxlog");
        Path link = prefix.resolve("bin/nxlog");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("../lib/nxlog.app/Contents/MacOS/nxlog"), Files.readSymbolicLink(link));
        assertTrue(Files.isSameFile(link, payload(LAUNCHER)));
        assertEquals("rwxr-xr-x", Payload.mode(prefix.resolve("bin/nxlog-uninstall")));
        assertFalse(Files.exists(prefix.resolve("etc/nxlog.conf")),
                "a payload nxlog.conf would overwrite the user's on upgrade; postinstall installs it instead");
        assertFalse(Files.exists(prefix.resolve("var")), "postinstall makes var/ with its modes, kept across upgrades");
        Path sample = ROOT.resolve("conf/nxlog.conf");
        if (Files.exists(sample)) {
            assertEquals(Files.readString(sample), Files.readString(prefix.resolve("etc/nxlog.conf.default")));
        }
        for (String script : List.of("preinstall", "postinstall")) {
            Path file = Payload.scripts().resolve(script);
            assertEquals("rwxr-xr-x", Payload.mode(file));
            assertTrue(Files.readString(file).startsWith("#!/bin/sh\n"));
        }
    }

    @Test
    void shouldMakeNothingInThePayloadWritableByGroupOrOthers() throws Exception {
        List<String> loose = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Payload.directory().resolve("macos"))) {
            for (Path file : files.filter(file -> !Files.isSymbolicLink(file)).toList()) {
                String mode = Payload.mode(file);
                if (mode.charAt(4) == 'w' || mode.charAt(7) == 'w') {
                    loose.add(mode + " " + file);
                }
            }
        }
        assertEquals(List.of(), loose, "the agent runs as root: whoever can write its files owns the Mac");
    }

    @Test
    void shouldShipALaunchdPlistThatStartsTheLauncherWithTheConfig() throws Exception {
        String plist = Payload.plistAsJson(payload("/opt/nxlog/share/nxlog/com.nxlog.plist"));
        assertTrue(plist.contains("\"Label\": \"com.nxlog\""), plist);
        assertTrue(plist.contains("\"ProgramArguments\": [\"" + LAUNCHER + "\", \"-c\", \"/opt/nxlog/etc/nxlog.conf\"]"), plist);
        assertTrue(plist.contains("\"RunAtLoad\": true"), plist);
        assertTrue(plist.contains("\"KeepAlive\": true"), plist);
        assertTrue(plist.matches(".*\"ThrottleInterval\": [1-9][0-9]*.*"), plist);
        assertTrue(plist.contains("\"StandardErrorPath\": \"/opt/nxlog/var/log/nxlog/stderr.log\""), plist);
        assertTrue(plist.contains("\"WorkingDirectory\": \"/opt/nxlog/var/lib/nxlog\""), plist);
        assertFalse(plist.contains("\"Disabled\""), "a Disabled key would make launchctl load ignore the daemon");
        assertTrue(Files.isExecutable(payload(LAUNCHER)), "ProgramArguments names a file the payload installs");
    }

    @Test
    void shouldGrantFullDiskAccessToTheLauncherAndEsloggerByCodeRequirement() throws Exception {
        String profile = Payload.plistAsJson(payload("/opt/nxlog/share/nxlog/nxlog-full-disk-access.mobileconfig"));
        assertTrue(profile.contains("\"PayloadType\": \"com.apple.TCC.configuration-profile-policy\""), profile);
        assertTrue(profile.contains("\"SystemPolicyAllFiles\": ["), profile);
        assertTrue(profile.contains("\"Identifier\": \"" + LAUNCHER + "\""), profile);
        assertTrue(profile.contains("\"Identifier\": \"org.openmaces.nxlog\""), profile);
        assertTrue(profile.contains("\"Identifier\": \"/usr/bin/eslogger\""), profile);
        assertTrue(profile.contains("identifier \\\"com.apple.eslogger\\\" and anchor apple"), profile);

        Payload.Result filled = Payload.run(null, List.of("sh", ROOT.resolve("entitlements/fda-profile.sh").toString(),
                "--team-id", "ABCDE12345", "--bundle-id", "com.example.nxlog"));
        assertEquals(0, filled.status(), filled.output());
        Path file = Files.createTempFile("fda", ".mobileconfig");
        try {
            Files.writeString(file, filled.output());
            String mine = Payload.plistAsJson(file);
            assertTrue(mine.contains("certificate leaf[subject.OU] = \\\"ABCDE12345\\\""), mine);
            assertTrue(mine.contains("\"Identifier\": \"com.example.nxlog\""), mine);
            assertFalse(mine.contains("TEAMID") || mine.contains("5B0E0C4A-7F3D-4C71-9E55-2E1D3B8A0F0"), mine);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void shouldParseEveryPropertyListAndProfileOfTheProject() throws Exception {
        List<Path> lists = new ArrayList<>();
        for (String directory : List.of("entitlements", "packaging/macos")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(directory))) {
                files.filter(file -> file.toString().matches(".*\\.(plist|entitlements|mobileconfig)")).forEach(lists::add);
            }
        }
        assertTrue(lists.size() >= 5, lists.toString());
        for (Path list : lists) {
            Payload.plistAsJson(list);
        }
        String entitled = Payload.plistAsJson(ROOT.resolve("entitlements/nxlog.entitlements"));
        assertEquals("{\"com.apple.developer.endpoint-security.client\": true, \"com.apple.security.cs.allow-jit\": true,"
                + " \"com.apple.security.cs.allow-unsigned-executable-memory\": true}", entitled);
        String eslogger = Payload.plistAsJson(ROOT.resolve("entitlements/nxlog-eslogger.entitlements"));
        assertFalse(eslogger.contains("endpoint-security"), eslogger);
    }

    @Test
    void shouldPackTheLinuxTarballOwnedByRoot() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"), "the tarball is built on Linux");
        Path tarball;
        try (Stream<Path> files = Files.list(Payload.directory())) {
            tarball = files.filter(file -> file.getFileName().toString().matches("openmaces-.*-linux-.*\\.tar\\.gz"))
                    .findFirst().orElseThrow();
        }
        Payload.Result listing = Payload.run(null, List.of("tar", "-tzvf", tarball.toString()));
        assertEquals(0, listing.status(), listing.output());
        for (String entry : List.of("openmaces/bin/nxlog", "openmaces/lib/agent-core-", "openmaces/lib/libnxes.so",
                "openmaces/conf/jvm.options", "openmaces/conf/nxlog.conf", "openmaces/runtime/lib/server/libjvm.so",
                "openmaces/systemd/openmaces.service")) {
            assertTrue(listing.output().contains(" " + entry), entry + " missing from the tarball");
        }
        assertTrue(listing.output().lines().allMatch(line -> line.contains(" 0/0 ")), "every entry belongs to root");
        String launcher = listing.output().lines().filter(line -> line.endsWith(" openmaces/bin/nxlog")).findFirst().orElseThrow();
        assertTrue(launcher.startsWith("-rwxr-xr-x "), launcher);
    }

    @Test
    void shouldShipALinuxConfigurationThatVerifiesAndAUnitSystemdAccepts() throws Exception {
        Path config = ROOT.resolve("packaging/linux/nxlog.conf");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new AgentProcess(config, false, ConfigurationLoader.forThisProcess(true), NxlogLanguage::new,
                RuntimeOptions.defaults(), new PrintStream(errors, true, StandardCharsets.UTF_8))
                .verify(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(AgentProcess.EXIT_OK, status, errors.toString(StandardCharsets.UTF_8));

        Path tree = Payload.directory().resolve("linux/openmaces");
        Assumptions.assumeTrue(Files.isDirectory(tree) && Files.isExecutable(Path.of("/usr/bin/systemd-analyze")),
                "needs the Linux tree and systemd-analyze");
        Path unit = Files.createTempDirectory("unit").resolve("openmaces.service");
        try {
            Files.writeString(unit, Files.readString(ROOT.resolve("packaging/linux/openmaces.service"))
                    .replace("/opt/openmaces", tree.toString()));
            Payload.Result verify = Payload.run(Map.of("SYSTEMD_LOG_LEVEL", "warning"),
                    List.of("systemd-analyze", "verify", unit.toString()));
            assertEquals(0, verify.status(), verify.output());
            assertEquals("", verify.output().strip(), "systemd-analyze found something to say about the unit");
        } finally {
            Files.delete(unit);
            Files.delete(unit.getParent());
        }
    }
}
