/* nxes_flatten.h: es_message_t -> one ring record (RECORD_FORMAT.md). */
#ifndef NXES_FLATTEN_H
#define NXES_FLATTEN_H

#include <EndpointSecurity/EndpointSecurity.h>
#include <stdint.h>

#define NXES_EVENT(value, name, NAME, macos) +1
enum { NXES_EVENT_COUNT = 0
#include "nxes_events.def"
};
#undef NXES_EVENT

/* Event types are indexed below this bound (ES's enum is append-only, today < 160). */
#define NXES_EVENT_TYPE_SLOTS 256

/* Flattens msg into buffer (capacity a multiple of 8, at most NXES_RECORD_MAX_LENGTH is used)
 * and returns the record length. Runs on the ES handler thread: no lock, no allocation, no
 * syscall; reads no member above msg->version. Unknown event types get header and process only. */
uint32_t nxes_flatten(const es_message_t *msg, uint8_t *buffer, uint32_t capacity);
/* The same without writing the length word (bytes 0-3), for a record written in place in the
 * ring, where the length is the commit word that nxes_ring_commit stores last. */
uint32_t nxes_flatten_unpublished(const es_message_t *msg, uint8_t *buffer, uint32_t capacity);

/* The handler's whole work: flatten msg into the ring (in place when there is room for any
 * record, else through scratch, NXES_RECORD_MAX_LENGTH bytes) or count it dropped. */
struct nxes_ring;
void nxes_handle_message(struct nxes_ring *ring, uint8_t *scratch, const es_message_t *msg);


#endif
