package org.openmaces.maces.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCatalogTest {
    @Test
    void shouldKnowTheFiftyOneEventsWithTheirEsNumbersAndFirstReleases() {
        assertEquals(51, EsEvent.values().length);
        assertEquals(15, EventCatalog.find("exit").type(), "exit is 15, not 16");
        assertEquals(86, EventCatalog.find("proc_check").type());
        assertEquals(75, EventCatalog.find("settime").type());
        assertEquals(82, EventCatalog.find("setacl").type());
        assertEquals(101504, EventCatalog.find("pty_grant").firstMacos());
        assertEquals(101501, EventCatalog.find("chdir").firstMacos());
        assertTrue(EsEvent.PROC_CHECK.existsOn(110000));
        assertTrue(!EsEvent.PROC_CHECK.existsOn(101501));
        assertEquals("10.15.4", EsEvent.macosText(101504));
        assertEquals(EsEvent.FILE_PROVIDER_UPDATE, EsEvent.ofType(37));
        assertNull(EsEvent.ofType(36), "AUTH_FILE_PROVIDER_UPDATE is not a NotifyEvent");
    }

    @Test
    void shouldParseNamesAllAndTheDefaults() {
        assertEquals(Set.of(EsEvent.CHROOT, EsEvent.CLOSE, EsEvent.CREATE, EsEvent.EXEC, EsEvent.EXIT, EsEvent.FORK,
                EsEvent.KEXTLOAD, EsEvent.KEXTUNLOAD, EsEvent.OPEN, EsEvent.UNLINK), EventCatalog.DEFAULTS);
        assertEquals(51, EventCatalog.parse(List.of("All"), name -> { }).size());
        assertEquals(Set.of(EsEvent.WRITE, EsEvent.GET_TASK), EventCatalog.parse(List.of(" WRITE ", "get_task"), n -> { }));
        List<String> unknown = new ArrayList<>();
        assertNull(EventCatalog.parse(List.of("exec", "wrte"), unknown::add));
        assertEquals(List.of("wrte"), unknown);
        assertTrue(EventCatalog.unknownEventMessage("wrte").contains("did you mean 'write'?"));
    }
}
