package org.openmaces.maces.event;

import java.util.Locale;

/**
 * The 51 Endpoint Security NOTIFY events im_maces collects (endpoint-security.md §4.0): the name
 * {@code NotifyEvents} and {@code $EventType} use, the {@code es_event_type_t} number, and the
 * first macOS release that has the event (major*10000 + minor*100 + patch, as the shim reports
 * the running version).
 */
public enum EsEvent {
    EXEC(9, 101500), OPEN(10, 101500), FORK(11, 101500), CLOSE(12, 101500), CREATE(13, 101500),
    EXCHANGEDATA(14, 101500), EXIT(15, 101500), GET_TASK(16, 101500), KEXTLOAD(17, 101500),
    KEXTUNLOAD(18, 101500), LINK(19, 101500), MMAP(20, 101500), MPROTECT(21, 101500), MOUNT(22, 101500),
    UNMOUNT(23, 101500), IOKIT_OPEN(24, 101500), RENAME(25, 101500), SETATTRLIST(26, 101500),
    SETEXTATTR(27, 101500), SETFLAGS(28, 101500), SETMODE(29, 101500), SETOWNER(30, 101500),
    SIGNAL(31, 101500), UNLINK(32, 101500), WRITE(33, 101500), FILE_PROVIDER_MATERIALIZE(35, 101500),
    FILE_PROVIDER_UPDATE(37, 101500), READLINK(39, 101500), TRUNCATE(41, 101500), LOOKUP(43, 101500),
    CHDIR(51, 101501), GETATTRLIST(53, 101501), STAT(54, 101501), ACCESS(55, 101501), CHROOT(57, 101501),
    UTIMES(59, 101501), CLONE(61, 101501), FCNTL(62, 101501), GETEXTATTR(64, 101501), LISTEXTATTR(66, 101501),
    READDIR(68, 101501), DELETEEXTATTR(70, 101501), FSGETPATH(72, 101501), DUP(73, 101501),
    SETTIME(75, 101501), UIPC_BIND(76, 101501), UIPC_CONNECT(78, 101501), SETACL(82, 101501),
    PTY_GRANT(83, 101504), PTY_CLOSE(84, 101504), PROC_CHECK(86, 101504);

    /** Largest ES number of the 51, for tables indexed by event type. */
    public static final int MAX_TYPE = 86;
    private static final EsEvent[] BY_TYPE = new EsEvent[MAX_TYPE + 1];

    static {
        for (EsEvent event : values()) {
            BY_TYPE[event.type] = event;
        }
    }

    private final int type;
    private final int firstMacos;
    private final String eventName;

    EsEvent(int type, int firstMacos) {
        this.type = type;
        this.firstMacos = firstMacos;
        this.eventName = name().toLowerCase(Locale.ROOT);
    }

    /** The {@code es_event_type_t} value of the NOTIFY event. */
    public int type() {
        return type;
    }

    /** The name as NotifyEvents and $EventType spell it: {@code file_provider_update}. */
    public String eventName() {
        return eventName;
    }

    /** First macOS with the event, as major*10000 + minor*100 + patch (10.15.1 is 101501). */
    public int firstMacos() {
        return firstMacos;
    }

    /** True when a macOS of this version (major*10000 + minor*100 + patch) has the event. */
    public boolean existsOn(int macosVersion) {
        return macosVersion >= firstMacos;
    }

    /** The event with this ES number, or null when it is none of the 51. */
    public static EsEvent ofType(int type) {
        return type >= 0 && type <= MAX_TYPE ? BY_TYPE[type] : null;
    }

    /** "10.15.1" for 101501. */
    public static String macosText(int version) {
        int major = version / 10000;
        int minor = version / 100 % 100;
        int patch = version % 100;
        return major + "." + minor + (patch == 0 ? "" : "." + patch);
    }
}
