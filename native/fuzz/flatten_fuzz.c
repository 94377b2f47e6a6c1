/*
 * flatten_fuzz: libFuzzer target for the flattener. The input becomes one fake es_message_t
 * (fake_es_script_fuzzed: event type, version, variant, then every number, string length and
 * string byte), which nxes_flatten writes into a buffer of the handler's capacity. The record
 * must be well formed for record_text.c's reader, and under ASan nothing outside the message's
 * members (fenced in the arena) or the buffer may be touched.
 */
#include "fake_es.h"
#include "fuzz_check.h"
#include "nxes_flatten.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t *arena, *buffer;
	if (arena == NULL) {
		arena = aligned_alloc(64, FAKE_ES_ARENA_SIZE);
		buffer = aligned_alloc(64, NXES_RECORD_MAX_LENGTH);
	}
	const es_message_t *m = fake_es_script_fuzzed(arena, data, size, NULL);
	uint32_t length = nxes_flatten(m, buffer, NXES_RECORD_MAX_LENGTH);
	fuzz_check_record(buffer, length, (uint32_t)m->event_type, m->version);
	return 0;
}
