package org.openmaces.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The check an agent running as root makes on every file it reads configuration from (the main file,
 * includes, include_stdout commands): the file must belong to the expected owner and nobody else may
 * write it. Whoever can edit the configuration of a root process can make it read any file and run
 * commands, so such a file is refused, with the fix in the message, unless the user overrides the check.
 */
public final class ConfigFileSafety {
    private static final ConfigFileSafety DISABLED = new ConfigFileSafety(-1);
    private final long requiredOwner;

    private ConfigFileSafety(long requiredOwner) {
        this.requiredOwner = requiredOwner;
    }

    /** No check (not running as root, or the user overrode it). */
    public static ConfigFileSafety disabled() {
        return DISABLED;
    }

    /** Files must belong to {@code ownerUid} and be writable by nobody else. */
    public static ConfigFileSafety requireOwner(long ownerUid) {
        return new ConfigFileSafety(ownerUid);
    }

    /** The check for this process: enforced when it runs as root (uid 0). */
    public static ConfigFileSafety forThisProcess() {
        return currentUid() == 0 ? requireOwner(0) : DISABLED;
    }

    static long currentUid() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    public boolean isEnabled() {
        return requiredOwner >= 0;
    }

    /** Null when {@code file} is safe to read, else the reason and the fix. */
    String problem(Path file) {
        if (!isEnabled()) {
            return null;
        }
        try {
            Object owner = Files.getAttribute(file, "unix:uid");
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            boolean othersWrite = permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
            long ownerUid = ((Number) owner).longValue();
            if (ownerUid != requiredOwner) {
                return "refused: the agent runs as root but " + file + " belongs to uid " + ownerUid
                        + "; whoever owns it can make the agent run commands and read any file. Fix: chown "
                        + requiredOwner + " " + file + " (or start the agent with --allow-unsafe-config)";
            }
            if (othersWrite) {
                return "refused: the agent runs as root but " + file + " is writable by "
                        + (permissions.contains(PosixFilePermission.OTHERS_WRITE) ? "everyone" : "its group")
                        + "; whoever can edit it can make the agent run commands and read any file. Fix: chmod go-w "
                        + file + " (or start the agent with --allow-unsafe-config)";
            }
            return null;
        } catch (UnsupportedOperationException | IOException e) {
            return "refused: cannot check the owner and permissions of " + file + " (" + e.getMessage()
                    + "); start the agent with --allow-unsafe-config to read it anyway";
        }
    }
}
