/* record_text.h: renders a record as the text of the golden expectation files (tests only). */
#ifndef NXES_RECORD_TEXT_H
#define NXES_RECORD_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Appends the header lines and one line per field, as RECORD_FORMAT.md's golden text; returns
 * NULL if the record is malformed (then *error says why). The caller frees the result. */
char *nxes_record_to_text(const uint8_t *record, uint32_t length, const char **error);

#endif
