package org.openmaces.maces.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openmaces.core.record.Datetime;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.record.GoldenRecords;
import org.openmaces.maces.record.RecordDecoder;

/**
 * Every golden vector (51 events x message versions 1-10, plain and awkward) mapped, and every
 * field compared with what the im_maces field list says it must be, computed here from the text
 * of expected.txt (what the fake message held), not from the decoder.
 */
class FieldMapperGoldenTest {
    private final RecordDecoder decoder = new RecordDecoder();
    private final FieldMapper mapper = new FieldMapper(bytes -> new String(bytes, StandardCharsets.UTF_8));

    @Test
    void shouldMapEveryGoldenRecordToExactlyTheDocumentedFields() throws Exception {
        int records = 0;
        Set<String> eventsSeen = new TreeSet<>();
        Set<String> fieldsSeen = new TreeSet<>();
        for (Path version : GoldenRecords.versionDirectories()) {
            for (GoldenRecords.Golden golden : GoldenRecords.read(version)) {
                decoder.wrap(golden.bytes(), 0);
                LogRecord record = mapper.map(decoder);
                assertNotNull(record, golden.name());
                Map<String, Object> actual = new LinkedHashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    actual.put(record.nameAt(i).spelling(), record.valueAt(i));
                }
                decoder.wrap(golden.bytes(), 0);
                LogRecord again = mapper.map(decoder);
                assertEquals(record.toString(), again.toString(), golden.name() + ": mapped again, from the caches");
                String raw = (String) actual.remove("raw_event");
                Map<String, Object> expected = expected(golden);
                assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), golden.name());
                for (Map.Entry<String, Object> entry : expected.entrySet()) {
                    assertEquals(entry.getValue(), actual.get(entry.getKey()), golden.name() + " $" + entry.getKey());
                }
                Map<String, String> parsed = RawEventFormat.parse(raw);
                assertEquals(new java.util.ArrayList<>(actual.keySet()), new java.util.ArrayList<>(parsed.keySet()),
                        golden.name() + ": $raw_event lists the fields in order");
                for (Map.Entry<String, Object> entry : actual.entrySet()) {
                    assertEquals(rawText(entry.getValue()), parsed.get(entry.getKey()), golden.name() + " raw " + entry.getKey());
                }
                eventsSeen.add(golden.name().split(" ")[0]);
                fieldsSeen.addAll(actual.keySet());
                records++;
            }
        }
        assertEquals(1020, records);
        assertEquals(51, eventsSeen.size());
        Set<String> documented = new TreeSet<>();
        MacesFields.SPECS.forEach(spec -> documented.add(spec.name()));
        // The scripted exit statuses are all deaths by signal (no exit(2) code); ExitCode is asserted on real captures.
        documented.removeIf(name -> name.startsWith("Lost") || name.equals("raw_event") || name.equals("ExitCode"));
        assertEquals(documented, fieldsSeen, "every documented field is set by some golden record");
    }

    private static String rawText(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "TRUE" : "FALSE";
        }
        if (value instanceof Datetime datetime) {
            long micros = datetime.microseconds();
            String iso = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).toString();
            return iso.substring(0, iso.length() - 1) + String.format(".%06dZ", Math.floorMod(micros, 1_000_000L));
        }
        return String.valueOf(value);
    }

    /** The fields the documentation asks for, from the golden text. */
    private static Map<String, Object> expected(GoldenRecords.Golden golden) {
        Map<String, String> values = new HashMap<>();
        for (String line : golden.expected()) {
            int space = line.indexOf(' ');
            String tag = line.substring(0, space);
            String rest = line.substring(space + 1);
            if (!tag.startsWith("@")) {
                rest = rest.substring(rest.indexOf(' ') + 1); // field flags
            }
            values.put(tag, rest);
        }
        Text text = new Text(values);
        Map<String, Object> fields = new LinkedHashMap<>();
        int type = Integer.parseInt(values.get("@event_type"));
        EsEvent event = EsEvent.ofType(type);
        int version = Integer.parseInt(values.get("@message_version"));
        fields.put("EventType", event.eventName());
        fields.put("EventTime", Datetime.ofMicroseconds(Math.floorDiv(Long.parseLong(values.get("@time_nanos")), 1000L)));
        fields.put("MachTimestamp", values.get("@mach_time"));
        fields.put("MessageVersion", (long) version);
        if (version > 2) {
            fields.put("MessageSequence", Long.parseUnsignedLong(values.get("@seq_num")));
        }
        process(text, "PROCESS_", "Process", version, fields);
        if (values.containsKey("TARGET_AUDIT_TOKEN")) {
            process(text, "TARGET_", "TargetProcess", version, fields);
        }
        switch (event) {
            case EXEC -> {
                if (values.containsKey("EXEC_ARGS")) {
                    String[] items = values.get("EXEC_ARGS").split(" ");
                    StringBuilder list = new StringBuilder("[");
                    for (int i = 1; i < items.length; i++) {
                        list.append(i > 1 ? ", " : "");
                        Formats.appendJsonString(list, Text.decodeHex(items[i]));
                    }
                    fields.put("TargetProcessArgs", list.append(']').toString());
                }
            }
            case ACCESS -> { text.string("TARGET_PATH", "File", fields); text.number("ACCESS_MODE", "AccessMode", fields); }
            case CHDIR, CHROOT, DUP, FSGETPATH, LISTEXTATTR, READDIR, STAT, TRUNCATE, WRITE ->
                text.string("TARGET_PATH", "File", fields);
            case FCNTL -> { text.string("TARGET_PATH", "File", fields); text.number("CMD", "Command", fields); }
            case GETEXTATTR, SETEXTATTR, DELETEEXTATTR -> {
                text.string("TARGET_PATH", "File", fields);
                text.string("EXTATTR", "ExtendedAttributes", fields);
            }
            case GETATTRLIST, SETATTRLIST -> {
                text.string("TARGET_PATH", "File", fields);
                text.number("ATTR_COMMON", "CommonAttributes", fields);
                text.number("ATTR_VOLUME", "VolumeAttributes", fields);
                text.number("ATTR_DIRECTORY", "DirectoryAttributes", fields);
                text.number("ATTR_FILE", "FileAttributes", fields);
                text.number("ATTR_FORK", "ForkAttributes", fields);
            }
            case SETFLAGS -> { text.string("TARGET_PATH", "File", fields); text.number("FLAGS", "FileFlags", fields); }
            case SETMODE -> { text.string("TARGET_PATH", "File", fields); text.number("MODE", "FileMode", fields); }
            case SETOWNER -> {
                text.string("TARGET_PATH", "File", fields);
                text.number("UID", "UID", fields);
                text.number("GID", "GID", fields);
            }
            case UTIMES -> {
                text.string("TARGET_PATH", "File", fields);
                text.time("ATIME", "AccessTime", fields);
                text.time("MTIME", "ModifiedTime", fields);
            }
            case UNLINK -> { text.string("TARGET_PATH", "File", fields); text.string("PARENT_DIR_PATH", "Directory", fields); }
            case SETACL -> {
                text.string("TARGET_PATH", "File", fields);
                boolean set = values.get("SET_OR_CLEAR").equals("0");
                fields.put("ACLAction", set ? "set" : "clear");
                if (set && version > 2) {
                    text.string("ACL", "ACL", fields);
                }
            }
            case CLOSE -> { text.string("TARGET_PATH", "File", fields); text.bool("MODIFIED", "Modified", fields); }
            case OPEN -> { text.string("FILE_PATH", "File", fields); text.number("FFLAG", "OpenFlags", fields); }
            case CREATE, RENAME -> {
                boolean create = event == EsEvent.CREATE;
                String pathField = create ? "File" : "TargetFile";
                if (!create) {
                    text.string("SOURCE_PATH", "File", fields);
                }
                boolean existing = values.get("DESTINATION_TYPE").equals("0");
                if (existing) {
                    text.string("EXISTING_FILE_PATH", pathField, fields);
                } else {
                    text.composed("DIR_PATH", "FILENAME", pathField, fields);
                    text.string("DIR_PATH", "Directory", fields);
                    text.string("FILENAME", "Filename", fields);
                    if (create) {
                        text.number("MODE", "CreateMode", fields);
                    }
                }
                fields.put("ExistingFile", existing);
                if (create && version > 2) {
                    text.string("ACL", "ACL", fields);
                }
            }
            case LINK, CLONE -> {
                String name = event == EsEvent.LINK ? "TARGET_FILENAME" : "TARGET_NAME";
                text.string("SOURCE_PATH", "File", fields);
                text.composed("TARGET_DIR_PATH", name, "TargetFile", fields);
                text.string("TARGET_DIR_PATH", "Directory", fields);
                text.string(name, "Filename", fields);
            }
            case READLINK -> text.string("SOURCE_PATH", "File", fields);
            case FILE_PROVIDER_MATERIALIZE -> {
                text.string("SOURCE_PATH", "File", fields);
                text.string("TARGET_PATH", "TargetFile", fields);
            }
            case FILE_PROVIDER_UPDATE -> {
                text.string("SOURCE_PATH", "File", fields);
                text.string("PROVIDER_TARGET_PATH", "TargetFile", fields);
            }
            case LOOKUP -> {
                text.string("SOURCE_DIR_PATH", "Directory", fields);
                text.string("RELATIVE_TARGET", "Filename", fields);
            }
            case EXCHANGEDATA -> {
                text.string("FILE1_PATH", "FirstFile", fields);
                text.string("FILE2_PATH", "SecondFile", fields);
            }
            case MMAP -> {
                text.string("SOURCE_PATH", "File", fields);
                text.number("PROTECTION", "MemoryMapProtection", fields);
                text.number("MAX_PROTECTION", "MemoryMapMaxProtection", fields);
                text.number("MMAP_FLAGS", "MemoryMapFlags", fields);
                text.number("FILE_POS", "MemoryMapFilePosition", fields);
            }
            case MPROTECT -> {
                text.number("PROTECTION", "Protection", fields);
                text.number("ADDRESS", "MemoryAddress", fields);
                text.number("SIZE", "MemorySize", fields);
            }
            case MOUNT, UNMOUNT -> {
                String[][] statfs = {{"STATFS_BSIZE", "BlockSize"}, {"STATFS_IOSIZE", "TransferBlockSize"},
                    {"STATFS_BLOCKS", "TotalDataBlocks"}, {"STATFS_BFREE", "FreeBlocks"}, {"STATFS_BAVAIL", "AvailableBlocks"},
                    {"STATFS_FILES", "TotalFileNodes"}, {"STATFS_FFREE", "FreeFileNodes"}, {"STATFS_FSID", "FilesystemID"},
                    {"STATFS_OWNER", "OwnerUID"}, {"STATFS_TYPE", "FilesystemType"},
                    {"STATFS_FSSUBTYPE", "FilesystemSubType"}, {"STATFS_FLAGS", "MountFlags"},
                    {"STATFS_FLAGS_EXT", "ExtendedFlags"}};
                for (String[] pair : statfs) {
                    text.number(pair[0], pair[1], fields);
                }
                text.string("STATFS_FSTYPENAME", "FilesystemTypeName", fields);
                text.string("STATFS_MNTONNAME", "MountedOn", fields);
                text.string("STATFS_MNTFROMNAME", "MountedFrom", fields);
            }
            case EXIT -> {
                int status = Integer.parseInt(values.get("EXIT_STATUS"));
                if ((status & 0x7f) == 0) {
                    fields.put("ExitCode", (long) ((status >> 8) & 0xff));
                }
            }
            case SIGNAL -> fields.put("Signal", Formats.signal(Integer.parseInt(values.get("SIGNAL"))));
            case PROC_CHECK -> {
                long checkType = Long.parseLong(values.get("PROC_CHECK_TYPE"));
                fields.put("ProcessCheckType", Formats.procCheckType(checkType));
                fields.put("ProcessCheckFlavor", Formats.procCheckFlavor(checkType,
                        Integer.parseInt(values.get("PROC_CHECK_FLAVOR"))));
            }
            case KEXTLOAD, KEXTUNLOAD -> text.string("IDENTIFIER", "KernelExtension", fields);
            case IOKIT_OPEN -> {
                text.string("USER_CLIENT_CLASS", "ClientClass", fields);
                fields.put("ClientType", values.get("USER_CLIENT_TYPE"));
            }
            case PTY_GRANT, PTY_CLOSE -> text.number("DEV", "DeviceVersion", fields);
            case UIPC_BIND -> {
                text.composed("DIR_PATH", "FILENAME", "File", fields);
                text.string("DIR_PATH", "Directory", fields);
                text.string("FILENAME", "Filename", fields);
                text.number("MODE", "SocketMode", fields);
            }
            case UIPC_CONNECT -> {
                text.string("FILE_PATH", "File", fields);
                text.number("SOCKET_DOMAIN", "Domain", fields);
                text.number("SOCKET_TYPE", "SocketType", fields);
                text.number("SOCKET_PROTOCOL", "Protocol", fields);
            }
            default -> { }
        }
        return fields;
    }

    private static void process(Text text, String tagPrefix, String fieldPrefix, int version, Map<String, Object> fields) {
        String[] token = text.values.get(tagPrefix + "AUDIT_TOKEN").split(" ");
        fields.put(fieldPrefix + "PID", Long.parseLong(token[5]));
        fields.put(fieldPrefix + "PIDVersion", Long.parseLong(token[7]));
        fields.put(fieldPrefix + "UID", Long.parseLong(token[0]));
        fields.put(fieldPrefix + "EffectiveUID", Long.parseLong(token[1]));
        fields.put(fieldPrefix + "EffectiveGID", Long.parseLong(token[2]));
        fields.put(fieldPrefix + "RealUID", Long.parseLong(token[3]));
        fields.put(fieldPrefix + "RealGID", Long.parseLong(token[4]));
        text.number(tagPrefix + "PPID", fieldPrefix + "ParentPID", fields);
        text.number(tagPrefix + "ORIGINAL_PPID", fieldPrefix + "OriginalParentPID", fields);
        text.number(tagPrefix + "SESSION_ID", fieldPrefix + "SessionID", fields);
        fields.put(fieldPrefix + "CodesigningFlags",
                Formats.codesigningFlags((int) Long.parseLong(text.values.get(tagPrefix + "CODESIGNING_FLAGS"))));
        text.bool(tagPrefix + "IS_PLATFORM_BINARY", fieldPrefix + "PlatformBinary", fields);
        text.bool(tagPrefix + "IS_ES_CLIENT", fieldPrefix + "ESClient", fields);
        String cdhash = text.values.get(tagPrefix + "CDHASH");
        if (!cdhash.matches("0*")) {
            fields.put(fieldPrefix + "CodeDirectoryHash", cdhash);
        }
        text.string(tagPrefix + "SIGNING_ID", fieldPrefix + "SigningID", fields);
        text.string(tagPrefix + "TEAM_ID", fieldPrefix + "TeamID", fields);
        text.string(tagPrefix + "EXECUTABLE", fieldPrefix + "Executable", fields);
        if (version > 2) {
            text.string(tagPrefix + "TTY", fieldPrefix + "Tty", fields);
        }
    }

    /** Values of one expected.txt block, by tag. */
    private record Text(Map<String, String> values) {
        static String decodeHex(String hex) {
            if (hex.equals("-")) {
                return "";
            }
            byte[] bytes = new byte[hex.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void string(String tag, String field, Map<String, Object> fields) {
            String hex = values.get(tag);
            if (hex != null && !hex.equals("-")) {
                fields.put(field, decodeHex(hex));
            }
        }

        void composed(String directoryTag, String nameTag, String field, Map<String, Object> fields) {
            String directory = values.get(directoryTag);
            String name = values.get(nameTag);
            if (directory != null && name != null && !directory.equals("-")) {
                String dir = decodeHex(directory);
                fields.put(field, dir.endsWith("/") ? dir + decodeHex(name) : dir + "/" + decodeHex(name));
            }
        }

        void number(String tag, String field, Map<String, Object> fields) {
            String value = values.get(tag);
            if (value != null) {
                fields.put(field, new BigInteger(value).longValue());
            }
        }

        void bool(String tag, String field, Map<String, Object> fields) {
            String value = values.get(tag);
            if (value != null) {
                fields.put(field, Boolean.parseBoolean(value));
            }
        }

        void time(String tag, String field, Map<String, Object> fields) {
            String value = values.get(tag);
            if (value != null) {
                String[] parts = value.split(" ");
                fields.put(field, Datetime.ofMicroseconds(Long.parseLong(parts[0]) * 1_000_000L
                        + Math.floorDiv(Long.parseLong(parts[1]), 1000L)));
            }
        }
    }

    @Test
    void shouldLeaveOutTheVersionGatedFieldsUpToMessageVersionTwo() throws Exception {
        for (Path version : GoldenRecords.versionDirectories()) {
            for (GoldenRecords.Golden golden : GoldenRecords.read(version)) {
                decoder.wrap(golden.bytes(), 0);
                LogRecord record = mapper.map(decoder);
                boolean gated = decoder.messageVersion() <= 2;
                for (String name : new String[] {"MessageSequence", "ProcessTty", "TargetProcessTty", "ACL"}) {
                    if (gated) {
                        assertTrue(!record.contains(org.openmaces.core.record.FieldName.of(name)), golden.name() + " " + name);
                    }
                }
            }
        }
    }
}
