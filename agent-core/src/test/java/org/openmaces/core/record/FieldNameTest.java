package org.openmaces.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldNameTest {
    @Test
    void shouldShareTheIdAcrossSpellingsAndKeepEachSpelling() {
        FieldName upper = FieldName.of("EventTime");
        FieldName lower = FieldName.of("eventtime");
        assertSame(upper, FieldName.of("EventTime"));
        assertNotSame(upper, lower);
        assertTrue(upper.sameField(lower));
        assertEquals("eventtime", lower.spelling());
    }

    @Test
    void shouldTellNamesWithAnUnpairedSurrogate() {
        assertTrue(FieldName.of("plain").isWellFormed());
        assertTrue(FieldName.of("caf\u00e9 \uD83D\uDE00 pair").isWellFormed());
        assertTrue(FieldName.of("\uD83D\uDE00").isWellFormed());
        assertFalse(FieldName.of("high \uD800 alone").isWellFormed());
        assertFalse(FieldName.of("high at the end \uD800").isWellFormed());
        assertFalse(FieldName.of("\uDC00 low alone").isWellFormed());
        assertFalse(FieldName.of("reversed \uDE00\uD83D").isWellFormed());
    }
}
