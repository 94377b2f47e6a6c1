/* record_text.c: a second, independent reading of records for the C tests. */
#include "record_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_es.h"
#include "nxes.h"
#include "nxes_record.h"

static uint16_t u16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static uint32_t u32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t u64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

char *nxes_record_to_text(const uint8_t *r, uint32_t length, const char **error)
{
	fake_es_text t = { 0 };
	*error = NULL;
	if (length < NXES_RECORD_HEADER_LENGTH || u32(r) != length || (length & 7) != 0) {
		*error = "bad record length";
		return NULL;
	}
	if (u16(r + NXES_RECORD_OFFSET_FORMAT_VERSION) != NXES_RECORD_FORMAT_VERSION) {
		*error = "bad format version";
		return NULL;
	}
	fake_es_text_append(&t, "@event_type %u\n", u32(r + 8));
	fake_es_text_append(&t, "@message_version %u\n", u32(r + 12));
	fake_es_text_append(&t, "@seq_num %llu\n", (unsigned long long)u64(r + 16));
	fake_es_text_append(&t, "@global_seq_num %llu\n", (unsigned long long)u64(r + 24));
	fake_es_text_append(&t, "@time_nanos %lld\n", (long long)u64(r + 32));
	fake_es_text_append(&t, "@mach_time %llu\n", (unsigned long long)u64(r + 40));
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
		fake_es_text_append(&t, "%s %u", name, flags);
		int kind = nxes_field_kind_of(tag);
		switch (kind) {
		case NXES_KIND_BOOL:
			fake_es_text_append(&t, n == 1 ? (v[0] ? " true" : " false") : " ?");
			break;
		case NXES_KIND_I32:
			fake_es_text_append(&t, " %d", n == 4 ? (int32_t)u32(v) : 0);
			break;
		case NXES_KIND_U32:
			fake_es_text_append(&t, " %u", n == 4 ? u32(v) : 0);
			break;
		case NXES_KIND_U64:
			fake_es_text_append(&t, " %llu", n == 8 ? (unsigned long long)u64(v) : 0ull);
			break;
		case NXES_KIND_TIMESPEC:
			fake_es_text_append(&t, " %lld %lld", (long long)u64(v), (long long)u64(v + 8));
			break;
		case NXES_KIND_AUDIT_TOKEN:
			for (int i = 0; i < 8; i++)
				fake_es_text_append(&t, " %u", u32(v + 4 * i));
			break;
		case NXES_KIND_STRING_LIST: {
			uint32_t count = u32(v), pos = 4;
			fake_es_text_append(&t, " %u", count);
			for (uint32_t i = 0; i < count && pos + 4 <= n; i++) {
				uint32_t item = u32(v + pos);
				if (item > n - pos - 4) {
					*error = "list item past the end";
					break;
				}
				fake_es_text_hex(&t, v + pos + 4, item);
				pos += 4 + item;
			}
			break;
		}
		default:
			fake_es_text_hex(&t, v, n);
		}
		fake_es_text_append(&t, "\n");
		at += NXES_FIELD_HEADER_LENGTH + nxes_align8(n);
	}
	if (*error != NULL) {
		free(t.data);
		return NULL;
	}
	return t.data;
}
