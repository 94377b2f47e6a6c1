package org.openmaces.maces.mapping;

import static org.openmaces.core.record.ValueType.BOOLEAN;
import static org.openmaces.core.record.ValueType.DATETIME;
import static org.openmaces.core.record.ValueType.INTEGER;
import static org.openmaces.core.record.ValueType.STRING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openmaces.core.module.FieldSpec;
import org.openmaces.core.record.FieldName;
import org.openmaces.core.record.ValueType;

/**
 * Every {@code $Field} im_maces sets, resolved once, with its documented type (the im_maces
 * documentation's field list; names and types must not change). {@link #SPECS} is what the
 * module declares for Exec lint.
 */
public final class MacesFields {
    private static final List<FieldSpec> SPECS_BUILDING = new ArrayList<>();

    public static final FieldName RAW_EVENT = field("raw_event", STRING, "the event's fields as key-value pairs");
    public static final FieldName EVENT_TYPE = field("EventType", STRING, "the Endpoint Security event name, e.g. exec");
    public static final FieldName EVENT_TIME = field("EventTime", DATETIME, "the date and time of the event");
    public static final FieldName MACH_TIMESTAMP = field("MachTimestamp", STRING, "Mach absolute time of the event (ticks)");
    public static final FieldName MESSAGE_VERSION = field("MessageVersion", INTEGER, "the event message version");
    public static final FieldName MESSAGE_SEQUENCE = field("MessageSequence", INTEGER,
            "per-client, per-event-type sequence number ($MessageVersion > 2)");

    /** The process fields, once for {@code $Process...} and once for {@code $TargetProcess...}. */
    public static final class ProcessFields {
        public final FieldName pid;
        public final FieldName pidVersion;
        public final FieldName uid;
        public final FieldName effectiveUid;
        public final FieldName effectiveGid;
        public final FieldName realUid;
        public final FieldName realGid;
        public final FieldName parentPid;
        public final FieldName originalParentPid;
        public final FieldName sessionId;
        public final FieldName codesigningFlags;
        public final FieldName platformBinary;
        public final FieldName esClient;
        public final FieldName codeDirectoryHash;
        public final FieldName signingId;
        public final FieldName teamId;
        public final FieldName executable;
        public final FieldName tty;

        ProcessFields(String prefix, String which) {
            pid = field(prefix + "PID", INTEGER, "the PID of the " + which);
            pidVersion = field(prefix + "PIDVersion", INTEGER, "the PID version of the " + which);
            uid = field(prefix + "UID", INTEGER, "the audit UID of the " + which);
            effectiveUid = field(prefix + "EffectiveUID", INTEGER, "the effective UID of the " + which);
            effectiveGid = field(prefix + "EffectiveGID", INTEGER, "the effective GID of the " + which);
            realUid = field(prefix + "RealUID", INTEGER, "the real UID of the " + which);
            realGid = field(prefix + "RealGID", INTEGER, "the real GID of the " + which);
            parentPid = field(prefix + "ParentPID", INTEGER, "the PID of the " + which + "' parent");
            originalParentPid = field(prefix + "OriginalParentPID", INTEGER, "the PID of the " + which + "' original parent");
            sessionId = field(prefix + "SessionID", INTEGER, "the session ID of the " + which);
            codesigningFlags = field(prefix + "CodesigningFlags", STRING, "codesigning flags of the " + which
                    + ", hex and names");
            platformBinary = field(prefix + "PlatformBinary", BOOLEAN, "true if the " + which + " is a platform binary");
            esClient = field(prefix + "ESClient", BOOLEAN, "true if the " + which + " is an Endpoint Security client");
            codeDirectoryHash = field(prefix + "CodeDirectoryHash", STRING, "the code directory hash of the " + which);
            signingId = field(prefix + "SigningID", STRING, "the signing identifier of the " + which);
            teamId = field(prefix + "TeamID", STRING, "the team identifier of the " + which);
            executable = field(prefix + "Executable", STRING, "the path to the executable of the " + which);
            tty = field(prefix + "Tty", STRING, "the tty of the " + which + " ($MessageVersion > 2)");
        }
    }

    public static final ProcessFields PROCESS = new ProcessFields("Process", "source process");
    public static final ProcessFields TARGET_PROCESS = new ProcessFields("TargetProcess", "target process");
    public static final FieldName TARGET_PROCESS_ARGS = field("TargetProcessArgs", STRING,
            "the exec arguments of the target process, as a list of JSON strings");

    public static final FieldName FILE = field("File", STRING, "path to the main file of the event");
    public static final FieldName TARGET_FILE = field("TargetFile", STRING, "full path to the target file");
    public static final FieldName DIRECTORY = field("Directory", STRING, "target directory");
    public static final FieldName FILENAME = field("Filename", STRING, "target filename, relative to $Directory");
    public static final FieldName EXISTING_FILE = field("ExistingFile", BOOLEAN, "true if the file already existed");
    public static final FieldName FIRST_FILE = field("FirstFile", STRING, "the first file to be exchanged");
    public static final FieldName SECOND_FILE = field("SecondFile", STRING, "the second file to be exchanged");
    public static final FieldName ACCESS_MODE = field("AccessMode", INTEGER, "access(2) mode");
    public static final FieldName OPEN_FLAGS = field("OpenFlags", INTEGER, "kernel FFLAGS of the open");
    public static final FieldName CREATE_MODE = field("CreateMode", INTEGER, "mode of a created file");
    public static final FieldName MODIFIED = field("Modified", BOOLEAN, "true if the file was modified before close");
    public static final FieldName COMMAND = field("Command", INTEGER, "the fcntl(2) command");
    public static final FieldName FILE_MODE = field("FileMode", INTEGER, "the new file mode");
    public static final FieldName FILE_FLAGS = field("FileFlags", INTEGER, "the new file flags");
    public static final FieldName UID = field("UID", INTEGER, "the new UID of the file");
    public static final FieldName GID = field("GID", INTEGER, "the new GID of the file");
    public static final FieldName ACCESS_TIME = field("AccessTime", DATETIME, "the new access time");
    public static final FieldName MODIFIED_TIME = field("ModifiedTime", DATETIME, "the new modification time");
    public static final FieldName EXTENDED_ATTRIBUTES = field("ExtendedAttributes", STRING, "the extended attribute name");
    public static final FieldName ACL = field("ACL", STRING, "the ACL as text ($MessageVersion > 2)");
    public static final FieldName ACL_ACTION = field("ACLAction", STRING, "set or clear");
    public static final FieldName COMMON_ATTRIBUTES = field("CommonAttributes", INTEGER, "attrlist commonattr");
    public static final FieldName VOLUME_ATTRIBUTES = field("VolumeAttributes", INTEGER, "attrlist volattr");
    public static final FieldName DIRECTORY_ATTRIBUTES = field("DirectoryAttributes", INTEGER, "attrlist dirattr");
    public static final FieldName FILE_ATTRIBUTES = field("FileAttributes", INTEGER, "attrlist fileattr");
    public static final FieldName FORK_ATTRIBUTES = field("ForkAttributes", INTEGER, "attrlist forkattr");
    public static final FieldName BLOCK_SIZE = field("BlockSize", INTEGER, "statfs f_bsize");
    public static final FieldName TRANSFER_BLOCK_SIZE = field("TransferBlockSize", INTEGER, "statfs f_iosize");
    public static final FieldName TOTAL_DATA_BLOCKS = field("TotalDataBlocks", INTEGER, "statfs f_blocks");
    public static final FieldName FREE_BLOCKS = field("FreeBlocks", INTEGER, "statfs f_bfree");
    public static final FieldName AVAILABLE_BLOCKS = field("AvailableBlocks", INTEGER, "statfs f_bavail");
    public static final FieldName TOTAL_FILE_NODES = field("TotalFileNodes", INTEGER, "statfs f_files");
    public static final FieldName FREE_FILE_NODES = field("FreeFileNodes", INTEGER, "statfs f_ffree");
    public static final FieldName FILESYSTEM_ID = field("FilesystemID", INTEGER, "statfs f_fsid");
    public static final FieldName OWNER_UID = field("OwnerUID", INTEGER, "statfs f_owner");
    public static final FieldName FILESYSTEM_TYPE = field("FilesystemType", INTEGER, "statfs f_type");
    public static final FieldName FILESYSTEM_SUB_TYPE = field("FilesystemSubType", INTEGER, "statfs f_fssubtype");
    public static final FieldName MOUNT_FLAGS = field("MountFlags", INTEGER, "statfs f_flags");
    public static final FieldName EXTENDED_FLAGS = field("ExtendedFlags", INTEGER, "statfs f_flags_ext");
    public static final FieldName FILESYSTEM_TYPE_NAME = field("FilesystemTypeName", STRING, "statfs f_fstypename");
    public static final FieldName MOUNTED_ON = field("MountedOn", STRING, "statfs f_mntonname");
    public static final FieldName MOUNTED_FROM = field("MountedFrom", STRING, "statfs f_mntfromname");
    public static final FieldName MEMORY_MAP_PROTECTION = field("MemoryMapProtection", INTEGER, "mmap protection");
    public static final FieldName MEMORY_MAP_MAX_PROTECTION = field("MemoryMapMaxProtection", INTEGER, "mmap max_protection");
    public static final FieldName MEMORY_MAP_FLAGS = field("MemoryMapFlags", INTEGER, "mmap flags");
    public static final FieldName MEMORY_MAP_FILE_POSITION = field("MemoryMapFilePosition", INTEGER, "mmap file offset");
    public static final FieldName PROTECTION = field("Protection", INTEGER, "mprotect protection");
    public static final FieldName MEMORY_ADDRESS = field("MemoryAddress", INTEGER, "mprotect address");
    public static final FieldName MEMORY_SIZE = field("MemorySize", INTEGER, "mprotect size");
    public static final FieldName EXIT_CODE = field("ExitCode", INTEGER, "the exit code passed to exit(2)");
    public static final FieldName SIGNAL = field("Signal", STRING, "signal name and number");
    public static final FieldName PROCESS_CHECK_TYPE = field("ProcessCheckType", STRING, "proc_check call type");
    public static final FieldName PROCESS_CHECK_FLAVOR = field("ProcessCheckFlavor", STRING, "proc_check flavor");
    public static final FieldName KERNEL_EXTENSION = field("KernelExtension", STRING, "the kernel extension identifier");
    public static final FieldName CLIENT_CLASS = field("ClientClass", STRING, "I/O Kit user client class");
    public static final FieldName CLIENT_TYPE = field("ClientType", STRING, "I/O Kit user client type");
    public static final FieldName DEVICE_VERSION = field("DeviceVersion", INTEGER, "the pseudoterminal device (dev_t)");
    public static final FieldName SOCKET_MODE = field("SocketMode", INTEGER, "mode of the socket file");
    public static final FieldName DOMAIN = field("Domain", INTEGER, "socket domain");
    public static final FieldName SOCKET_TYPE = field("SocketType", INTEGER, "socket type");
    public static final FieldName PROTOCOL = field("Protocol", INTEGER, "socket protocol");

    // Gap records (GapRecords TRUE): an OpenMacES addition, $EventType "lost".
    public static final FieldName LOST_EVENTS = field("LostEvents", INTEGER, "gap record: how many events were lost");
    public static final FieldName LOST_EVENT_TYPE = field("LostEventType", STRING, "gap record: the event type lost");
    public static final FieldName LOST_SEQUENCE_FIRST = field("LostSequenceFirst", INTEGER,
            "gap record: first missing sequence number");
    public static final FieldName LOST_SEQUENCE_LAST = field("LostSequenceLast", INTEGER,
            "gap record: last missing sequence number");
    public static final FieldName LOST_REASON = field("LostReason", STRING, "gap record: what detected the loss");

    /** Every field with its documented type, for {@code ModuleProvider.fields()}. */
    public static final List<FieldSpec> SPECS = Collections.unmodifiableList(new ArrayList<>(SPECS_BUILDING));

    /** Exec's read-only alias ({@code $Executable}, from the documentation's Example 4). */
    public static final String EXECUTABLE_ALIAS = "Executable";

    private MacesFields() {
    }

    private static FieldName field(String name, ValueType type, String description) {
        SPECS_BUILDING.add(new FieldSpec(name, type, description));
        return FieldName.of(name);
    }
}
