/*
 * fake_es.c: the fake EndpointSecurity framework. Each client has one serial thread that runs
 * its handler block, in order, as ES does; subscriptions, process muting and executable-path
 * muting filter messages as endpoint-security.md §1.3/§1.4 describe.
 */
#include <Block.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_es.h"

#define MAX_CLIENTS 8
#define MAX_MUTED_PATHS 64
#define MAX_MUTED_PROCESSES 16

typedef enum { JOB_NONE, JOB_DELIVER, JOB_GENERATE, JOB_GENERATE_MIXED, JOB_STOP } job_kind;

struct es_client_s {
	es_handler_block_t handler;
	pthread_t thread;
	pthread_mutex_t lock; /* guards the job mailbox and the filter tables */
	pthread_cond_t changed;
	job_kind job;
	const es_message_t *job_message;
	uint32_t job_type, job_version;
	uint64_t job_count, job_result;
	bool job_done;
	bool subscribed[ES_EVENT_TYPE_LAST];
	uint64_t seq_by_type[ES_EVENT_TYPE_LAST];
	uint64_t global_seq;
	struct { char path[1024]; es_mute_path_type_t type; } muted_paths[MAX_MUTED_PATHS];
	uint32_t muted_path_count;
	audit_token_t muted_processes[MAX_MUTED_PROCESSES];
	uint32_t muted_process_count;
	uint32_t subscribe_calls, largest_batch, legacy_mute_calls;
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static es_client_t *clients[MAX_CLIENTS];
static _Atomic uint32_t os_version = 260000;
static _Atomic int32_t next_new_client_result = ES_NEW_CLIENT_RESULT_SUCCESS;

/* ES_EVENT_TYPE_LAST by macOS release (endpoint-security.md §2). */
static const struct { uint32_t macos, last; } last_types[] = {
	{ 101500, 50 }, { 101501, 83 }, { 101504, 88 }, { 110000, 100 }, { 110300, 103 },
	{ 120000, 111 }, { 130000, 126 }, { 140000, 146 }, { 150000, 147 }, { 150400, 148 },
	{ 260300, 151 }, { 260400, 155 }, { 260500, 157 },
};

void fake_es_set_os_version(uint32_t version) { atomic_store(&os_version, version); }
uint32_t fake_es_os_version(void) { return atomic_load(&os_version); }
void fake_es_fail_next_new_client(int32_t result) { atomic_store(&next_new_client_result, result); }

uint32_t fake_es_last_event_type(void)
{
	uint32_t v = fake_es_os_version(), last = 0;
	for (size_t i = 0; i < sizeof last_types / sizeof last_types[0]; i++)
		if (v >= last_types[i].macos)
			last = last_types[i].last;
	return last;
}

static bool same_process(const audit_token_t *a, const audit_token_t *b)
{
	return a->val[5] == b->val[5] && a->val[7] == b->val[7]; /* pid and pidversion */
}

/* Called with c->lock held. */
static bool wanted(es_client_t *c, const es_message_t *m)
{
	if ((uint32_t)m->event_type >= ES_EVENT_TYPE_LAST || !c->subscribed[m->event_type])
		return false;
	for (uint32_t i = 0; i < c->muted_process_count; i++)
		if (same_process(&c->muted_processes[i], &m->process->audit_token))
			return false;
	const es_file_t *exe = m->process->executable;
	for (uint32_t i = 0; i < c->muted_path_count; i++) {
		size_t n = strlen(c->muted_paths[i].path);
		if (c->muted_paths[i].type == ES_MUTE_PATH_TYPE_LITERAL ? exe->path.length == n && memcmp(exe->path.data, c->muted_paths[i].path, n) == 0
									: exe->path.length >= n && memcmp(exe->path.data, c->muted_paths[i].path, n) == 0)
			return false;
	}
	return true;
}

/* Runs on the serial thread. */
static bool deliver(es_client_t *c, const es_message_t *source, uint64_t mach_time)
{
	pthread_mutex_lock(&c->lock);
	bool deliver_it = wanted(c, source);
	es_message_t m = *source;
	if (deliver_it) {
		uint64_t seq = c->seq_by_type[m.event_type]++;
		uint64_t global = c->global_seq++;
		if (m.version >= 2)
			m.seq_num = seq;
		if (m.version >= 4)
			m.global_seq_num = global;
	}
	pthread_mutex_unlock(&c->lock);
	if (!deliver_it)
		return false;
	if (mach_time != 0)
		m.mach_time = mach_time;
	c->handler(c, &m);
	return true;
}

static uint64_t generate(es_client_t *c, uint32_t type, uint32_t version, uint64_t count, bool mixed)
{
	void *arena = malloc(FAKE_ES_ARENA_SIZE);
	uint32_t kinds = mixed ? fake_es_script_event_count() : 1;
	const es_message_t **messages = calloc(kinds, sizeof *messages);
	void **arenas = calloc(kinds, sizeof *arenas);
	for (uint32_t k = 0; k < kinds; k++) {
		arenas[k] = k == 0 ? arena : malloc(FAKE_ES_ARENA_SIZE);
		messages[k] = fake_es_script(arenas[k], mixed ? fake_es_script_event_type(k) : type, version, 0, NULL);
	}
	uint64_t delivered = 0;
	for (uint64_t i = 0; i < count; i++)
		delivered += deliver(c, messages[i % kinds], 1000 + i);
	for (uint32_t k = 0; k < kinds; k++)
		free(arenas[k]);
	free(arenas);
	free(messages);
	return delivered;
}

static void *serial_thread(void *argument)
{
	es_client_t *c = argument;
	/* Named so that per-thread CPU figures (MacesThroughput, top -H) tell the generator apart. */
	pthread_setname_np(pthread_self(), "fake-es");
	for (;;) {
		pthread_mutex_lock(&c->lock);
		while (c->job == JOB_NONE)
			pthread_cond_wait(&c->changed, &c->lock);
		job_kind job = c->job;
		pthread_mutex_unlock(&c->lock);
		uint64_t result = 0;
		if (job == JOB_DELIVER)
			result = deliver(c, c->job_message, 0);
		else if (job == JOB_GENERATE || job == JOB_GENERATE_MIXED)
			result = generate(c, c->job_type, c->job_version, c->job_count, job == JOB_GENERATE_MIXED);
		pthread_mutex_lock(&c->lock);
		c->job = JOB_NONE;
		c->job_result = result;
		c->job_done = true;
		pthread_cond_broadcast(&c->changed);
		pthread_mutex_unlock(&c->lock);
		if (job == JOB_STOP)
			return NULL;
	}
}

/* Hands one job to the serial thread and waits for it (one job at a time per client). */
static uint64_t run_job(es_client_t *c, job_kind job, const es_message_t *m, uint32_t type,
			uint32_t version, uint64_t count)
{
	pthread_mutex_lock(&c->lock);
	while (c->job != JOB_NONE)
		pthread_cond_wait(&c->changed, &c->lock);
	c->job = job;
	c->job_message = m;
	c->job_type = type;
	c->job_version = version;
	c->job_count = count;
	c->job_done = false;
	pthread_cond_broadcast(&c->changed);
	while (!c->job_done)
		pthread_cond_wait(&c->changed, &c->lock);
	uint64_t result = c->job_result;
	c->job_done = false;
	pthread_cond_broadcast(&c->changed);
	pthread_mutex_unlock(&c->lock);
	return result;
}

es_new_client_result_t es_new_client(es_client_t **client, es_handler_block_t handler)
{
	if (client == NULL || handler == NULL)
		return ES_NEW_CLIENT_RESULT_ERR_INVALID_ARGUMENT;
	int32_t forced = atomic_exchange(&next_new_client_result, ES_NEW_CLIENT_RESULT_SUCCESS);
	if (forced != ES_NEW_CLIENT_RESULT_SUCCESS)
		return (es_new_client_result_t)forced;
	es_client_t *c = calloc(1, sizeof *c);
	if (c == NULL)
		return ES_NEW_CLIENT_RESULT_ERR_INTERNAL;
	c->handler = Block_copy(handler);
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->changed, NULL);
	pthread_mutex_lock(&registry_lock);
	size_t slot = 0;
	while (slot < MAX_CLIENTS && clients[slot] != NULL)
		slot++;
	if (slot == MAX_CLIENTS) {
		pthread_mutex_unlock(&registry_lock);
		Block_release(c->handler);
		free(c);
		return ES_NEW_CLIENT_RESULT_ERR_TOO_MANY_CLIENTS;
	}
	pthread_create(&c->thread, NULL, serial_thread, c);
	clients[slot] = c;
	pthread_mutex_unlock(&registry_lock);
	*client = c;
	return ES_NEW_CLIENT_RESULT_SUCCESS;
}

es_return_t es_delete_client(es_client_t *c)
{
	if (c == NULL)
		return ES_RETURN_SUCCESS;
	pthread_mutex_lock(&registry_lock);
	for (size_t i = 0; i < MAX_CLIENTS; i++)
		if (clients[i] == c)
			clients[i] = NULL;
	pthread_mutex_unlock(&registry_lock);
	run_job(c, JOB_STOP, NULL, 0, 0, 0);
	pthread_join(c->thread, NULL);
	Block_release(c->handler);
	pthread_mutex_destroy(&c->lock);
	pthread_cond_destroy(&c->changed);
	free(c);
	return ES_RETURN_SUCCESS;
}

static es_return_t set_subscriptions(es_client_t *c, const es_event_type_t *events, uint32_t count, bool on)
{
	uint32_t last = fake_es_last_event_type();
	for (uint32_t i = 0; i < count; i++) {
		if ((uint32_t)events[i] >= last) {
			/* what macOS up to 26.3.1 did: a kernel panic. A test that reaches this fails. */
			fprintf(stderr, "fake-es: event type %u >= ES_EVENT_TYPE_LAST %u of macOS %u: kernel panic\n",
				(unsigned)events[i], last, fake_es_os_version());
			abort();
		}
	}
	pthread_mutex_lock(&c->lock);
	for (uint32_t i = 0; i < count; i++)
		c->subscribed[events[i]] = on;
	if (on) {
		c->subscribe_calls++;
		if (count > c->largest_batch)
			c->largest_batch = count;
	}
	pthread_mutex_unlock(&c->lock);
	return ES_RETURN_SUCCESS;
}

es_return_t es_subscribe(es_client_t *c, const es_event_type_t *e, uint32_t n) { return set_subscriptions(c, e, n, true); }
es_return_t es_unsubscribe(es_client_t *c, const es_event_type_t *e, uint32_t n) { return set_subscriptions(c, e, n, false); }

es_return_t es_unsubscribe_all(es_client_t *c)
{
	pthread_mutex_lock(&c->lock);
	memset(c->subscribed, 0, sizeof c->subscribed);
	pthread_mutex_unlock(&c->lock);
	return ES_RETURN_SUCCESS;
}

es_return_t es_mute_process(es_client_t *c, const audit_token_t *token)
{
	pthread_mutex_lock(&c->lock);
	es_return_t r = ES_RETURN_ERROR;
	if (c->muted_process_count < MAX_MUTED_PROCESSES) {
		c->muted_processes[c->muted_process_count++] = *token;
		r = ES_RETURN_SUCCESS;
	}
	pthread_mutex_unlock(&c->lock);
	return r;
}

static es_return_t add_muted_path(es_client_t *c, const char *path, es_mute_path_type_t type, bool legacy)
{
	pthread_mutex_lock(&c->lock);
	es_return_t r = ES_RETURN_ERROR;
	if (legacy)
		c->legacy_mute_calls++;
	if (c->muted_path_count < MAX_MUTED_PATHS && strlen(path) < sizeof c->muted_paths[0].path) {
		strcpy(c->muted_paths[c->muted_path_count].path, path);
		c->muted_paths[c->muted_path_count++].type = type;
		r = ES_RETURN_SUCCESS;
	}
	pthread_mutex_unlock(&c->lock);
	return r;
}

static es_return_t legacy_mute(es_client_t *c, const char *path, es_mute_path_type_t type)
{
	return add_muted_path(c, path, type, true);
}

es_return_t es_mute_path(es_client_t *c, const char *path, es_mute_path_type_t type)
{
	if (fake_es_os_version() < 120000)
		abort(); /* the symbol does not exist before macOS 12: calling it would crash */
	if (type != ES_MUTE_PATH_TYPE_PREFIX && type != ES_MUTE_PATH_TYPE_LITERAL)
		return ES_RETURN_ERROR; /* target-path muting is not modelled */
	return add_muted_path(c, path, type, false);
}

es_return_t es_mute_path_prefix(es_client_t *c, const char *p) { return legacy_mute(c, p, ES_MUTE_PATH_TYPE_PREFIX); }
es_return_t es_mute_path_literal(es_client_t *c, const char *p) { return legacy_mute(c, p, ES_MUTE_PATH_TYPE_LITERAL); }

es_return_t es_unmute_all_paths(es_client_t *c)
{
	pthread_mutex_lock(&c->lock);
	c->muted_path_count = 0;
	pthread_mutex_unlock(&c->lock);
	return ES_RETURN_SUCCESS;
}

uint32_t es_exec_arg_count(const es_event_exec_t *event) { return event->fake_arg_count; }

es_string_token_t es_exec_arg(const es_event_exec_t *event, uint32_t index)
{
	if (index >= event->fake_arg_count)
		abort(); /* undefined in ES */
	return event->fake_args[index];
}

/* ---- controls ---- */

static es_client_t *first_client(void)
{
	pthread_mutex_lock(&registry_lock);
	es_client_t *c = NULL;
	for (size_t i = 0; i < MAX_CLIENTS && c == NULL; i++)
		c = clients[i];
	pthread_mutex_unlock(&registry_lock);
	return c;
}

void fake_es_reset(void)
{
	fake_es_set_os_version(260000);
	fake_es_fail_next_new_client(ES_NEW_CLIENT_RESULT_SUCCESS);
}

static uint64_t each_client(job_kind job, const es_message_t *m, uint32_t type, uint32_t version, uint64_t count)
{
	es_client_t *snapshot[MAX_CLIENTS];
	pthread_mutex_lock(&registry_lock);
	memcpy(snapshot, clients, sizeof snapshot);
	pthread_mutex_unlock(&registry_lock);
	uint64_t total = 0;
	for (size_t i = 0; i < MAX_CLIENTS; i++)
		if (snapshot[i] != NULL)
			total += run_job(snapshot[i], job, m, type, version, count);
	return total;
}

uint32_t fake_es_post(const es_message_t *m) { return (uint32_t)each_client(JOB_DELIVER, m, 0, 0, 0); }
uint64_t fake_es_generate(uint32_t type, uint32_t version, uint64_t count)
{
	return each_client(JOB_GENERATE, NULL, type, version, count);
}
uint64_t fake_es_generate_mixed(uint32_t version, uint64_t count)
{
	return each_client(JOB_GENERATE_MIXED, NULL, 0, version, count);
}

#define INSPECT(expression) \
	es_client_t *c = first_client(); \
	if (c == NULL) \
		return 0; \
	pthread_mutex_lock(&c->lock); \
	uint32_t value = (expression); \
	pthread_mutex_unlock(&c->lock); \
	return value

int32_t fake_es_is_subscribed(uint32_t t) { INSPECT(t < ES_EVENT_TYPE_LAST && c->subscribed[t]); }
uint32_t fake_es_subscribe_calls(void) { INSPECT(c->subscribe_calls); }
uint32_t fake_es_largest_subscribe_batch(void) { INSPECT(c->largest_batch); }
uint32_t fake_es_legacy_mute_calls(void) { INSPECT(c->legacy_mute_calls); }
uint32_t fake_es_muted_processes(void) { INSPECT(c->muted_process_count); }

uint32_t fake_es_live_clients(void)
{
	pthread_mutex_lock(&registry_lock);
	uint32_t n = 0;
	for (size_t i = 0; i < MAX_CLIENTS; i++)
		n += clients[i] != NULL;
	pthread_mutex_unlock(&registry_lock);
	return n;
}
