package org.openmaces.maces.mapping;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The text forms of derived fields (endpoint-security.md §5.5): codesigning flags, signals,
 * proc_check types and flavors, the code directory hash, the exit code. Pure functions; results
 * that repeat (flags, signals) are cached.
 */
public final class Formats {
    private static final String[] CS_FLAG_NAMES = new String[32];
    private static final String[] SIGNALS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGEMT", "SIGFPE", "SIGKILL", "SIGBUS", "SIGSEGV", "SIGSYS", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGURG",
        "SIGSTOP", "SIGTSTP", "SIGCONT", "SIGCHLD", "SIGTTIN", "SIGTTOU", "SIGIO", "SIGXCPU", "SIGXFSZ",
        "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGINFO", "SIGUSR1", "SIGUSR2"};
    private static final String[] PROC_CHECK_TYPES = {null, "listpids", "pidinfo", "pidfdinfo", "kernmsgbuf",
        "setcontrol", "pidfileportinfo", "terminate", "dirtycontrol", "pidrusage", null, null, null, null,
        "udata_info"};
    private static final String[] LISTPIDS = {null, "PROC_ALL_PIDS", "PROC_PGRP_ONLY", "PROC_TTY_ONLY",
        "PROC_UID_ONLY", "PROC_RUID_ONLY", "PROC_PPID_ONLY", "PROC_KDBG_ONLY"};
    private static final String[] PIDINFO = {null, "PROC_PIDLISTFDS", "PROC_PIDTASKALLINFO", "PROC_PIDTBSDINFO",
        "PROC_PIDTASKINFO", "PROC_PIDTHREADINFO", "PROC_PIDLISTTHREADS", "PROC_PIDREGIONINFO",
        "PROC_PIDREGIONPATHINFO", "PROC_PIDVNODEPATHINFO", "PROC_PIDTHREADPATHINFO", "PROC_PIDPATHINFO",
        "PROC_PIDWORKQUEUEINFO", "PROC_PIDT_SHORTBSDINFO", "PROC_PIDLISTFILEPORTS", "PROC_PIDTHREADID64INFO",
        "PROC_PID_RUSAGE"};
    private static final String[] PIDFDINFO = {null, "PROC_PIDFDVNODEINFO", "PROC_PIDFDVNODEPATHINFO",
        "PROC_PIDFDSOCKETINFO", "PROC_PIDFDPSEMINFO", "PROC_PIDFDPSHMINFO", "PROC_PIDFDPIPEINFO",
        "PROC_PIDFDKQUEUEINFO", "PROC_PIDFDATALKINFO"};
    private static final String[] PIDFILEPORTINFO = {null, null, "PROC_PIDFILEPORTVNODEPATHINFO",
        "PROC_PIDFILEPORTSOCKETINFO", null, "PROC_PIDFILEPORTPSHMINFO", "PROC_PIDFILEPORTPIPEINFO"};
    private static final String[] SETCONTROL = {null, "PROC_SELFSET_PCONTROL", "PROC_SELFSET_THREADNAME",
        "PROC_SELFSET_VMRSRCOWNER", "PROC_SELFSET_DELAYIDLESLEEP"};
    private static final String[] DIRTYCONTROL = {null, "PROC_DIRTYCONTROL_TRACK", "PROC_DIRTYCONTROL_SET",
        "PROC_DIRTYCONTROL_GET", "PROC_DIRTYCONTROL_CLEAR"};
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int CACHE_LIMIT = 4096;
    private static final ConcurrentHashMap<Integer, Rendered> CODESIGNING_CACHE = new ConcurrentHashMap<>();

    /** A field value and its $raw_event rendering. */
    public record Rendered(String value, String raw) {
        static Rendered of(String value) {
            StringBuilder text = new StringBuilder(value.length() + 2);
            RawEventFormat.appendValue(text, value);
            return new Rendered(value, text.toString());
        }
    }

    static {
        String[][] names = {{"1", "CS_VALID"}, {"2", "CS_ADHOC"}, {"4", "CS_GET_TASK_ALLOW"}, {"8", "CS_INSTALLER"},
            {"10", "CS_FORCED_LV"}, {"20", "CS_INVALID_ALLOWED"}, {"100", "CS_HARD"}, {"200", "CS_KILL"},
            {"400", "CS_CHECK_EXPIRATION"}, {"800", "CS_RESTRICT"}, {"1000", "CS_ENFORCEMENT"},
            {"2000", "CS_REQUIRE_LV"}, {"4000", "CS_ENTITLEMENTS_VALIDATED"}, {"8000", "CS_NVRAM_UNRESTRICTED"},
            {"10000", "CS_RUNTIME"}, {"20000", "CS_LINKER_SIGNED"}, {"100000", "CS_EXEC_SET_HARD"},
            {"200000", "CS_EXEC_SET_KILL"}, {"400000", "CS_EXEC_SET_ENFORCEMENT"}, {"800000", "CS_EXEC_INHERIT_SIP"},
            {"1000000", "CS_KILLED"}, {"2000000", "CS_NO_UNTRUSTED_HELPERS"}, {"4000000", "CS_PLATFORM_BINARY"},
            {"8000000", "CS_PLATFORM_PATH"}, {"10000000", "CS_DEBUGGED"}, {"20000000", "CS_SIGNED"},
            {"40000000", "CS_DEV_CODE"}, {"80000000", "CS_DATAVAULT_CONTROLLER"}};
        for (String[] entry : names) {
            CS_FLAG_NAMES[Integer.numberOfTrailingZeros(Integer.parseUnsignedInt(entry[0], 16))] = entry[1];
        }
    }

    private Formats() {
    }

    /** {@code 0x22000005 (CS_VALID | CS_GET_TASK_ALLOW | CS_NO_UNTRUSTED_HELPERS | CS_SIGNED)}; unknown bits as hex terms. */
    public static String codesigningFlags(int flags) {
        return codesigningFlagsRendered(flags).value();
    }

    /** {@link #codesigningFlags} with its $raw_event rendering, cached. */
    public static Rendered codesigningFlagsRendered(int flags) {
        Rendered cached = CODESIGNING_CACHE.get(flags);
        if (cached != null) {
            return cached;
        }
        StringBuilder text = new StringBuilder(64);
        hex32(text, flags).append(" (");
        boolean first = true;
        for (int bit = 0; bit < 32; bit++) {
            int mask = 1 << bit;
            if ((flags & mask) == 0) {
                continue;
            }
            if (!first) {
                text.append(" | ");
            }
            first = false;
            if (CS_FLAG_NAMES[bit] != null) {
                text.append(CS_FLAG_NAMES[bit]);
            } else {
                hex32(text, mask);
            }
        }
        Rendered result = Rendered.of(text.append(')').toString());
        if (CODESIGNING_CACHE.size() < CACHE_LIMIT) {
            CODESIGNING_CACHE.put(flags, result);
        }
        return result;
    }

    private static StringBuilder hex32(StringBuilder text, int value) {
        text.append("0x");
        for (int shift = 28; shift >= 0; shift -= 4) {
            text.append(HEX[(value >>> shift) & 0xf]);
        }
        return text;
    }

    private static final String[] SIGNAL_TEXT = new String[SIGNALS.length];

    static {
        for (int i = 1; i < SIGNALS.length; i++) {
            SIGNAL_TEXT[i] = SIGNALS[i] + " (" + i + ")";
        }
    }

    /** {@code SIGKILL (9)} with Darwin's numbering; other numbers as decimal. */
    public static String signal(int number) {
        return number > 0 && number < SIGNAL_TEXT.length ? SIGNAL_TEXT[number] : Integer.toString(number);
    }

    /** {@code pidinfo} for ES_PROC_CHECK_TYPE_PIDINFO (2); unknown as decimal. */
    public static String procCheckType(long type) {
        String name = type >= 0 && type < PROC_CHECK_TYPES.length ? PROC_CHECK_TYPES[(int) type] : null;
        return name != null ? name : Long.toString(type);
    }

    /** The constant name of a flavor for its type ({@code PROC_PIDPATHINFO}); unknown as decimal. */
    public static String procCheckFlavor(long type, int flavor) {
        String[] table;
        switch ((int) type) {
            case 1: table = LISTPIDS; break;
            case 2: table = PIDINFO; break;
            case 3: table = PIDFDINFO; break;
            case 5: table = SETCONTROL; break;
            case 6: table = PIDFILEPORTINFO; break;
            case 8: table = DIRTYCONTROL; break;
            case 9:
                return flavor >= 0 && flavor <= 6 ? "RUSAGE_INFO_V" + flavor : Integer.toString(flavor);
            default: table = null;
        }
        String name = table != null && flavor >= 0 && flavor < table.length ? table[flavor] : null;
        return name != null ? name : Integer.toString(flavor);
    }

    /** Lower-case hex of a code directory hash, or null when every byte is zero (unsigned code). */
    public static String cdhash(java.nio.ByteBuffer buffer, int offset, int length) {
        boolean allZero = true;
        char[] text = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = buffer.get(offset + i) & 0xff;
            allZero &= b == 0;
            text[2 * i] = HEX[b >>> 4];
            text[2 * i + 1] = HEX[b & 0xf];
        }
        return allZero ? null : new String(text);
    }

    /** The exit(2) code of a wait status when the process exited normally, else -1 (killed by a signal). */
    public static int exitCode(int waitStatus) {
        return (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : -1;
    }

    /** One exec argument as a JSON string ({@code "}, {@code \\} and control characters escaped); whole runs appended. */
    public static void appendJsonString(StringBuilder text, String value) {
        text.append('"');
        int run = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                text.append(value, run, i);
                if (c == '"' || c == '\\') {
                    text.append('\\').append(c);
                } else {
                    text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
                run = i + 1;
            }
        }
        text.append(value, run, length).append('"');
    }
}
