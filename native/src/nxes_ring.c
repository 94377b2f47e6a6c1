/* nxes_ring.c: the one-producer one-consumer record ring (layout and protocol in nxes_ring.h). */
#include "nxes_ring.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "nxes_atomic.h"
#include "nxes_record.h"

#define AT(ring, offset) ((ring)->region + (offset))

/* How much of the space after the tail is kept requested in the cache: about five open records
 * or two exec ones. Measured in alternating rounds of nxes_bench in one process: of 0, 1024 and
 * 2048 bytes (requesting only new lines), 2048 made flatten+publish fastest (open 91 -> 57 ns
 * best on the 32 MiB ring) with no change to the cross-thread throughput; 4096 (requesting the
 * whole window each time) was slower than 2048. */
#define NXES_RING_PREFETCH_BYTES 2048u

const char *nxes_ring_check_capacity(uint64_t capacity)
{
	static _Thread_local char message[160];
	if (capacity < NXES_RING_MIN_CAPACITY || capacity > NXES_RING_MAX_CAPACITY ||
	    (capacity & (capacity - 1)) != 0) {
		snprintf(message, sizeof message,
			 "ring capacity %llu is not a power of two between %u and %u bytes",
			 (unsigned long long)capacity, NXES_RING_MIN_CAPACITY, NXES_RING_MAX_CAPACITY);
		return message;
	}
	return NULL;
}

int nxes_ring_init(nxes_ring *ring, void *region, uint64_t capacity)
{
	if (nxes_ring_check_capacity(capacity) != NULL || ((uintptr_t)region & 127u) != 0)
		return EINVAL;
	memset(ring, 0, sizeof *ring);
	ring->region = region;
	ring->data = ring->region + NXES_RING_DATA_OFFSET;
	ring->capacity = capacity;
	ring->mask = capacity - 1;
	nxes_store_u32(AT(ring, NXES_RING_OFFSET_LAYOUT_VERSION), NXES_RING_LAYOUT_VERSION);
	nxes_store_u64(AT(ring, NXES_RING_OFFSET_CAPACITY), capacity);
	nxes_store_u32(AT(ring, NXES_RING_OFFSET_DATA_OFFSET), NXES_RING_DATA_OFFSET);
	nxes_store_u32(AT(ring, NXES_RING_OFFSET_RECORD_FORMAT_VERSION), NXES_RECORD_FORMAT_VERSION);
	nxes_store_u32(AT(ring, NXES_RING_OFFSET_MAX_RECORD_LENGTH), NXES_RECORD_MAX_LENGTH);
	int rc = nxes_platform_waiter_init(ring);
	if (rc != 0)
		return rc;
	/* orders: the descriptor above before a reader that load-acquires the magic */
	nxes_store_release_u32(AT(ring, NXES_RING_OFFSET_MAGIC), NXES_RING_MAGIC);
	return 0;
}

int nxes_ring_create(nxes_ring *ring, uint64_t capacity)
{
	if (nxes_ring_check_capacity(capacity) != NULL)
		return EINVAL;
	size_t size = NXES_RING_DATA_OFFSET + (size_t)capacity;
	void *region = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (region == MAP_FAILED)
		return errno;
	int rc = nxes_ring_init(ring, region, capacity);
	if (rc != 0) {
		munmap(region, size);
		return rc;
	}
	ring->owns_region = true;
	return 0;
}

int nxes_ring_attach(nxes_ring *ring, void *region)
{
	memset(ring, 0, sizeof *ring);
	ring->region = region;
	/* orders: the descriptor after its magic (pairs with nxes_ring_init) */
	if (nxes_load_acquire_u32(AT(ring, NXES_RING_OFFSET_MAGIC)) != NXES_RING_MAGIC)
		return EINVAL;
	memcpy(&ring->capacity, AT(ring, NXES_RING_OFFSET_CAPACITY), 8);
	ring->data = ring->region + NXES_RING_DATA_OFFSET;
	ring->mask = ring->capacity - 1;
	return 0;
}

void nxes_ring_destroy(nxes_ring *ring)
{
	if (ring->region == NULL)
		return;
	nxes_platform_waiter_destroy(ring);
	if (ring->owns_region)
		munmap(ring->region, nxes_ring_region_size(ring));
	ring->region = NULL;
}

size_t nxes_ring_region_size(const nxes_ring *ring)
{
	return NXES_RING_DATA_OFFSET + (size_t)ring->capacity;
}

static inline void count(nxes_ring *ring, uint32_t offset, uint64_t amount)
{
	uint8_t *p = AT(ring, offset);
	/* one writer (the producer): a relaxed load-add-store is exact and readers see whole values */
	nxes_store_relaxed_u64(p, nxes_load_relaxed_u64(p) + amount);
}

static bool drop(nxes_ring *ring, uint32_t length, uint32_t event_type)
{
	uint32_t slot = event_type < NXES_RING_DROPPED_TYPE_SLOTS ? event_type : NXES_RING_DROPPED_TYPE_SLOTS - 1;
	count(ring, NXES_RING_OFFSET_DROPPED_RECORDS, 1);
	count(ring, NXES_RING_OFFSET_DROPPED_BYTES, length);
	count(ring, NXES_RING_OFFSET_DROPPED_BY_TYPE + 8u * slot, 1);
	return false;
}

/* Copies the record body (everything after its length word), terminates the chain with a zero
 * length word at the next position (relaxed: the commit below orders it), and commits the record
 * by storing its length. */
static inline void place(nxes_ring *ring, uint64_t offset, const uint8_t *record, uint32_t length)
{
	uint8_t *slot = ring->data + offset;
	memcpy(slot + 4, record + 4, length - 4);
	nxes_store_relaxed_u32(ring->data + ((offset + length) & ring->mask), 0);
	/* orders: the body and the terminating zero above before the consumer's acquire of the
	 * length; seq_cst also orders this commit before the producer's load of the sleeping flag
	 * (Dekker with nxes_ring_wait), so a consumer going to sleep is never missed */
	nxes_store_seq_cst_u32(slot, length);
}

/* After a commit: the tail, the counters, a wake-up if the consumer sleeps, and the next space
 * fetched into the cache. */
static inline void committed(nxes_ring *ring, uint64_t tail)
{
	uint64_t previous = ring->tail;
	ring->tail = tail;
	/* the consumer follows lengths, not these: relaxed, for monitoring; tail is also the
	 * count of bytes written (padding included) */
	nxes_store_relaxed_u64(AT(ring, NXES_RING_OFFSET_TAIL), tail);
	nxes_store_relaxed_u64(AT(ring, NXES_RING_OFFSET_WRITTEN_RECORDS), ++ring->written_records);
	/* orders: after the seq_cst commit; pairs with the consumer's seq_cst flag store and
	 * length load in nxes_ring_wait: one of the two sees the other's store */
	uint32_t *sleeping = (uint32_t *)AT(ring, NXES_RING_OFFSET_SLEEPING);
	if (nxes_load_seq_cst_u32(sleeping) != 0 && nxes_exchange_u32(sleeping, 0) != 0)
		nxes_platform_wake(ring, sleeping);
	/* The space the next records go to was last touched a whole lap ago (32 MiB by default), so it
	 * is out of the caches: keep the window of NXES_RING_PREFETCH_BYTES after the tail requested,
	 * for writing, so later messages find their lines there instead of waiting on memory line by
	 * line. Only the lines that entered the window with this record are requested (one for a
	 * small record), so a run of small records does not repeat requests. A hint only: it never
	 * faults, and the addresses stay inside the ring. */
	for (uint64_t line = (previous + NXES_RING_PREFETCH_BYTES) & ~(uint64_t)63;
	     line < tail + NXES_RING_PREFETCH_BYTES; line += 64)
		__builtin_prefetch(ring->data + (line & ring->mask), 1, 3);
}

bool nxes_ring_publish(nxes_ring *ring, const uint8_t *record, uint32_t length, uint32_t event_type)
{
	if (length < 8 || (length & 7u) != 0 || (uint64_t)length + 8 > ring->capacity)
		return drop(ring, length, event_type);
	uint64_t tail = ring->tail;
	uint64_t offset = tail & ring->mask;
	uint64_t to_end = ring->capacity - offset;
	uint64_t padding = length > to_end ? to_end : 0;
	uint64_t needed = padding + length + 8; /* + 8: the terminating zero word stays free */
	if (needed > ring->capacity - (tail - ring->head_cache)) {
		/* orders: the consumer's reads of the space it released before our writes into it */
		ring->head_cache = nxes_load_acquire_u64(AT(ring, NXES_RING_OFFSET_HEAD));
		if (needed > ring->capacity - (tail - ring->head_cache))
			return drop(ring, length, event_type);
	}
	if (padding != 0) {
		/* the record goes to the start; the consumer cannot pass the zero at offset before
		 * the padding below is committed, so it never sees the start too early */
		place(ring, 0, record, length);
		uint8_t *pad = ring->data + offset;
		nxes_store_u16(pad + NXES_RECORD_OFFSET_FORMAT_VERSION, NXES_RECORD_FORMAT_VERSION);
		nxes_store_u16(pad + NXES_RECORD_OFFSET_FLAGS, NXES_RECORD_FLAG_PADDING);
		/* orders: the padding flags and the record placed at the start before the padding's
		 * commit, and that commit before the sleeping flag's load (as in place) */
		nxes_store_seq_cst_u32(pad, (uint32_t)padding);
	} else {
		place(ring, offset, record, length);
	}
	committed(ring, tail + padding + length);
	return true;
}

uint32_t nxes_ring_claim(nxes_ring *ring, uint8_t **at, uint32_t max_length)
{
	uint64_t tail = ring->tail;
	uint64_t offset = tail & ring->mask;
	uint64_t room = ring->capacity - (tail - ring->head_cache);
	if (room < max_length + 8u) {
		/* orders: as in nxes_ring_publish */
		ring->head_cache = nxes_load_acquire_u64(AT(ring, NXES_RING_OFFSET_HEAD));
		room = ring->capacity - (tail - ring->head_cache);
	}
	room = room < 8 ? 0 : room - 8; /* the terminating zero word stays free */
	if (room > ring->capacity - offset)
		room = ring->capacity - offset;
	if (room > max_length)
		room = max_length;
	*at = ring->data + offset;
	return (uint32_t)room & ~7u;
}

void nxes_ring_commit(nxes_ring *ring, uint32_t length)
{
	uint64_t tail = ring->tail;
	uint8_t *slot = ring->data + (tail & ring->mask);
	nxes_store_relaxed_u32(ring->data + ((tail + length) & ring->mask), 0);
	/* orders: the record written in place and the terminating zero before the consumer's
	 * acquire of the length; seq_cst for the sleeping flag, as in place() */
	nxes_store_seq_cst_u32(slot, length);
	committed(ring, tail + length);
}

static inline uint64_t consumer_head(nxes_ring *ring)
{
	/* the consumer is the only writer of head */
	return nxes_load_relaxed_u64(AT(ring, NXES_RING_OFFSET_HEAD));
}

uint32_t nxes_ring_read(nxes_ring *ring, nxes_record_handler handler, void *context, uint32_t limit)
{
	uint64_t head = consumer_head(ring);
	uint32_t records = 0;
	while (records < limit) {
		const uint8_t *slot = ring->data + (head & ring->mask);
		/* orders: the record's body after its commit (pairs with place()'s release) */
		uint32_t length = nxes_load_acquire_u32(slot);
		if (length == 0)
			break;
		uint16_t flags;
		memcpy(&flags, slot + NXES_RECORD_OFFSET_FLAGS, sizeof flags);
		if ((flags & NXES_RECORD_FLAG_PADDING) == 0) {
			handler(context, slot, length);
			records++;
		}
		head += length;
	}
	/* orders: our reads of the consumed records before the producer reuses their space */
	nxes_store_release_u64(AT(ring, NXES_RING_OFFSET_HEAD), head);
	return records;
}

static inline bool available(nxes_ring *ring, uint64_t head)
{
	/* orders: as in nxes_ring_read */
	return nxes_load_acquire_u32(ring->data + (head & ring->mask)) != 0;
}

int nxes_ring_wait(nxes_ring *ring, uint32_t timeout_ms)
{
	uint64_t head = consumer_head(ring);
	if (available(ring, head))
		return 1;
	if (timeout_ms == 0)
		return 0;
	uint32_t *sleeping = (uint32_t *)AT(ring, NXES_RING_OFFSET_SLEEPING);
	/* orders: the flag store before re-reading the length (Dekker with nxes_ring_publish's
	 * seq_cst commit and flag load) */
	nxes_store_seq_cst_u32(sleeping, 1);
	if (nxes_load_seq_cst_u32(ring->data + (head & ring->mask)) == 0)
		nxes_platform_wait(ring, sleeping, 1, timeout_ms);
	/* no ordering needed: a producer that still sees 1 only wakes nobody (or makes the next
	 * wait return early, which re-checks) */
	nxes_store_relaxed_u32(sleeping, 0);
	return available(ring, head) ? 1 : 0;
}

void nxes_ring_wake(nxes_ring *ring)
{
	uint32_t *sleeping = (uint32_t *)AT(ring, NXES_RING_OFFSET_SLEEPING);
	/* orders: as the producer's wake in committed(); only the one who clears the flag wakes */
	if (nxes_exchange_u32(sleeping, 0) != 0)
		nxes_platform_wake(ring, sleeping);
}

uint64_t nxes_ring_counter(const nxes_ring *ring, uint32_t offset)
{
	/* a statistic with one writer: a whole value, no ordering */
	return nxes_load_relaxed_u64(ring->region + offset);
}

uint64_t nxes_ring_dropped_for_type(const nxes_ring *ring, uint32_t event_type)
{
	uint32_t slot = event_type < NXES_RING_DROPPED_TYPE_SLOTS ? event_type : NXES_RING_DROPPED_TYPE_SLOTS - 1;
	return nxes_ring_counter(ring, NXES_RING_OFFSET_DROPPED_BY_TYPE + 8u * slot);
}
