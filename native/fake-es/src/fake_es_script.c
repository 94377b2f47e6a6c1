/*
 * fake_es_script.c: scripted ES messages for every NotifyEvent and message version, and the
 * fields a correct flattener must write for them (the oracle of the golden vectors).
 *
 * Every member gets a value no other member of the message has (Santa's MakeStat habit), so a
 * flattener that swaps two members fails. Members a message of this version does not have hold
 * poison: a pointer that crashes when followed, or a value the expectation does not contain.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_es.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FAKE_ES_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define FAKE_ES_ASAN 1
#endif
#ifdef FAKE_ES_ASAN
#include <sanitizer/asan_interface.h>
#define ARENA_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define ARENA_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define ARENA_POISON(p, n) ((void)(p), (void)(n))
#define ARENA_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define POISON_FILE ((es_file_t *)(uintptr_t)0x10)
#define POISON_U64 0xdeadbeefdeadbeefull

typedef struct builder {
	uint8_t *arena;
	size_t used;
	fake_es_text *expected;
	uint32_t version;
	int variant;
	uint32_t next;
	/* Fuzzed messages (fake_es_script_fuzzed): values and lengths come from these bytes. */
	const uint8_t *fuzz;
	size_t fuzz_length;
	size_t fuzz_at;
} builder;

/* What a fuzzed message keeps free in the arena for the structs still to come. */
#define FUZZ_ARENA_RESERVE (64u * 1024u)
/* Bytes between two allocations that ASan reports when read (an overread of a string or struct). */
#define REDZONE 16u

static void *take(builder *b, size_t size)
{
	size_t rounded = (size + 15) & ~(size_t)15;
	if (b->used + rounded + REDZONE > FAKE_ES_ARENA_SIZE) {
		fprintf(stderr, "fake-es: script arena exhausted\n");
		abort();
	}
	uint8_t *p = b->arena + b->used;
	b->used += rounded + REDZONE;
	ARENA_UNPOISON(p, size);
	memset(p, 0, size);
	ARENA_POISON(p + size, rounded + REDZONE - size);
	return p;
}

/* The next n fuzz bytes (fewer, maybe none, at the end of the input) as an unsigned number. */
static uint64_t fuzz_number(builder *b, unsigned n)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < n && b->fuzz_at < b->fuzz_length; i++)
		v |= (uint64_t)b->fuzz[b->fuzz_at++] << (8 * i);
	return v;
}

/* A run of fuzz bytes for a string: length from two bytes, capped by max, the input left and the arena. */
static const uint8_t *fuzz_bytes(builder *b, size_t max, size_t *length)
{
	size_t n = (size_t)fuzz_number(b, 2);
	size_t room = FAKE_ES_ARENA_SIZE - b->used;
	room = room > FUZZ_ARENA_RESERVE ? room - FUZZ_ARENA_RESERVE : 0;
	if (n > max)
		n %= max + 1;
	if (n > b->fuzz_length - b->fuzz_at)
		n = b->fuzz_length - b->fuzz_at;
	if (n > room)
		n = room;
	*length = n;
	const uint8_t *p = b->fuzz + b->fuzz_at;
	b->fuzz_at += n;
	return p;
}

void fake_es_text_vappend(fake_es_text *t, const char *format, va_list args)
{
	char line[512];
	int n = vsnprintf(line, sizeof line, format, args);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof line)
		n = sizeof line - 1;
	if (t->length + (size_t)n + 1 > t->capacity) {
		t->capacity = (t->capacity + (size_t)n + 1) * 2;
		t->data = realloc(t->data, t->capacity);
	}
	memcpy(t->data + t->length, line, (size_t)n + 1);
	t->length += (size_t)n;
}

void fake_es_text_append(fake_es_text *t, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	fake_es_text_vappend(t, format, args);
	va_end(args);
}

void fake_es_text_hex(fake_es_text *t, const void *data, size_t length)
{
	if (length == 0) {
		fake_es_text_append(t, " -");
		return;
	}
	static const char digits[] = "0123456789abcdef";
	if (t->length + 2 * length + 2 > t->capacity) {
		t->capacity = (t->length + 2 * length + 2) * 2;
		t->data = realloc(t->data, t->capacity);
	}
	/* written directly, not through printf: records of 256 KiB are rendered by the fuzz targets */
	char *out = t->data + t->length;
	*out++ = ' ';
	const uint8_t *p = data;
	for (size_t i = 0; i < length; i++) {
		*out++ = digits[p[i] >> 4];
		*out++ = digits[p[i] & 15];
	}
	*out = '\0';
	t->length += 2 * length + 1;
}

static void say(builder *b, const char *format, ...)
{
	if (b->expected == NULL)
		return;
	va_list args;
	va_start(args, format);
	fake_es_text_vappend(b->expected, format, args);
	va_end(args);
}

static void say_hex(builder *b, const void *data, size_t length)
{
	if (b->expected != NULL)
		fake_es_text_hex(b->expected, data, length);
}

static uint32_t fresh(builder *b) { return b->fuzz != NULL ? (uint32_t)fuzz_number(b, 4) : ++b->next; }

/* ---- values that log what the record must hold ---- */

static es_string_token_t text(builder *b, const char *field, const char *value, size_t length)
{
	es_string_token_t t = { 0, NULL };
	if (length > 0) {
		char *copy = take(b, length);
		memcpy(copy, value, length);
		t.data = copy;
		t.length = length;
	}
	if (field != NULL) {
		say(b, "%s 0", field);
		say_hex(b, t.data, t.length);
		say(b, "\n");
	}
	return t;
}

/* A distinct string; in the awkward variant an empty token (data NULL). */
static es_string_token_t token(builder *b, const char *field)
{
	if (b->fuzz != NULL) {
		size_t length;
		const uint8_t *bytes = fuzz_bytes(b, 4096, &length);
		return text(b, field, (const char *)bytes, length);
	}
	if (b->variant == 1)
		return text(b, field, NULL, 0);
	char value[96];
	int n = snprintf(value, sizeof value, "%s-%u", field, fresh(b));
	for (int i = 0; i < n; i++)
		value[i] = (char)(value[i] >= 'A' && value[i] <= 'Z' ? value[i] + 32 : value[i]);
	return text(b, field, value, (size_t)n);
}

static es_file_t *file(builder *b, const char *field)
{
	es_file_t *f = take(b, sizeof *f);
	char path[256];
	int n;
	if (b->fuzz != NULL) {
		size_t length;
		const uint8_t *bytes = fuzz_bytes(b, 65535, &length);
		f->path = text(b, NULL, (const char *)bytes, length);
		f->path_truncated = (fuzz_number(b, 1) & 1) != 0;
		f->stat.st_ino = fresh(b);
		return f;
	}
	if (b->variant == 1) {
		/* invalid UTF-8 (a lone continuation byte, an overlong form, 0xff) in a truncated path */
		n = snprintf(path, sizeof path, "/fake/\x80\xc0\xaf/%s/\xff%u", field, fresh(b));
		f->path_truncated = true;
	} else {
		n = snprintf(path, sizeof path, "/fake/%s/%u", field, fresh(b));
	}
	f->path = text(b, NULL, path, (size_t)n);
	f->stat.st_ino = fresh(b);
	say(b, "%s %d", field, f->path_truncated ? 1 : 0);
	say_hex(b, f->path.data, f->path.length);
	say(b, "\n");
	return f;
}

static int32_t i32(builder *b, const char *field)
{
	int32_t v = (int32_t)(100000 + 17 * fresh(b));
	if (b->variant == 1)
		v = -v; /* must stay negative: sign extension */
	say(b, "%s 0 %d\n", field, v);
	return v;
}

static uint32_t u32(builder *b, const char *field)
{
	uint32_t v = 3000000000u + 13 * fresh(b); /* above INT32_MAX: zero extension */
	say(b, "%s 0 %u\n", field, v);
	return v;
}

static uint32_t small_u32(builder *b, const char *field, uint32_t v)
{
	say(b, "%s 0 %u\n", field, v);
	return v;
}

static uint64_t u64(builder *b, const char *field)
{
	uint64_t v = 0x8000000000000000ull + 1000003ull * fresh(b);
	say(b, "%s 0 %llu\n", field, (unsigned long long)v);
	return v;
}

static bool flag(builder *b, const char *field)
{
	bool v = (fresh(b) & 1) != 0;
	say(b, "%s 0 %s\n", field, v ? "true" : "false");
	return v;
}

static es_process_t *process(builder *b, const char *prefix)
{
	es_process_t *p = take(b, sizeof *p);
	char field[64];
#define NAME(suffix) (snprintf(field, sizeof field, "%s_%s", prefix, suffix), field)
	say(b, "%s 0", NAME("AUDIT_TOKEN"));
	for (int i = 0; i < 8; i++) {
		p->audit_token.val[i] = 4000000000u + 7 * fresh(b);
		say(b, " %u", p->audit_token.val[i]);
	}
	say(b, "\n");
	p->ppid = i32(b, NAME("PPID"));
	p->original_ppid = i32(b, NAME("ORIGINAL_PPID"));
	p->group_id = i32(b, NAME("GROUP_ID"));
	p->session_id = i32(b, NAME("SESSION_ID"));
	p->codesigning_flags = u32(b, NAME("CODESIGNING_FLAGS"));
	p->is_platform_binary = flag(b, NAME("IS_PLATFORM_BINARY"));
	p->is_es_client = flag(b, NAME("IS_ES_CLIENT"));
	say(b, "%s 0", NAME("CDHASH"));
	for (int i = 0; i < 20; i++)
		p->cdhash[i] = (uint8_t)(b->variant == 1 ? 0 : fresh(b));
	say_hex(b, p->cdhash, 20);
	say(b, "\n");
	p->signing_id = token(b, NAME("SIGNING_ID"));
	p->team_id = token(b, NAME("TEAM_ID"));
	p->executable = file(b, NAME("EXECUTABLE"));
	if (b->version < 2)
		p->tty = POISON_FILE;
	else if (b->variant == 0)
		p->tty = file(b, NAME("TTY"));
	p->start_time.tv_sec = fresh(b);
	return p;
#undef NAME
}

static acl_t acl(builder *b)
{
	struct fake_es_acl *a = take(b, sizeof *a);
	if (b->fuzz != NULL) {
		size_t length;
		const uint8_t *bytes = fuzz_bytes(b, 8192, &length);
		es_string_token_t t = text(b, NULL, (const char *)bytes, length);
		a->text = t.data;
		a->length = t.length;
		return a;
	}
	char value[96];
	int n = snprintf(value, sizeof value, "!#acl 1\nuser:FFFFEEEE-DDDD-CCCC-BBBB-AAAA%08u:fake:%u:allow:read\n",
			 fresh(b), fresh(b));
	es_string_token_t t = text(b, NULL, value, (size_t)n);
	a->text = t.data;
	a->length = t.length;
	say(b, "ACL 0");
	say_hex(b, a->text, a->length);
	say(b, "\n");
	return a;
}

static struct statfs *statfs_of(builder *b)
{
	struct statfs *s = take(b, sizeof *s);
	s->f_bsize = u32(b, "STATFS_BSIZE");
	s->f_iosize = i32(b, "STATFS_IOSIZE");
	s->f_blocks = u64(b, "STATFS_BLOCKS");
	s->f_bfree = u64(b, "STATFS_BFREE");
	s->f_bavail = u64(b, "STATFS_BAVAIL");
	s->f_files = u64(b, "STATFS_FILES");
	s->f_ffree = u64(b, "STATFS_FFREE");
	s->f_fsid.val[0] = (int32_t)(-5 - (int32_t)fresh(b));
	s->f_fsid.val[1] = (int32_t)(60 + fresh(b));
	say(b, "STATFS_FSID 0 %llu\n",
	    (unsigned long long)((uint64_t)(uint32_t)s->f_fsid.val[0] | (uint64_t)(uint32_t)s->f_fsid.val[1] << 32));
	s->f_owner = u32(b, "STATFS_OWNER");
	s->f_type = u32(b, "STATFS_TYPE");
	s->f_flags = u32(b, "STATFS_FLAGS");
	s->f_fssubtype = u32(b, "STATFS_FSSUBTYPE");
	if (b->fuzz != NULL) {
		size_t length;
		const uint8_t *bytes = fuzz_bytes(b, sizeof s->f_fstypename, &length);
		memcpy(s->f_fstypename, bytes, length);
		bytes = fuzz_bytes(b, sizeof s->f_mntonname, &length);
		memcpy(s->f_mntonname, bytes, length);
		bytes = fuzz_bytes(b, sizeof s->f_mntfromname, &length);
		memcpy(s->f_mntfromname, bytes, length);
	} else if (b->variant == 1) {
		/* names that fill their arrays with no NUL */
		memset(s->f_fstypename, 'T', sizeof s->f_fstypename);
		memset(s->f_mntonname, 'O', sizeof s->f_mntonname);
		memset(s->f_mntfromname, 'F', sizeof s->f_mntfromname);
	} else {
		snprintf(s->f_fstypename, sizeof s->f_fstypename, "apfs%u", fresh(b));
		snprintf(s->f_mntonname, sizeof s->f_mntonname, "/Volumes/on-%u", fresh(b));
		snprintf(s->f_mntfromname, sizeof s->f_mntfromname, "/dev/disk%us1", fresh(b));
	}
	say(b, "STATFS_FSTYPENAME 0");
	say_hex(b, s->f_fstypename, strnlen(s->f_fstypename, sizeof s->f_fstypename));
	say(b, "\nSTATFS_MNTONNAME 0");
	say_hex(b, s->f_mntonname, strnlen(s->f_mntonname, sizeof s->f_mntonname));
	say(b, "\nSTATFS_MNTFROMNAME 0");
	say_hex(b, s->f_mntfromname, strnlen(s->f_mntfromname, sizeof s->f_mntfromname));
	say(b, "\n");
	s->f_flags_ext = u32(b, "STATFS_FLAGS_EXT");
	return s;
}

static void attrlist(builder *b, struct attrlist *a)
{
	a->bitmapcount = 5;
	a->commonattr = u32(b, "ATTR_COMMON");
	a->volattr = u32(b, "ATTR_VOLUME");
	a->dirattr = u32(b, "ATTR_DIRECTORY");
	a->fileattr = u32(b, "ATTR_FILE");
	a->forkattr = u32(b, "ATTR_FORK");
}

static struct timespec timespec_of(builder *b, const char *field)
{
	struct timespec t = { .tv_sec = 1600000000 + fresh(b), .tv_nsec = 1000 * fresh(b) + 7 };
	if (b->variant == 1)
		t.tv_sec = -t.tv_sec; /* before 1970 */
	say(b, "%s 0 %lld %lld\n", field, (long long)t.tv_sec, (long long)t.tv_nsec);
	return t;
}

static void exec_args(builder *b, es_event_exec_t *e)
{
	uint32_t count = b->variant == 1 ? 300 : 10;
	if (b->fuzz != NULL) {
		count = (uint32_t)fuzz_number(b, 2) % 2048;
		es_string_token_t *args = take(b, count * sizeof *args + 1);
		for (uint32_t i = 0; i < count; i++) {
			size_t length;
			const uint8_t *bytes = fuzz_bytes(b, 512, &length);
			args[i] = text(b, NULL, (const char *)bytes, length);
		}
		e->fake_args = args;
		e->fake_arg_count = count;
		return;
	}
	es_string_token_t *args = take(b, count * sizeof *args);
	say(b, "EXEC_ARGS 0 %u", count);
	for (uint32_t i = 0; i < count; i++) {
		char value[64];
		int n;
		if (b->variant == 1 && i % 50 == 7)
			n = 0; /* empty argument */
		else if (b->variant == 1 && i % 50 == 8)
			n = snprintf(value, sizeof value, "bad\xe2\x82-utf8-%u", fresh(b));
		else
			n = snprintf(value, sizeof value, i == 0 ? "/fake/bin/tool-%u" : "--arg-%u=va lue", fresh(b));
		args[i] = text(b, NULL, value, (size_t)n);
		say_hex(b, args[i].data, args[i].length);
	}
	say(b, "\n");
	e->fake_args = args;
	e->fake_arg_count = count;
}

/* ---- one builder per event ---- */

static void build_event(builder *b, es_message_t *m)
{
	es_events_t *e = &m->event;
	bool odd = b->variant == 1;
	switch ((uint32_t)m->event_type) {
	case ES_EVENT_TYPE_NOTIFY_EXEC:
		e->exec.target = process(b, "TARGET");
		e->exec.script = b->version >= 2 ? NULL : POISON_FILE;
		exec_args(b, &e->exec);
		break;
	case ES_EVENT_TYPE_NOTIFY_OPEN:
		e->open.fflag = i32(b, "FFLAG");
		e->open.file = file(b, "FILE_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_FORK:
		e->fork.child = process(b, "TARGET");
		break;
	case ES_EVENT_TYPE_NOTIFY_CLOSE:
		e->close.modified = flag(b, "MODIFIED");
		e->close.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_CREATE:
		e->create.destination_type = small_u32(b, "DESTINATION_TYPE", odd ? ES_DESTINATION_TYPE_NEW_PATH : ES_DESTINATION_TYPE_EXISTING_FILE);
		if (odd) {
			e->create.destination.new_path.dir = file(b, "DIR_PATH");
			e->create.destination.new_path.filename = text(b, "FILENAME", "new\xff-file", 9);
			e->create.destination.new_path.mode = (mode_t)small_u32(b, "MODE", 0100644);
			e->create.acl = NULL;
		} else {
			e->create.destination.existing_file = file(b, "EXISTING_FILE_PATH");
			e->create.acl = b->version >= 2 ? acl(b) : (acl_t)(uintptr_t)0x10;
		}
		break;
	case ES_EVENT_TYPE_NOTIFY_EXCHANGEDATA:
		e->exchangedata.file1 = file(b, "FILE1_PATH");
		e->exchangedata.file2 = file(b, "FILE2_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_EXIT:
		e->exit.stat = i32(b, "EXIT_STATUS");
		break;
	case ES_EVENT_TYPE_NOTIFY_GET_TASK:
		e->get_task.target = process(b, "TARGET");
		break;
	case ES_EVENT_TYPE_NOTIFY_KEXTLOAD:
		e->kextload.identifier = token(b, "IDENTIFIER");
		break;
	case ES_EVENT_TYPE_NOTIFY_KEXTUNLOAD:
		e->kextunload.identifier = token(b, "IDENTIFIER");
		break;
	case ES_EVENT_TYPE_NOTIFY_LINK:
		e->link.source = file(b, "SOURCE_PATH");
		e->link.target_dir = file(b, "TARGET_DIR_PATH");
		e->link.target_filename = token(b, "TARGET_FILENAME");
		break;
	case ES_EVENT_TYPE_NOTIFY_MMAP:
		e->mmap.protection = i32(b, "PROTECTION");
		e->mmap.max_protection = i32(b, "MAX_PROTECTION");
		e->mmap.flags = i32(b, "MMAP_FLAGS");
		e->mmap.file_pos = u64(b, "FILE_POS");
		e->mmap.source = file(b, "SOURCE_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_MPROTECT:
		e->mprotect.protection = i32(b, "PROTECTION");
		e->mprotect.address = u64(b, "ADDRESS");
		e->mprotect.size = u64(b, "SIZE");
		break;
	case ES_EVENT_TYPE_NOTIFY_MOUNT:
		e->mount.statfs = statfs_of(b);
		break;
	case ES_EVENT_TYPE_NOTIFY_UNMOUNT:
		e->unmount.statfs = statfs_of(b);
		break;
	case ES_EVENT_TYPE_NOTIFY_IOKIT_OPEN:
		e->iokit_open.user_client_type = u32(b, "USER_CLIENT_TYPE");
		e->iokit_open.user_client_class = token(b, "USER_CLIENT_CLASS");
		break;
	case ES_EVENT_TYPE_NOTIFY_RENAME:
		e->rename.source = file(b, "SOURCE_PATH");
		e->rename.destination_type = small_u32(b, "DESTINATION_TYPE", odd ? ES_DESTINATION_TYPE_NEW_PATH : ES_DESTINATION_TYPE_EXISTING_FILE);
		if (odd) {
			e->rename.destination.new_path.dir = file(b, "DIR_PATH");
			e->rename.destination.new_path.filename = text(b, "FILENAME", "renamed", 7);
		} else {
			e->rename.destination.existing_file = file(b, "EXISTING_FILE_PATH");
		}
		break;
	case ES_EVENT_TYPE_NOTIFY_SETATTRLIST:
		attrlist(b, &e->setattrlist.attrlist);
		e->setattrlist.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_SETEXTATTR:
		e->setextattr.target = file(b, "TARGET_PATH");
		e->setextattr.extattr = token(b, "EXTATTR");
		break;
	case ES_EVENT_TYPE_NOTIFY_SETFLAGS:
		e->setflags.flags = u32(b, "FLAGS");
		e->setflags.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_SETMODE:
		e->setmode.mode = (mode_t)small_u32(b, "MODE", odd ? 0107777 : 0100600);
		e->setmode.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_SETOWNER:
		e->setowner.uid = u32(b, "UID");
		e->setowner.gid = u32(b, "GID");
		e->setowner.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_SIGNAL:
		e->signal.sig = i32(b, "SIGNAL");
		e->signal.target = process(b, "TARGET");
		e->signal.instigator = b->version >= 9 ? NULL : (es_process_t *)(uintptr_t)0x10;
		break;
	case ES_EVENT_TYPE_NOTIFY_UNLINK:
		e->unlink.target = file(b, "TARGET_PATH");
		e->unlink.parent_dir = file(b, "PARENT_DIR_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_WRITE:
		e->write.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_FILE_PROVIDER_MATERIALIZE:
		if (!odd) {
			/* the instigator is not mapped to any field: build it without expectations */
			fake_es_text *expected = b->expected;
			b->expected = NULL;
			e->file_provider_materialize.instigator = process(b, "INSTIGATOR");
			b->expected = expected;
		}
		e->file_provider_materialize.source = file(b, "SOURCE_PATH");
		e->file_provider_materialize.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_FILE_PROVIDER_UPDATE:
		e->file_provider_update.source = file(b, "SOURCE_PATH");
		e->file_provider_update.target_path = token(b, "PROVIDER_TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_READLINK:
		e->readlink.source = file(b, "SOURCE_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_TRUNCATE:
		e->truncate.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_LOOKUP:
		e->lookup.source_dir = file(b, "SOURCE_DIR_PATH");
		e->lookup.relative_target = token(b, "RELATIVE_TARGET");
		break;
	case ES_EVENT_TYPE_NOTIFY_CHDIR:
		e->chdir.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_GETATTRLIST:
		attrlist(b, &e->getattrlist.attrlist);
		e->getattrlist.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_STAT:
		e->stat.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_ACCESS:
		e->access.mode = i32(b, "ACCESS_MODE");
		e->access.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_CHROOT:
		e->chroot.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_UTIMES:
		e->utimes.target = file(b, "TARGET_PATH");
		e->utimes.atime = timespec_of(b, "ATIME");
		e->utimes.mtime = timespec_of(b, "MTIME");
		break;
	case ES_EVENT_TYPE_NOTIFY_CLONE:
		e->clone.source = file(b, "SOURCE_PATH");
		e->clone.target_dir = file(b, "TARGET_DIR_PATH");
		e->clone.target_name = token(b, "TARGET_NAME");
		break;
	case ES_EVENT_TYPE_NOTIFY_FCNTL:
		e->fcntl.target = file(b, "TARGET_PATH");
		e->fcntl.cmd = i32(b, "CMD");
		break;
	case ES_EVENT_TYPE_NOTIFY_GETEXTATTR:
		e->getextattr.target = file(b, "TARGET_PATH");
		e->getextattr.extattr = token(b, "EXTATTR");
		break;
	case ES_EVENT_TYPE_NOTIFY_LISTEXTATTR:
		e->listextattr.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_READDIR:
		e->readdir.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_DELETEEXTATTR:
		e->deleteextattr.target = file(b, "TARGET_PATH");
		e->deleteextattr.extattr = token(b, "EXTATTR");
		break;
	case ES_EVENT_TYPE_NOTIFY_FSGETPATH:
		e->fsgetpath.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_DUP:
		e->dup.target = file(b, "TARGET_PATH");
		break;
	case ES_EVENT_TYPE_NOTIFY_SETTIME:
		break;
	case ES_EVENT_TYPE_NOTIFY_UIPC_BIND:
		e->uipc_bind.dir = file(b, "DIR_PATH");
		e->uipc_bind.filename = token(b, "FILENAME");
		e->uipc_bind.mode = (mode_t)small_u32(b, "MODE", odd ? 0140777 : 0140755);
		break;
	case ES_EVENT_TYPE_NOTIFY_UIPC_CONNECT:
		e->uipc_connect.file = file(b, "FILE_PATH");
		e->uipc_connect.domain = i32(b, "SOCKET_DOMAIN");
		e->uipc_connect.type = i32(b, "SOCKET_TYPE");
		e->uipc_connect.protocol = i32(b, "SOCKET_PROTOCOL");
		break;
	case ES_EVENT_TYPE_NOTIFY_SETACL:
		e->setacl.target = file(b, "TARGET_PATH");
		e->setacl.set_or_clear = (es_set_or_clear_t)small_u32(b, "SET_OR_CLEAR", odd ? ES_CLEAR : ES_SET);
		e->setacl.acl.set = odd ? (acl_t)(uintptr_t)0x10 : acl(b);
		break;
	case ES_EVENT_TYPE_NOTIFY_PTY_GRANT:
		e->pty_grant.dev = (dev_t)(uint32_t)i32(b, "DEV");
		break;
	case ES_EVENT_TYPE_NOTIFY_PTY_CLOSE:
		e->pty_close.dev = (dev_t)(uint32_t)i32(b, "DEV");
		break;
	case ES_EVENT_TYPE_NOTIFY_PROC_CHECK:
		e->proc_check.target = odd ? NULL : process(b, "TARGET");
		e->proc_check.type = (es_proc_check_type_t)small_u32(b, "PROC_CHECK_TYPE", odd ? ES_PROC_CHECK_TYPE_UDATA_INFO : ES_PROC_CHECK_TYPE_PIDINFO);
		e->proc_check.flavor = i32(b, "PROC_CHECK_FLAVOR");
		break;
	default:
		break;
	}
}

static const struct { uint32_t type; const char *name; } events[] = {
#define NXES_EVENT(value, name, NAME, macos) { value, #name },
#include "nxes_events.def"
#undef NXES_EVENT
};

uint32_t fake_es_script_event_count(void) { return sizeof events / sizeof events[0]; }
uint32_t fake_es_script_event_type(uint32_t index) { return index < fake_es_script_event_count() ? events[index].type : 0; }
const char *fake_es_script_event_name(uint32_t type)
{
	for (uint32_t i = 0; i < fake_es_script_event_count(); i++)
		if (events[i].type == type)
			return events[i].name;
	return "unknown";
}

static const es_message_t *build(builder *b, uint32_t event_type);

const es_message_t *fake_es_script(void *arena, uint32_t event_type, uint32_t version, int variant,
				   fake_es_text *expected)
{
	builder b = { .arena = arena, .expected = expected, .version = version, .variant = variant,
		      .next = event_type * 1000 + version * 100 + (uint32_t)variant * 50000 };
	ARENA_UNPOISON(arena, FAKE_ES_ARENA_SIZE);
	return build(&b, event_type);
}

const es_message_t *fake_es_script_fuzzed(void *arena, const uint8_t *data, size_t size, size_t *used)
{
	builder b = { .arena = arena, .fuzz = data, .fuzz_length = size };
	uint32_t index = (uint32_t)fuzz_number(&b, 1);
	uint32_t event_type = index < fake_es_script_event_count() ? fake_es_script_event_type(index) : index;
	b.version = 1 + (uint32_t)fuzz_number(&b, 1) % 10;
	b.variant = (int)(fuzz_number(&b, 1) & 1);
	ARENA_UNPOISON(arena, FAKE_ES_ARENA_SIZE);
	const es_message_t *m = build(&b, event_type);
	if (used != NULL)
		*used = b.fuzz_at;
	return m;
}

static const es_message_t *build(builder *builder_state, uint32_t event_type)
{
	builder b = *builder_state;
	uint32_t version = b.version;
	int variant = b.variant;
	es_message_t *m = take(&b, sizeof *m + 64);
	m->version = version;
	m->event_type = (es_event_type_t)event_type;
	m->action_type = ES_ACTION_TYPE_NOTIFY;
	m->time.tv_sec = 1700000000 + fresh(&b);
	m->time.tv_nsec = 123000000 + fresh(&b);
	m->mach_time = 900000000000ull + fresh(&b);
	m->seq_num = version >= 2 ? 5000 + fresh(&b) : POISON_U64;
	m->global_seq_num = version >= 4 ? 7000000 + fresh(&b) : POISON_U64;
	say(&b, "record %s v%u variant%d\n", fake_es_script_event_name(event_type), version, variant);
	say(&b, "@event_type %u\n@message_version %u\n", event_type, version);
	say(&b, "@seq_num %llu\n", version >= 2 ? (unsigned long long)m->seq_num : 0ull);
	say(&b, "@global_seq_num %llu\n", version >= 4 ? (unsigned long long)m->global_seq_num : 0ull);
	say(&b, "@time_nanos %lld\n", (long long)m->time.tv_sec * 1000000000ll + m->time.tv_nsec);
	say(&b, "@mach_time %llu\n", (unsigned long long)m->mach_time);
	m->process = process(&b, "PROCESS");
	build_event(&b, m);
	say(&b, "end\n");
	*builder_state = b;
	return m;
}
