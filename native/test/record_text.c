/* record_text.c: a second, independent reading of records for the C tests. */
#include "record_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nxes.h"
#include "nxes_record.h"

typedef struct {
	char *data;
	size_t length, capacity;
} text;

static void put(text *t, const char *format, ...)
{
	char line[128];
	va_list args;
	va_start(args, format);
	int n = vsnprintf(line, sizeof line, format, args);
	va_end(args);
	if (t->length + (size_t)n + 1 > t->capacity) {
		t->capacity = (t->capacity + (size_t)n + 1) * 2;
		t->data = realloc(t->data, t->capacity);
	}
	memcpy(t->data + t->length, line, (size_t)n + 1);
	t->length += (size_t)n;
}

static void hex(text *t, const uint8_t *p, size_t n)
{
	if (n == 0) {
		put(t, " -");
		return;
	}
	put(t, " ");
	for (size_t i = 0; i < n; i++)
		put(t, "%02x", p[i]);
}

static uint16_t u16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static uint32_t u32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t u64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

char *nxes_record_to_text(const uint8_t *r, uint32_t length, const char **error)
{
	text t = { 0 };
	*error = NULL;
	if (length < NXES_RECORD_HEADER_LENGTH || u32(r) != length || (length & 7) != 0) {
		*error = "bad record length";
		return NULL;
	}
	if (u16(r + NXES_RECORD_OFFSET_FORMAT_VERSION) != NXES_RECORD_FORMAT_VERSION) {
		*error = "bad format version";
		return NULL;
	}
	put(&t, "@event_type %u\n", u32(r + 8));
	put(&t, "@message_version %u\n", u32(r + 12));
	put(&t, "@seq_num %llu\n", (unsigned long long)u64(r + 16));
	put(&t, "@global_seq_num %llu\n", (unsigned long long)u64(r + 24));
	put(&t, "@time_nanos %lld\n", (long long)u64(r + 32));
	put(&t, "@mach_time %llu\n", (unsigned long long)u64(r + 40));
	uint32_t at = NXES_RECORD_HEADER_LENGTH;
	while (at < length) {
		if (length - at < NXES_FIELD_HEADER_LENGTH) {
			*error = "field header past the end";
			break;
		}
		uint16_t tag = u16(r + at), flags = u16(r + at + 2);
		uint32_t n = u32(r + at + 4);
		const uint8_t *v = r + at + NXES_FIELD_HEADER_LENGTH;
		if (n > length - at - NXES_FIELD_HEADER_LENGTH) {
			*error = "field value past the end";
			break;
		}
		const char *name = nxes_field_name_of(tag);
		if (name == NULL) {
			*error = "unknown tag";
			break;
		}
		put(&t, "%s %u", name, flags);
		int kind = nxes_field_kind_of(tag);
		switch (kind) {
		case NXES_KIND_BOOL:
			put(&t, n == 1 ? (v[0] ? " true" : " false") : " ?");
			break;
		case NXES_KIND_I32:
			put(&t, " %d", n == 4 ? (int32_t)u32(v) : 0);
			break;
		case NXES_KIND_U32:
			put(&t, " %u", n == 4 ? u32(v) : 0);
			break;
		case NXES_KIND_U64:
			put(&t, " %llu", n == 8 ? (unsigned long long)u64(v) : 0ull);
			break;
		case NXES_KIND_TIMESPEC:
			put(&t, " %lld %lld", (long long)u64(v), (long long)u64(v + 8));
			break;
		case NXES_KIND_AUDIT_TOKEN:
			for (int i = 0; i < 8; i++)
				put(&t, " %u", u32(v + 4 * i));
			break;
		case NXES_KIND_STRING_LIST: {
			uint32_t count = u32(v), pos = 4;
			put(&t, " %u", count);
			for (uint32_t i = 0; i < count && pos + 4 <= n; i++) {
				uint32_t item = u32(v + pos);
				if (item > n - pos - 4) {
					*error = "list item past the end";
					break;
				}
				hex(&t, v + pos + 4, item);
				pos += 4 + item;
			}
			break;
		}
		default:
			hex(&t, v, n);
		}
		put(&t, "\n");
		at += NXES_FIELD_HEADER_LENGTH + nxes_align8(n);
	}
	if (*error != NULL) {
		free(t.data);
		return NULL;
	}
	return t.data;
}
