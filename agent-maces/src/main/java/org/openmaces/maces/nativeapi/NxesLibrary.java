package org.openmaces.maces.nativeapi;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** JNA view of libnxes (native/include/nxes.h): control calls only, never one per event. */
interface NxesLibrary extends Library {
    int nxes_layout_version();

    long nxes_layout_constant(String name);

    int nxes_field_kind_of(int tag);

    String nxes_field_name_of(int tag);

    int nxes_field_count();

    int nxes_field_tag_at(int index);

    Pointer nxes_open(long ringCapacity, int[] error, byte[] message, long messageSize);

    int nxes_close(Pointer client);

    Pointer nxes_ring_address(Pointer client);

    long nxes_ring_size(Pointer client);

    int nxes_wait(Pointer client, int timeoutMillis);

    void nxes_wake(Pointer client);

    int nxes_os_version(Pointer client);

    int nxes_is_supported(Pointer client, int eventType);

    int nxes_subscribe(Pointer client, int eventType);

    int nxes_unsubscribe(Pointer client, int eventType);

    int nxes_subscribe_all(Pointer client);

    int nxes_unsubscribe_all(Pointer client);

    int nxes_mute_path_literal(Pointer client, String path);

    int nxes_mute_path_prefix(Pointer client, String path);

    int nxes_unmute_all_paths(Pointer client);

    int nxes_mute_self(Pointer client);

    long nxes_written_records(Pointer client);

    long nxes_dropped_records(Pointer client);

    long nxes_dropped_for_type(Pointer client, int eventType);

    String nxes_error_message(int error);

    long nxes_acl_to_text(byte[] external, long length, byte[] text, long size);
}
