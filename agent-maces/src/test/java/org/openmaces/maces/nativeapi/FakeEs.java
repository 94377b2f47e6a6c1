package org.openmaces.maces.nativeapi;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The fake EndpointSecurity controls libnxes exports on Linux (native/fake-es/include/fake_es.h). */
interface FakeEs extends Library {
    FakeEs INSTANCE = Native.load(NativeShim.LIBRARY_NAME, FakeEs.class);

    void fake_es_reset();

    void fake_es_set_os_version(int version);

    void fake_es_fail_next_new_client(int result);

    long fake_es_generate(int eventType, int version, long count);

    long fake_es_generate_mixed(int version, long count);

    int fake_es_live_clients();

    int fake_es_is_subscribed(int eventType);
}
