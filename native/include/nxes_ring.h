/*
 * nxes_ring.h: one-producer one-consumer ring of records in one shared memory region.
 *
 * The shim (ES handler thread) is the only producer; the Java reader
 * (org.openmaces.maces.ring.RingReader) is the only consumer and maps the whole region as one
 * direct ByteBuffer. Region layout (all little-endian; every hot word on its own 128-byte line,
 * which is also Apple silicon's cache line):
 *
 *   offset  size  what                                   written by
 *   0       4     magic 'NXRB' (0x4252584e)              create
 *   4       4     ring layout version                    create
 *   8       8     capacity of the data area (power of 2) create
 *   16      4     data offset (4096)                     create
 *   20      4     record format version                  create
 *   24      4     max record length                      create
 *   128     8     tail: producer position (bytes, ever growing)  producer, release
 *   256     8     head: consumer position (bytes, ever growing)  consumer, release
 *   384     4     consumer sleeping flag (futex word)   both
 *   512     8     records written                        producer
 *   520     8     reserved (bytes written = tail)
 *   528     8     records dropped (ring full)            producer
 *   536     8     bytes dropped                          producer
 *   640     8x256 records dropped per ES event type (index = type; >= 255 all in slot 255)
 *   4096    capacity  data
 *
 * Commit by length (as Agrona's OneToOneRingBuffer): the producer writes the record body, writes
 * a zero length word just after it (so the chain of records always ends in a zero), then stores
 * the record's length with a seq_cst store (a release, and the producer half of the Dekker
 * handshake that decides whether to wake a sleeping consumer). The consumer load-acquires the
 * length at its head: zero means nothing more yet. A padding record (NXES_RECORD_FLAG_PADDING) fills the end of the data
 * area when a record does not fit there. The producer keeps 8 bytes free ahead of the consumer
 * for the zero word, so a full ring holds capacity - 8 bytes of records.
 */
#ifndef NXES_RING_H
#define NXES_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NXES_RING_MAGIC 0x4252584eu
#define NXES_RING_LAYOUT_VERSION 1u

#define NXES_RING_OFFSET_MAGIC 0
#define NXES_RING_OFFSET_LAYOUT_VERSION 4
#define NXES_RING_OFFSET_CAPACITY 8
#define NXES_RING_OFFSET_DATA_OFFSET 16
#define NXES_RING_OFFSET_RECORD_FORMAT_VERSION 20
#define NXES_RING_OFFSET_MAX_RECORD_LENGTH 24
#define NXES_RING_OFFSET_TAIL 128
#define NXES_RING_OFFSET_HEAD 256
#define NXES_RING_OFFSET_SLEEPING 384
#define NXES_RING_OFFSET_WRITTEN_RECORDS 512
#define NXES_RING_OFFSET_WRITTEN_BYTES NXES_RING_OFFSET_TAIL /* padding included */
#define NXES_RING_OFFSET_DROPPED_RECORDS 528
#define NXES_RING_OFFSET_DROPPED_BYTES 536
#define NXES_RING_OFFSET_DROPPED_BY_TYPE 640
#define NXES_RING_DROPPED_TYPE_SLOTS 256
#define NXES_RING_DATA_OFFSET 4096

#define NXES_RING_DEFAULT_CAPACITY (32u * 1024u * 1024u)
#define NXES_RING_MIN_CAPACITY (64u * 1024u)
#define NXES_RING_MAX_CAPACITY (1u << 30)

typedef struct nxes_ring {
	uint8_t *region;   /* NXES_RING_DATA_OFFSET + capacity bytes */
	uint8_t *data;
	uint64_t capacity;
	uint64_t mask;
	/* producer-private copies, so the hot path reads shared lines only when it must */
	uint64_t tail;
	uint64_t head_cache;
	uint64_t written_records;
	bool owns_region;
	void *waiter; /* platform wait object (Darwin: a dispatch semaphore); NULL on Linux */
} nxes_ring;

/* Checks a capacity; returns NULL if good, else a message naming the value and the rule. */
const char *nxes_ring_check_capacity(uint64_t capacity);

/* Maps a zeroed region (anonymous shared memory) and lays out the descriptor. */
int nxes_ring_create(nxes_ring *ring, uint64_t capacity);
/* Lays a ring over caller memory (zeroed, NXES_RING_DATA_OFFSET + capacity bytes, 128-aligned). */
int nxes_ring_init(nxes_ring *ring, void *region, uint64_t capacity);
/* A consumer's view of a region laid out by another nxes_ring (C tests and benchmarks). */
int nxes_ring_attach(nxes_ring *ring, void *region);
void nxes_ring_destroy(nxes_ring *ring);
size_t nxes_ring_region_size(const nxes_ring *ring);

/* Producer: copies one record (its first 4 bytes are its length, a multiple of 8) into the ring
 * and commits it; when it does not fit, counts it as dropped for event_type and returns false.
 * Wait-free: no lock, no allocation; one futex wake syscall only when the consumer sleeps. */
bool nxes_ring_publish(nxes_ring *ring, const uint8_t *record, uint32_t length, uint32_t event_type);

/* Producer, zero-copy: the contiguous free bytes at the tail (at most max_length, rounded down
 * to 8), for writing a record in place; 0 when there are none. The record is then committed with
 * nxes_ring_commit, or abandoned by not committing it. Falls back to nxes_ring_publish when the
 * record needs more room than was offered (it may fit after the wrap). */
uint32_t nxes_ring_claim(nxes_ring *ring, uint8_t **at, uint32_t max_length);
void nxes_ring_commit(nxes_ring *ring, uint32_t length);

/* Consumer side, for C tests and benchmarks (the Java reader does the same). Calls handler for up
 * to limit records and then releases the space; returns the number of records read. */
typedef void (*nxes_record_handler)(void *context, const uint8_t *record, uint32_t length);
uint32_t nxes_ring_read(nxes_ring *ring, nxes_record_handler handler, void *context, uint32_t limit);

/* Consumer: sleeps until a record is committed or timeout_ms passes (0: do not sleep).
 * Returns 1 if a record is available, 0 on time-out. */
int nxes_ring_wait(nxes_ring *ring, uint32_t timeout_ms);
/* Wakes a sleeping consumer (used at shutdown). */
void nxes_ring_wake(nxes_ring *ring);

/* Counters, readable from any thread. */
uint64_t nxes_ring_counter(const nxes_ring *ring, uint32_t offset);
uint64_t nxes_ring_dropped_for_type(const nxes_ring *ring, uint32_t event_type);

/* Platform wait seam (nxes_wait_linux.c: futex on the sleeping word; nxes_wait_darwin.c: a
 * dispatch semaphore). wait returns when woken, on time-out, or spuriously; callers re-check. */
int nxes_platform_waiter_init(nxes_ring *ring);
void nxes_platform_waiter_destroy(nxes_ring *ring);
void nxes_platform_wait(nxes_ring *ring, uint32_t *word, uint32_t expected, uint32_t timeout_ms);
void nxes_platform_wake(nxes_ring *ring, uint32_t *word);

#endif
