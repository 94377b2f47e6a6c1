/*
 * ring_fuzz: libFuzzer target for the record writer on the handler's path. The input is a
 * sequence of steps, each a fake message (as in flatten_fuzz) handed to nxes_handle_message on
 * a smallest-size ring (64 KiB, so records go in place, through scratch, as padding at the wrap
 * or dropped when the ring is full), followed by one byte that says how many records the
 * consumer reads. Every record read must be well formed and belong to the message it was written
 * for, in order; at the end every message must be either read or counted as dropped.
 */
#include <sys/mman.h>

#include "fake_es.h"
#include "fuzz_check.h"
#include "nxes_flatten.h"
#include "nxes_ring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_STEPS 64

typedef struct {
	uint32_t event_type[MAX_STEPS], version[MAX_STEPS];
	uint64_t mach_time[MAX_STEPS];
	int dropped[MAX_STEPS];
	uint32_t written, read;
	uint64_t dropped_before;
} ledger;

static void check(void *context, const uint8_t *record, uint32_t length)
{
	ledger *l = context;
	/* skip the messages the ring dropped: they were never written */
	while (l->read < l->written && l->dropped[l->read])
		l->read++;
	FUZZ_REQUIRE(l->read < l->written, "read a record %u that was never written", l->read);
	uint64_t mach_time;
	memcpy(&mach_time, record + NXES_RECORD_OFFSET_MACH_TIME, 8);
	FUZZ_REQUIRE(mach_time == l->mach_time[l->read], "record %u out of order", l->read);
	fuzz_check_record(record, length, l->event_type[l->read], l->version[l->read]);
	l->read++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t *arena, *scratch;
	if (arena == NULL) {
		arena = aligned_alloc(64, FAKE_ES_ARENA_SIZE);
		scratch = aligned_alloc(64, NXES_RECORD_MAX_LENGTH);
	}
	nxes_ring ring;
	FUZZ_REQUIRE(nxes_ring_create(&ring, NXES_RING_MIN_CAPACITY) == 0, "cannot create a ring");
	ledger l = { 0 };
	size_t at = 0;
	while (at < size && l.written < MAX_STEPS) {
		size_t used = 0;
		const es_message_t *m = fake_es_script_fuzzed(arena, data + at, size - at, &used);
		at += used;
		uint64_t dropped_before = nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_RECORDS);
		l.event_type[l.written] = (uint32_t)m->event_type;
		l.version[l.written] = m->version;
		l.mach_time[l.written] = m->mach_time;
		nxes_handle_message(&ring, scratch, m);
		l.dropped[l.written] = nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_RECORDS) != dropped_before;
		l.written++;
		uint32_t reads = at < size ? data[at++] % 8 : 0;
		if (reads > 0)
			nxes_ring_read(&ring, check, &l, reads);
		if (used == 0)
			break;
	}
	nxes_ring_read(&ring, check, &l, UINT32_MAX);
	while (l.read < l.written && l.dropped[l.read])
		l.read++;
	uint64_t dropped = nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_RECORDS);
	uint32_t dropped_steps = 0;
	for (uint32_t i = 0; i < l.written; i++)
		dropped_steps += (uint32_t)l.dropped[i];
	FUZZ_REQUIRE(l.read == l.written, "%u messages, %u read back", l.written, l.read);
	FUZZ_REQUIRE(dropped == dropped_steps, "%llu counted dropped, %u steps dropped", (unsigned long long)dropped,
		     dropped_steps);
	nxes_ring_destroy(&ring);
	return 0;
}
