package org.openmaces.maces.eslogger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.event.EventCatalog;
import org.openmaces.maces.record.FieldTag;
import org.openmaces.maces.record.RecordFormat;
import org.openmaces.maces.record.RecordWriter;

/**
 * One eslogger JSON line (eslogger-json.md) into one record of the ring format, so eslogger
 * output and captures go through the same decoder and mapper as the native shim's records.
 * Streaming (Jackson): any key order, escaped slashes, {@code null}s, audit tokens as objects or
 * 8-element arrays, integers up to unsigned 64 bits (never through a double). Members no
 * im_maces field needs are skipped.
 *
 * <p>Not thread-safe; one per reading thread.
 */
public final class EsloggerJsonConverter {
    /** What {@link #convert} made of a line. */
    public enum Result {
        /** The writer holds a finished record. */
        RECORD,
        /** A well-formed event of a type im_maces does not collect (e.g. authentication). */
        OTHER_EVENT
    }

    /*
     * Duplicate keys are refused: eslogger never writes them, and a member written twice would put its
     * field twice into the record, which the decoder rightly rejects as malformed (found by fuzzing).
     */
    private static final JsonFactory JSON =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final RecordWriter writer;
    private int eventType = -1;
    private int version;
    private long seqNum;
    private long globalSeqNum;
    private long timeNanos;
    private long machTime;
    private EsEvent event;
    private String otherEvent;
    private final int[] token = new int[8];

    public EsloggerJsonConverter(RecordWriter writer) {
        this.writer = writer;
    }

    public RecordWriter writer() {
        return writer;
    }

    /**
     * Converts {@code length} bytes at {@code offset} (one JSON object).
     *
     * @throws MalformedEventException when the bytes are not an eslogger event; the message says why
     */
    public Result convert(byte[] line, int offset, int length) throws MalformedEventException {
        eventType = -1;
        version = 0;
        seqNum = 0;
        globalSeqNum = 0;
        timeNanos = 0;
        machTime = 0;
        event = null;
        otherEvent = null;
        boolean sawTime = false;
        writer.begin(0, 0, 0, 0, 0, 0);
        try (JsonParser parser = JSON.createParser(line, offset, length)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "an event is a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "event_type": eventType = (int) integer(parser, key); break;
                    case "version": version = (int) integer(parser, key); break;
                    case "seq_num": seqNum = integer(parser, key); break;
                    case "global_seq_num": globalSeqNum = integer(parser, key); break;
                    case "mach_time": machTime = integer(parser, key); break;
                    case "time":
                        timeNanos = timeNanos(text(parser, key), key);
                        sawTime = true;
                        break;
                    case "process":
                        expect(value, JsonToken.START_OBJECT, "process is an object");
                        process(parser, false);
                        break;
                    case "event":
                        expect(value, JsonToken.START_OBJECT, "event is an object");
                        eventObject(parser);
                        break;
                    default:
                        parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedEventException("the JSON object does not end");
            }
            if (parser.nextToken() != null) {
                throw new MalformedEventException("text after the JSON object");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedEventException malformed) {
                throw malformed;
            }
            throw new MalformedEventException(describe(e));
        }
        if (otherEvent != null) {
            return Result.OTHER_EVENT;
        }
        if (event == null) {
            throw new MalformedEventException("no \"event\" object");
        }
        if (eventType >= 0 && eventType != event.type()) {
            throw new MalformedEventException("event_type " + eventType + " does not match the event \""
                    + event.eventName() + "\" (" + event.type() + ")");
        }
        if (!sawTime) {
            throw new MalformedEventException("no \"time\"");
        }
        // Sequence numbers exist from message version 2 (seq_num) and 4 (global_seq_num), as in the shim's records.
        writer.header(event.type(), version, version >= 2 ? seqNum : 0, version >= 4 ? globalSeqNum : 0, timeNanos,
                machTime);
        writer.finish();
        return Result.RECORD;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    private void eventObject(JsonParser parser) throws IOException, MalformedEventException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            EsEvent known = EventCatalog.find(name);
            if (known == null || value != JsonToken.START_OBJECT) {
                if (known == null) {
                    otherEvent = name;
                }
                parser.skipChildren();
                continue;
            }
            event = known;
            eventMembers(parser, known);
        }
    }

    private void eventMembers(JsonParser parser, EsEvent known) throws IOException, MalformedEventException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            if (!member(parser, known, key, value)) {
                parser.skipChildren();
            }
        }
    }

    /** One member of the event object; false when no field needs it (the caller skips it). */
    private boolean member(JsonParser parser, EsEvent known, String key, JsonToken value)
            throws IOException, MalformedEventException {
        switch (key) {
            case "target":
                if (value == JsonToken.START_OBJECT && isProcessTarget(known)) {
                    process(parser, true);
                } else if (value == JsonToken.START_OBJECT) {
                    file(parser, FieldTag.TARGET_PATH);
                } else {
                    return false;
                }
                return true;
            case "child":
                if (known != EsEvent.FORK) {
                    return false;
                }
                process(parser, true);
                return true;
            case "source": file(parser, FieldTag.SOURCE_PATH); return true;
            case "file": file(parser, FieldTag.FILE_PATH); return true;
            case "file1": file(parser, FieldTag.FILE1_PATH); return true;
            case "file2": file(parser, FieldTag.FILE2_PATH); return true;
            case "target_dir": file(parser, FieldTag.TARGET_DIR_PATH); return true;
            case "source_dir": file(parser, FieldTag.SOURCE_DIR_PATH); return true;
            case "parent_dir": file(parser, FieldTag.PARENT_DIR_PATH); return true;
            case "dir": file(parser, FieldTag.DIR_PATH); return true;
            case "filename": writer.putString(FieldTag.FILENAME, text(parser, key)); return true;
            case "target_filename": writer.putString(FieldTag.TARGET_FILENAME, text(parser, key)); return true;
            case "target_name": writer.putString(FieldTag.TARGET_NAME, text(parser, key)); return true;
            case "relative_target": writer.putString(FieldTag.RELATIVE_TARGET, text(parser, key)); return true;
            case "target_path": writer.putString(FieldTag.PROVIDER_TARGET_PATH, text(parser, key)); return true;
            case "extattr": writer.putString(FieldTag.EXTATTR, text(parser, key)); return true;
            case "identifier": writer.putString(FieldTag.IDENTIFIER, text(parser, key)); return true;
            case "user_client_class": writer.putString(FieldTag.USER_CLIENT_CLASS, text(parser, key)); return true;
            case "user_client_type": writer.putInt(FieldTag.USER_CLIENT_TYPE, (int) integer(parser, key)); return true;
            case "destination_type": writer.putInt(FieldTag.DESTINATION_TYPE, (int) integer(parser, key)); return true;
            case "destination": destination(parser); return true;
            case "mode":
                writer.putInt(known == EsEvent.ACCESS ? FieldTag.ACCESS_MODE : FieldTag.MODE, (int) integer(parser, key));
                return true;
            case "fflag": writer.putInt(FieldTag.FFLAG, (int) integer(parser, key)); return true;
            case "modified": writer.putBoolean(FieldTag.MODIFIED, bool(parser, key)); return true;
            case "cmd": writer.putInt(FieldTag.CMD, (int) integer(parser, key)); return true;
            case "flags":
                writer.putInt(known == EsEvent.MMAP ? FieldTag.MMAP_FLAGS : FieldTag.FLAGS, (int) integer(parser, key));
                return true;
            case "uid": writer.putInt(FieldTag.UID, (int) integer(parser, key)); return true;
            case "gid": writer.putInt(FieldTag.GID, (int) integer(parser, key)); return true;
            case "atime": timespec(parser, FieldTag.ATIME, key); return true;
            case "mtime": timespec(parser, FieldTag.MTIME, key); return true;
            case "acl": acl(parser, value); return true;
            case "set_or_clear": writer.putInt(FieldTag.SET_OR_CLEAR, (int) integer(parser, key)); return true;
            case "attrlist": attrlist(parser); return true;
            case "statfs": statfs(parser); return true;
            case "protection": writer.putInt(FieldTag.PROTECTION, (int) integer(parser, key)); return true;
            case "max_protection": writer.putInt(FieldTag.MAX_PROTECTION, (int) integer(parser, key)); return true;
            case "file_pos": writer.putLong(FieldTag.FILE_POS, integer(parser, key)); return true;
            case "address": writer.putLong(FieldTag.ADDRESS, integer(parser, key)); return true;
            case "size": writer.putLong(FieldTag.SIZE, integer(parser, key)); return true;
            case "stat":
                if (known != EsEvent.EXIT) {
                    return false;
                }
                writer.putInt(FieldTag.EXIT_STATUS, (int) integer(parser, key));
                return true;
            case "sig": writer.putInt(FieldTag.SIGNAL, (int) integer(parser, key)); return true;
            case "type":
                if (known == EsEvent.PROC_CHECK) {
                    writer.putInt(FieldTag.PROC_CHECK_TYPE, (int) integer(parser, key));
                } else if (known == EsEvent.UIPC_CONNECT) {
                    writer.putInt(FieldTag.SOCKET_TYPE, (int) integer(parser, key));
                } else {
                    return false;
                }
                return true;
            case "flavor": writer.putInt(FieldTag.PROC_CHECK_FLAVOR, (int) integer(parser, key)); return true;
            case "dev": writer.putInt(FieldTag.DEV, (int) integer(parser, key)); return true;
            case "domain": writer.putInt(FieldTag.SOCKET_DOMAIN, (int) integer(parser, key)); return true;
            case "protocol": writer.putInt(FieldTag.SOCKET_PROTOCOL, (int) integer(parser, key)); return true;
            case "args": args(parser, key); return true;
            default:
                return false;
        }
    }

    private static boolean isProcessTarget(EsEvent known) {
        return known == EsEvent.EXEC || known == EsEvent.SIGNAL || known == EsEvent.GET_TASK
                || known == EsEvent.PROC_CHECK;
    }

    private void process(JsonParser parser, boolean target) throws IOException, MalformedEventException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (key) {
                case "audit_token":
                    auditToken(parser, value);
                    writer.putAuditToken(tag(FieldTag.PROCESS_AUDIT_TOKEN, target), token);
                    break;
                case "ppid": writer.putInt(tag(FieldTag.PROCESS_PPID, target), (int) integer(parser, key)); break;
                case "original_ppid":
                    writer.putInt(tag(FieldTag.PROCESS_ORIGINAL_PPID, target), (int) integer(parser, key));
                    break;
                case "group_id": writer.putInt(tag(FieldTag.PROCESS_GROUP_ID, target), (int) integer(parser, key)); break;
                case "session_id":
                    writer.putInt(tag(FieldTag.PROCESS_SESSION_ID, target), (int) integer(parser, key));
                    break;
                case "codesigning_flags":
                    writer.putInt(tag(FieldTag.PROCESS_CODESIGNING_FLAGS, target), (int) integer(parser, key));
                    break;
                case "is_platform_binary":
                    writer.putBoolean(tag(FieldTag.PROCESS_IS_PLATFORM_BINARY, target), bool(parser, key));
                    break;
                case "is_es_client":
                    writer.putBoolean(tag(FieldTag.PROCESS_IS_ES_CLIENT, target), bool(parser, key));
                    break;
                case "cdhash": writer.putBytes(tag(FieldTag.PROCESS_CDHASH, target), 0, hex(text(parser, key))); break;
                case "signing_id": writer.putString(tag(FieldTag.PROCESS_SIGNING_ID, target), text(parser, key)); break;
                case "team_id": writer.putString(tag(FieldTag.PROCESS_TEAM_ID, target), text(parser, key)); break;
                case "executable":
                    expect(value, JsonToken.START_OBJECT, key + " is a file object");
                    file(parser, tag(FieldTag.PROCESS_EXECUTABLE, target));
                    break;
                case "tty":
                    expect(value, JsonToken.START_OBJECT, key + " is a file object");
                    file(parser, tag(FieldTag.PROCESS_TTY, target));
                    break;
                default:
                    parser.skipChildren();
            }
        }
    }

    private static FieldTag tag(FieldTag processTag, boolean target) {
        return target ? processTag.forTarget() : processTag;
    }

    /** Object {"auid":..} in any order, or the raw val[8] array [auid, euid, egid, ruid, rgid, pid, asid, pidversion]. */
    private void auditToken(JsonParser parser, JsonToken value) throws IOException, MalformedEventException {
        java.util.Arrays.fill(token, 0);
        if (value == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (i >= 8) {
                    throw new MalformedEventException("an audit token array has more than 8 numbers");
                }
                token[i++] = (int) integer(parser, "audit_token");
            }
            if (i != 8) {
                throw new MalformedEventException("an audit token array has " + i + " numbers, not 8");
            }
            return;
        }
        expect(value, JsonToken.START_OBJECT, "an audit token is an object or an array");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            int slot;
            switch (key) {
                case "auid": slot = 0; break;
                case "euid": slot = 1; break;
                case "egid": slot = 2; break;
                case "ruid": slot = 3; break;
                case "rgid": slot = 4; break;
                case "pid": slot = 5; break;
                case "asid": slot = 6; break;
                case "pidversion": slot = 7; break;
                default:
                    parser.skipChildren();
                    continue;
            }
            token[slot] = (int) integer(parser, key);
        }
    }

    /** A file object: its path (flagged when ES said it was truncated); the stat is not needed. */
    private void file(JsonParser parser, FieldTag tag) throws IOException, MalformedEventException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException("a file is an object");
        }
        String path = null;
        boolean truncated = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("path".equals(key) && value != JsonToken.VALUE_NULL) {
                path = text(parser, key);
            } else if ("path_truncated".equals(key) && value != JsonToken.VALUE_NULL) {
                truncated = bool(parser, key);
            } else {
                parser.skipChildren();
            }
        }
        if (path != null) {
            writer.putBytes(tag, truncated ? RecordFormat.FIELD_FLAG_SOURCE_TRUNCATED : 0,
                    path.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void destination(JsonParser parser) throws IOException, MalformedEventException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("existing_file".equals(key) && value == JsonToken.START_OBJECT) {
                file(parser, FieldTag.EXISTING_FILE_PATH);
            } else if ("new_path".equals(key) && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String member = parser.currentName();
                    JsonToken memberValue = parser.nextToken();
                    if (memberValue == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    switch (member) {
                        case "dir": file(parser, FieldTag.DIR_PATH); break;
                        case "filename": writer.putString(FieldTag.FILENAME, text(parser, member)); break;
                        case "mode": writer.putInt(FieldTag.MODE, (int) integer(parser, member)); break;
                        default: parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private void acl(JsonParser parser, JsonToken value) throws IOException, MalformedEventException {
        if (value == JsonToken.VALUE_STRING) {
            writer.putString(FieldTag.ACL_TEXT, parser.getText());
        } else if (value == JsonToken.START_OBJECT) {
            // setacl's union {acl_t set}: rendering not confirmed; accept {"set": "text"}.
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken member = parser.nextToken();
                if ("set".equals(key) && member == JsonToken.VALUE_STRING) {
                    writer.putString(FieldTag.ACL_TEXT, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } else {
            parser.skipChildren();
        }
    }

    private void attrlist(JsonParser parser) throws IOException, MalformedEventException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            FieldTag tag;
            switch (key) {
                case "commonattr": tag = FieldTag.ATTR_COMMON; break;
                case "volattr": tag = FieldTag.ATTR_VOLUME; break;
                case "dirattr": tag = FieldTag.ATTR_DIRECTORY; break;
                case "fileattr": tag = FieldTag.ATTR_FILE; break;
                case "forkattr": tag = FieldTag.ATTR_FORK; break;
                default:
                    parser.skipChildren();
                    continue;
            }
            writer.putInt(tag, (int) integer(parser, key));
        }
    }

    private void statfs(JsonParser parser) throws IOException, MalformedEventException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (key) {
                case "f_bsize": writer.putInt(FieldTag.STATFS_BSIZE, (int) integer(parser, key)); break;
                case "f_iosize": writer.putInt(FieldTag.STATFS_IOSIZE, (int) integer(parser, key)); break;
                case "f_blocks": writer.putLong(FieldTag.STATFS_BLOCKS, integer(parser, key)); break;
                case "f_bfree": writer.putLong(FieldTag.STATFS_BFREE, integer(parser, key)); break;
                case "f_bavail": writer.putLong(FieldTag.STATFS_BAVAIL, integer(parser, key)); break;
                case "f_files": writer.putLong(FieldTag.STATFS_FILES, integer(parser, key)); break;
                case "f_ffree": writer.putLong(FieldTag.STATFS_FFREE, integer(parser, key)); break;
                case "f_owner": writer.putInt(FieldTag.STATFS_OWNER, (int) integer(parser, key)); break;
                case "f_type": writer.putInt(FieldTag.STATFS_TYPE, (int) integer(parser, key)); break;
                case "f_flags": writer.putInt(FieldTag.STATFS_FLAGS, (int) integer(parser, key)); break;
                case "f_fssubtype": writer.putInt(FieldTag.STATFS_FSSUBTYPE, (int) integer(parser, key)); break;
                case "f_flags_ext": writer.putInt(FieldTag.STATFS_FLAGS_EXT, (int) integer(parser, key)); break;
                case "f_fstypename": writer.putString(FieldTag.STATFS_FSTYPENAME, text(parser, key)); break;
                case "f_mntonname": writer.putString(FieldTag.STATFS_MNTONNAME, text(parser, key)); break;
                case "f_mntfromname": writer.putString(FieldTag.STATFS_MNTFROMNAME, text(parser, key)); break;
                case "f_fsid": {
                    expect(value, JsonToken.START_ARRAY, "f_fsid is an array of two numbers");
                    long[] words = new long[2];
                    int i = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        long word = integer(parser, key);
                        if (i < 2) {
                            words[i] = word & 0xffffffffL;
                        }
                        i++;
                    }
                    writer.putLong(FieldTag.STATFS_FSID, words[0] | words[1] << 32);
                    break;
                }
                default:
                    parser.skipChildren();
            }
        }
    }

    private void args(JsonParser parser, String key) throws IOException, MalformedEventException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, key + " is an array of strings");
        List<byte[]> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(text(parser, key).getBytes(StandardCharsets.UTF_8));
        }
        writer.putExecArgs(items);
    }

    private void timespec(JsonParser parser, FieldTag tag, String key) throws IOException, MalformedEventException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            long seconds = 0;
            long nanos = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                parser.nextToken();
                if ("tv_sec".equals(member)) {
                    seconds = integer(parser, member);
                } else if ("tv_nsec".equals(member)) {
                    nanos = integer(parser, member);
                } else {
                    parser.skipChildren();
                }
            }
            writer.putTimespec(tag, seconds, nanos);
            return;
        }
        Instant instant = instant(text(parser, key), key);
        writer.putTimespec(tag, instant.getEpochSecond(), instant.getNano());
    }

    private static long timeNanos(String text, String key) throws MalformedEventException {
        Instant instant = instant(text, key);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static Instant instant(String text, String key) throws MalformedEventException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(key + " '" + text + "' is not an RFC 3339 time");
        }
    }

    private static byte[] hex(String text) throws MalformedEventException {
        if ((text.length() & 1) != 0) {
            throw new MalformedEventException("cdhash '" + text + "' is not hex");
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(text.charAt(2 * i), 16);
            int low = Character.digit(text.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new MalformedEventException("cdhash '" + text + "' is not hex");
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** A JSON integer as the 64 bits of its value: unsigned 64-bit numbers keep their bits. */
    private static long integer(JsonParser parser, String key) throws IOException, MalformedEventException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedEventException(key + " is not an integer: " + parser.getText());
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            java.math.BigInteger big = parser.getBigIntegerValue();
            if (big.bitLength() > 64) {
                throw new MalformedEventException(key + " " + big + " does not fit 64 bits");
            }
            return big.longValue();
        }
        return parser.getLongValue();
    }

    private static String text(JsonParser parser, String key) throws IOException, MalformedEventException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedEventException(key + " is not a string: " + parser.getText());
        }
        return parser.getText();
    }

    private static boolean bool(JsonParser parser, String key) throws IOException, MalformedEventException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new MalformedEventException(key + " is not a boolean: " + parser.getText());
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws MalformedEventException {
        if (actual != expected) {
            throw new MalformedEventException(what);
        }
    }
}
