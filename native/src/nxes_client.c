/*
 * nxes_client.c: the ES client. Its handler flattens each message into the ring synchronously
 * (nxes_flatten + nxes_ring_publish): no lock, no allocation, no call into Java. Everything else
 * here is the control path called through JNA.
 */
#include "nxes.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nxes_es_api.h"
#include "nxes_flatten.h"
#include "nxes_record.h"
#include "nxes_ring.h"

struct nxes_client {
	const nxes_es_api *api;
	es_client_t *es;
	nxes_ring ring;
	uint8_t *scratch; /* one record being flattened; the handler runs serially, so one is enough */
	uint32_t os_version;
	atomic_int closed;
};

typedef struct {
	uint32_t type;
	uint32_t first_macos;
} nxes_event_row;

static const nxes_event_row events[] = {
#define NXES_EVENT(value, name, NAME, macos) { value, macos },
#include "nxes_events.def"
#undef NXES_EVENT
};
#define EVENT_ROWS (sizeof events / sizeof events[0])
_Static_assert(EVENT_ROWS == 51, "one row per NotifyEvent");

int32_t nxes_layout_version(void) { return NXES_LAYOUT_VERSION; }

int64_t nxes_layout_constant(const char *name)
{
	static const struct {
		const char *name;
		int64_t value;
	} constants[] = {
#define C(x) { #x, x }
		C(NXES_RING_MAGIC), C(NXES_RING_LAYOUT_VERSION), C(NXES_RING_OFFSET_MAGIC),
		C(NXES_RING_OFFSET_LAYOUT_VERSION), C(NXES_RING_OFFSET_CAPACITY),
		C(NXES_RING_OFFSET_DATA_OFFSET), C(NXES_RING_OFFSET_RECORD_FORMAT_VERSION),
		C(NXES_RING_OFFSET_MAX_RECORD_LENGTH), C(NXES_RING_OFFSET_TAIL), C(NXES_RING_OFFSET_HEAD),
		C(NXES_RING_OFFSET_SLEEPING), C(NXES_RING_OFFSET_WRITTEN_RECORDS),
		C(NXES_RING_OFFSET_WRITTEN_BYTES), C(NXES_RING_OFFSET_DROPPED_RECORDS),
		C(NXES_RING_OFFSET_DROPPED_BYTES), C(NXES_RING_OFFSET_DROPPED_BY_TYPE),
		C(NXES_RING_DROPPED_TYPE_SLOTS), C(NXES_RING_DATA_OFFSET), C(NXES_RING_DEFAULT_CAPACITY),
		C(NXES_RING_MIN_CAPACITY), C(NXES_RING_MAX_CAPACITY),
		C(NXES_RECORD_FORMAT_VERSION), C(NXES_RECORD_OFFSET_LENGTH),
		C(NXES_RECORD_OFFSET_FORMAT_VERSION), C(NXES_RECORD_OFFSET_FLAGS),
		C(NXES_RECORD_OFFSET_EVENT_TYPE), C(NXES_RECORD_OFFSET_MESSAGE_VERSION),
		C(NXES_RECORD_OFFSET_SEQ_NUM), C(NXES_RECORD_OFFSET_GLOBAL_SEQ_NUM),
		C(NXES_RECORD_OFFSET_TIME_NANOS), C(NXES_RECORD_OFFSET_MACH_TIME),
		C(NXES_RECORD_HEADER_LENGTH), C(NXES_RECORD_ALIGNMENT), C(NXES_FIELD_HEADER_LENGTH),
		C(NXES_RECORD_FLAG_TRUNCATED), C(NXES_RECORD_FLAG_PADDING),
		C(NXES_FIELD_FLAG_SOURCE_TRUNCATED), C(NXES_FIELD_FLAG_CUT),
		C(NXES_RECORD_MAX_LENGTH), C(NXES_EXEC_ARGS_MAX_BYTES),
#undef C
	};
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
		if (strcmp(constants[i].name, name) == 0)
			return constants[i].value;
	return -1;
}

const char *nxes_error_message(int32_t error)
{
	switch (error) {
	case NXES_OK:
		return "no error";
	case NXES_ERR_INVALID_ARGUMENT:
		return "invalid argument";
	case NXES_ERR_UNSUPPORTED_EVENT:
		return "the event type is not one of the 51 NotifyEvents or the running macOS lacks it";
	case NXES_ERR_ES:
		return "Endpoint Security refused the call";
	case NXES_ERR_CLOSED:
		return "the Endpoint Security client is closed";
	case NXES_ERR_NO_MEMORY:
		return "out of memory while creating the ring buffer";
	case NXES_ERR_NEW_CLIENT - ES_NEW_CLIENT_RESULT_ERR_INVALID_ARGUMENT:
		return "es_new_client: invalid argument (a bug in the shim; please report it)";
	case NXES_ERR_NEW_CLIENT - ES_NEW_CLIENT_RESULT_ERR_INTERNAL:
		return "es_new_client: the Endpoint Security subsystem could not be reached "
		       "(ERR_INTERNAL); restart the agent, and reboot if it persists";
	case NXES_ERR_NEW_CLIENT - ES_NEW_CLIENT_RESULT_ERR_NOT_ENTITLED:
		return "es_new_client: this executable lacks the com.apple.developer.endpoint-security.client "
		       "entitlement (ERR_NOT_ENTITLED); start the agent through the signed nxlog launcher of "
		       "the bundle (signing: see entitlements/), or use the eslogger source, which needs no "
		       "entitlement";
	case NXES_ERR_NEW_CLIENT - ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED:
		return "es_new_client: Full Disk Access is not granted (ERR_NOT_PERMITTED); stop the agent "
		       "(sudo launchctl unload /Library/LaunchDaemons/com.nxlog.plist), open System Settings > "
		       "Privacy & Security > Full Disk Access (macOS 12 and older: System Preferences > "
		       "Security & Privacy > Privacy > Full Disk Access), unlock, add and tick nxlog, then "
		       "start it again (sudo launchctl load /Library/LaunchDaemons/com.nxlog.plist); managed "
		       "Macs can grant it with a PPPC profile (SystemPolicyAllFiles)";
	case NXES_ERR_NEW_CLIENT - ES_NEW_CLIENT_RESULT_ERR_NOT_PRIVILEGED:
		return "es_new_client: the agent is not running as root (ERR_NOT_PRIVILEGED); run it with "
		       "sudo or as the launchd daemon com.nxlog.plist";
	case NXES_ERR_NEW_CLIENT - ES_NEW_CLIENT_RESULT_ERR_TOO_MANY_CLIENTS:
		return "es_new_client: the system has too many Endpoint Security clients "
		       "(ERR_TOO_MANY_CLIENTS); stop another ES client (another agent instance, eslogger, "
		       "a security product) and start the agent again";
	default:
		return error <= NXES_ERR_NEW_CLIENT ? "es_new_client: unknown failure" : "unknown error";
	}
}

void nxes_handle_message(nxes_ring *ring, uint8_t *scratch, const es_message_t *msg)
{
	/* flatten straight into the ring when the free space before the wrap is large enough for
	 * any record; otherwise (near the wrap, or a nearly full ring) through the scratch buffer,
	 * which pads at the wrap or counts the drop */
	uint8_t *at;
	uint32_t room = nxes_ring_claim(ring, &at, NXES_RECORD_MAX_LENGTH);
	if (room == NXES_RECORD_MAX_LENGTH) {
		nxes_ring_commit(ring, nxes_flatten_unpublished(msg, at, room));
		return;
	}
	uint32_t length = nxes_flatten(msg, scratch, NXES_RECORD_MAX_LENGTH);
	nxes_ring_publish(ring, scratch, length, (uint32_t)msg->event_type);
}

static void fail(int32_t code, int32_t *error, char *message, size_t message_size)
{
	if (error != NULL)
		*error = code;
	if (message != NULL && message_size > 0)
		snprintf(message, message_size, "%s", nxes_error_message(code));
}

nxes_client *nxes_open_with(const nxes_es_api *api, uint64_t ring_capacity, int32_t *error,
			    char *message, size_t message_size)
{
	if (ring_capacity == 0)
		ring_capacity = NXES_RING_DEFAULT_CAPACITY;
	const char *bad_capacity = nxes_ring_check_capacity(ring_capacity);
	if (api == NULL || bad_capacity != NULL) {
		if (error != NULL)
			*error = NXES_ERR_INVALID_ARGUMENT;
		if (message != NULL && message_size > 0)
			snprintf(message, message_size, "%s", bad_capacity ? bad_capacity : "no ES binding");
		return NULL;
	}
	nxes_client *client = calloc(1, sizeof *client);
	if (client != NULL)
		client->scratch = aligned_alloc(8, NXES_RECORD_MAX_LENGTH);
	if (client == NULL || client->scratch == NULL || nxes_ring_create(&client->ring, ring_capacity) != 0) {
		if (client != NULL)
			free(client->scratch);
		free(client);
		fail(NXES_ERR_NO_MEMORY, error, message, message_size);
		return NULL;
	}
	client->api = api;
	client->os_version = api->os_version();
	nxes_ring *ring = &client->ring;
	uint8_t *scratch = client->scratch;
	es_handler_block_t handler = ^(es_client_t *es, const es_message_t *msg) {
		(void)es;
		nxes_handle_message(ring, scratch, msg);
	};
	es_new_client_result_t result = api->new_client(&client->es, handler);
	if (result != ES_NEW_CLIENT_RESULT_SUCCESS) {
		nxes_ring_destroy(&client->ring);
		free(client->scratch);
		free(client);
		fail(NXES_ERR_NEW_CLIENT - (int32_t)result, error, message, message_size);
		return NULL;
	}
	nxes_mute_self(client);
	if (error != NULL)
		*error = NXES_OK;
	return client;
}

nxes_client *nxes_open(uint64_t ring_capacity, int32_t *error, char *message, size_t message_size)
{
	return nxes_open_with(nxes_es_system_api(), ring_capacity, error, message, message_size);
}

int32_t nxes_close(nxes_client *client)
{
	if (client == NULL)
		return NXES_ERR_INVALID_ARGUMENT;
	atomic_store(&client->closed, 1);
	client->api->unsubscribe_all(client->es);
	es_return_t deleted = client->api->delete_client(client->es);
	nxes_ring_wake(&client->ring);
	nxes_ring_destroy(&client->ring);
	free(client->scratch);
	free(client);
	return deleted == ES_RETURN_SUCCESS ? NXES_OK : NXES_ERR_ES;
}

void *nxes_ring_address(nxes_client *client) { return client ? client->ring.region : NULL; }
int64_t nxes_ring_size(nxes_client *client)
{
	return client ? (int64_t)nxes_ring_region_size(&client->ring) : -1;
}
int32_t nxes_wait(nxes_client *client, uint32_t timeout_ms) { return nxes_ring_wait(&client->ring, timeout_ms); }
void nxes_wake(nxes_client *client) { nxes_ring_wake(&client->ring); }
int32_t nxes_os_version(nxes_client *client) { return (int32_t)client->os_version; }

int32_t nxes_is_supported(nxes_client *client, uint32_t event_type)
{
	for (size_t i = 0; i < EVENT_ROWS; i++)
		if (events[i].type == event_type)
			return client->os_version >= events[i].first_macos;
	return 0;
}

static inline int32_t es_result(es_return_t r) { return r == ES_RETURN_SUCCESS ? NXES_OK : NXES_ERR_ES; }

static int32_t change_subscription(nxes_client *client, uint32_t event_type, bool subscribe)
{
	if (client == NULL)
		return NXES_ERR_INVALID_ARGUMENT;
	if (atomic_load(&client->closed))
		return NXES_ERR_CLOSED;
	/* never hand ES a type the running kernel lacks: up to macOS 26.3.1 a value at or above its
	 * ES_EVENT_TYPE_LAST panicked the kernel; one type per call so one refusal fails no other */
	if (!nxes_is_supported(client, event_type))
		return NXES_ERR_UNSUPPORTED_EVENT;
	es_event_type_t type = (es_event_type_t)event_type;
	return es_result(subscribe ? client->api->subscribe(client->es, &type, 1)
				   : client->api->unsubscribe(client->es, &type, 1));
}

int32_t nxes_subscribe(nxes_client *client, uint32_t t) { return change_subscription(client, t, true); }
int32_t nxes_unsubscribe(nxes_client *client, uint32_t t) { return change_subscription(client, t, false); }

int32_t nxes_subscribe_all(nxes_client *client)
{
	int32_t subscribed = 0;
	for (size_t i = 0; i < EVENT_ROWS; i++)
		if (nxes_subscribe(client, events[i].type) == NXES_OK)
			subscribed++;
	return subscribed;
}

int32_t nxes_unsubscribe_all(nxes_client *client)
{
	if (client == NULL)
		return NXES_ERR_INVALID_ARGUMENT;
	if (atomic_load(&client->closed))
		return NXES_ERR_CLOSED;
	return es_result(client->api->unsubscribe_all(client->es));
}

static int32_t mute(nxes_client *client, const char *path, es_mute_path_type_t type)
{
	if (client == NULL || path == NULL)
		return NXES_ERR_INVALID_ARGUMENT;
	if (atomic_load(&client->closed))
		return NXES_ERR_CLOSED;
	if (client->os_version >= 120000 && client->api->mute_path != NULL)
		return es_result(client->api->mute_path(client->es, path, type));
	return es_result(type == ES_MUTE_PATH_TYPE_LITERAL ? client->api->mute_path_literal(client->es, path)
							    : client->api->mute_path_prefix(client->es, path));
}

int32_t nxes_mute_path_literal(nxes_client *c, const char *p) { return mute(c, p, ES_MUTE_PATH_TYPE_LITERAL); }
int32_t nxes_mute_path_prefix(nxes_client *c, const char *p) { return mute(c, p, ES_MUTE_PATH_TYPE_PREFIX); }

int32_t nxes_unmute_all_paths(nxes_client *client)
{
	if (client == NULL)
		return NXES_ERR_INVALID_ARGUMENT;
	if (atomic_load(&client->closed))
		return NXES_ERR_CLOSED;
	return es_result(client->api->unmute_all_paths(client->es));
}

int32_t nxes_mute_self(nxes_client *client)
{
	if (client == NULL)
		return NXES_ERR_INVALID_ARGUMENT;
	audit_token_t token;
	if (client->api->self_audit_token(&token) != 0)
		return NXES_ERR_ES;
	return es_result(client->api->mute_process(client->es, &token));
}

uint64_t nxes_written_records(nxes_client *c) { return nxes_ring_counter(&c->ring, NXES_RING_OFFSET_WRITTEN_RECORDS); }
uint64_t nxes_written_bytes(nxes_client *c) { return nxes_ring_counter(&c->ring, NXES_RING_OFFSET_WRITTEN_BYTES); }
uint64_t nxes_dropped_records(nxes_client *c) { return nxes_ring_counter(&c->ring, NXES_RING_OFFSET_DROPPED_RECORDS); }
uint64_t nxes_dropped_for_type(nxes_client *c, uint32_t t) { return nxes_ring_dropped_for_type(&c->ring, t); }
