package org.openmaces.outputs.file;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * om_file's directives besides File.
 *
 * @param createDirectories CreateDir: create missing parent directories
 * @param truncate          Truncate: the file keeps only the latest record
 * @param sync              Sync: fsync before a batch is acknowledged
 * @param permissions       Perms: mode of files this output creates
 * @param user              User: owner of created files, or null
 * @param group             Group: group of created files, or null
 * @param cacheSize         CacheSize: how many files stay open when File names several
 */
record FileSettings(boolean createDirectories, boolean truncate, boolean sync, Set<PosixFilePermission> permissions,
                    String user, String group, int cacheSize) {
    /** Files are not world-readable unless Perms says so. */
    static final int DEFAULT_PERMISSIONS = 0640;

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
