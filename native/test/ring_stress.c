/*
 * ring_stress COUNT [STEPS]: one producer and one consumer thread move COUNT records of varied length
 * (24 to 24 + 8 * (STEPS - 1) bytes, STEPS <= 29), half of them published by copy, half written in
 * place (nxes_ring_claim/commit)
 * through a small ring; every record carries its sequence number and a body derived from it.
 * Run under ThreadSanitizer by `make test`. Exact accounting: written + dropped == COUNT and
 * the consumer sees exactly the written ones, in order, every body word intact.
 */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>

#include "nxes_record.h"
#include "nxes_ring.h"
#include "nxes_test.h"

static nxes_ring ring;
static uint64_t total;
static uint32_t length_steps = 29; /* lengths 24 .. 24 + 8 * (steps - 1) */
static atomic_int producer_done;

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x;
}

static void *produce(void *unused)
{
	uint8_t record[256];
	for (uint64_t i = 0; i < total; i++) {
		uint32_t length = 24 + 8u * (uint32_t)(mix(i) % length_steps);
		/* [0..8) record header words, [8..16) sequence, then words derived from it */
		nxes_store_u32(record, length);
		nxes_store_u16(record + 4, NXES_RECORD_FORMAT_VERSION);
		nxes_store_u16(record + 6, 0);
		memcpy(record + 8, &i, 8);
		for (uint32_t w = 1; w < (length - 8) / 8; w++) {
			uint64_t v = mix(i * 31 + w);
			memcpy(record + 8 + 8 * w, &v, 8);
		}
		if (i & 1) {
			/* every other record written in place, as the ES handler does when there is room */
			uint8_t *at;
			if (nxes_ring_claim(&ring, &at, length) == length) {
				memcpy(at + 4, record + 4, length - 4);
				nxes_ring_commit(&ring, length);
				continue;
			}
		}
		while (!nxes_ring_publish(&ring, record, length, (uint32_t)(i & 7))) {
			/* exact accounting of drops is checked by ring_test; here nothing may be lost */
			sched_yield();
		}
	}
	atomic_store(&producer_done, 1);
	return NULL;
}

typedef struct {
	uint64_t next, bad;
} consumer_state;

static void check(void *context, const uint8_t *record, uint32_t length)
{
	consumer_state *c = context;
	uint64_t sequence;
	memcpy(&sequence, record + 8, 8);
	uint32_t expected_length = 24 + 8u * (uint32_t)(mix(sequence) % length_steps);
	for (uint32_t w = 1; w < (length - 8) / 8; w++) {
		uint64_t v; /* every word checked: stronger than a checksum */
		memcpy(&v, record + 8 + 8 * w, 8);
		if (v != mix(sequence * 31 + w))
			c->bad++;
	}
	if (sequence != c->next || length != expected_length)
		c->bad++;
	c->next++;
}

int main(int argc, char **argv)
{
	total = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
	if (argc > 2)
		length_steps = (uint32_t)strtoul(argv[2], NULL, 10);
	if (length_steps < 1 || length_steps > 29)
		length_steps = 29;
	CHECK(nxes_ring_create(&ring, 1u << 24) == 0);
	pthread_t producer;
	pthread_create(&producer, NULL, produce, NULL);
	consumer_state c = { 0 };
	/* backoff as the Java reader does: yield a while before sleeping, so the producer rarely
	 * finds a sleeper to wake */
	uint32_t idle = 0;
	while (c.next < total) {
		if (nxes_ring_read(&ring, check, &c, 4096) != 0) {
			idle = 0;
		} else if (++idle < 200) {
			sched_yield();
		} else if (nxes_ring_wait(&ring, 100) == 0 && atomic_load(&producer_done) &&
			   nxes_ring_wait(&ring, 0) == 0) {
			break;
		}
	}
	pthread_join(producer, NULL);
	CHECK_EQ_U64(total, c.next);
	CHECK_EQ_U64(0, c.bad);
	CHECK_EQ_U64(total, nxes_ring_counter(&ring, NXES_RING_OFFSET_WRITTEN_RECORDS));
	printf("ring_stress: %llu publish attempts found the ring full and were retried\n",
	       (unsigned long long)nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_RECORDS));
	printf("ring_stress: %llu records, %llu bytes through a 16 MiB ring\n", (unsigned long long)total,
	       (unsigned long long)nxes_ring_counter(&ring, NXES_RING_OFFSET_WRITTEN_BYTES));
	nxes_ring_destroy(&ring);
	nxes_test_passed = nxes_test_current_failed ? 0 : 1;
	nxes_test_failed = nxes_test_current_failed;
	return FINISH("ring_stress");
}
