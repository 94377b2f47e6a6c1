package org.openmaces.maces.record;

/**
 * The tags of the ring record format: the Java copy of the one field catalog,
 * {@code native/include/nxes_fields.def}. Same names, tag numbers and kinds, in the same order;
 * {@code FieldTagTest} parses the C catalog and fails when the two disagree.
 *
 * <p>{@code PROCESS_*} fields come from {@code message->process}, {@code TARGET_*} fields from
 * the event's target process (exec target, fork child, signal, get_task and proc_check target).
 */
public enum FieldTag {
    PROCESS_AUDIT_TOKEN(0x0010, FieldKind.AUDIT_TOKEN, "process->audit_token"),
    PROCESS_PPID(0x0011, FieldKind.I32, "process->ppid"),
    PROCESS_ORIGINAL_PPID(0x0012, FieldKind.I32, "process->original_ppid"),
    PROCESS_GROUP_ID(0x0013, FieldKind.I32, "process->group_id"),
    PROCESS_SESSION_ID(0x0014, FieldKind.I32, "process->session_id"),
    PROCESS_CODESIGNING_FLAGS(0x0015, FieldKind.U32, "process->codesigning_flags"),
    PROCESS_IS_PLATFORM_BINARY(0x0016, FieldKind.BOOL, "process->is_platform_binary"),
    PROCESS_IS_ES_CLIENT(0x0017, FieldKind.BOOL, "process->is_es_client"),
    PROCESS_CDHASH(0x0018, FieldKind.BYTES, "process->cdhash"),
    PROCESS_SIGNING_ID(0x0019, FieldKind.STRING, "process->signing_id"),
    PROCESS_TEAM_ID(0x001a, FieldKind.STRING, "process->team_id"),
    PROCESS_EXECUTABLE(0x001b, FieldKind.STRING, "process->executable->path"),
    PROCESS_TTY(0x001c, FieldKind.STRING, "process->tty->path (v>=2, nullable)"),
    TARGET_AUDIT_TOKEN(0x0030, FieldKind.AUDIT_TOKEN, "target->audit_token"),
    TARGET_PPID(0x0031, FieldKind.I32, "target->ppid"),
    TARGET_ORIGINAL_PPID(0x0032, FieldKind.I32, "target->original_ppid"),
    TARGET_GROUP_ID(0x0033, FieldKind.I32, "target->group_id"),
    TARGET_SESSION_ID(0x0034, FieldKind.I32, "target->session_id"),
    TARGET_CODESIGNING_FLAGS(0x0035, FieldKind.U32, "target->codesigning_flags"),
    TARGET_IS_PLATFORM_BINARY(0x0036, FieldKind.BOOL, "target->is_platform_binary"),
    TARGET_IS_ES_CLIENT(0x0037, FieldKind.BOOL, "target->is_es_client"),
    TARGET_CDHASH(0x0038, FieldKind.BYTES, "target->cdhash"),
    TARGET_SIGNING_ID(0x0039, FieldKind.STRING, "target->signing_id"),
    TARGET_TEAM_ID(0x003a, FieldKind.STRING, "target->team_id"),
    TARGET_EXECUTABLE(0x003b, FieldKind.STRING, "target->executable->path"),
    TARGET_TTY(0x003c, FieldKind.STRING, "target->tty->path (v>=2, nullable)"),
    TARGET_PATH(0x0100, FieldKind.STRING, "event.X.target->path"),
    SOURCE_PATH(0x0101, FieldKind.STRING, "event.X.source->path"),
    FILE_PATH(0x0102, FieldKind.STRING, "event.open.file->path, event.uipc_connect.file->path"),
    FILE1_PATH(0x0103, FieldKind.STRING, "event.exchangedata.file1->path"),
    FILE2_PATH(0x0104, FieldKind.STRING, "event.exchangedata.file2->path"),
    EXISTING_FILE_PATH(0x0105, FieldKind.STRING, "event.create|rename.destination.existing_file->path"),
    DIR_PATH(0x0106, FieldKind.STRING, "event.create|rename.destination.new_path.dir->path, event.uipc_bind.dir->path"),
    TARGET_DIR_PATH(0x0107, FieldKind.STRING, "event.link|clone.target_dir->path"),
    SOURCE_DIR_PATH(0x0108, FieldKind.STRING, "event.lookup.source_dir->path"),
    PARENT_DIR_PATH(0x0109, FieldKind.STRING, "event.unlink.parent_dir->path"),
    FILENAME(0x0110, FieldKind.STRING, "event.create|rename.destination.new_path.filename, event.uipc_bind.filename"),
    TARGET_FILENAME(0x0111, FieldKind.STRING, "event.link.target_filename"),
    TARGET_NAME(0x0112, FieldKind.STRING, "event.clone.target_name"),
    RELATIVE_TARGET(0x0113, FieldKind.STRING, "event.lookup.relative_target"),
    PROVIDER_TARGET_PATH(0x0114, FieldKind.STRING, "event.file_provider_update.target_path"),
    EXTATTR(0x0115, FieldKind.STRING, "event.getextattr|setextattr|deleteextattr.extattr"),
    IDENTIFIER(0x0116, FieldKind.STRING, "event.kextload|kextunload.identifier"),
    USER_CLIENT_CLASS(0x0117, FieldKind.STRING, "event.iokit_open.user_client_class"),
    DESTINATION_TYPE(0x0120, FieldKind.U32, "event.create|rename.destination_type"),
    MODE(0x0121, FieldKind.U32, "event.create.destination.new_path.mode, event.setmode.mode, event.uipc_bind.mode (mode_t)"),
    ACCESS_MODE(0x0122, FieldKind.I32, "event.access.mode"),
    FFLAG(0x0123, FieldKind.I32, "event.open.fflag"),
    MODIFIED(0x0124, FieldKind.BOOL, "event.close.modified"),
    CMD(0x0125, FieldKind.I32, "event.fcntl.cmd"),
    FLAGS(0x0126, FieldKind.U32, "event.setflags.flags"),
    UID(0x0127, FieldKind.U32, "event.setowner.uid"),
    GID(0x0128, FieldKind.U32, "event.setowner.gid"),
    ATIME(0x0129, FieldKind.TIMESPEC, "event.utimes.atime"),
    MTIME(0x012a, FieldKind.TIMESPEC, "event.utimes.mtime"),
    ACL(0x012b, FieldKind.BYTES, "event.create.acl (v>=2), event.setacl.acl.set: acl_copy_ext() external form"),
    ACL_TEXT(0x012c, FieldKind.STRING, "the same ACL as acl_to_text() text, from sources that only have text (eslogger)"),
    SET_OR_CLEAR(0x012d, FieldKind.U32, "event.setacl.set_or_clear"),
    ATTR_COMMON(0x0130, FieldKind.U32, "event.getattrlist|setattrlist.attrlist.commonattr"),
    ATTR_VOLUME(0x0131, FieldKind.U32, "event.getattrlist|setattrlist.attrlist.volattr"),
    ATTR_DIRECTORY(0x0132, FieldKind.U32, "event.getattrlist|setattrlist.attrlist.dirattr"),
    ATTR_FILE(0x0133, FieldKind.U32, "event.getattrlist|setattrlist.attrlist.fileattr"),
    ATTR_FORK(0x0134, FieldKind.U32, "event.getattrlist|setattrlist.attrlist.forkattr"),
    STATFS_BSIZE(0x0140, FieldKind.U32, "event.mount|unmount.statfs->f_bsize"),
    STATFS_IOSIZE(0x0141, FieldKind.I32, "statfs->f_iosize"),
    STATFS_BLOCKS(0x0142, FieldKind.U64, "statfs->f_blocks"),
    STATFS_BFREE(0x0143, FieldKind.U64, "statfs->f_bfree"),
    STATFS_BAVAIL(0x0144, FieldKind.U64, "statfs->f_bavail"),
    STATFS_FILES(0x0145, FieldKind.U64, "statfs->f_files"),
    STATFS_FFREE(0x0146, FieldKind.U64, "statfs->f_ffree"),
    STATFS_FSID(0x0147, FieldKind.U64, "statfs->f_fsid: (uint32)val[0] | (uint64)(uint32)val[1] << 32"),
    STATFS_OWNER(0x0148, FieldKind.U32, "statfs->f_owner"),
    STATFS_TYPE(0x0149, FieldKind.U32, "statfs->f_type"),
    STATFS_FLAGS(0x014a, FieldKind.U32, "statfs->f_flags"),
    STATFS_FSSUBTYPE(0x014b, FieldKind.U32, "statfs->f_fssubtype"),
    STATFS_FSTYPENAME(0x014c, FieldKind.STRING, "statfs->f_fstypename (up to its NUL)"),
    STATFS_MNTONNAME(0x014d, FieldKind.STRING, "statfs->f_mntonname (up to its NUL)"),
    STATFS_MNTFROMNAME(0x014e, FieldKind.STRING, "statfs->f_mntfromname (up to its NUL)"),
    STATFS_FLAGS_EXT(0x014f, FieldKind.U32, "statfs->f_flags_ext"),
    PROTECTION(0x0150, FieldKind.I32, "event.mmap|mprotect.protection"),
    MAX_PROTECTION(0x0151, FieldKind.I32, "event.mmap.max_protection"),
    MMAP_FLAGS(0x0152, FieldKind.I32, "event.mmap.flags"),
    FILE_POS(0x0153, FieldKind.U64, "event.mmap.file_pos"),
    ADDRESS(0x0154, FieldKind.U64, "event.mprotect.address"),
    SIZE(0x0155, FieldKind.U64, "event.mprotect.size"),
    EXIT_STATUS(0x0160, FieldKind.I32, "event.exit.stat (wait status, not the exit code)"),
    SIGNAL(0x0161, FieldKind.I32, "event.signal.sig (Darwin numbering)"),
    PROC_CHECK_TYPE(0x0162, FieldKind.U32, "event.proc_check.type"),
    PROC_CHECK_FLAVOR(0x0163, FieldKind.I32, "event.proc_check.flavor"),
    USER_CLIENT_TYPE(0x0164, FieldKind.U32, "event.iokit_open.user_client_type"),
    DEV(0x0165, FieldKind.I32, "event.pty_grant|pty_close.dev (dev_t)"),
    SOCKET_DOMAIN(0x0166, FieldKind.I32, "event.uipc_connect.domain"),
    SOCKET_TYPE(0x0167, FieldKind.I32, "event.uipc_connect.type"),
    SOCKET_PROTOCOL(0x0168, FieldKind.I32, "event.uipc_connect.protocol"),
    EXEC_ARGS(0x0170, FieldKind.STRING_LIST, "es_exec_arg(&event.exec, 0 .. es_exec_arg_count - 1)");

    private static final int TARGET_DISTANCE = 0x20;
    private static final FieldTag[] BY_CODE = new FieldTag[0x200];

    static {
        for (FieldTag tag : values()) {
            BY_CODE[tag.code] = tag;
        }
    }

    private final int code;
    private final FieldKind kind;
    private final String esMember;

    FieldTag(int code, FieldKind kind, String esMember) {
        this.code = code;
        this.kind = kind;
        this.esMember = esMember;
    }

    /** The tag number in records (u16). */
    public int code() {
        return code;
    }

    public FieldKind kind() {
        return kind;
    }

    /** The ES member the value is copied from, as the catalog words it. */
    public String esMember() {
        return esMember;
    }

    /** The tag with this number, or {@code null} for a number this build does not know. */
    public static FieldTag ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The same process field of the target process, for a {@code PROCESS_*} tag. */
    public FieldTag forTarget() {
        FieldTag target = name().startsWith("PROCESS_") ? ofCode(code + TARGET_DISTANCE) : null;
        if (target == null) {
            throw new IllegalArgumentException(name() + " is not a process field");
        }
        return target;
    }
}
