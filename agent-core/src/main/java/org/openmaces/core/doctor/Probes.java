package org.openmaces.core.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openmaces.core.module.DoctorFinding;

/**
 * Reachability checks that output modules can return from {@link org.openmaces.core.module.ModuleInstance#diagnose()}:
 * each tries the real thing (connect, create a file), cleans up, and says how to fix a failure.
 *
 * <pre>{@code
 * public List<DoctorFinding> diagnose() {
 *     return List.of(Probes.tcp("destination", host, port, Duration.ofSeconds(5)));
 * }
 * }</pre>
 */
public final class Probes {
    private Probes() {
    }

    /**
     * Opens a TCP connection to {@code host:port} and closes it at once.
     *
     * @param check what the finding is about, e.g. {@code destination}
     */
    public static DoctorFinding tcp(String check, String host, int port, Duration timeout) {
        String where = host + ":" + port;
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return DoctorFinding.problem(check, "cannot resolve the host name " + host,
                    "correct Host in the configuration, or make " + host + " resolvable from this machine (DNS, /etc/hosts)");
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) Math.max(1, timeout.toMillis()));
            return DoctorFinding.ok(check, "connected to " + where);
        } catch (UnknownHostException e) {
            return DoctorFinding.problem(check, "cannot resolve the host name " + host,
                    "correct Host in the configuration, or make " + host + " resolvable from this machine");
        } catch (java.net.SocketTimeoutException e) {
            return DoctorFinding.problem(check, "no answer from " + where + " within " + timeout.toSeconds() + " s",
                    "check that a receiver listens on " + where + " and that no firewall between here and " + host
                    + " drops the connection");
        } catch (IOException e) {
            return DoctorFinding.problem(check, "cannot connect to " + where + ": " + e.getMessage(),
                    "start the receiver on " + where + ", or correct Host and Port in the configuration; check firewalls"
                    + " between here and " + host);
        }
    }

    /**
     * Creates and deletes a file in {@code directory}; when {@code createDirectory} is true and the directory
     * does not exist, checks the nearest existing parent instead (where the module would create it).
     *
     * @param check what the finding is about, e.g. {@code output directory}
     */
    public static DoctorFinding writableDirectory(String check, Path directory, boolean createDirectory) {
        Path probed = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(probed)) {
            if (Files.exists(probed)) {
                return DoctorFinding.problem(check, probed + " exists but is not a directory",
                        "point the configuration at a directory, or remove the file " + probed);
            }
            if (!createDirectory) {
                return DoctorFinding.problem(check, probed + " does not exist",
                        "create it (sudo mkdir -p " + probed + ") or set CreateDir TRUE");
            }
            Path parent = probed.getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent == null || !Files.isDirectory(parent)) {
                return DoctorFinding.problem(check, "cannot create " + probed + ": "
                        + (parent == null ? "no parent exists" : parent + " is not a directory"),
                        "point the configuration at a path under an existing directory");
            }
            probed = parent;
        }
        try {
            Path file = Files.createTempFile(probed, ".nxlog-doctor-", ".tmp");
            Files.delete(file);
            Path wanted = directory.toAbsolutePath().normalize();
            return DoctorFinding.ok(check, probed.equals(wanted) ? wanted + " is writable"
                    : wanted + " does not exist yet; " + probed + ", where it will be created, is writable");
        } catch (IOException | SecurityException e) {
            return DoctorFinding.problem(check, "cannot write in " + probed + ": " + describe(e),
                    "make " + probed + " writable by the agent's user (root for the daemon), or choose another directory;"
                    + " a read-only volume cannot hold it");
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + message;
    }
}
