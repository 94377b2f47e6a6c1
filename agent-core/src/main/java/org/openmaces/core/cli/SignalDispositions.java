package org.openmaces.core.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Gives a signal back its default disposition when the process that started the agent set it to be
 * ignored. A shell script's background job ({@code nxlog -f &}) starts with SIGINT ignored, and
 * {@code nohup} ignores SIGHUP; the JVM then refuses to install a handler for such a signal and says
 * so only by returning {@code SIG_IGN}, so the agent would silently not stop on SIGINT or not reload
 * on SIGHUP. NXLog, in C, installs its handlers whatever it inherited; resetting the disposition first
 * lets the JVM do the same.
 */
final class SignalDispositions {
    /** libc's {@code signal(2)}: enough to set {@code SIG_DFL}, with the same numbers on Linux and macOS. */
    interface C extends Library {
        Pointer signal(int signal, Pointer handler);
    }

    private SignalDispositions() {
    }

    /**
     * Sets the signal's disposition to the default. Returns false when that failed (no libc through
     * JNA, or {@code SIG_ERR}); the signal then stays ignored.
     */
    static boolean resetToDefault(int signalNumber) {
        try {
            C libc = Native.load("c", C.class);
            Pointer previous = libc.signal(signalNumber, Pointer.NULL); // SIG_DFL is 0
            return Pointer.nativeValue(previous) != -1L; // SIG_ERR is -1
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
