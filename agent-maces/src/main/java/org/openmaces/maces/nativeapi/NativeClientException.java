package org.openmaces.maces.nativeapi;

/**
 * The shim could not open an ES client. {@link #code()} is libnxes's error code (for an
 * {@code es_new_client} failure: -(100 + es_new_client_result_t)); the message says how to fix
 * it (run as root, the entitlement, Full Disk Access, too many clients).
 */
public final class NativeClientException extends Exception {
    /** es_new_client results, as codes of this exception. */
    public static final int NOT_ENTITLED = -103;
    public static final int NOT_PERMITTED = -104;
    public static final int NOT_PRIVILEGED = -105;
    public static final int TOO_MANY_CLIENTS = -106;

    private final int code;

    public NativeClientException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
