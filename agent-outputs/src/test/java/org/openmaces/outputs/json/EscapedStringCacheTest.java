package org.openmaces.outputs.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.LanguageSettings;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.LogRecord;

class EscapedStringCacheTest {
    /** What the generator writes for {@code text} without the cache: the bytes the cache must reproduce. */
    private static byte[] generated(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonEncoder.FACTORY.createGenerator(out)) {
            generator.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] quoted(SerializedString escaped) {
        byte[] inner = escaped.asQuotedUTF8();
        byte[] bytes = new byte[inner.length + 2];
        bytes[0] = '"';
        System.arraycopy(inner, 0, bytes, 1, inner.length);
        bytes[bytes.length - 1] = '"';
        return bytes;
    }

    @Test
    void shouldEscapeAValueOnItsSecondSightingAndReuseThatForm() {
        EscapedStringCache cache = new EscapedStringCache();
        String value = "/Applications/Some \"App\".app/Contents/MacOS/app\t\u00e9\u20ac";
        assertNull(cache.escaped(value), "first sighting: written by the generator");
        SerializedString second = cache.escaped(value);
        assertNotNull(second);
        assertSame(second, cache.escaped(value), "later sightings reuse the escaped form");
        assertArrayEquals(generated(value), quoted(second));
    }

    @Test
    void shouldKeyByIdentitySoAnEqualCopyIsEscapedAgainToTheSameBytes() {
        EscapedStringCache cache = new EscapedStringCache();
        String value = "process_signing_id-11041";
        cache.escaped(value);
        SerializedString original = cache.escaped(value);
        String copy = new String(value.toCharArray());
        // The copy takes the original's slot only if their identity hashes collide; either way it starts afresh.
        assertNull(cache.escaped(copy));
        SerializedString copied = cache.escaped(copy);
        assertNotSame(original, copied);
        assertArrayEquals(quoted(original), quoted(copied));
    }

    @Test
    void shouldNeverReturnAnotherValuesFormAfterTheSlotChangedHands() {
        // A record's field set to other values between two records ("mutated"), many values per slot: each
        // lookup answers for its own text or not at all.
        EscapedStringCache cache = new EscapedStringCache();
        SplittableRandom random = new SplittableRandom(11);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 4 * EscapedStringCache.SLOTS; i++) {
            values.add("/fake/path/" + i + (i % 7 == 0 ? "\n\"quoted\"" : ""));
        }
        for (int i = 0; i < 100_000; i++) {
            String value = values.get(random.nextInt(values.size()));
            SerializedString escaped = cache.escaped(value);
            if (escaped != null) {
                assertSame(value, escaped.getValue());
            }
        }
    }

    @Test
    void shouldEvictWhenAnotherValueTakesTheSlot() {
        EscapedStringCache cache = new EscapedStringCache();
        String first = "first value";
        cache.escaped(first);
        assertNotNull(cache.escaped(first));
        // Enough other values, each found twice, that two of them land in first's set one after the other.
        for (int i = 0; i < 64 * EscapedStringCache.SLOTS; i++) {
            String other = "other " + i;
            cache.escaped(other);
            cache.escaped(other);
        }
        assertNull(cache.escaped(first), "evicted: seen as new again");
        assertNotNull(cache.escaped(first));
    }

    @Test
    void shouldKeepTwoValuesOfOneSetThatComeBackWhileNewValuesPassThrough() {
        // Two values every record carries, which share a set, and values made afresh for every record. The
        // two stay escaped, except that a new value falling into their set costs each of them one more
        // sighting as new. Direct-mapped, the two pushed each other out in every record.
        EscapedStringCache cache = new EscapedStringCache();
        List<String> candidates = new ArrayList<>();
        String first = null;
        String second = null;
        for (int i = 0; first == null; i++) {
            String value = "/Applications/App " + i + ".app";
            for (String candidate : candidates) {
                if (EscapedStringCache.setOf(candidate) == EscapedStringCache.setOf(value)) {
                    first = candidate;
                    second = value;
                }
            }
            candidates.add(value);
        }
        int set = EscapedStringCache.setOf(first);
        int newInTheSet = 0;
        int missed = 0;
        int records = 20_000;
        for (int record = 0; record < records; record++) {
            missed += cache.escaped(first) == null ? 1 : 0;
            missed += cache.escaped(second) == null ? 1 : 0;
            String made = "sequence " + record;
            cache.escaped(made);
            newInTheSet += EscapedStringCache.setOf(made) == set ? 1 : 0;
        }
        assertTrue(missed <= 2 + 2 * newInTheSet, missed + " misses, " + newInTheSet + " new values in the set");
        assertTrue(missed < records / 10, missed + " misses in " + records + " records");
    }

    @Test
    void shouldNotCacheLongValues() {
        EscapedStringCache cache = new EscapedStringCache();
        String longest = "x".repeat(EscapedStringCache.MAXIMUM_LENGTH);
        String tooLong = "x".repeat(EscapedStringCache.MAXIMUM_LENGTH + 1);
        for (int i = 0; i < 3; i++) {
            assertNull(cache.escaped(tooLong));
        }
        cache.escaped(longest);
        assertNotNull(cache.escaped(longest));
    }

    @Test
    void shouldLeaveValuesWithSurrogatesToTheGenerator() {
        // The generator writes surrogates as \\u escapes; SerializedString would write 4-byte UTF-8 instead.
        EscapedStringCache cache = new EscapedStringCache();
        for (String value : new String[]{"smile \uD83D\uDE00", "lone \uD800 high", "lone \uDC00 low"}) {
            for (int i = 0; i < 3; i++) {
                assertNull(cache.escaped(value), value);
            }
        }
    }

    @Test
    void shouldProduceTheGeneratorsBytesForEveryKindOfCharacter() {
        EscapedStringCache cache = new EscapedStringCache();
        SplittableRandom random = new SplittableRandom(5);
        char[] awkward = {'"', '\\', '/', '\b', '\f', '\n', '\r', '\t', 0, 0x1f, 0x7f, 0x80, 0xff, 0x100, 0x7ff, 0x800,
            0xfffd, 0xffff, 'a', ' '};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(random.nextBoolean() ? awkward[random.nextInt(awkward.length)] : (char) random.nextInt(0xd800));
            }
            String value = text.toString();
            cache.escaped(value);
            SerializedString escaped = cache.escaped(value);
            assertNotNull(escaped, value);
            assertArrayEquals(generated(value), quoted(escaped), value);
        }
    }

    @Test
    void shouldBeOnePerThreadInTheEncoder() throws Exception {
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(),
                Conversions.of(new LanguageSettings(null, true, false, ZoneOffset.UTC)));
        EscapedStringCache[] caches = new EscapedStringCache[2];
        Thread other = new Thread(() -> caches[1] = encoder.escapedStrings());
        other.start();
        caches[0] = encoder.escapedStrings();
        other.join();
        assertSame(caches[0], encoder.escapedStrings(), "a thread keeps its cache");
        assertNotSame(caches[0], caches[1], "threads do not share one");
    }

    @Test
    void shouldWriteExactOutputFromTwoThreadsSharingValueInstances() throws Exception {
        JsonEncoder encoder = new JsonEncoder(JsonSettings.defaults(),
                Conversions.of(new LanguageSettings(null, true, false, ZoneOffset.UTC)));
        List<LogRecord> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            LogRecord record = new LogRecord();
            record.set(FieldName.of("Path"), "/p/" + (i % 8) + "\t\"x\"");
            record.set(FieldName.of("Sequence"), "n" + i);
            records.add(record);
            expected.add(encoder.toJson(record));
        }
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    for (int round = 0; round < 2_000; round++) {
                        for (int i = 0; i < records.size(); i++) {
                            assertEquals(expected.get(i), encoder.toJson(records.get(i)));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }
}
