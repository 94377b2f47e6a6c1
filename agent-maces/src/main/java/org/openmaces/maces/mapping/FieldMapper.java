package org.openmaces.maces.mapping;

import static org.openmaces.maces.mapping.MacesFields.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.openmaces.core.record.LogRecord;
import org.openmaces.maces.event.EsEvent;
import org.openmaces.maces.record.FieldTag;
import org.openmaces.maces.record.RecordDecoder;

/**
 * Turns one decoded record into the im_maces {@link LogRecord}: every documented {@code $Field}
 * the event has, with its documented type (endpoint-security.md §5). A field is left out when ES
 * gave no value (absent member, NULL pointer, empty string token, a version gate that fails); no
 * value is ever invented. {@code $raw_event} lists the fields set, in order.
 *
 * <p>Hot path: the decoder is a flyweight, field names are resolved once ({@link MacesFields}),
 * repeating process strings come from a cache. One mapper per thread.
 */
public final class FieldMapper {
    /** Message version above which $MessageSequence, $ProcessTty and $ACL are set (the module documentation's "> 2"). */
    public static final int VERSION_GATE = 2;
    private static final int EXPECTED_FIELDS = 48;

    private final RecordAssembler out = new RecordAssembler();
    private final StringCache processStrings = new StringCache(1024, 512);
    private final StringCache cdhashes = new StringCache(256, 64, true);
    private final ProcessCache processes = new ProcessCache(512);
    private final ProcessCache targetProcesses = new ProcessCache(256);
    // Event paths repeat too (open, then close, of the same file); a miss costs one hash.
    private final StringCache eventStrings = new StringCache(4096, 1024);
    private final Function<byte[], String> aclRenderer;
    private final StringBuilder scratch = new StringBuilder(256);
    private final StringBuilder rawScratch = new StringBuilder(256);
    private final StringBuilder argument = new StringBuilder(128);

    /**
     * @param aclRenderer turns an {@link FieldTag#ACL} external form into text ({@code acl_to_text});
     *     returns null when it cannot (then $ACL is left out)
     */
    public FieldMapper(Function<byte[], String> aclRenderer) {
        this.aclRenderer = aclRenderer;
    }

    /** Maps the wrapped record; null when its event type is none of the 51 NotifyEvents. */
    public LogRecord map(RecordDecoder record) {
        EsEvent event = EsEvent.ofType(record.eventType());
        if (event == null) {
            return null;
        }
        int version = record.messageVersion();
        out.begin(EXPECTED_FIELDS);
        out.string(EVENT_TYPE, event.eventName());
        out.datetime(EVENT_TIME, Math.floorDiv(record.timeNanos(), 1000L));
        out.string(MACH_TIMESTAMP, Long.toUnsignedString(record.machTime()));
        out.integer(MESSAGE_VERSION, version);
        if (version > VERSION_GATE) {
            out.integer(MESSAGE_SEQUENCE, record.seqNum());
        }
        process(record, PROCESS, FieldTag.PROCESS_AUDIT_TOKEN, version);
        event(record, event, version);
        if (record.has(FieldTag.TARGET_AUDIT_TOKEN)) {
            process(record, TARGET_PROCESS, FieldTag.TARGET_AUDIT_TOKEN, version);
            if (event == EsEvent.EXEC && record.has(FieldTag.EXEC_ARGS)) {
                if (asciiArguments(record)) {
                    out.rendered(TARGET_PROCESS_ARGS, new String(argsValue, 0, argsValueLength, StandardCharsets.ISO_8859_1),
                            new String(argsRaw, 0, argsRawLength, StandardCharsets.ISO_8859_1));
                } else {
                    String value = arguments(record);
                    out.rendered(TARGET_PROCESS_ARGS, value, rawScratch.toString());
                }
            }
        }
        return out.finish();
    }

    /**
     * The process fields, from the cache when the record's process fields are one run of bytes seen
     * before (the shim writes them together; eslogger's key order may not).
     */
    private void process(RecordDecoder record, ProcessFields fields, FieldTag token, int version) {
        boolean target = token == FieldTag.TARGET_AUDIT_TOKEN;
        int first = target ? FieldTag.TARGET_AUDIT_TOKEN.code() : FieldTag.PROCESS_AUDIT_TOKEN.code();
        int start = Integer.MAX_VALUE;
        int end = 0;
        int bytes = 0;
        for (int code = first; code <= first + 0x0c; code++) {
            FieldTag tag = FieldTag.ofCode(code);
            if (tag != null && record.has(tag)) {
                int headerAt = record.valueOffset(tag) - org.openmaces.maces.record.RecordFormat.FIELD_HEADER_LENGTH;
                int fieldEnd = record.valueOffset(tag) + ((record.valueLength(tag) + 7) & ~7);
                start = Math.min(start, headerAt);
                end = Math.max(end, fieldEnd);
                bytes += fieldEnd - headerAt;
            }
        }
        boolean gated = version > VERSION_GATE;
        if (bytes == 0 || end - start != bytes) {
            processFields(record, fields, token, version);
            return;
        }
        ProcessCache cache = target ? targetProcesses : processes;
        ProcessCache.Entry cached = cache.find(record.buffer(), start, bytes, gated);
        if (cached != null) {
            out.replay(cached);
            return;
        }
        int fromField = out.fieldCount();
        int fromPiece = out.pieceCount();
        processFields(record, fields, token, version);
        ProcessCache.Entry made = out.capture(fromField, fromPiece);
        cache.put(record.buffer(), start, bytes, gated, made.names(), made.values(), made.raw());
    }

    private void processFields(RecordDecoder record, ProcessFields fields, FieldTag token, int version) {
        // TARGET_x == PROCESS_x + 0x20 (RECORD_FORMAT.md); offset from the token tag.
        boolean target = token == FieldTag.TARGET_AUDIT_TOKEN;
        if (record.has(token)) {
            out.integer(fields.pid, record.getAuditTokenWord(token, 5));
            out.integer(fields.pidVersion, record.getAuditTokenWord(token, 7));
            out.integer(fields.uid, record.getAuditTokenWord(token, 0));
            out.integer(fields.effectiveUid, record.getAuditTokenWord(token, 1));
            out.integer(fields.effectiveGid, record.getAuditTokenWord(token, 2));
            out.integer(fields.realUid, record.getAuditTokenWord(token, 3));
            out.integer(fields.realGid, record.getAuditTokenWord(token, 4));
        }
        integer(record, target ? FieldTag.TARGET_PPID : FieldTag.PROCESS_PPID, fields.parentPid);
        integer(record, target ? FieldTag.TARGET_ORIGINAL_PPID : FieldTag.PROCESS_ORIGINAL_PPID, fields.originalParentPid);
        integer(record, target ? FieldTag.TARGET_SESSION_ID : FieldTag.PROCESS_SESSION_ID, fields.sessionId);
        FieldTag flags = target ? FieldTag.TARGET_CODESIGNING_FLAGS : FieldTag.PROCESS_CODESIGNING_FLAGS;
        if (record.has(flags)) {
            Formats.Rendered text = Formats.codesigningFlagsRendered((int) record.getLong(flags));
            out.rendered(fields.codesigningFlags, text.value(), text.raw());
        }
        bool(record, target ? FieldTag.TARGET_IS_PLATFORM_BINARY : FieldTag.PROCESS_IS_PLATFORM_BINARY,
                fields.platformBinary);
        bool(record, target ? FieldTag.TARGET_IS_ES_CLIENT : FieldTag.PROCESS_IS_ES_CLIENT, fields.esClient);
        FieldTag cdhash = target ? FieldTag.TARGET_CDHASH : FieldTag.PROCESS_CDHASH;
        if (record.has(cdhash) && record.valueLength(cdhash) > 0) {
            String hex = cdhashes.get(record.buffer(), record.valueOffset(cdhash), record.valueLength(cdhash));
            String rendered = cdhashes.lastRendered();
            if (hex != null && rendered != null) {
                out.rendered(fields.codeDirectoryHash, hex, rendered);
            } else if (hex != null) {
                out.string(fields.codeDirectoryHash, hex); // longer than the cache keeps: not rendered
            }
        }
        cachedString(record, target ? FieldTag.TARGET_SIGNING_ID : FieldTag.PROCESS_SIGNING_ID, fields.signingId);
        cachedString(record, target ? FieldTag.TARGET_TEAM_ID : FieldTag.PROCESS_TEAM_ID, fields.teamId);
        cachedString(record, target ? FieldTag.TARGET_EXECUTABLE : FieldTag.PROCESS_EXECUTABLE, fields.executable);
        if (version > VERSION_GATE) {
            cachedString(record, target ? FieldTag.TARGET_TTY : FieldTag.PROCESS_TTY, fields.tty);
        }
    }

    private void event(RecordDecoder record, EsEvent event, int version) {
        switch (event) {
            case ACCESS:
                string(record, FieldTag.TARGET_PATH, FILE);
                integer(record, FieldTag.ACCESS_MODE, ACCESS_MODE);
                break;
            case CHDIR: case CHROOT: case DUP: case FSGETPATH: case LISTEXTATTR: case READDIR: case STAT:
            case TRUNCATE: case WRITE:
                string(record, FieldTag.TARGET_PATH, FILE);
                break;
            case FCNTL:
                string(record, FieldTag.TARGET_PATH, FILE);
                integer(record, FieldTag.CMD, COMMAND);
                break;
            case GETEXTATTR: case SETEXTATTR: case DELETEEXTATTR:
                string(record, FieldTag.TARGET_PATH, FILE);
                string(record, FieldTag.EXTATTR, EXTENDED_ATTRIBUTES);
                break;
            case GETATTRLIST: case SETATTRLIST:
                string(record, FieldTag.TARGET_PATH, FILE);
                integer(record, FieldTag.ATTR_COMMON, COMMON_ATTRIBUTES);
                integer(record, FieldTag.ATTR_VOLUME, VOLUME_ATTRIBUTES);
                integer(record, FieldTag.ATTR_DIRECTORY, DIRECTORY_ATTRIBUTES);
                integer(record, FieldTag.ATTR_FILE, FILE_ATTRIBUTES);
                integer(record, FieldTag.ATTR_FORK, FORK_ATTRIBUTES);
                break;
            case SETFLAGS:
                string(record, FieldTag.TARGET_PATH, FILE);
                integer(record, FieldTag.FLAGS, FILE_FLAGS);
                break;
            case SETMODE:
                string(record, FieldTag.TARGET_PATH, FILE);
                integer(record, FieldTag.MODE, FILE_MODE);
                break;
            case SETOWNER:
                string(record, FieldTag.TARGET_PATH, FILE);
                integer(record, FieldTag.UID, UID);
                integer(record, FieldTag.GID, GID);
                break;
            case UTIMES:
                string(record, FieldTag.TARGET_PATH, FILE);
                timespec(record, FieldTag.ATIME, ACCESS_TIME);
                timespec(record, FieldTag.MTIME, MODIFIED_TIME);
                break;
            case UNLINK:
                string(record, FieldTag.TARGET_PATH, FILE);
                string(record, FieldTag.PARENT_DIR_PATH, DIRECTORY);
                break;
            case SETACL:
                string(record, FieldTag.TARGET_PATH, FILE);
                if (record.has(FieldTag.SET_OR_CLEAR)) {
                    boolean set = record.getLong(FieldTag.SET_OR_CLEAR) == 0;
                    out.string(ACL_ACTION, set ? "set" : "clear");
                    if (set) {
                        acl(record, version);
                    }
                }
                break;
            case CLOSE:
                string(record, FieldTag.TARGET_PATH, FILE);
                bool(record, FieldTag.MODIFIED, MODIFIED);
                break;
            case OPEN:
                string(record, FieldTag.FILE_PATH, FILE);
                integer(record, FieldTag.FFLAG, OPEN_FLAGS);
                break;
            case CREATE:
                destination(record, FILE, true);
                acl(record, version);
                break;
            case RENAME:
                string(record, FieldTag.SOURCE_PATH, FILE);
                destination(record, TARGET_FILE, false);
                break;
            case LINK:
                string(record, FieldTag.SOURCE_PATH, FILE);
                composed(record, FieldTag.TARGET_DIR_PATH, FieldTag.TARGET_FILENAME, TARGET_FILE);
                string(record, FieldTag.TARGET_DIR_PATH, DIRECTORY);
                string(record, FieldTag.TARGET_FILENAME, FILENAME);
                break;
            case CLONE:
                string(record, FieldTag.SOURCE_PATH, FILE);
                composed(record, FieldTag.TARGET_DIR_PATH, FieldTag.TARGET_NAME, TARGET_FILE);
                string(record, FieldTag.TARGET_DIR_PATH, DIRECTORY);
                string(record, FieldTag.TARGET_NAME, FILENAME);
                break;
            case READLINK:
                string(record, FieldTag.SOURCE_PATH, FILE);
                break;
            case FILE_PROVIDER_MATERIALIZE:
                string(record, FieldTag.SOURCE_PATH, FILE);
                string(record, FieldTag.TARGET_PATH, TARGET_FILE);
                break;
            case FILE_PROVIDER_UPDATE:
                string(record, FieldTag.SOURCE_PATH, FILE);
                string(record, FieldTag.PROVIDER_TARGET_PATH, TARGET_FILE);
                break;
            case LOOKUP:
                string(record, FieldTag.SOURCE_DIR_PATH, DIRECTORY);
                string(record, FieldTag.RELATIVE_TARGET, FILENAME);
                break;
            case EXCHANGEDATA:
                string(record, FieldTag.FILE1_PATH, FIRST_FILE);
                string(record, FieldTag.FILE2_PATH, SECOND_FILE);
                break;
            case MMAP:
                string(record, FieldTag.SOURCE_PATH, FILE);
                integer(record, FieldTag.PROTECTION, MEMORY_MAP_PROTECTION);
                integer(record, FieldTag.MAX_PROTECTION, MEMORY_MAP_MAX_PROTECTION);
                integer(record, FieldTag.MMAP_FLAGS, MEMORY_MAP_FLAGS);
                integer(record, FieldTag.FILE_POS, MEMORY_MAP_FILE_POSITION);
                break;
            case MPROTECT:
                integer(record, FieldTag.PROTECTION, PROTECTION);
                integer(record, FieldTag.ADDRESS, MEMORY_ADDRESS);
                integer(record, FieldTag.SIZE, MEMORY_SIZE);
                break;
            case MOUNT: case UNMOUNT:
                integer(record, FieldTag.STATFS_BSIZE, BLOCK_SIZE);
                integer(record, FieldTag.STATFS_IOSIZE, TRANSFER_BLOCK_SIZE);
                integer(record, FieldTag.STATFS_BLOCKS, TOTAL_DATA_BLOCKS);
                integer(record, FieldTag.STATFS_BFREE, FREE_BLOCKS);
                integer(record, FieldTag.STATFS_BAVAIL, AVAILABLE_BLOCKS);
                integer(record, FieldTag.STATFS_FILES, TOTAL_FILE_NODES);
                integer(record, FieldTag.STATFS_FFREE, FREE_FILE_NODES);
                integer(record, FieldTag.STATFS_FSID, FILESYSTEM_ID);
                integer(record, FieldTag.STATFS_OWNER, OWNER_UID);
                integer(record, FieldTag.STATFS_TYPE, FILESYSTEM_TYPE);
                integer(record, FieldTag.STATFS_FSSUBTYPE, FILESYSTEM_SUB_TYPE);
                integer(record, FieldTag.STATFS_FLAGS, MOUNT_FLAGS);
                integer(record, FieldTag.STATFS_FLAGS_EXT, EXTENDED_FLAGS);
                string(record, FieldTag.STATFS_FSTYPENAME, FILESYSTEM_TYPE_NAME);
                string(record, FieldTag.STATFS_MNTONNAME, MOUNTED_ON);
                string(record, FieldTag.STATFS_MNTFROMNAME, MOUNTED_FROM);
                break;
            case EXIT:
                if (record.has(FieldTag.EXIT_STATUS)) {
                    int code = Formats.exitCode((int) record.getLong(FieldTag.EXIT_STATUS));
                    if (code >= 0) {
                        out.integer(EXIT_CODE, code);
                    }
                }
                break;
            case SIGNAL:
                if (record.has(FieldTag.SIGNAL)) {
                    out.string(SIGNAL, Formats.signal((int) record.getLong(FieldTag.SIGNAL)));
                }
                break;
            case PROC_CHECK:
                if (record.has(FieldTag.PROC_CHECK_TYPE)) {
                    long type = record.getLong(FieldTag.PROC_CHECK_TYPE);
                    out.string(PROCESS_CHECK_TYPE, Formats.procCheckType(type));
                    if (record.has(FieldTag.PROC_CHECK_FLAVOR)) {
                        out.string(PROCESS_CHECK_FLAVOR,
                                Formats.procCheckFlavor(type, (int) record.getLong(FieldTag.PROC_CHECK_FLAVOR)));
                    }
                }
                break;
            case KEXTLOAD: case KEXTUNLOAD:
                string(record, FieldTag.IDENTIFIER, KERNEL_EXTENSION);
                break;
            case IOKIT_OPEN:
                string(record, FieldTag.USER_CLIENT_CLASS, CLIENT_CLASS);
                if (record.has(FieldTag.USER_CLIENT_TYPE)) {
                    out.string(CLIENT_TYPE, Long.toString(record.getLong(FieldTag.USER_CLIENT_TYPE)));
                }
                break;
            case PTY_GRANT: case PTY_CLOSE:
                integer(record, FieldTag.DEV, DEVICE_VERSION);
                break;
            case UIPC_BIND:
                composed(record, FieldTag.DIR_PATH, FieldTag.FILENAME, FILE);
                string(record, FieldTag.DIR_PATH, DIRECTORY);
                string(record, FieldTag.FILENAME, FILENAME);
                integer(record, FieldTag.MODE, SOCKET_MODE);
                break;
            case UIPC_CONNECT:
                string(record, FieldTag.FILE_PATH, FILE);
                integer(record, FieldTag.SOCKET_DOMAIN, DOMAIN);
                integer(record, FieldTag.SOCKET_TYPE, SOCKET_TYPE);
                integer(record, FieldTag.SOCKET_PROTOCOL, PROTOCOL);
                break;
            default:
                // exec, fork, get_task: target process only; settime: message and process fields only.
                break;
        }
    }

    /** create and rename: an existing file, or a new path (directory, name, and for create a mode). */
    private void destination(RecordDecoder record, org.openmaces.core.record.FieldName path, boolean create) {
        if (!record.has(FieldTag.DESTINATION_TYPE)) {
            return;
        }
        boolean existing = record.getLong(FieldTag.DESTINATION_TYPE) == 0;
        if (existing) {
            string(record, FieldTag.EXISTING_FILE_PATH, path);
        } else {
            composed(record, FieldTag.DIR_PATH, FieldTag.FILENAME, path);
            string(record, FieldTag.DIR_PATH, DIRECTORY);
            string(record, FieldTag.FILENAME, FILENAME);
            if (create) {
                integer(record, FieldTag.MODE, CREATE_MODE);
            }
        }
        out.bool(EXISTING_FILE, existing);
    }

    private void acl(RecordDecoder record, int version) {
        if (version <= VERSION_GATE) {
            return;
        }
        String text = null;
        if (record.has(FieldTag.ACL_TEXT)) {
            text = record.getString(FieldTag.ACL_TEXT);
        } else if (record.has(FieldTag.ACL)) {
            text = aclRenderer.apply(record.getBytes(FieldTag.ACL));
        }
        if (text != null && !text.isEmpty()) {
            out.string(ACL, text);
        }
    }

    /** {@code dir + "/" + name}, without doubling the slash when the directory ends with one. */
    private void composed(RecordDecoder record, FieldTag directory, FieldTag name,
            org.openmaces.core.record.FieldName field) {
        if (!record.has(directory) || !record.has(name) || record.valueLength(directory) == 0) {
            return;
        }
        String dir = record.getString(directory);
        String file = record.getString(name);
        out.string(field, dir.endsWith("/") ? dir + file : dir + '/' + file);
    }

    private byte[] argsValue = new byte[4096];
    private byte[] argsRaw = new byte[8192];
    private byte[] argBytes = new byte[1024];
    private int argsValueLength;
    private int argsRawLength;
    private boolean argsAscii;

    /**
     * The fast path of {@link #arguments} for arguments that are all ASCII (nearly always): both
     * texts are written as bytes in one pass. False, with nothing to use, when an argument is not ASCII.
     */
    private boolean asciiArguments(RecordDecoder record) {
        argsValueLength = 0;
        argsRawLength = 0;
        argsAscii = true;
        value('[');
        raw('"');
        raw('[');
        record.forEachListItem(FieldTag.EXEC_ARGS, (index, buffer, offset, length) -> {
            if (!argsAscii) {
                return;
            }
            if (index > 0) {
                value(',');
                value(' ');
                raw(',');
                raw(' ');
            }
            if (argBytes.length < length) {
                argBytes = new byte[Math.max(length, argBytes.length * 2)];
            }
            buffer.get(offset, argBytes, 0, length);
            ensureArgsRoom(6 * length + 16);
            value('"');
            raw('\\');
            raw('"');
            for (int i = 0; i < length; i++) {
                byte b = argBytes[i];
                if (b < 0) {
                    argsAscii = false;
                    return;
                }
                if (b == '"' || b == '\\') {
                    value('\\');
                    value(b);
                    raw('\\');
                    raw('\\');
                    raw('\\');
                    raw(b);
                } else if (b < 0x20) {
                    byte high = (byte) HEX_DIGITS[b >> 4];
                    byte low = (byte) HEX_DIGITS[b & 0xf];
                    value('\\');
                    raw('\\');
                    raw('\\');
                    for (byte c : new byte[] {'u', '0', '0', high, low}) {
                        value(c);
                        raw(c);
                    }
                } else {
                    argsValue[argsValueLength++] = b;
                    argsRaw[argsRawLength++] = b;
                }
            }
            value('"');
            raw('\\');
            raw('"');
        });
        value(']');
        raw(']');
        raw('"');
        return argsAscii;
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private void ensureArgsRoom(int more) {
        if (argsValueLength + more + 8 > argsValue.length) {
            argsValue = java.util.Arrays.copyOf(argsValue, Math.max(argsValue.length * 2, argsValueLength + more + 8));
        }
        if (argsRawLength + 2 * more + 8 > argsRaw.length) {
            argsRaw = java.util.Arrays.copyOf(argsRaw, Math.max(argsRaw.length * 2, argsRawLength + 2 * more + 8));
        }
    }

    private void value(int b) {
        if (argsValueLength == argsValue.length) {
            argsValue = java.util.Arrays.copyOf(argsValue, argsValue.length * 2);
        }
        argsValue[argsValueLength++] = (byte) b;
    }

    private void raw(int b) {
        if (argsRawLength == argsRaw.length) {
            argsRaw = java.util.Arrays.copyOf(argsRaw, argsRaw.length * 2);
        }
        argsRaw[argsRawLength++] = (byte) b;
    }

    /**
     * $TargetProcessArgs, and in {@link #rawScratch} its $raw_event rendering, made in the same pass
     * (the list is always quoted there: it has spaces and quotes).
     */
    private String arguments(RecordDecoder record) {
        scratch.setLength(0);
        rawScratch.setLength(0);
        scratch.append('[');
        rawScratch.append("\"[");
        record.forEachListItem(FieldTag.EXEC_ARGS, (index, buffer, offset, length) -> {
            if (index > 0) {
                scratch.append(", ");
                rawScratch.append(", ");
            }
            argument.setLength(0);
            Formats.appendJsonString(argument, decode(buffer, offset, length));
            scratch.append(argument);
            int run = 0;
            for (int i = 0; i < argument.length(); i++) {
                char c = argument.charAt(i);
                if (c == '"' || c == '\\') {
                    rawScratch.append(argument, run, i).append('\\');
                    run = i;
                }
            }
            rawScratch.append(argument, run, argument.length());
        });
        rawScratch.append("]\"");
        return scratch.append(']').toString();
    }

    private static String decode(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void string(RecordDecoder record, FieldTag tag, org.openmaces.core.record.FieldName field) {
        if (record.has(tag) && record.valueLength(tag) > 0) {
            String value = eventStrings.get(record.buffer(), record.valueOffset(tag), record.valueLength(tag));
            String rendered = eventStrings.lastRendered();
            if (rendered != null) {
                out.rendered(field, value, rendered);
            } else {
                out.string(field, value);
            }
        }
    }

    private void cachedString(RecordDecoder record, FieldTag tag, org.openmaces.core.record.FieldName field) {
        if (record.has(tag) && record.valueLength(tag) > 0) {
            String value = processStrings.get(record.buffer(), record.valueOffset(tag), record.valueLength(tag));
            String rendered = processStrings.lastRendered();
            if (rendered != null) {
                out.rendered(field, value, rendered);
            } else {
                out.string(field, value);
            }
        }
    }

    private void integer(RecordDecoder record, FieldTag tag, org.openmaces.core.record.FieldName field) {
        if (record.has(tag)) {
            out.integer(field, record.getLong(tag));
        }
    }

    private void bool(RecordDecoder record, FieldTag tag, org.openmaces.core.record.FieldName field) {
        if (record.has(tag)) {
            out.bool(field, record.getBoolean(tag));
        }
    }

    private void timespec(RecordDecoder record, FieldTag tag, org.openmaces.core.record.FieldName field) {
        if (record.has(tag)) {
            long micros = record.getTimespecSeconds(tag) * 1_000_000L + Math.floorDiv(record.getTimespecNanos(tag), 1000L);
            out.datetime(field, micros);
        }
    }
}
