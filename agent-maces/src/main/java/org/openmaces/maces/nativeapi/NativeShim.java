package org.openmaces.maces.nativeapi;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.openmaces.maces.ring.RingDescriptor;

/**
 * Whether libnxes is usable here, worked out once (as Netty's {@code KQueue} does) with the cause
 * kept when it is not: library missing, or built for another ring layout version. The library
 * is found in {@code -Dopenmaces.native.dir} (the launcher sets the agent's {@code lib/}; the
 * build sets {@code native/target/lib}), then beside the jar this class came from (an installed
 * agent's {@code lib/}), then wherever JNA looks ({@code jna.library.path}, the system).
 */
public final class NativeShim {
    static final String LIBRARY_NAME = "nxes";
    private static final NxesLibrary LIBRARY;
    private static final Throwable UNAVAILABILITY_CAUSE;

    static {
        NxesLibrary library = null;
        Throwable cause = null;
        try {
            String directory = System.getProperty("openmaces.native.dir");
            if (directory != null && !directory.isEmpty()) {
                NativeLibrary.addSearchPath(LIBRARY_NAME, directory);
            }
            Path jarDirectory = jarDirectory();
            if (jarDirectory != null) {
                NativeLibrary.addSearchPath(LIBRARY_NAME, jarDirectory.toString());
            }
            library = Native.load(LIBRARY_NAME, NxesLibrary.class);
            int version = library.nxes_layout_version();
            if (version != RingDescriptor.LAYOUT_VERSION) {
                throw new UnsatisfiedLinkError("libnxes has ring layout version " + version + ", this agent reads "
                        + RingDescriptor.LAYOUT_VERSION + ": install the libnxes that came with this agent");
            }
        } catch (Throwable t) {
            library = null;
            cause = t;
        }
        LIBRARY = library;
        UNAVAILABILITY_CAUSE = cause;
    }

    private NativeShim() {
    }

    /** The directory of the jar holding this class, or {@code null} (classes directory, unknown). */
    private static Path jarDirectory() {
        try {
            java.security.CodeSource source = NativeShim.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path location = Paths.get(source.getLocation().toURI());
            return Files.isRegularFile(location) ? location.getParent() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    public static boolean isAvailable() {
        return LIBRARY != null;
    }

    /** Why the shim cannot be used, or {@code null} when it can. */
    public static Throwable unavailabilityCause() {
        return UNAVAILABILITY_CAUSE;
    }

    /** @throws UnsatisfiedLinkError with the cause when the shim cannot be used */
    public static void ensureAvailability() {
        if (LIBRARY == null) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("libnxes is not usable: " + UNAVAILABILITY_CAUSE);
            error.initCause(UNAVAILABILITY_CAUSE);
            throw error;
        }
    }

    static NxesLibrary library() {
        ensureAvailability();
        return LIBRARY;
    }

    /** A ring or record layout constant as the shim was built ({@code -1} when unknown). */
    public static long layoutConstant(String name) {
        return library().nxes_layout_constant(name);
    }

    /** Name of a catalog tag in the shim's field catalog, or {@code null}. */
    public static String fieldName(int tag) {
        return library().nxes_field_name_of(tag);
    }

    /** Kind code ({@link org.openmaces.maces.record.FieldKind#code()}) of a tag in the shim's catalog, 0 if unknown. */
    public static int fieldKind(int tag) {
        return library().nxes_field_kind_of(tag);
    }

    /** The tags of the shim's catalog, in catalog order. */
    public static int[] fieldTags() {
        NxesLibrary library = library();
        int[] tags = new int[library.nxes_field_count()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = library.nxes_field_tag_at(i);
        }
        return tags;
    }

    /**
     * The text ({@code acl_to_text}) of an ACL field's external form, or {@code null} if the bytes
     * are not an ACL. A control-path call: never from the ES handler.
     */
    public static String aclToText(byte[] external) {
        NxesLibrary library = library();
        byte[] text = new byte[Math.max(256, external.length * 2)];
        long length = library.nxes_acl_to_text(external, external.length, text, text.length);
        if (length >= text.length) {
            text = new byte[(int) length + 1];
            length = library.nxes_acl_to_text(external, external.length, text, text.length);
        }
        return length < 0 ? null : new String(text, 0, (int) length, StandardCharsets.UTF_8);
    }
}
