/*
 * nxes_flatten.c: copies every ES member a documented im_maces field needs (endpoint-security.md
 * §5) from an es_message_t into one record. Runs inside the ES handler: no lock, no allocation,
 * no syscall, and no member above the message's version is read.
 */
#include "nxes_flatten.h"

#include <string.h>

#include "nxes_platform.h"
#include "nxes_record.h"

typedef void (*nxes_flattener)(nxes_writer *w, const es_message_t *m);

/* Target process fields mirror the process fields at a fixed distance. */
#define NXES_TARGET_DISTANCE (NXES_FIELD_TARGET_AUDIT_TOKEN - NXES_FIELD_PROCESS_AUDIT_TOKEN)
#define SAME_DISTANCE(x) \
	_Static_assert(NXES_FIELD_TARGET_##x - NXES_FIELD_PROCESS_##x == NXES_TARGET_DISTANCE, #x)
SAME_DISTANCE(PPID);
SAME_DISTANCE(ORIGINAL_PPID);
SAME_DISTANCE(GROUP_ID);
SAME_DISTANCE(SESSION_ID);
SAME_DISTANCE(CODESIGNING_FLAGS);
SAME_DISTANCE(IS_PLATFORM_BINARY);
SAME_DISTANCE(IS_ES_CLIENT);
SAME_DISTANCE(CDHASH);
SAME_DISTANCE(SIGNING_ID);
SAME_DISTANCE(TEAM_ID);
SAME_DISTANCE(EXECUTABLE);
SAME_DISTANCE(TTY);

_Static_assert(sizeof(audit_token_t) == 32, "audit_token_t is 8 x 32 bits");
_Static_assert(sizeof(es_cdhash_t) == 20, "es_cdhash_t is 20 bytes");

static inline void put_token(nxes_writer *w, uint16_t tag, es_string_token_t token)
{
	nxes_put_bytes(w, tag, 0, token.data, token.length);
}

static inline void put_file(nxes_writer *w, uint16_t tag, const es_file_t *file)
{
	if (file != NULL)
		nxes_put_bytes(w, tag, file->path_truncated ? NXES_FIELD_FLAG_SOURCE_TRUNCATED : 0,
			       file->path.data, file->path.length);
}

/* A NUL-terminated char array (statfs names): up to its NUL or its end. */
static inline void put_chars(nxes_writer *w, uint16_t tag, const char *chars, size_t size)
{
	nxes_put_bytes(w, tag, 0, chars, strnlen(chars, size));
}

/* tag: NXES_FIELD_PROCESS_AUDIT_TOKEN or NXES_FIELD_TARGET_AUDIT_TOKEN */
static void put_process(nxes_writer *w, uint16_t tag, const es_process_t *p, uint32_t version)
{
	if (p == NULL)
		return;
	uint16_t d = (uint16_t)(tag - NXES_FIELD_PROCESS_AUDIT_TOKEN);
	nxes_put_audit_token(w, NXES_FIELD_PROCESS_AUDIT_TOKEN + d, p->audit_token.val);
	nxes_put_i32(w, NXES_FIELD_PROCESS_PPID + d, p->ppid);
	nxes_put_i32(w, NXES_FIELD_PROCESS_ORIGINAL_PPID + d, p->original_ppid);
	nxes_put_i32(w, NXES_FIELD_PROCESS_GROUP_ID + d, p->group_id);
	nxes_put_i32(w, NXES_FIELD_PROCESS_SESSION_ID + d, p->session_id);
	nxes_put_u32(w, NXES_FIELD_PROCESS_CODESIGNING_FLAGS + d, p->codesigning_flags);
	nxes_put_bool(w, NXES_FIELD_PROCESS_IS_PLATFORM_BINARY + d, p->is_platform_binary);
	nxes_put_bool(w, NXES_FIELD_PROCESS_IS_ES_CLIENT + d, p->is_es_client);
	nxes_put_bytes(w, NXES_FIELD_PROCESS_CDHASH + d, 0, p->cdhash, sizeof p->cdhash);
	put_token(w, NXES_FIELD_PROCESS_SIGNING_ID + d, p->signing_id);
	put_token(w, NXES_FIELD_PROCESS_TEAM_ID + d, p->team_id);
	put_file(w, NXES_FIELD_PROCESS_EXECUTABLE + d, p->executable);
	if (version >= 2)
		put_file(w, NXES_FIELD_PROCESS_TTY + d, p->tty);
}

static inline void put_target_process(nxes_writer *w, const es_message_t *m, const es_process_t *p)
{
	put_process(w, NXES_FIELD_TARGET_AUDIT_TOKEN, p, m->version);
}

static void put_acl(nxes_writer *w, acl_t acl)
{
	if (acl == NULL)
		return;
	long size = nxes_platform_acl_external_size(acl);
	if (size < 0 || size > (long)NXES_RECORD_MAX_LENGTH) {
		w->flags |= NXES_RECORD_FLAG_TRUNCATED;
		return;
	}
	uint8_t *value = nxes_field_open(w, NXES_FIELD_ACL, 0, (uint32_t)size);
	if (value != NULL && nxes_platform_acl_copy_external(acl, value, size) != 0) {
		/* keep the record well formed: an empty ACL value flagged CUT */
		w->length -= NXES_FIELD_HEADER_LENGTH + nxes_align8((uint32_t)size);
		nxes_field_open(w, NXES_FIELD_ACL, NXES_FIELD_FLAG_CUT, 0);
		w->flags |= NXES_RECORD_FLAG_TRUNCATED;
	}
}

static void put_statfs(nxes_writer *w, const struct statfs *s)
{
	if (s == NULL)
		return;
	nxes_put_u32(w, NXES_FIELD_STATFS_BSIZE, s->f_bsize);
	nxes_put_i32(w, NXES_FIELD_STATFS_IOSIZE, s->f_iosize);
	nxes_put_u64(w, NXES_FIELD_STATFS_BLOCKS, s->f_blocks);
	nxes_put_u64(w, NXES_FIELD_STATFS_BFREE, s->f_bfree);
	nxes_put_u64(w, NXES_FIELD_STATFS_BAVAIL, s->f_bavail);
	nxes_put_u64(w, NXES_FIELD_STATFS_FILES, s->f_files);
	nxes_put_u64(w, NXES_FIELD_STATFS_FFREE, s->f_ffree);
	nxes_put_u64(w, NXES_FIELD_STATFS_FSID,
		     (uint64_t)(uint32_t)s->f_fsid.val[0] | (uint64_t)(uint32_t)s->f_fsid.val[1] << 32);
	nxes_put_u32(w, NXES_FIELD_STATFS_OWNER, (uint32_t)s->f_owner);
	nxes_put_u32(w, NXES_FIELD_STATFS_TYPE, s->f_type);
	nxes_put_u32(w, NXES_FIELD_STATFS_FLAGS, s->f_flags);
	nxes_put_u32(w, NXES_FIELD_STATFS_FSSUBTYPE, s->f_fssubtype);
	put_chars(w, NXES_FIELD_STATFS_FSTYPENAME, s->f_fstypename, sizeof s->f_fstypename);
	put_chars(w, NXES_FIELD_STATFS_MNTONNAME, s->f_mntonname, sizeof s->f_mntonname);
	put_chars(w, NXES_FIELD_STATFS_MNTFROMNAME, s->f_mntfromname, sizeof s->f_mntfromname);
	nxes_put_u32(w, NXES_FIELD_STATFS_FLAGS_EXT, s->f_flags_ext);
}

static void put_attrlist(nxes_writer *w, const struct attrlist *a)
{
	nxes_put_u32(w, NXES_FIELD_ATTR_COMMON, a->commonattr);
	nxes_put_u32(w, NXES_FIELD_ATTR_VOLUME, a->volattr);
	nxes_put_u32(w, NXES_FIELD_ATTR_DIRECTORY, a->dirattr);
	nxes_put_u32(w, NXES_FIELD_ATTR_FILE, a->fileattr);
	nxes_put_u32(w, NXES_FIELD_ATTR_FORK, a->forkattr);
}

/* ---- one flattener per event, named after the es_events_t member ---- */

#define TARGET_ONLY(name) \
	static void flatten_##name(nxes_writer *w, const es_message_t *m) \
	{ \
		put_file(w, NXES_FIELD_TARGET_PATH, m->event.name.target); \
	}
TARGET_ONLY(chdir)
TARGET_ONLY(chroot)
TARGET_ONLY(dup)
TARGET_ONLY(fsgetpath)
TARGET_ONLY(listextattr)
TARGET_ONLY(readdir)
TARGET_ONLY(stat)
TARGET_ONLY(truncate)
TARGET_ONLY(write)
#undef TARGET_ONLY

#define TARGET_AND_EXTATTR(name) \
	static void flatten_##name(nxes_writer *w, const es_message_t *m) \
	{ \
		put_file(w, NXES_FIELD_TARGET_PATH, m->event.name.target); \
		put_token(w, NXES_FIELD_EXTATTR, m->event.name.extattr); \
	}
TARGET_AND_EXTATTR(getextattr)
TARGET_AND_EXTATTR(setextattr)
TARGET_AND_EXTATTR(deleteextattr)
#undef TARGET_AND_EXTATTR

#define ATTRLIST(name) \
	static void flatten_##name(nxes_writer *w, const es_message_t *m) \
	{ \
		put_file(w, NXES_FIELD_TARGET_PATH, m->event.name.target); \
		put_attrlist(w, &m->event.name.attrlist); \
	}
ATTRLIST(getattrlist)
ATTRLIST(setattrlist)
#undef ATTRLIST

#define IDENTIFIER(name) \
	static void flatten_##name(nxes_writer *w, const es_message_t *m) \
	{ \
		put_token(w, NXES_FIELD_IDENTIFIER, m->event.name.identifier); \
	}
IDENTIFIER(kextload)
IDENTIFIER(kextunload)
#undef IDENTIFIER

#define DEVICE(name) \
	static void flatten_##name(nxes_writer *w, const es_message_t *m) \
	{ \
		nxes_put_i32(w, NXES_FIELD_DEV, (int32_t)m->event.name.dev); \
	}
DEVICE(pty_grant)
DEVICE(pty_close)
#undef DEVICE

static void flatten_exec(nxes_writer *w, const es_message_t *m)
{
	const es_event_exec_t *e = &m->event.exec;
	put_target_process(w, m, e->target);
	nxes_list list;
	nxes_list_open(w, &list, NXES_FIELD_EXEC_ARGS, NXES_EXEC_ARGS_MAX_BYTES);
	uint32_t count = es_exec_arg_count(e);
	for (uint32_t i = 0; i < count; i++) {
		es_string_token_t arg = es_exec_arg(e, i);
		nxes_list_add(w, &list, arg.data, arg.length);
	}
	nxes_list_close(w, &list);
}

static void flatten_open(nxes_writer *w, const es_message_t *m)
{
	nxes_put_i32(w, NXES_FIELD_FFLAG, m->event.open.fflag);
	put_file(w, NXES_FIELD_FILE_PATH, m->event.open.file);
}

static void flatten_fork(nxes_writer *w, const es_message_t *m)
{
	put_target_process(w, m, m->event.fork.child);
}

static void flatten_close(nxes_writer *w, const es_message_t *m)
{
	nxes_put_bool(w, NXES_FIELD_MODIFIED, m->event.close.modified);
	put_file(w, NXES_FIELD_TARGET_PATH, m->event.close.target);
}

/* create and rename share the shape of their destination union (their types differ) */
#define PUT_DESTINATION(w, e) \
	do { \
		nxes_put_u32(w, NXES_FIELD_DESTINATION_TYPE, (uint32_t)(e)->destination_type); \
		if ((e)->destination_type == ES_DESTINATION_TYPE_EXISTING_FILE) { \
			put_file(w, NXES_FIELD_EXISTING_FILE_PATH, (e)->destination.existing_file); \
		} else if ((e)->destination_type == ES_DESTINATION_TYPE_NEW_PATH) { \
			put_file(w, NXES_FIELD_DIR_PATH, (e)->destination.new_path.dir); \
			put_token(w, NXES_FIELD_FILENAME, (e)->destination.new_path.filename); \
		} \
	} while (0)

static void flatten_create(nxes_writer *w, const es_message_t *m)
{
	const es_event_create_t *e = &m->event.create;
	PUT_DESTINATION(w, e);
	if (e->destination_type == ES_DESTINATION_TYPE_NEW_PATH)
		nxes_put_u32(w, NXES_FIELD_MODE, (uint32_t)e->destination.new_path.mode);
	if (m->version >= 2)
		put_acl(w, e->acl);
}

static void flatten_exchangedata(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_FILE1_PATH, m->event.exchangedata.file1);
	put_file(w, NXES_FIELD_FILE2_PATH, m->event.exchangedata.file2);
}

static void flatten_exit(nxes_writer *w, const es_message_t *m)
{
	nxes_put_i32(w, NXES_FIELD_EXIT_STATUS, m->event.exit.stat);
}

static void flatten_get_task(nxes_writer *w, const es_message_t *m)
{
	put_target_process(w, m, m->event.get_task.target);
}

static void flatten_link(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_SOURCE_PATH, m->event.link.source);
	put_file(w, NXES_FIELD_TARGET_DIR_PATH, m->event.link.target_dir);
	put_token(w, NXES_FIELD_TARGET_FILENAME, m->event.link.target_filename);
}

static void flatten_mmap(nxes_writer *w, const es_message_t *m)
{
	const es_event_mmap_t *e = &m->event.mmap;
	nxes_put_i32(w, NXES_FIELD_PROTECTION, e->protection);
	nxes_put_i32(w, NXES_FIELD_MAX_PROTECTION, e->max_protection);
	nxes_put_i32(w, NXES_FIELD_MMAP_FLAGS, e->flags);
	nxes_put_u64(w, NXES_FIELD_FILE_POS, e->file_pos);
	put_file(w, NXES_FIELD_SOURCE_PATH, e->source);
}

static void flatten_mprotect(nxes_writer *w, const es_message_t *m)
{
	nxes_put_i32(w, NXES_FIELD_PROTECTION, m->event.mprotect.protection);
	nxes_put_u64(w, NXES_FIELD_ADDRESS, (uint64_t)m->event.mprotect.address);
	nxes_put_u64(w, NXES_FIELD_SIZE, (uint64_t)m->event.mprotect.size);
}

static void flatten_mount(nxes_writer *w, const es_message_t *m)
{
	put_statfs(w, m->event.mount.statfs);
}

static void flatten_unmount(nxes_writer *w, const es_message_t *m)
{
	put_statfs(w, m->event.unmount.statfs);
}

static void flatten_iokit_open(nxes_writer *w, const es_message_t *m)
{
	nxes_put_u32(w, NXES_FIELD_USER_CLIENT_TYPE, m->event.iokit_open.user_client_type);
	put_token(w, NXES_FIELD_USER_CLIENT_CLASS, m->event.iokit_open.user_client_class);
}

static void flatten_rename(nxes_writer *w, const es_message_t *m)
{
	const es_event_rename_t *e = &m->event.rename;
	put_file(w, NXES_FIELD_SOURCE_PATH, e->source);
	PUT_DESTINATION(w, e);
}

static void flatten_setflags(nxes_writer *w, const es_message_t *m)
{
	nxes_put_u32(w, NXES_FIELD_FLAGS, m->event.setflags.flags);
	put_file(w, NXES_FIELD_TARGET_PATH, m->event.setflags.target);
}

static void flatten_setmode(nxes_writer *w, const es_message_t *m)
{
	nxes_put_u32(w, NXES_FIELD_MODE, (uint32_t)m->event.setmode.mode);
	put_file(w, NXES_FIELD_TARGET_PATH, m->event.setmode.target);
}

static void flatten_setowner(nxes_writer *w, const es_message_t *m)
{
	nxes_put_u32(w, NXES_FIELD_UID, (uint32_t)m->event.setowner.uid);
	nxes_put_u32(w, NXES_FIELD_GID, (uint32_t)m->event.setowner.gid);
	put_file(w, NXES_FIELD_TARGET_PATH, m->event.setowner.target);
}

static void flatten_signal(nxes_writer *w, const es_message_t *m)
{
	nxes_put_i32(w, NXES_FIELD_SIGNAL, m->event.signal.sig);
	put_target_process(w, m, m->event.signal.target);
}

static void flatten_unlink(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_TARGET_PATH, m->event.unlink.target);
	put_file(w, NXES_FIELD_PARENT_DIR_PATH, m->event.unlink.parent_dir);
}

static void flatten_file_provider_materialize(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_SOURCE_PATH, m->event.file_provider_materialize.source);
	put_file(w, NXES_FIELD_TARGET_PATH, m->event.file_provider_materialize.target);
}

static void flatten_file_provider_update(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_SOURCE_PATH, m->event.file_provider_update.source);
	put_token(w, NXES_FIELD_PROVIDER_TARGET_PATH, m->event.file_provider_update.target_path);
}

static void flatten_readlink(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_SOURCE_PATH, m->event.readlink.source);
}

static void flatten_lookup(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_SOURCE_DIR_PATH, m->event.lookup.source_dir);
	put_token(w, NXES_FIELD_RELATIVE_TARGET, m->event.lookup.relative_target);
}

static void flatten_access(nxes_writer *w, const es_message_t *m)
{
	nxes_put_i32(w, NXES_FIELD_ACCESS_MODE, m->event.access.mode);
	put_file(w, NXES_FIELD_TARGET_PATH, m->event.access.target);
}

static void flatten_utimes(nxes_writer *w, const es_message_t *m)
{
	const es_event_utimes_t *e = &m->event.utimes;
	put_file(w, NXES_FIELD_TARGET_PATH, e->target);
	nxes_put_timespec(w, NXES_FIELD_ATIME, (int64_t)e->atime.tv_sec, (int64_t)e->atime.tv_nsec);
	nxes_put_timespec(w, NXES_FIELD_MTIME, (int64_t)e->mtime.tv_sec, (int64_t)e->mtime.tv_nsec);
}

static void flatten_clone(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_SOURCE_PATH, m->event.clone.source);
	put_file(w, NXES_FIELD_TARGET_DIR_PATH, m->event.clone.target_dir);
	put_token(w, NXES_FIELD_TARGET_NAME, m->event.clone.target_name);
}

static void flatten_fcntl(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_TARGET_PATH, m->event.fcntl.target);
	nxes_put_i32(w, NXES_FIELD_CMD, m->event.fcntl.cmd);
}

static void flatten_settime(nxes_writer *w, const es_message_t *m)
{
	(void)w;
	(void)m; /* settime carries only message and process fields */
}

static void flatten_uipc_bind(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_DIR_PATH, m->event.uipc_bind.dir);
	put_token(w, NXES_FIELD_FILENAME, m->event.uipc_bind.filename);
	nxes_put_u32(w, NXES_FIELD_MODE, (uint32_t)m->event.uipc_bind.mode);
}

static void flatten_uipc_connect(nxes_writer *w, const es_message_t *m)
{
	put_file(w, NXES_FIELD_FILE_PATH, m->event.uipc_connect.file);
	nxes_put_i32(w, NXES_FIELD_SOCKET_DOMAIN, m->event.uipc_connect.domain);
	nxes_put_i32(w, NXES_FIELD_SOCKET_TYPE, m->event.uipc_connect.type);
	nxes_put_i32(w, NXES_FIELD_SOCKET_PROTOCOL, m->event.uipc_connect.protocol);
}

static void flatten_setacl(nxes_writer *w, const es_message_t *m)
{
	const es_event_setacl_t *e = &m->event.setacl;
	put_file(w, NXES_FIELD_TARGET_PATH, e->target);
	nxes_put_u32(w, NXES_FIELD_SET_OR_CLEAR, (uint32_t)e->set_or_clear);
	if (e->set_or_clear == ES_SET)
		put_acl(w, e->acl.set);
}

static void flatten_proc_check(nxes_writer *w, const es_message_t *m)
{
	put_target_process(w, m, m->event.proc_check.target);
	nxes_put_u32(w, NXES_FIELD_PROC_CHECK_TYPE, (uint32_t)m->event.proc_check.type);
	nxes_put_i32(w, NXES_FIELD_PROC_CHECK_FLAVOR, m->event.proc_check.flavor);
}

/* ---- the table, proven complete: a missing flattener does not compile ---- */

#define NXES_EVENT(value, name, NAME, macos) \
	_Static_assert(ES_EVENT_TYPE_NOTIFY_##NAME == value, "ES value of " #name);
#include "nxes_events.def"
#undef NXES_EVENT

static const nxes_flattener flatteners[NXES_EVENT_TYPE_SLOTS] = {
#define NXES_EVENT(value, name, NAME, macos) [value] = flatten_##name,
#include "nxes_events.def"
#undef NXES_EVENT
};

_Static_assert(NXES_EVENT_COUNT == 51, "im_maces documents 51 NotifyEvents");

static inline uint32_t flatten(const es_message_t *m, uint8_t *buffer, uint32_t capacity, bool store_length)
{
	uint32_t version = m->version;
	nxes_record_header header = {
		.event_type = (uint32_t)m->event_type,
		.message_version = version,
		.seq_num = version >= 2 ? m->seq_num : 0,
		.global_seq_num = version >= 4 ? m->global_seq_num : 0,
		.time_nanos = (int64_t)m->time.tv_sec * 1000000000 + (int64_t)m->time.tv_nsec,
		.mach_time = m->mach_time,
	};
	nxes_writer w;
	if (capacity > NXES_RECORD_MAX_LENGTH)
		capacity = NXES_RECORD_MAX_LENGTH;
	nxes_writer_begin(&w, buffer, capacity, &header);
	put_process(&w, NXES_FIELD_PROCESS_AUDIT_TOKEN, m->process, version);
	uint32_t type = (uint32_t)m->event_type;
	if (type < NXES_EVENT_TYPE_SLOTS && flatteners[type] != NULL)
		flatteners[type](&w, m);
	return store_length ? nxes_writer_finish(&w) : nxes_writer_finish_unpublished(&w);
}

uint32_t nxes_flatten(const es_message_t *m, uint8_t *buffer, uint32_t capacity)
{
	return flatten(m, buffer, capacity, true);
}

uint32_t nxes_flatten_unpublished(const es_message_t *m, uint8_t *buffer, uint32_t capacity)
{
	return flatten(m, buffer, capacity, false);
}
