package org.openmaces.maces.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void shouldNameCodesigningFlagsInBitOrderWithUnknownBitsAsHex() {
        assertEquals("0x22000005 (CS_VALID | CS_GET_TASK_ALLOW | CS_NO_UNTRUSTED_HELPERS | CS_SIGNED)",
                Formats.codesigningFlags(0x22000005));
        assertEquals("0x00000000 ()", Formats.codesigningFlags(0));
        assertEquals("0x80000041 (CS_VALID | 0x00000040 | CS_DATAVAULT_CONTROLLER)", Formats.codesigningFlags(0x80000041));
    }

    @Test
    void shouldUseDarwinSignalNumbers() {
        assertEquals("SIGUSR1 (30)", Formats.signal(30));
        assertEquals("SIGCHLD (20)", Formats.signal(20));
        assertEquals("SIGSTOP (17)", Formats.signal(17));
        assertEquals("64", Formats.signal(64));
    }

    @Test
    void shouldNameProcCheckTypesAndFlavors() {
        assertEquals("pidinfo", Formats.procCheckType(2));
        assertEquals("udata_info", Formats.procCheckType(14));
        assertEquals("12", Formats.procCheckType(12));
        assertEquals("PROC_PIDPATHINFO", Formats.procCheckFlavor(2, 11));
        assertEquals("PROC_ALL_PIDS", Formats.procCheckFlavor(1, 1));
        assertEquals("RUSAGE_INFO_V4", Formats.procCheckFlavor(9, 4));
        assertEquals("99", Formats.procCheckFlavor(2, 99));
        assertEquals("PROC_DIRTYCONTROL_GET", Formats.procCheckFlavor(8, 3));
    }

    @Test
    void shouldDecodeWaitStatusesNotPassThem() {
        assertEquals(0, Formats.exitCode(0));
        assertEquals(3, Formats.exitCode(3 << 8));
        assertEquals(-1, Formats.exitCode(9), "killed by SIGKILL: no exit code");
        assertEquals(-1, Formats.exitCode(0x7f), "stopped");
    }

    @Test
    void shouldLeaveOutAnAllZeroCdhash() {
        assertNull(Formats.cdhash(ByteBuffer.allocate(20), 0, 20));
        assertEquals("0a0b", Formats.cdhash(ByteBuffer.wrap(new byte[] {10, 11}), 0, 2));
    }

    @Test
    void shouldWriteRawEventValuesThatParseBack() {
        StringBuilder text = new StringBuilder();
        String[] values = {"plain", "with space", "a=b", "quote\"d", "back\\slash", "new\nline\ttab\u0001", "", "üñï"};
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : " ").append("F").append(i).append('=');
            RawEventFormat.appendValue(text, values[i]);
        }
        assertEquals("F0=plain F1=\"with space\" F2=\"a=b\" F3=\"quote\\\"d\" F4=\"back\\\\slash\" "
                + "F5=\"new\\nline\\ttab\\u0001\" F6=\"\" F7=üñï", text.toString());
        Map<String, String> parsed = RawEventFormat.parse(text.toString());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], parsed.get("F" + i));
        }
    }

    @Test
    void shouldEscapeExecArgumentsAsJsonStrings() {
        StringBuilder text = new StringBuilder();
        Formats.appendJsonString(text, "a \"b\"\\c\u0007");
        assertEquals("\"a \\\"b\\\"\\\\c\\u0007\"", text.toString());
    }
}
