/* fuzz_check.h: what every C fuzz target checks of a record, and how it fails (abort, which
 * libFuzzer saves as a crash input and the replay test reports). */
#ifndef NXES_FUZZ_CHECK_H
#define NXES_FUZZ_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nxes_record.h"
#include "record_text.h"

#define FUZZ_REQUIRE(condition, ...)                                                   \
	do {                                                                           \
		if (!(condition)) {                                                    \
			fprintf(stderr, "%s:%d: %s: ", __FILE__, __LINE__, #condition); \
			fprintf(stderr, __VA_ARGS__);                                  \
			fputc('\n', stderr);                                           \
			abort();                                                       \
		}                                                                      \
	} while (0)

/* A record the flattener wrote must be well formed for an independent reader and carry the
 * message's event type and version in its header. */
static inline void fuzz_check_record(const uint8_t *record, uint32_t length, uint32_t event_type,
				     uint32_t version)
{
	uint32_t stored, stored_type, stored_version;
	memcpy(&stored, record, 4);
	memcpy(&stored_type, record + NXES_RECORD_OFFSET_EVENT_TYPE, 4);
	memcpy(&stored_version, record + NXES_RECORD_OFFSET_MESSAGE_VERSION, 4);
	FUZZ_REQUIRE(length >= NXES_RECORD_HEADER_LENGTH && length <= NXES_RECORD_MAX_LENGTH, "length %u", length);
	FUZZ_REQUIRE(length % NXES_RECORD_ALIGNMENT == 0, "length %u", length);
	FUZZ_REQUIRE(stored == length, "length word %u, record %u", stored, length);
	FUZZ_REQUIRE(stored_type == event_type, "event type %u, message %u", stored_type, event_type);
	FUZZ_REQUIRE(stored_version == version, "version %u, message %u", stored_version, version);
	const char *error = NULL;
	char *text = nxes_record_to_text(record, length, &error);
	FUZZ_REQUIRE(text != NULL, "the record reader refused it: %s", error);
	free(text);
}

#endif
