package org.openmaces.core.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openmaces.core.record.Binary;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.IpAddress;

class ConversionsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Datetime TIME = Datetime.ofInstant(Instant.parse("2024-01-02T03:04:05.123456Z"));

    @Test
    void shouldConvertEveryTypeToString() {
        Conversions conversions = Conversions.of(new LanguageSettings(null, false, false, PARIS));
        assertEquals("-12", conversions.string(-12L));
        assertEquals("TRUE", conversions.string(true));
        assertEquals("2024-01-02 04:04:05", conversions.string(TIME));
        assertEquals("10.0.0.1", conversions.string(IpAddress.ofBytes(new byte[] {10, 0, 0, 1})));
        assertEquals("00ff", conversions.string(Binary.of(new byte[] {0, (byte) 0xff})));
        assertEquals("a+", conversions.string(Pattern.compile("a+")));
        assertNull(conversions.string(null));
        assertEquals("", conversions.text(null));
    }

    @Test
    void shouldHonourDateFormatAndUtc() {
        assertEquals("2024-01-02T04:04:05.123456+01:00",
                Conversions.of(new LanguageSettings("YYYY-MM-DDThh:mm:ss.sTZ", false, false, PARIS)).string(TIME));
        assertEquals("2024-01-02T03:04:05+00:00",
                Conversions.of(new LanguageSettings("YYYY-MM-DDThh:mm:ssTZ", true, false, PARIS)).string(TIME));
        assertEquals("2024-01-02T03:04:05.123456Z",
                Conversions.of(new LanguageSettings("YYYY-MM-DDThh:mm:ss.sUTC", false, false, PARIS)).string(TIME));
        assertEquals("02/01/2024 04h",
                Conversions.of(new LanguageSettings("%d/%m/%Y %Hh", false, false, PARIS)).string(TIME));
        Conversions defaults = Conversions.of(new LanguageSettings(null, false, false, ZoneOffset.UTC));
        assertEquals("2024-01-02T03:04:05.123456+00:00", defaults.formatDatetime(TIME, "YYYY-MM-DDThh:mm:ss.sTZ"));
    }

    @Test
    void shouldParseIntegersOnlyWhenTheWholeTextIsALiteral() {
        assertEquals(42L, Conversions.parseInteger("42"));
        assertEquals(-16L, Conversions.parseInteger("-0x10"));
        assertEquals(3072L, Conversions.parseInteger("3k"));
        assertEquals(7L, Conversions.parseInteger(" 7 "));
        assertNull(Conversions.parseInteger("12abc"));
        assertNull(Conversions.parseInteger(""));
        assertNull(Conversions.parseInteger("--1"));
        assertNull(Conversions.parseInteger("1.5"));
    }

    @Test
    void shouldParseDatesInTheParseZone() {
        Clock clock = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
        Conversions local = Conversions.of(new LanguageSettings(null, false, false, PARIS));
        assertEquals(Instant.parse("2024-01-02T02:04:05Z"),
                local.parseDate("2024-01-02 03:04:05", false, clock).toInstant());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"),
                local.parseDate("2024-01-02 03:04:05", true, clock).toInstant());
        Conversions utc = Conversions.of(new LanguageSettings(null, false, true, PARIS));
        assertEquals(Instant.parse("2024-03-04T05:06:07Z"), utc.parseDate("Mar  4 05:06:07", false, clock).toInstant());
        assertNull(utc.parseDate("yesterday", false, clock));
    }
}
