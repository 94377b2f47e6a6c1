/*
 * nxes.h: the shim's public C API, called by the Java side through JNA (control calls only:
 * events travel through the ring, never through these functions).
 *
 * Threading: every call may come from any thread except that nxes_close needs exclusive use.
 * Calls return 0 on success or a negative NXES_ERR_* code.
 */
#ifndef NXES_H
#define NXES_H

#include <stddef.h>
#include <stdint.h>

#define NXES_API __attribute__((visibility("default")))

/* Layout version of the ring region and record format; Java refuses to start on a mismatch. */
#define NXES_LAYOUT_VERSION 1

enum {
	NXES_OK = 0,
	NXES_ERR_INVALID_ARGUMENT = -1,
	NXES_ERR_UNSUPPORTED_EVENT = -2, /* not one of the 51, or newer than the running macOS */
	NXES_ERR_ES = -3,                /* the ES call returned ES_RETURN_ERROR */
	NXES_ERR_CLOSED = -4,
	NXES_ERR_NO_MEMORY = -5,
	/* nxes_open: es_new_client failed; -(100 + es_new_client_result_t) */
	NXES_ERR_NEW_CLIENT = -100,
};

typedef struct nxes_client nxes_client;

NXES_API int32_t nxes_layout_version(void);
/* Ring layout and record format constants (NXES_RING_OFFSET_*, NXES_RECORD_*), by name, so the
 * Java descriptor can be compared with this build; -1 for an unknown name. */
NXES_API int64_t nxes_layout_constant(const char *name);

/* The field catalog (nxes_fields.def) as data, for the Java side's catalog test: the kind
 * (nxes_field_kind) of a tag, 0 when unknown; its NAME, NULL when unknown; the rows in order. */
NXES_API int nxes_field_kind_of(uint32_t tag);
NXES_API const char *nxes_field_name_of(uint32_t tag);
NXES_API int nxes_field_count(void);
NXES_API int nxes_field_tag_at(int index);

/* Opens an ES client whose handler flattens into a fresh ring of ring_capacity bytes (0: the
 * default, 32 MiB), mutes this process, and subscribes to nothing. On failure returns NULL,
 * stores the error in *error and a message that says how to fix it in message. */
NXES_API nxes_client *nxes_open(uint64_t ring_capacity, int32_t *error, char *message, size_t message_size);
/* The same with another ES binding (tests). */
struct nxes_es_api;
nxes_client *nxes_open_with(const struct nxes_es_api *api, uint64_t ring_capacity, int32_t *error,
			    char *message, size_t message_size);
/* Unsubscribes everything, deletes the ES client (no handler runs after this returns), wakes
 * the consumer and frees the ring. The ring region must no longer be read after this. */
NXES_API int32_t nxes_close(nxes_client *client);

NXES_API void *nxes_ring_address(nxes_client *client);
NXES_API int64_t nxes_ring_size(nxes_client *client);
/* Consumer wait (see nxes_ring_wait): 1 when a record is available, 0 on time-out. */
NXES_API int32_t nxes_wait(nxes_client *client, uint32_t timeout_ms);
NXES_API void nxes_wake(nxes_client *client);

/* The running OS version as major*10000 + minor*100 + patch. */
NXES_API int32_t nxes_os_version(nxes_client *client);
/* 1 when the event type is one of the 51 and the running macOS has it. */
NXES_API int32_t nxes_is_supported(nxes_client *client, uint32_t event_type);
/* One type per es_subscribe call; types the running macOS lacks are refused before ES sees
 * them (NXES_ERR_UNSUPPORTED_EVENT), so no value at or above its ES_EVENT_TYPE_LAST is sent. */
NXES_API int32_t nxes_subscribe(nxes_client *client, uint32_t event_type);
NXES_API int32_t nxes_unsubscribe(nxes_client *client, uint32_t event_type);
/* Every supported one of the 51, one call each; returns how many succeeded. */
NXES_API int32_t nxes_subscribe_all(nxes_client *client);
NXES_API int32_t nxes_unsubscribe_all(nxes_client *client);
NXES_API int32_t nxes_mute_path_literal(nxes_client *client, const char *path);
NXES_API int32_t nxes_mute_path_prefix(nxes_client *client, const char *path);
NXES_API int32_t nxes_unmute_all_paths(nxes_client *client);
NXES_API int32_t nxes_mute_self(nxes_client *client);

/* Counters (also readable straight from the ring region). */
NXES_API uint64_t nxes_written_records(nxes_client *client);
NXES_API uint64_t nxes_written_bytes(nxes_client *client);
NXES_API uint64_t nxes_dropped_records(nxes_client *client);
NXES_API uint64_t nxes_dropped_for_type(nxes_client *client, uint32_t event_type);

/* The message for an nxes_open error code (also what nxes_open wrote). */
NXES_API const char *nxes_error_message(int32_t error);

/* ACL external form (RECORD_FORMAT.md field ACL) to acl_to_text() text; returns the text
 * length (it may exceed size: call again with more room), or -1 if the bytes are no ACL. */
NXES_API int64_t nxes_acl_to_text(const void *external, size_t length, char *text, size_t size);

#endif
