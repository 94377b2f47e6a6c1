package org.openmaces.maces.nativeapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.openmaces.maces.record.FieldTag;
import org.openmaces.maces.record.RecordFormat;
import org.openmaces.maces.ring.RingDescriptor;

class NativeShimTest {
    @Test
    void shouldLoadTheShimBuiltByTheReactor() {
        assertTrue(NativeShim.isAvailable(), () -> "libnxes: " + NativeShim.unavailabilityCause());
        assertNull(NativeShim.unavailabilityCause());
    }

    @Test
    void shouldAgreeWithTheShimOnEveryRingLayoutConstant() throws Exception {
        compare(RingDescriptor.class, "NXES_RING_", "");
    }

    @Test
    void shouldAgreeWithTheShimOnEveryRecordLayoutConstant() throws Exception {
        compare(RecordFormat.class, "NXES_RECORD_", "NXES_");
    }

    /** Every public int constant NAME of the class must equal the shim's PREFIX+NAME. */
    private static void compare(Class<?> descriptor, String prefix, String fallbackPrefix) throws Exception {
        int compared = 0;
        for (Field field : descriptor.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != int.class) {
                continue;
            }
            long shim = NativeShim.layoutConstant(prefix + field.getName());
            if (shim == -1 && !fallbackPrefix.isEmpty()) {
                shim = NativeShim.layoutConstant(fallbackPrefix + field.getName());
            }
            assertEquals(shim, field.getInt(null), descriptor.getSimpleName() + "." + field.getName());
            compared++;
        }
        assertTrue(compared > 10);
    }

    @Test
    void shouldShareTheFieldCatalogWithTheShim() {
        int[] java = new int[FieldTag.values().length];
        for (FieldTag tag : FieldTag.values()) {
            java[tag.ordinal()] = tag.code();
            assertEquals(tag.name(), NativeShim.fieldName(tag.code()));
            assertEquals(tag.kind().code(), NativeShim.fieldKind(tag.code()), tag.name());
        }
        assertArrayEquals(java, NativeShim.fieldTags());
    }

    @Test
    @EnabledOnOs(OS.LINUX) // fake-es's ACL external form is its text; macOS's is binary
    void shouldRenderTheAclOfARecord() {
        assertEquals("user:x:allow:read", NativeShim.aclToText("user:x:allow:read".getBytes()));
    }
}
