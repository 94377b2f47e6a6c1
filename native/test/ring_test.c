/* ring_test: wrap, padding, full ring, exact accounting, wait and wake. */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "nxes_record.h"
#include "nxes_ring.h"
#include "nxes_test.h"

#define CAPACITY NXES_RING_MIN_CAPACITY

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define UNDER_TSAN 1
#endif
#endif
#ifndef UNDER_TSAN
#define UNDER_TSAN 0
#endif

/* A record of length bytes whose body is seeded with value. */
static void make(uint8_t *record, uint32_t length, uint32_t event_type, uint64_t value)
{
	nxes_record_header h = { .event_type = event_type, .message_version = 1, .seq_num = value };
	nxes_writer w;
	nxes_writer_begin(&w, record, length, &h);
	if (length > NXES_RECORD_HEADER_LENGTH + NXES_FIELD_HEADER_LENGTH) {
		uint8_t *p = nxes_field_open(&w, NXES_FIELD_PROCESS_SIGNING_ID, 0,
					     length - NXES_RECORD_HEADER_LENGTH - NXES_FIELD_HEADER_LENGTH);
		memset(p, (int)(value & 0xff), length - NXES_RECORD_HEADER_LENGTH - NXES_FIELD_HEADER_LENGTH);
	}
	nxes_writer_finish(&w);
}

typedef struct {
	uint64_t records, bytes, next_value;
	int in_order;
} seen;

static void collect(void *context, const uint8_t *record, uint32_t length)
{
	seen *s = context;
	uint64_t value;
	memcpy(&value, record + NXES_RECORD_OFFSET_SEQ_NUM, 8);
	if (value != s->next_value)
		s->in_order = 0;
	uint32_t stored;
	memcpy(&stored, record, 4);
	if (stored != length)
		s->in_order = 0;
	s->next_value++;
	s->records++;
	s->bytes += length;
}

static void should_reject_a_capacity_that_is_not_a_power_of_two(void)
{
	CHECK(nxes_ring_check_capacity(3u << 20) != NULL);
	CHECK(strstr(nxes_ring_check_capacity(3u << 20), "3145728") != NULL);
	CHECK(nxes_ring_check_capacity(1024) != NULL);
	CHECK(nxes_ring_check_capacity(NXES_RING_DEFAULT_CAPACITY) == NULL);
}

static void should_lay_out_the_descriptor(void)
{
	nxes_ring ring;
	CHECK(nxes_ring_create(&ring, CAPACITY) == 0);
	uint32_t magic;
	uint64_t capacity;
	memcpy(&magic, ring.region + NXES_RING_OFFSET_MAGIC, 4);
	memcpy(&capacity, ring.region + NXES_RING_OFFSET_CAPACITY, 8);
	CHECK(magic == NXES_RING_MAGIC);
	CHECK(capacity == CAPACITY);
	CHECK(((uintptr_t)ring.data & 127) == 0);
	nxes_ring_destroy(&ring);
}

static void should_wrap_with_a_padding_record_and_keep_order(void)
{
	nxes_ring ring;
	CHECK(nxes_ring_create(&ring, CAPACITY) == 0);
	uint8_t record[1000];
	seen s = { .in_order = 1 };
	uint64_t value = 0;
	/* odd sizes so the wrap falls mid-record many times */
	for (int round = 0; round < 500; round++) {
		for (int i = 0; i < 7; i++) {
			uint32_t length = 64 + 8u * (uint32_t)((round * 7 + i) % 100);
			make(record, length, 10, value++);
			CHECK(nxes_ring_publish(&ring, record, length, 10));
		}
		nxes_ring_read(&ring, collect, &s, 1000);
	}
	CHECK_EQ_U64(value, s.records);
	CHECK(s.in_order);
	CHECK(ring.tail > 4 * CAPACITY); /* it did wrap */
	CHECK_EQ_U64(0, nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_RECORDS));
	CHECK_EQ_U64(s.records, nxes_ring_counter(&ring, NXES_RING_OFFSET_WRITTEN_RECORDS));
	/* bytes written count padding too: equal to the distance the tail moved */
	CHECK_EQ_U64(ring.tail, nxes_ring_counter(&ring, NXES_RING_OFFSET_WRITTEN_BYTES));
	nxes_ring_destroy(&ring);
}

static void should_drop_and_count_per_type_when_full(void)
{
	nxes_ring ring;
	CHECK(nxes_ring_create(&ring, CAPACITY) == 0);
	uint8_t record[512];
	uint32_t written = 0, dropped = 0;
	for (uint32_t i = 0; i < 1000; i++) {
		uint32_t type = i % 2 ? 12 : 33;
		make(record, sizeof record, type, i);
		if (nxes_ring_publish(&ring, record, sizeof record, type))
			written++;
		else
			dropped++;
	}
	/* capacity - 8 bytes usable: 127 records of 512 */
	CHECK_EQ_U64((CAPACITY - 8) / 512, written);
	CHECK_EQ_U64(1000 - written, dropped);
	CHECK_EQ_U64(dropped, nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_RECORDS));
	CHECK_EQ_U64((uint64_t)dropped * 512, nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_BYTES));
	CHECK_EQ_U64(dropped, nxes_ring_dropped_for_type(&ring, 12) + nxes_ring_dropped_for_type(&ring, 33));
	CHECK(nxes_ring_dropped_for_type(&ring, 12) > 0 && nxes_ring_dropped_for_type(&ring, 33) > 0);
	/* after reading, there is room again */
	seen s = { .next_value = 0, .in_order = 1 };
	CHECK_EQ_U64(written, nxes_ring_read(&ring, collect, &s, 100000));
	make(record, sizeof record, 12, 0);
	CHECK(nxes_ring_publish(&ring, record, sizeof record, 12));
	nxes_ring_destroy(&ring);
}

static void should_drop_a_record_larger_than_the_ring(void)
{
	nxes_ring ring;
	CHECK(nxes_ring_create(&ring, CAPACITY) == 0);
	static uint8_t record[CAPACITY];
	make(record, CAPACITY, 9, 1);
	CHECK(!nxes_ring_publish(&ring, record, CAPACITY, 9));
	CHECK_EQ_U64(1, nxes_ring_dropped_for_type(&ring, 9));
	CHECK(!nxes_ring_publish(&ring, record, 12, 300)); /* not a multiple of 8 */
	CHECK_EQ_U64(1, nxes_ring_dropped_for_type(&ring, 255));
	nxes_ring_destroy(&ring);
}

static void should_time_out_when_idle(void)
{
	nxes_ring ring;
	CHECK(nxes_ring_create(&ring, CAPACITY) == 0);
	CHECK(nxes_ring_wait(&ring, 0) == 0);
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK(nxes_ring_wait(&ring, 20) == 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	CHECK(ms >= 15);
	nxes_ring_destroy(&ring);
}

typedef struct {
	nxes_ring *ring;
	struct timespec published;
} producer_arguments;

static void *publish_later(void *argument)
{
	producer_arguments *p = argument;
	struct timespec pause = { 0, 30 * 1000000 };
	nanosleep(&pause, NULL);
	uint8_t record[64];
	make(record, sizeof record, 10, 0);
	clock_gettime(CLOCK_MONOTONIC, &p->published);
	nxes_ring_publish(p->ring, record, sizeof record, 10);
	return NULL;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The wake-up latency is measured five times; the machine may be busy with other tests, so the
 * best of five must be under a millisecond and the median is printed. */
static void should_wake_a_sleeping_consumer_within_a_millisecond(void)
{
	double latencies[5];
	for (int trial = 0; trial < 5; trial++) {
		nxes_ring ring;
		CHECK(nxes_ring_create(&ring, CAPACITY) == 0);
		producer_arguments p = { .ring = &ring };
		pthread_t producer;
		pthread_create(&producer, NULL, publish_later, &p);
		CHECK(nxes_ring_wait(&ring, 5000) == 1);
		struct timespec woke;
		clock_gettime(CLOCK_MONOTONIC, &woke);
		pthread_join(producer, NULL);
		latencies[trial] = (double)(woke.tv_sec - p.published.tv_sec) * 1e3 +
				   (double)(woke.tv_nsec - p.published.tv_nsec) / 1e6;
		nxes_ring_destroy(&ring);
	}
	qsort(latencies, 5, sizeof latencies[0], compare_doubles);
	printf("ring_test: a sleeping consumer woke %.3f ms (best) / %.3f ms (median) after the publish\n",
	       latencies[0], latencies[2]);
	if (!UNDER_TSAN)
		CHECK(latencies[0] < 1.0);
}

int main(void)
{
	RUN(should_reject_a_capacity_that_is_not_a_power_of_two);
	RUN(should_lay_out_the_descriptor);
	RUN(should_wrap_with_a_padding_record_and_keep_order);
	RUN(should_drop_and_count_per_type_when_full);
	RUN(should_drop_a_record_larger_than_the_ring);
	RUN(should_time_out_when_idle);
	RUN(should_wake_a_sleeping_consumer_within_a_millisecond);
	return FINISH("ring_test");
}
