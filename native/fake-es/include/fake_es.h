/*
 * fake_es.h: controls of the fake EndpointSecurity framework (tests and benchmarks only).
 * Exported from libnxes on Linux so Java tests can drive it through JNA too.
 */
#ifndef FAKE_ES_H
#define FAKE_ES_H

#include <EndpointSecurity/EndpointSecurity.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define FAKE_ES_API __attribute__((visibility("default")))

/* The fake's acl_t: its "external form" is the text itself. */
struct fake_es_acl {
	const char *text;
	size_t length;
};

/* Back to defaults: macOS 26.0 (260000), es_new_client succeeds, no clients. */
FAKE_ES_API void fake_es_reset(void);
FAKE_ES_API void fake_es_set_os_version(uint32_t version);
FAKE_ES_API uint32_t fake_es_os_version(void);
/* ES_EVENT_TYPE_LAST of the fake's running macOS (spec §2). */
FAKE_ES_API uint32_t fake_es_last_event_type(void);
/* The next es_new_client returns this result. */
FAKE_ES_API void fake_es_fail_next_new_client(int32_t result);

/* Delivers a copy of msg to every client as ES would: dropped unless subscribed, dropped when
 * the acting process is muted (audit token) or its executable path is muted (prefix/literal);
 * seq_num (v>=2) and global_seq_num (v>=4) stamped per client. Runs the handler on the client's
 * serial thread and returns after it did; returns how many clients received it. */
FAKE_ES_API uint32_t fake_es_post(const es_message_t *msg);
/* Maximum-rate generator: on each client's serial thread, delivers count copies of a scripted
 * message of this type and version (variant 0) with fresh sequence numbers and mach_time.
 * Returns the number delivered (after subscription and muting). */
FAKE_ES_API uint64_t fake_es_generate(uint32_t event_type, uint32_t version, uint64_t count);
/* The same, posting one of the scripted messages of every supported NotifyEvent in turn. */
FAKE_ES_API uint64_t fake_es_generate_mixed(uint32_t version, uint64_t count);

/* Inspection (first live client). */
FAKE_ES_API int32_t fake_es_is_subscribed(uint32_t event_type);
FAKE_ES_API uint32_t fake_es_subscribe_calls(void);
FAKE_ES_API uint32_t fake_es_largest_subscribe_batch(void);
FAKE_ES_API uint32_t fake_es_legacy_mute_calls(void);
FAKE_ES_API uint32_t fake_es_muted_processes(void);
FAKE_ES_API uint32_t fake_es_live_clients(void);

/* Scripted messages: every NotifyEvent, message versions 1 to 10, variant 0 (every member a
 * distinct value) and variant 1 (awkward values: truncated and invalid UTF-8 paths, empty
 * tokens, NULL nullable pointers, hundreds of exec arguments, the other union arm). Members
 * above the version hold poison that a reader must not touch. The message lives in arena
 * (FAKE_ES_ARENA_SIZE bytes) until the next build into it. If expected is not NULL, the fields
 * a correct flattener writes are appended to it as text (see RECORD_FORMAT.md, golden vectors). */
#define FAKE_ES_ARENA_SIZE (1u << 20)
typedef struct fake_es_text {
	char *data;
	size_t length;
	size_t capacity;
} fake_es_text;
/* Appending to a text (grows with realloc; the caller frees data). */
FAKE_ES_API void fake_es_text_append(fake_es_text *text, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
FAKE_ES_API void fake_es_text_vappend(fake_es_text *text, const char *format, va_list args);
/* " -" for no bytes, else a space and the bytes as lower-case hex (the golden text's form). */
FAKE_ES_API void fake_es_text_hex(fake_es_text *text, const void *data, size_t length);
FAKE_ES_API const es_message_t *fake_es_script(void *arena, uint32_t event_type, uint32_t version,
					       int variant, fake_es_text *expected);
/* A message built from fuzz input (tests only): the first bytes choose the event type (an index
 * into the 51, or any other type), the version and the variant; every later value, string length
 * and string byte comes from the input (zero once it runs out), strings of up to 64 KiB. Nothing
 * is expected of the record but that it is well formed. *used gets the input bytes consumed.
 * Under AddressSanitizer every allocation in the arena is fenced, so an overread is reported. */
FAKE_ES_API const es_message_t *fake_es_script_fuzzed(void *arena, const uint8_t *data, size_t size, size_t *used);
/* Event types of the 51, in NotifyEvents order of nxes_events.def. */
FAKE_ES_API uint32_t fake_es_script_event_count(void);
FAKE_ES_API uint32_t fake_es_script_event_type(uint32_t index);
FAKE_ES_API const char *fake_es_script_event_name(uint32_t event_type);

#endif
