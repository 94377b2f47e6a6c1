/*
 * nxes_bench: figures for the ring and the flatten path (prints; asserts nothing).
 *
 *   flatten+publish   ns per message for exec (10 arguments), open and close, one thread: the
 *                     work the ES handler does, nxes_handle_message (timed in batches that fit
 *                     the ring, drained untimed)
 *   ... with consumer the same on one thread while another drains the ring (steady state)
 *   ring throughput   records/s from a producer thread to a consumer thread
 *   handler path      events/s from the fake-es generator through the real handler block and
 *                     ring to a consumer thread
 *
 * Run: make -C native bench   (BENCH_SECONDS scales the runs; default about 10 s in all)
 */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake_es.h"
#include "nxes.h"
#include "nxes_flatten.h"
#include "nxes_record.h"
#include "nxes_ring.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#define ROUNDS_MAX 1000

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void ignore(void *context, const uint8_t *record, uint32_t length)
{
	(void)context;
	(void)record;
	(void)length;
}

static void flatten_publish(const char *name, uint32_t type, double seconds, uint64_t capacity)
{
	void *arena = malloc(FAKE_ES_ARENA_SIZE);
	const es_message_t *m = fake_es_script(arena, type, 6, 0, NULL);
	uint8_t *scratch = aligned_alloc(8, NXES_RECORD_MAX_LENGTH);
	nxes_ring ring;
	nxes_ring_create(&ring, capacity);
	uint32_t length = nxes_flatten(m, scratch, NXES_RECORD_MAX_LENGTH);
	uint32_t batch = (uint32_t)(capacity / (length + 8)) / 2;
	/* rounds of one batch each; the machine may be shared, so the best and the median round
	 * are reported (the best is the cost of the code, the median what a busy host sees) */
	double rounds[ROUNDS_MAX], flatten_rounds[ROUNDS_MAX];
	int count = 0;
	double end = now() + seconds;
	while (count < ROUNDS_MAX && (count < 5 || now() < end)) {
		double start = now();
		for (uint32_t i = 0; i < batch; i++)
			nxes_handle_message(&ring, scratch, m); /* what the ES handler block runs */
		rounds[count] = (now() - start) / batch * 1e9;
		nxes_ring_read(&ring, ignore, NULL, UINT32_MAX);
		start = now();
		for (uint32_t i = 0; i < batch / 4; i++)
			nxes_flatten(m, scratch, NXES_RECORD_MAX_LENGTH);
		flatten_rounds[count++] = (now() - start) / (batch / 4) * 1e9;
	}
	qsort(rounds, (size_t)count, sizeof rounds[0], compare_doubles);
	qsort(flatten_rounds, (size_t)count, sizeof rounds[0], compare_doubles);
	printf("flatten+publish %-5s %4u-byte record, %2llu MiB ring: best %6.1f ns, median %6.1f ns/message "
	       "(flatten alone best %5.1f ns), %d rounds, dropped %llu\n",
	       name, length, (unsigned long long)(capacity >> 20), rounds[0], rounds[count / 2], flatten_rounds[0], count,
	       (unsigned long long)nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_RECORDS));
	nxes_ring_destroy(&ring);
	free(scratch);
	free(arena);
}

static nxes_ring shared;
static uint64_t to_send;
static uint32_t record_length;
static atomic_int producing;
static uint32_t spins_before_sleep = 100;

static void *producer(void *unused)
{
	(void)unused;
	uint8_t record[NXES_RECORD_MAX_LENGTH / 64];
	memset(record, 0, sizeof record);
	nxes_store_u32(record, record_length);
	nxes_store_u16(record + 4, NXES_RECORD_FORMAT_VERSION);
	for (uint64_t i = 0; i < to_send;) {
		if (nxes_ring_publish(&shared, record, record_length, 10))
			i++;
		else
			sched_yield(); /* the bench counts sends; the drops this causes are retried */
	}
	atomic_store(&producing, 0);
	return NULL;
}

static double ring_throughput_once(uint32_t length, uint64_t count)
{
	nxes_ring_create(&shared, NXES_RING_DEFAULT_CAPACITY);
	to_send = count;
	record_length = length;
	atomic_store(&producing, 1);
	pthread_t thread;
	double start = now();
	pthread_create(&thread, NULL, producer, NULL);
	uint64_t read = 0;
	uint32_t idle = 0;
	while (read < count) {
		uint32_t n = nxes_ring_read(&shared, ignore, NULL, 4096);
		read += n;
		if (n == 0 && ++idle > spins_before_sleep) {
			nxes_ring_wait(&shared, 1);
			idle = 0;
		} else if (n == 0) {
			sched_yield();
		}
	}
	double elapsed = now() - start;
	pthread_join(thread, NULL);
	nxes_ring_destroy(&shared);
	return (double)count / elapsed;
}

static void ring_throughput(uint32_t length, uint64_t count)
{
	double runs[3];
	for (int i = 0; i < 3; i++)
		runs[i] = ring_throughput_once(length, count / 3);
	qsort(runs, 3, sizeof runs[0], compare_doubles);
	printf("ring throughput %4u-byte records, 2 threads: best %6.1f M records/s (%5.2f GB/s), median %6.1f M/s\n",
	       length, runs[2] / 1e6, runs[2] * length / 1e9, runs[1] / 1e6);
}

/* flatten+publish while a consumer thread drains the ring: the steady state of a busy agent */
static atomic_int draining;
static long drain_pause_ns;
static void *drain(void *argument)
{
	nxes_ring *ring = argument;
	struct timespec pause = { 0, drain_pause_ns };
	while (atomic_load(&draining))
		if (nxes_ring_read(ring, ignore, NULL, 4096) == 0) {
			if (drain_pause_ns)
				nanosleep(&pause, NULL);
			else
				sched_yield();
		}
	return NULL;
}

static void flatten_publish_with_consumer(const char *name, uint32_t type, uint64_t count)
{
	void *arena = malloc(FAKE_ES_ARENA_SIZE);
	const es_message_t *m = fake_es_script(arena, type, 6, 0, NULL);
	uint8_t *scratch = aligned_alloc(8, NXES_RECORD_MAX_LENGTH);
	nxes_ring ring;
	nxes_ring_create(&ring, NXES_RING_DEFAULT_CAPACITY);
	atomic_store(&draining, 1);
	pthread_t consumer;
	pthread_create(&consumer, NULL, drain, &ring);
	double start = now();
	for (uint64_t i = 0; i < count; i++)
		nxes_handle_message(&ring, scratch, m);
	double elapsed = now() - start;
	atomic_store(&draining, 0);
	pthread_join(consumer, NULL);
	printf("flatten+publish %-5s with a consumer thread, 32 MiB ring: %6.1f ns/message, dropped %llu of %llu\n", name,
	       elapsed / (double)count * 1e9, (unsigned long long)nxes_ring_counter(&ring, NXES_RING_OFFSET_DROPPED_RECORDS),
	       (unsigned long long)count);
	nxes_ring_destroy(&ring);
	free(scratch);
	free(arena);
}

typedef struct {
	nxes_client *client;
	uint64_t expected;
	uint64_t read;
} consumer_job;

static void *consume(void *argument)
{
	consumer_job *job = argument;
	nxes_ring view;
	nxes_ring_attach(&view, nxes_ring_address(job->client));
	uint32_t idle = 0;
	while (job->read < job->expected) {
		uint32_t n = nxes_ring_read(&view, ignore, NULL, 4096);
		job->read += n;
		if (n == 0 && ++idle > 100) {
			if (nxes_ring_wait(&view, 50) == 0 && job->read + nxes_dropped_records(job->client) >= job->expected)
				break;
			idle = 0;
		}
	}
	return NULL;
}

static void handler_path(const char *name, uint32_t type, uint64_t count)
{
	int32_t error;
	char message[512];
	nxes_client *client = nxes_open(0, &error, message, sizeof message);
	if (type == 0)
		nxes_subscribe_all(client);
	else
		nxes_subscribe(client, type);
	consumer_job job = { .client = client, .expected = count };
	pthread_t thread;
	pthread_create(&thread, NULL, consume, &job);
	double start = now();
	uint64_t delivered = type == 0 ? fake_es_generate_mixed(6, count) : fake_es_generate(type, 6, count);
	pthread_join(thread, NULL);
	double elapsed = now() - start;
	printf("handler path    %-6s generator -> flatten -> ring -> consumer: %6.2f M events/s, %llu delivered, %llu read, %llu dropped\n",
	       name, (double)delivered / elapsed / 1e6, (unsigned long long)delivered, (unsigned long long)job.read,
	       (unsigned long long)nxes_dropped_records(client));
	nxes_close(client);
}

int main(void)
{
	double seconds = getenv("BENCH_SECONDS") ? atof(getenv("BENCH_SECONDS")) : 1.0;
	uint64_t capacities[2] = { NXES_RING_DEFAULT_CAPACITY, 1u << 20 };
	for (int i = 0; i < 2; i++) {
		flatten_publish("exec", ES_EVENT_TYPE_NOTIFY_EXEC, seconds / 2, capacities[i]);
		flatten_publish("open", ES_EVENT_TYPE_NOTIFY_OPEN, seconds / 2, capacities[i]);
		flatten_publish("close", ES_EVENT_TYPE_NOTIFY_CLOSE, seconds / 2, capacities[i]);
	}
	uint64_t count = (uint64_t)(40e6 * seconds);
	drain_pause_ns = getenv("BENCH_DRAIN_PAUSE_NS") ? atol(getenv("BENCH_DRAIN_PAUSE_NS")) : 0;
	flatten_publish_with_consumer("exec", ES_EVENT_TYPE_NOTIFY_EXEC, count / 8);
	flatten_publish_with_consumer("open", ES_EVENT_TYPE_NOTIFY_OPEN, count / 4);
	if (getenv("BENCH_SPINS"))
		spins_before_sleep = (uint32_t)atoi(getenv("BENCH_SPINS"));
	ring_throughput(64, count);
	ring_throughput(256, count / 2);
	handler_path("open", ES_EVENT_TYPE_NOTIFY_OPEN, count / 8);
	handler_path("exec", ES_EVENT_TYPE_NOTIFY_EXEC, count / 16);
	handler_path("mixed", 0, count / 8);
	return 0;
}
