package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void shouldReadEveryHostForm() {
        assertEquals(List.of(new Endpoint("siem.example.com", 514), new Endpoint("10.0.0.5", 6514),
                new Endpoint("::1", 1514), new Endpoint("fe80::1", 514), new Endpoint("2001:db8::2", 514)),
                Endpoint.parseAll(List.of("siem.example.com", "10.0.0.5:6514", "[::1]:1514", "[fe80::1]", "2001:db8::2"),
                        514));
    }

    @Test
    void shouldRefuseBadPortsAndHosts() {
        assertEquals("invalid port: 70000 (use 1 to 65535)",
                assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("h:70000", 514)).getMessage());
        assertEquals("invalid port: x", assertThrows(IllegalArgumentException.class,
                () -> Endpoint.parse("h:x", 514)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(":514", 514));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("[::1", 514));
    }

    @Test
    void shouldPrintIpv6InBrackets() {
        assertEquals("[::1]:514", new Endpoint("::1", 514).toString());
        assertEquals("h:1", new Endpoint("h", 1).toString());
    }
}
