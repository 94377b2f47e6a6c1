package org.openmaces.core.doctor;

import java.nio.file.Path;
import java.util.Optional;
import org.openmaces.core.module.DoctorFinding;

/**
 * The failures of {@code es_new_client} (Apple's {@code es_new_client_result_t}), what each means for this
 * agent and how to fix it. A module (im_maces, natively or through eslogger) that cannot create a client
 * names the result in its finding, as Apple's constant ({@code ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED}, what
 * eslogger prints) or as libnxes's messages do ({@code (ERR_NOT_PERMITTED)}); doctor then adds
 * this interpretation, with the paths of the binary that needs the grant. docs/troubleshooting.md has one
 * section per constant, in the same words.
 */
enum EsClientResult {
    ERR_INVALID_ARGUMENT(1),
    ERR_INTERNAL(2),
    ERR_NOT_ENTITLED(3),
    ERR_NOT_PERMITTED(4),
    ERR_NOT_PRIVILEGED(5),
    ERR_TOO_MANY_CLIENTS(6);

    static final String BUNDLE = "/opt/nxlog/lib/nxlog.app";
    static final String PROFILE = "/opt/nxlog/share/nxlog/nxlog-full-disk-access.mobileconfig";
    static final String RESTART = "sudo launchctl kickstart -k system/com.nxlog";

    private final int value;

    EsClientResult(int value) {
        this.value = value;
    }

    String constant() {
        return "ES_NEW_CLIENT_RESULT_" + name();
    }

    /**
     * The failure a text names, if any: by Apple's constant, or by the short form libnxes uses in its
     * messages ({@code (ERR_NOT_PERMITTED)}), or, for the one libnxes words differently, by its wording.
     */
    static Optional<EsClientResult> findIn(String text) {
        for (EsClientResult result : values()) {
            if (text.contains(result.name())) {
                return Optional.of(result);
            }
        }
        if (text.contains("es_new_client: invalid argument")) {
            return Optional.of(ERR_INVALID_ARGUMENT);
        }
        return Optional.empty();
    }

    /**
     * What the failure means here.
     *
     * @param executable  the binary macOS judges (the launcher inside the bundle, or java during development)
     * @param viaEslogger the failure came from eslogger, which the agent runs
     */
    DoctorFinding interpret(Path executable, boolean viaEslogger) {
        String who = executable == null ? BUNDLE + "/Contents/MacOS/nxlog" : executable.toString();
        String prefix = (viaEslogger ? "eslogger reported " : "es_new_client returned ") + constant() + " (" + value + "): ";
        return switch (this) {
            case ERR_NOT_PERMITTED -> DoctorFinding.problem("Full Disk Access", prefix + "macOS has not given Full Disk"
                    + " Access (TCC service SystemPolicyAllFiles) to " + (viaEslogger ? "/usr/bin/eslogger and " : "") + who
                    + ". Run from a terminal, macOS judges the terminal app instead, so a grant to the daemon does not"
                    + " show here, and the reverse.",
                    "grant Full Disk Access by MDM: fill in your Team ID in " + PROFILE + " (entitlements/fda-profile.sh"
                    + " does it) and deploy it as a Privacy Preferences Policy Control profile; or on this Mac: System"
                    + " Settings > Privacy & Security > Full Disk Access > + > " + BUNDLE
                    + (viaEslogger ? " and /usr/bin/eslogger" : "") + " (Cmd-Shift-G types a path), switch it on, then "
                    + RESTART);
            case ERR_NOT_ENTITLED -> DoctorFinding.problem("Endpoint Security entitlement", prefix + who
                    + " is not signed with com.apple.developer.endpoint-security.client authorised by a provisioning"
                    + " profile for its bundle identifier",
                    "sign the bundle with your Developer ID, your ES-entitled provisioning profile and"
                    + " entitlements/nxlog.entitlements (entitlements/codesign.sh --profile ...), or use the eslogger"
                    + " source of im_maces, which needs no entitlement; see docs/install-macos.md");
            case ERR_NOT_PRIVILEGED -> DoctorFinding.problem("root", prefix + "Endpoint Security accepts only clients"
                    + " running as root", "run the agent as root: load it as a LaunchDaemon (sudo launchctl load"
                    + " /Library/LaunchDaemons/com.nxlog.plist), and run doctor with sudo");
            case ERR_TOO_MANY_CLIENTS -> DoctorFinding.problem("Endpoint Security clients", prefix + "the system-wide"
                    + " number of Endpoint Security clients is reached (each security product, each eslogger and each"
                    + " im_maces instance holds one)",
                    "use one im_maces instance per agent, stop stray eslogger processes (sudo pkill -x eslogger),"
                    + " and remove security tools you no longer use; then " + RESTART);
            case ERR_INTERNAL -> DoctorFinding.problem("Endpoint Security", prefix + "the Endpoint Security subsystem"
                    + " did not answer", "retry with " + RESTART + "; if it persists, look at log show --last 10m"
                    + " --predicate 'subsystem BEGINSWITH \"com.apple.endpointsecurity\"' and restart the Mac");
            case ERR_INVALID_ARGUMENT -> DoctorFinding.problem("Endpoint Security", prefix + "the agent called"
                    + " es_new_client wrongly: a bug in the agent, not in your setup",
                    "report it with the output of sudo /opt/nxlog/bin/nxlog doctor and sw_vers");
        };
    }
}
