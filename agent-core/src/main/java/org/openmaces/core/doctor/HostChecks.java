package org.openmaces.core.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.module.DoctorFinding;

/**
 * The checks of the machine itself, before any configuration: root, whether Endpoint Security exists here,
 * the ES entitlement on the running binary, and eslogger.
 */
final class HostChecks {
    static final Path ESLOGGER = Path.of("/usr/bin/eslogger");
    static final String ENTITLEMENT = "com.apple.developer.endpoint-security.client";
    /** Readable only with Full Disk Access: a quick hint before a module tries a real client. */
    static final Path TCC_DATABASE = Path.of("/Library/Application Support/com.apple.TCC/TCC.db");

    private final Host host;

    HostChecks(Host host) {
        this.host = host;
    }

    /** @param usesEndpointSecurity the configuration has an im_maces instance (or could not be read) */
    List<DoctorFinding> run(boolean usesEndpointSecurity) {
        List<DoctorFinding> findings = new ArrayList<>();
        findings.add(root(usesEndpointSecurity));
        findings.add(platform());
        if (host.isMacOs()) {
            findings.add(entitlement());
            findings.add(fullDiskAccess());
        }
        findings.add(eslogger());
        return findings;
    }

    DoctorFinding root(boolean usesEndpointSecurity) {
        long uid = host.uid();
        if (uid == 0) {
            return DoctorFinding.ok("root", "running as root (uid 0)");
        }
        String detail = "running as uid " + (uid < 0 ? "unknown" : Long.toString(uid)) + ", not root";
        if (host.isMacOs()) {
            String fix = "Endpoint Security and eslogger accept only root: run sudo /opt/nxlog/bin/nxlog doctor; the"
                    + " daemon runs as root from /Library/LaunchDaemons/com.nxlog.plist";
            return usesEndpointSecurity ? DoctorFinding.problem("root", detail, fix)
                    : DoctorFinding.warning("root", detail + " (this configuration has no im_maces instance)", fix);
        }
        return DoctorFinding.warning("root", detail + ": fine for replaying captures, but on a Mac Endpoint Security"
                + " needs root, and as root the agent also checks who may edit the configuration",
                "on a Mac, run the agent and doctor as root (sudo); here, run doctor with sudo to see what the agent"
                + " would see as root");
    }

    DoctorFinding platform() {
        if (!host.isMacOs()) {
            return DoctorFinding.warning("Endpoint Security", "Endpoint Security exists only on macOS and this is "
                    + host.describe() + ": im_maces can replay eslogger captures here but cannot collect live events",
                    "collect live events on a Mac with macOS 10.15 or later; here, replay JSON captures that"
                    + " sudo eslogger made on a Mac");
        }
        int major = host.macOsMajorVersion();
        if (major != 0 && major < 11 && !host.describe().contains("10.15")) {
            return DoctorFinding.problem("Endpoint Security", host.describe() + " has no Endpoint Security",
                    "upgrade to macOS 10.15 or later");
        }
        return DoctorFinding.ok("Endpoint Security", host.describe());
    }

    DoctorFinding entitlement() {
        Path executable = host.executable().orElse(null);
        if (executable == null) {
            return DoctorFinding.warning("entitlement", "cannot tell which binary this process runs",
                    "check by hand: codesign -d --entitlements - " + EsClientResult.BUNDLE);
        }
        if (executable.getFileName().toString().equals("java")) {
            return DoctorFinding.warning("entitlement", "running under " + executable + ", not the agent's launcher:"
                    + " the entitlement and Full Disk Access belong to the launcher, so what doctor finds here is"
                    + " not what the daemon gets", "run the installed agent: sudo /opt/nxlog/bin/nxlog doctor");
        }
        // ":-" prints the entitlements as an XML property list on every macOS from 10.15 on
        Host.CommandResult result = host.run(List.of("codesign", "-d", "--entitlements", ":-", executable.toString()),
                Duration.ofSeconds(20));
        String fix = "sign " + executable + " with entitlements/nxlog.entitlements and an ES-entitled provisioning"
                + " profile (entitlements/codesign.sh), or use the eslogger source of im_maces, which needs no"
                + " entitlement";
        if (result.status() != 0) {
            return DoctorFinding.warning("entitlement", "codesign could not read the signature of " + executable + ": "
                    + firstLine(result.output()), fix);
        }
        if (hasTrueEntitlement(result.output())) {
            return DoctorFinding.ok("entitlement", executable + " is signed with " + ENTITLEMENT);
        }
        return DoctorFinding.warning("entitlement", executable + " is not signed with " + ENTITLEMENT + ": the native"
                + " source of im_maces will fail with ES_NEW_CLIENT_RESULT_ERR_NOT_ENTITLED; eslogger still works", fix);
    }

    /**
     * A hint only: whether this process can read the system TCC database, which macOS protects with Full
     * Disk Access. The real test is a client, which im_maces tries in its own checks.
     */
    DoctorFinding fullDiskAccess() {
        if (host.canRead(TCC_DATABASE)) {
            return DoctorFinding.ok("Full Disk Access", "this process can read " + TCC_DATABASE
                    + ", which only Full Disk Access allows");
        }
        return DoctorFinding.warning("Full Disk Access", "this process cannot read " + TCC_DATABASE + ": it has no"
                + " Full Disk Access, so es_new_client would fail with ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED. Run from"
                + " a terminal, macOS judges the terminal app, not the daemon",
                "grant Full Disk Access to " + EsClientResult.BUNDLE + " (the profile " + EsClientResult.PROFILE
                + ", or System Settings > Privacy & Security > Full Disk Access); to check the daemon itself, read"
                + " its log for ERR_NOT_PERMITTED");
    }

    /** The entitlement key followed by {@code <true/>} in codesign's XML output. */
    static boolean hasTrueEntitlement(String output) {
        int key = output.indexOf("<key>" + ENTITLEMENT + "</key>");
        if (key < 0) {
            return false;
        }
        String rest = output.substring(key + ENTITLEMENT.length() + 11).stripLeading();
        return rest.startsWith("<true/>");
    }

    DoctorFinding eslogger() {
        if (host.isExecutableFile(ESLOGGER)) {
            return DoctorFinding.ok("eslogger", ESLOGGER + " is there (the source that needs no entitlement)");
        }
        if (!host.isMacOs()) {
            return DoctorFinding.warning("eslogger", ESLOGGER + " does not exist: eslogger is part of macOS 13 and"
                    + " later", "use the eslogger source on a Mac with macOS 13 or later; here, replay captures it made");
        }
        int major = host.macOsMajorVersion();
        if (major != 0 && major < 13) {
            return DoctorFinding.warning("eslogger", ESLOGGER + " does not exist: it comes with macOS 13, this is "
                    + host.describe(), "on this Mac only the native source works: sign the agent with the ES entitlement"
                    + " (docs/install-macos.md), or upgrade macOS");
        }
        return DoctorFinding.warning("eslogger", ESLOGGER + " is missing although " + host.describe()
                + " should have it", "check the macOS installation (ls -l /usr/bin/eslogger); the native source does"
                + " not need it");
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
