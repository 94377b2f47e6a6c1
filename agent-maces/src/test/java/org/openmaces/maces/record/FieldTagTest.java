package org.openmaces.maces.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openmaces.maces.testing.Fixtures;

class FieldTagTest {
    private static final Pattern ROW = Pattern.compile("^NXES_FIELD\\((0x[0-9a-f]+), (\\w+), (\\w+), \"(.*)\"\\)$");

    @Test
    void shouldListExactlyTheRowsOfTheNativeCatalog() throws IOException {
        List<String> catalog = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.nativeTree().resolve("include/nxes_fields.def"))) {
            Matcher row = ROW.matcher(line.trim());
            if (row.matches()) {
                catalog.add(Integer.decode(row.group(1)) + " " + row.group(2) + " " + row.group(3) + " " + row.group(4));
            }
        }
        List<String> java = new ArrayList<>();
        for (FieldTag tag : FieldTag.values()) {
            java.add(tag.code() + " " + tag.name() + " " + tag.kind().name() + " " + tag.esMember());
        }
        assertEquals(catalog, java, "FieldTag must list nxes_fields.def's rows, in order");
    }

    @Test
    void shouldBeDocumentedInTheRecordFormat() throws IOException {
        String format = Files.readString(Fixtures.nativeTree().resolve("RECORD_FORMAT.md"));
        for (FieldTag tag : FieldTag.values()) {
            assertTrue(format.contains("| `" + String.format("0x%04x", tag.code()) + "` | `" + tag.name() + "` | "
                    + tag.kind().name() + " |"), () -> tag + " is missing from RECORD_FORMAT.md's field table");
        }
    }

    @Test
    void shouldFindTagsByCode() {
        assertSame(FieldTag.EXEC_ARGS, FieldTag.ofCode(0x0170));
        assertNull(FieldTag.ofCode(0x01ff));
        assertNull(FieldTag.ofCode(70000));
    }

    @Test
    void shouldMapProcessFieldsToTargetFields() {
        assertSame(FieldTag.TARGET_TTY, FieldTag.PROCESS_TTY.forTarget());
        assertSame(FieldTag.TARGET_AUDIT_TOKEN, FieldTag.PROCESS_AUDIT_TOKEN.forTarget());
        assertThrows(IllegalArgumentException.class, FieldTag.TARGET_PATH::forTarget);
    }
}
