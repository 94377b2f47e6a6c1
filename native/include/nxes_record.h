/*
 * nxes_record.h: the ring record format (RECORD_FORMAT.md) and the record writer.
 *
 * A record is little-endian and starts at an 8-byte aligned offset:
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------------------------------------------------------+
 *   |                  length (header + fields, bytes)              |  0
 *   +-------------------------------+-------------------------------+
 *   |        format version         |          record flags         |  4
 *   +-------------------------------+-------------------------------+
 *   |                 ES event type (es_event_type_t)               |  8
 *   +---------------------------------------------------------------+
 *   |                 ES message version                            | 12
 *   +---------------------------------------------------------------+
 *   |                 seq_num (0 when message version < 2)          | 16
 *   +---------------------------------------------------------------+
 *   |                 global_seq_num (0 when version < 4)           | 24
 *   +---------------------------------------------------------------+
 *   |                 time: ns since the Unix epoch (signed)        | 32
 *   +---------------------------------------------------------------+
 *   |                 mach_time (raw ticks)                         | 40
 *   +---------------------------------------------------------------+
 *   |  fields: [u16 tag][u16 field flags][u32 value length][value,  | 48
 *   |           zero-padded to a multiple of 8] ...                 |
 *   +---------------------------------------------------------------+
 *
 * The length word is the ring's commit word (nxes_ring.h). A padding record (at the ring's
 * wrap) has only its first 8 bytes: length and NXES_RECORD_FLAG_PADDING.
 */
#ifndef NXES_RECORD_H
#define NXES_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the record format is little-endian and the writer stores native values"
#endif

#define NXES_RECORD_FORMAT_VERSION 1u

#define NXES_RECORD_OFFSET_LENGTH 0
#define NXES_RECORD_OFFSET_FORMAT_VERSION 4
#define NXES_RECORD_OFFSET_FLAGS 6
#define NXES_RECORD_OFFSET_EVENT_TYPE 8
#define NXES_RECORD_OFFSET_MESSAGE_VERSION 12
#define NXES_RECORD_OFFSET_SEQ_NUM 16
#define NXES_RECORD_OFFSET_GLOBAL_SEQ_NUM 24
#define NXES_RECORD_OFFSET_TIME_NANOS 32
#define NXES_RECORD_OFFSET_MACH_TIME 40
#define NXES_RECORD_HEADER_LENGTH 48
#define NXES_RECORD_ALIGNMENT 8

#define NXES_FIELD_HEADER_LENGTH 8

/* Record flags. */
#define NXES_RECORD_FLAG_TRUNCATED 0x0001u /* at least one field was cut or left out to fit */
#define NXES_RECORD_FLAG_PADDING 0x8000u   /* ring padding at the wrap: skip length bytes */

/* Field flags. */
#define NXES_FIELD_FLAG_SOURCE_TRUNCATED 0x0001u /* ES said so (es_file_t.path_truncated) */
#define NXES_FIELD_FLAG_CUT 0x0002u              /* the writer cut the value to fit */

/* Caps. A record never exceeds NXES_RECORD_MAX_LENGTH; exec arguments stop at
 * NXES_EXEC_ARGS_MAX_BYTES of string data (the list is then flagged CUT). */
#define NXES_RECORD_MAX_LENGTH (256u * 1024u)
#define NXES_EXEC_ARGS_MAX_BYTES (64u * 1024u)

typedef enum nxes_field_kind {
	NXES_KIND_BOOL = 1,        /* 1 byte: 0 or 1 */
	NXES_KIND_I32 = 2,         /* 4 bytes, signed */
	NXES_KIND_U32 = 3,         /* 4 bytes, unsigned */
	NXES_KIND_U64 = 4,         /* 8 bytes, unsigned */
	NXES_KIND_TIMESPEC = 5,    /* 16 bytes: i64 seconds, i64 nanoseconds */
	NXES_KIND_STRING = 6,      /* bytes as ES gave them (not NUL-terminated, maybe not UTF-8) */
	NXES_KIND_BYTES = 7,       /* opaque bytes */
	NXES_KIND_AUDIT_TOKEN = 8, /* 32 bytes: val[0..7] as u32 */
	NXES_KIND_STRING_LIST = 9, /* u32 count, then count x (u32 length, bytes), unpadded */
} nxes_field_kind;

#define NXES_FIELD(tag, name, kind, member) NXES_FIELD_##name = tag,
typedef enum nxes_field_tag {
#include "nxes_fields.def"
} nxes_field_tag;
#undef NXES_FIELD

/* Writes one record into a caller's buffer. Never allocates, never fails: what does not fit
 * is cut (strings) or left out (fixed values), and the record is flagged TRUNCATED. */
typedef struct nxes_writer {
	uint8_t *base;
	uint32_t capacity; /* multiple of 8, >= NXES_RECORD_HEADER_LENGTH */
	uint32_t length;   /* always a multiple of 8 between fields */
	uint16_t flags;
} nxes_writer;

typedef struct nxes_record_header {
	uint32_t event_type;
	uint32_t message_version;
	uint64_t seq_num;
	uint64_t global_seq_num;
	int64_t time_nanos;
	uint64_t mach_time;
} nxes_record_header;

static inline uint32_t nxes_align8(uint32_t n) { return (n + 7u) & ~7u; }

static inline void nxes_store_u16(uint8_t *p, uint16_t v) { memcpy(p, &v, sizeof v); }
static inline void nxes_store_u32(uint8_t *p, uint32_t v) { memcpy(p, &v, sizeof v); }
static inline void nxes_store_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, sizeof v); }

static inline void nxes_writer_begin(nxes_writer *w, uint8_t *buffer, uint32_t capacity,
				     const nxes_record_header *h)
{
	w->base = buffer;
	w->capacity = capacity & ~7u;
	w->length = NXES_RECORD_HEADER_LENGTH;
	w->flags = 0;
	/* the length word is left alone until finish: in the ring it is the commit word */
	nxes_store_u16(buffer + NXES_RECORD_OFFSET_FORMAT_VERSION, NXES_RECORD_FORMAT_VERSION);
	nxes_store_u16(buffer + NXES_RECORD_OFFSET_FLAGS, 0);
	nxes_store_u32(buffer + NXES_RECORD_OFFSET_EVENT_TYPE, h->event_type);
	nxes_store_u32(buffer + NXES_RECORD_OFFSET_MESSAGE_VERSION, h->message_version);
	nxes_store_u64(buffer + NXES_RECORD_OFFSET_SEQ_NUM, h->seq_num);
	nxes_store_u64(buffer + NXES_RECORD_OFFSET_GLOBAL_SEQ_NUM, h->global_seq_num);
	nxes_store_u64(buffer + NXES_RECORD_OFFSET_TIME_NANOS, (uint64_t)h->time_nanos);
	nxes_store_u64(buffer + NXES_RECORD_OFFSET_MACH_TIME, h->mach_time);
}

/* A field header as one little-endian word: tag, flags, value length. */
static inline uint64_t nxes_field_header(uint16_t tag, uint16_t flags, uint32_t length)
{
	return (uint64_t)tag | (uint64_t)flags << 16 | (uint64_t)length << 32;
}

/* Returns the value's address, or NULL (record flagged) when the field does not fit.
 * The padding after the value is zeroed. */
static inline uint8_t *nxes_field_open(nxes_writer *w, uint16_t tag, uint16_t flags,
				       uint32_t length)
{
	uint32_t padded = nxes_align8(length);
	if (w->capacity - w->length < NXES_FIELD_HEADER_LENGTH + padded) {
		w->flags |= NXES_RECORD_FLAG_TRUNCATED;
		return NULL;
	}
	uint8_t *field = w->base + w->length;
	nxes_store_u64(field, nxes_field_header(tag, flags, length));
	/* zero the last word first so the padding is clean whatever the value writes */
	if (padded != 0)
		nxes_store_u64(field + NXES_FIELD_HEADER_LENGTH + padded - 8, 0);
	w->length += NXES_FIELD_HEADER_LENGTH + padded;
	return field + NXES_FIELD_HEADER_LENGTH;
}

/* A value of at most 8 bytes: header word and value word (zero-padded) in two stores. */
static inline void nxes_put_word(nxes_writer *w, uint16_t tag, uint32_t length, uint64_t value)
{
	if (w->capacity - w->length < 16) {
		w->flags |= NXES_RECORD_FLAG_TRUNCATED;
		return;
	}
	uint8_t *field = w->base + w->length;
	nxes_store_u64(field, nxes_field_header(tag, 0, length));
	nxes_store_u64(field + 8, value);
	w->length += 16;
}

static inline void nxes_put_bool(nxes_writer *w, uint16_t tag, bool v) { nxes_put_word(w, tag, 1, v ? 1 : 0); }
static inline void nxes_put_i32(nxes_writer *w, uint16_t tag, int32_t v) { nxes_put_word(w, tag, 4, (uint32_t)v); }
static inline void nxes_put_u32(nxes_writer *w, uint16_t tag, uint32_t v) { nxes_put_word(w, tag, 4, v); }
static inline void nxes_put_u64(nxes_writer *w, uint16_t tag, uint64_t v) { nxes_put_word(w, tag, 8, v); }

static inline void nxes_put_timespec(nxes_writer *w, uint16_t tag, int64_t seconds,
				     int64_t nanoseconds)
{
	uint8_t *p = nxes_field_open(w, tag, 0, 16);
	if (p) {
		nxes_store_u64(p, (uint64_t)seconds);
		nxes_store_u64(p + 8, (uint64_t)nanoseconds);
	}
}

/* Bytes (strings too). A value longer than the room left is cut and flagged CUT. */
static inline void nxes_put_bytes(nxes_writer *w, uint16_t tag, uint16_t flags,
				  const void *data, size_t length)
{
	uint32_t room = w->capacity - w->length;
	if (length + NXES_FIELD_HEADER_LENGTH + 7 <= room) { /* the usual case: it fits */
		uint8_t *field = w->base + w->length;
		uint32_t n = (uint32_t)length, padded = nxes_align8(n);
		nxes_store_u64(field, nxes_field_header(tag, flags, n));
		if (padded != 0) {
			nxes_store_u64(field + NXES_FIELD_HEADER_LENGTH + padded - 8, 0);
			memcpy(field + NXES_FIELD_HEADER_LENGTH, data, n);
		}
		w->length += NXES_FIELD_HEADER_LENGTH + padded;
		return;
	}
	if (room < NXES_FIELD_HEADER_LENGTH) {
		w->flags |= NXES_RECORD_FLAG_TRUNCATED;
		return;
	}
	room = (room - NXES_FIELD_HEADER_LENGTH) & ~7u;
	uint32_t n = length > room ? room : (uint32_t)length;
	if (n < length) {
		flags |= NXES_FIELD_FLAG_CUT;
		w->flags |= NXES_RECORD_FLAG_TRUNCATED;
	}
	uint8_t *p = nxes_field_open(w, tag, flags, n);
	if (p && n)
		memcpy(p, data, n);
}

static inline void nxes_put_audit_token(nxes_writer *w, uint16_t tag, const uint32_t val[8])
{
	uint8_t *p = nxes_field_open(w, tag, 0, 32);
	if (p)
		memcpy(p, val, 32);
}

/* A string list is opened, appended to and closed; items that do not fit (or pass
 * max_bytes of string data) end the list, which is then flagged CUT. */
typedef struct nxes_list {
	uint32_t field_offset; /* 0: the list could not be opened */
	uint32_t count;
	uint32_t data_bytes;
	uint32_t max_bytes;
	bool cut;
} nxes_list;

static inline void nxes_list_open(nxes_writer *w, nxes_list *l, uint16_t tag, uint32_t max_bytes)
{
	l->count = 0;
	l->data_bytes = 0;
	l->max_bytes = max_bytes;
	l->cut = false;
	if (w->capacity - w->length < NXES_FIELD_HEADER_LENGTH + 8) {
		l->field_offset = 0;
		w->flags |= NXES_RECORD_FLAG_TRUNCATED;
		return;
	}
	l->field_offset = w->length;
	uint8_t *field = w->base + w->length;
	nxes_store_u16(field, tag);
	nxes_store_u16(field + 2, 0);
	nxes_store_u32(field + 4, 4);
	w->length += NXES_FIELD_HEADER_LENGTH + 4; /* unaligned until closed */
}

static inline void nxes_list_add(nxes_writer *w, nxes_list *l, const void *data, size_t length)
{
	if (l->field_offset == 0 || l->cut)
		return;
	/* keep room for this item and for padding to 8 at close */
	if (length > l->max_bytes - l->data_bytes ||
	    (uint64_t)w->capacity - w->length < (uint64_t)length + 4 + 7) {
		l->cut = true;
		return;
	}
	uint8_t *p = w->base + w->length;
	nxes_store_u32(p, (uint32_t)length);
	if (length)
		memcpy(p + 4, data, length);
	w->length += 4 + (uint32_t)length;
	l->count++;
	l->data_bytes += (uint32_t)length;
}

static inline void nxes_list_close(nxes_writer *w, nxes_list *l)
{
	if (l->field_offset == 0)
		return;
	uint8_t *field = w->base + l->field_offset;
	uint32_t value_length = w->length - l->field_offset - NXES_FIELD_HEADER_LENGTH;
	nxes_store_u32(field + 4, value_length);
	nxes_store_u32(field + NXES_FIELD_HEADER_LENGTH, l->count);
	if (l->cut) {
		nxes_store_u16(field + 2, NXES_FIELD_FLAG_CUT);
		w->flags |= NXES_RECORD_FLAG_TRUNCATED;
	}
	uint32_t aligned = nxes_align8(w->length);
	memset(w->base + w->length, 0, aligned - w->length);
	w->length = aligned;
}

/* Stores the flags; returns the record length (a multiple of 8). The length word is not
 * written: a record written in place in the ring is committed by nxes_ring_commit. */
static inline uint32_t nxes_writer_finish_unpublished(nxes_writer *w)
{
	nxes_store_u16(w->base + NXES_RECORD_OFFSET_FLAGS, w->flags);
	return w->length;
}

/* Stores flags and length; returns the record length (a multiple of 8). */
static inline uint32_t nxes_writer_finish(nxes_writer *w)
{
	nxes_store_u32(w->base + NXES_RECORD_OFFSET_LENGTH, w->length);
	return nxes_writer_finish_unpublished(w);
}

#endif
