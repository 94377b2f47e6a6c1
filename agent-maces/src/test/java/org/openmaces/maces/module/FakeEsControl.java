package org.openmaces.maces.module;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import org.openmaces.maces.source.NativeSource;

/**
 * Drives fake-es (native/fake-es/include/fake_es.h) from the module tests: scripted messages,
 * the maximum-rate generator, and messages whose acting process runs a chosen executable.
 */
final class FakeEsControl {
    interface FakeEs extends Library {
        FakeEs INSTANCE = Native.load("nxes", FakeEs.class);

        void fake_es_reset();

        long fake_es_generate(int eventType, int version, long count);

        long fake_es_generate_mixed(int version, long count);

        int fake_es_is_subscribed(int eventType);

        int fake_es_muted_processes();

        int fake_es_live_clients();

        Pointer fake_es_script(Pointer arena, int eventType, int version, int variant, Pointer expected);

        int fake_es_post(Pointer message);
    }

    // es_message_t.process and es_process_t.executable in fake-es's layout (LP64): checked by every
    // test that uses them, since the delivered record must then carry the executable set here.
    private static final long MESSAGE_PROCESS = 40;
    private static final long PROCESS_EXECUTABLE = 112;

    private final Memory arena = new Memory(1 << 20);

    static FakeEs fakeEs() {
        System.setProperty(NativeSource.FAKE_ES_PROPERTY, "true");
        FakeEs.INSTANCE.fake_es_reset();
        return FakeEs.INSTANCE;
    }

    /** Posts one scripted message of this type whose acting process runs {@code executable}; true if delivered. */
    boolean post(int eventType, int version, String executable) {
        Pointer message = FakeEs.INSTANCE.fake_es_script(arena, eventType, version, 0, null);
        Pointer process = message.getPointer(MESSAGE_PROCESS);
        Pointer file = process.getPointer(PROCESS_EXECUTABLE);
        byte[] bytes = executable.getBytes(StandardCharsets.UTF_8);
        Memory path = new Memory(bytes.length + 1);
        path.write(0, bytes, 0, bytes.length);
        path.setByte(bytes.length, (byte) 0);
        file.setLong(0, bytes.length);
        file.setPointer(8, path);
        boolean delivered = FakeEs.INSTANCE.fake_es_post(message) > 0;
        path.close();
        return delivered;
    }
}
