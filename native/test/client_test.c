/* client_test: the ES client against fake-es: subscriptions, muting, self-muting, es_new_client
 * failures, drops per type, the generator and shutdown. */
#include <string.h>
#include <unistd.h>

#include "fake_es.h"
#include "nxes.h"
#include "nxes_es_api.h"
#include "nxes_record.h"
#include "nxes_ring.h"
#include "nxes_test.h"
#include "record_text.h"

typedef struct {
	uint32_t records;
	uint32_t types[64];
} seen;

static void remember(void *context, const uint8_t *record, uint32_t length)
{
	seen *s = context;
	uint32_t type;
	memcpy(&type, record + NXES_RECORD_OFFSET_EVENT_TYPE, 4);
	if (s->records < 64)
		s->types[s->records] = type;
	s->records++;
}

static seen drain(nxes_client *client)
{
	nxes_ring view;
	seen s = { 0 };
	if (nxes_ring_attach(&view, nxes_ring_address(client)) == 0)
		nxes_ring_read(&view, remember, &s, 1u << 30);
	return s;
}

static void *arena;

static uint32_t post(uint32_t type)
{
	return fake_es_post(fake_es_script(arena, type, 6, 0, NULL));
}

static nxes_client *open_client(uint64_t capacity)
{
	int32_t error = 1;
	char message[512];
	nxes_client *client = nxes_open(capacity, &error, message, sizeof message);
	CHECK(client != NULL);
	CHECK(error == NXES_OK);
	return client;
}

static void should_deliver_only_subscribed_events_into_the_ring(void)
{
	fake_es_reset();
	nxes_client *client = open_client(0);
	CHECK_EQ_U64(0, post(ES_EVENT_TYPE_NOTIFY_OPEN)); /* a new client subscribes to nothing */
	CHECK(nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_OPEN) == NXES_OK);
	CHECK_EQ_U64(1, post(ES_EVENT_TYPE_NOTIFY_OPEN));
	CHECK_EQ_U64(0, post(ES_EVENT_TYPE_NOTIFY_CLOSE));
	CHECK(nxes_unsubscribe(client, ES_EVENT_TYPE_NOTIFY_OPEN) == NXES_OK);
	CHECK_EQ_U64(0, post(ES_EVENT_TYPE_NOTIFY_OPEN));
	seen s = drain(client);
	CHECK_EQ_U64(1, s.records);
	CHECK_EQ_U64(ES_EVENT_TYPE_NOTIFY_OPEN, s.types[0]);
	CHECK_EQ_U64(1, nxes_written_records(client));
	nxes_close(client);
}

static void should_subscribe_one_type_per_call_and_only_types_the_os_has(void)
{
	fake_es_reset();
	fake_es_set_os_version(101500); /* 10.15.0: ES_EVENT_TYPE_LAST is 50 */
	nxes_client *client = open_client(0);
	CHECK_EQ_U64(30, nxes_subscribe_all(client)); /* the 10.15.0 NotifyEvents */
	CHECK(nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_PROC_CHECK) == NXES_ERR_UNSUPPORTED_EVENT);
	CHECK(nxes_subscribe(client, 5000) == NXES_ERR_UNSUPPORTED_EVENT);
	CHECK(nxes_subscribe(client, ES_EVENT_TYPE_AUTH_EXEC) == NXES_ERR_UNSUPPORTED_EVENT);
	CHECK_EQ_U64(1, fake_es_largest_subscribe_batch());
	CHECK(!fake_es_is_subscribed(ES_EVENT_TYPE_NOTIFY_CHDIR));
	CHECK(fake_es_is_subscribed(ES_EVENT_TYPE_NOTIFY_LOOKUP));
	nxes_close(client);
	fake_es_set_os_version(101504);
	client = open_client(0);
	CHECK_EQ_U64(51, nxes_subscribe_all(client));
	CHECK(nxes_unsubscribe_all(client) == NXES_OK);
	CHECK(!fake_es_is_subscribed(ES_EVENT_TYPE_NOTIFY_EXEC));
	nxes_close(client);
}

static void should_mute_paths_with_es_mute_path_from_macos_12_and_the_old_calls_before(void)
{
	for (int legacy = 0; legacy <= 1; legacy++) {
		fake_es_reset();
		fake_es_set_os_version(legacy ? 110000 : 150400);
		nxes_client *client = open_client(0);
		nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_WRITE);
		const es_message_t *m = fake_es_script(arena, ES_EVENT_TYPE_NOTIFY_WRITE, 4, 0, NULL);
		char executable[256];
		snprintf(executable, sizeof executable, "%.*s", (int)m->process->executable->path.length,
			 m->process->executable->path.data);
		CHECK(nxes_mute_path_literal(client, executable) == NXES_OK);
		CHECK_EQ_U64(0, fake_es_post(m));
		CHECK(nxes_unmute_all_paths(client) == NXES_OK);
		CHECK_EQ_U64(1, fake_es_post(m));
		CHECK(nxes_mute_path_prefix(client, "/fake/PROCESS_") == NXES_OK);
		CHECK_EQ_U64(0, fake_es_post(m));
		CHECK(nxes_mute_path_literal(client, "/fake/PROCESS_") == NXES_OK);
		CHECK_EQ_U64(legacy ? 3 : 0, fake_es_legacy_mute_calls());
		nxes_close(client);
	}
}

static void should_mute_its_own_process(void)
{
	fake_es_reset();
	nxes_client *client = open_client(0);
	CHECK_EQ_U64(1, fake_es_muted_processes());
	nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_OPEN);
	es_message_t *m = (es_message_t *)fake_es_script(arena, ES_EVENT_TYPE_NOTIFY_OPEN, 4, 0, NULL);
	m->process->audit_token.val[5] = (unsigned)getpid();
	m->process->audit_token.val[7] = 0;
	CHECK_EQ_U64(0, fake_es_post(m));
	m->process->audit_token.val[5] = (unsigned)getpid() + 1;
	CHECK_EQ_U64(1, fake_es_post(m));
	nxes_close(client);
}

static void should_explain_how_to_fix_each_es_new_client_failure(void)
{
	static const struct {
		int32_t result;
		const char *fix;
	} cases[] = {
		{ ES_NEW_CLIENT_RESULT_ERR_INTERNAL, "restart" },
		{ ES_NEW_CLIENT_RESULT_ERR_NOT_ENTITLED, "entitlements/" },
		{ ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED, "Full Disk Access" },
		{ ES_NEW_CLIENT_RESULT_ERR_NOT_PRIVILEGED, "root" },
		{ ES_NEW_CLIENT_RESULT_ERR_TOO_MANY_CLIENTS, "another ES client" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fake_es_reset();
		fake_es_fail_next_new_client(cases[i].result);
		int32_t error = 0;
		char message[1024] = "";
		CHECK(nxes_open(0, &error, message, sizeof message) == NULL);
		CHECK(error == NXES_ERR_NEW_CLIENT - cases[i].result);
		CHECK(strstr(message, cases[i].fix) != NULL);
		CHECK(strcmp(message, nxes_error_message(error)) == 0);
	}
	CHECK_EQ_U64(0, fake_es_live_clients());
	int32_t error = 0;
	char message[256];
	CHECK(nxes_open(3u << 20, &error, message, sizeof message) == NULL);
	CHECK(error == NXES_ERR_INVALID_ARGUMENT && strstr(message, "3145728") != NULL);
}

static void should_count_drops_per_type_when_the_ring_is_full(void)
{
	fake_es_reset();
	nxes_client *client = open_client(NXES_RING_MIN_CAPACITY);
	nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_EXEC);
	nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_CLOSE);
	uint64_t delivered = fake_es_generate(ES_EVENT_TYPE_NOTIFY_EXEC, 6, 1000) +
			     fake_es_generate(ES_EVENT_TYPE_NOTIFY_CLOSE, 6, 1000);
	CHECK_EQ_U64(2000, delivered);
	uint64_t written = nxes_written_records(client), dropped = nxes_dropped_records(client);
	CHECK(dropped > 0);
	CHECK_EQ_U64(delivered, written + dropped);
	CHECK_EQ_U64(dropped, nxes_dropped_for_type(client, ES_EVENT_TYPE_NOTIFY_EXEC) +
				      nxes_dropped_for_type(client, ES_EVENT_TYPE_NOTIFY_CLOSE));
	CHECK(nxes_dropped_for_type(client, ES_EVENT_TYPE_NOTIFY_EXEC) > 0 && nxes_dropped_for_type(client, ES_EVENT_TYPE_NOTIFY_CLOSE) > 0);
	CHECK_EQ_U64(written, drain(client).records);
	nxes_close(client);
}

typedef struct {
	uint64_t next_seq;
	uint64_t bad;
	uint64_t records;
} in_order;

static void check_in_order(void *context, const uint8_t *record, uint32_t length)
{
	in_order *o = context;
	uint64_t seq;
	memcpy(&seq, record + NXES_RECORD_OFFSET_SEQ_NUM, 8);
	const char *error;
	char *text = nxes_record_to_text(record, length, &error);
	if (seq != o->next_seq || text == NULL || strstr(text, "FILE_PATH") == NULL)
		o->bad++;
	free(text);
	o->next_seq++;
	o->records++;
}

/* With a 1 MiB ring the handler writes in place while 256 KiB fit before the wrap and through
 * the scratch buffer near it; both must give the same, intact records in order. */
static void should_write_in_place_and_through_scratch_alike_across_wraps(void)
{
	fake_es_reset();
	nxes_client *client = open_client(1u << 20);
	nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_OPEN);
	nxes_ring view;
	CHECK(nxes_ring_attach(&view, nxes_ring_address(client)) == 0);
	in_order o = { 0 };
	for (int round = 0; round < 20; round++) {
		CHECK_EQ_U64(1000, fake_es_generate(ES_EVENT_TYPE_NOTIFY_OPEN, 10, 1000));
		nxes_ring_read(&view, check_in_order, &o, UINT32_MAX);
	}
	CHECK_EQ_U64(20000, o.records);
	CHECK_EQ_U64(0, o.bad);
	CHECK_EQ_U64(0, nxes_dropped_records(client));
	CHECK(nxes_written_bytes(client) > 5u * (1u << 20)); /* wrapped several times */
	nxes_close(client);
}

static void should_stop_delivering_after_close(void)
{
	fake_es_reset();
	nxes_client *client = open_client(0);
	nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_OPEN);
	CHECK_EQ_U64(1, fake_es_live_clients());
	CHECK(nxes_close(client) == NXES_OK);
	CHECK_EQ_U64(0, fake_es_live_clients());
	CHECK_EQ_U64(0, post(ES_EVENT_TYPE_NOTIFY_OPEN));
}

/* ---- the seam: the same client code against a recording mock (as Santa's MockEndpointSecurityAPI) ---- */

static char calls[512];
static void record_call(const char *name)
{
	strncat(calls, name, sizeof calls - strlen(calls) - 2);
	strncat(calls, " ", sizeof calls - strlen(calls) - 1);
}

static es_client_t *const mock_client = (es_client_t *)(uintptr_t)0x1000;
static es_new_client_result_t mock_new_client(es_client_t **c, es_handler_block_t h)
{
	(void)h;
	record_call("new_client");
	*c = mock_client;
	return ES_NEW_CLIENT_RESULT_SUCCESS;
}
static es_return_t mock_delete_client(es_client_t *c) { record_call(c == mock_client ? "delete" : "delete?"); return ES_RETURN_SUCCESS; }
static es_return_t mock_subscribe(es_client_t *c, const es_event_type_t *e, uint32_t n)
{
	(void)c;
	char call[32];
	snprintf(call, sizeof call, "subscribe:%u:%u", (unsigned)e[0], n);
	record_call(call);
	return e[0] == ES_EVENT_TYPE_NOTIFY_OPEN ? ES_RETURN_ERROR : ES_RETURN_SUCCESS;
}
static es_return_t mock_unsubscribe(es_client_t *c, const es_event_type_t *e, uint32_t n) { (void)c; (void)e; (void)n; record_call("unsubscribe"); return ES_RETURN_SUCCESS; }
static es_return_t mock_unsubscribe_all(es_client_t *c) { (void)c; record_call("unsubscribe_all"); return ES_RETURN_SUCCESS; }
static es_return_t mock_mute_path(es_client_t *c, const char *p, es_mute_path_type_t t) { (void)c; (void)p; record_call(t == ES_MUTE_PATH_TYPE_LITERAL ? "mute_path:literal" : "mute_path:prefix"); return ES_RETURN_SUCCESS; }
static es_return_t mock_mute_prefix(es_client_t *c, const char *p) { (void)c; (void)p; record_call("mute_path_prefix"); return ES_RETURN_SUCCESS; }
static es_return_t mock_mute_literal(es_client_t *c, const char *p) { (void)c; (void)p; record_call("mute_path_literal"); return ES_RETURN_SUCCESS; }
static es_return_t mock_unmute_all(es_client_t *c) { (void)c; record_call("unmute_all_paths"); return ES_RETURN_SUCCESS; }
static es_return_t mock_mute_process(es_client_t *c, const audit_token_t *t) { (void)c; record_call(t->val[5] == 4242 ? "mute_process:self" : "mute_process:?"); return ES_RETURN_SUCCESS; }
static int mock_self_token(audit_token_t *t) { memset(t, 0, sizeof *t); t->val[5] = 4242; return 0; }
static uint32_t mock_version_value;
static uint32_t mock_os_version(void) { return mock_version_value; }

static const nxes_es_api mock_api = {
	.new_client = mock_new_client, .delete_client = mock_delete_client, .subscribe = mock_subscribe,
	.unsubscribe = mock_unsubscribe, .unsubscribe_all = mock_unsubscribe_all, .mute_path = mock_mute_path,
	.mute_path_prefix = mock_mute_prefix, .mute_path_literal = mock_mute_literal,
	.unmute_all_paths = mock_unmute_all, .mute_process = mock_mute_process,
	.self_audit_token = mock_self_token, .os_version = mock_os_version,
};

static void should_drive_any_es_binding_through_the_seam(void)
{
	calls[0] = '\0';
	mock_version_value = 110300; /* macOS 11.3: the old mute calls, no events newer than 11.3 */
	int32_t error;
	char message[256];
	nxes_client *client = nxes_open_with(&mock_api, 0, &error, message, sizeof message);
	CHECK(client != NULL);
	CHECK(nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_EXEC) == NXES_OK);
	CHECK(nxes_subscribe(client, ES_EVENT_TYPE_NOTIFY_OPEN) == NXES_ERR_ES); /* a refusal is reported */
	CHECK(nxes_mute_path_literal(client, "/bin/ls") == NXES_OK);
	CHECK(nxes_mute_path_prefix(client, "/usr/local/") == NXES_OK);
	CHECK(nxes_unmute_all_paths(client) == NXES_OK);
	CHECK(nxes_close(client) == NXES_OK);
	const char *expected = "new_client mute_process:self subscribe:9:1 subscribe:10:1 mute_path_literal "
			       "mute_path_prefix unmute_all_paths unsubscribe_all delete ";
	if (strcmp(calls, expected) != 0)
		fprintf(stderr, "calls: %s\nwanted: %s\n", calls, expected);
	CHECK(strcmp(calls, expected) == 0);

	calls[0] = '\0';
	mock_version_value = 120000;
	client = nxes_open_with(&mock_api, 0, &error, message, sizeof message);
	nxes_mute_path_literal(client, "/bin/ls");
	nxes_mute_path_prefix(client, "/usr/local/");
	nxes_close(client);
	CHECK(strstr(calls, "mute_path:literal mute_path:prefix") != NULL);
	CHECK(nxes_mute_path_literal(NULL, "/x") == NXES_ERR_INVALID_ARGUMENT);
}

static void should_describe_its_layout(void)
{
	CHECK(nxes_layout_version() == NXES_LAYOUT_VERSION);
	CHECK(nxes_layout_constant("NXES_RING_OFFSET_HEAD") == NXES_RING_OFFSET_HEAD);
	CHECK(nxes_layout_constant("NXES_RECORD_HEADER_LENGTH") == NXES_RECORD_HEADER_LENGTH);
	CHECK(nxes_layout_constant("nonsense") == -1);
}

int main(void)
{
	arena = malloc(FAKE_ES_ARENA_SIZE);
	RUN(should_deliver_only_subscribed_events_into_the_ring);
	RUN(should_subscribe_one_type_per_call_and_only_types_the_os_has);
	RUN(should_mute_paths_with_es_mute_path_from_macos_12_and_the_old_calls_before);
	RUN(should_mute_its_own_process);
	RUN(should_explain_how_to_fix_each_es_new_client_failure);
	RUN(should_count_drops_per_type_when_the_ring_is_full);
	RUN(should_write_in_place_and_through_scratch_alike_across_wraps);
	RUN(should_stop_delivering_after_close);
	RUN(should_drive_any_es_binding_through_the_seam);
	RUN(should_describe_its_layout);
	free(arena);
	return FINISH("client_test");
}
