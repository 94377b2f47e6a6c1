/* nxes_catalog.c: the field catalog as data, exported so the Java side can compare. */
#include <stddef.h>

#include "nxes.h"
#include "nxes_record.h"

typedef struct {
	uint16_t tag;
	uint8_t kind;
	const char *name;
} nxes_catalog_row;

static const nxes_catalog_row catalog[] = {
#define NXES_FIELD(tag, name, kind, member) { tag, NXES_KIND_##kind, #name },
#include "nxes_fields.def"
#undef NXES_FIELD
};

static const nxes_catalog_row *find(uint32_t tag)
{
	for (size_t i = 0; i < sizeof catalog / sizeof catalog[0]; i++)
		if (catalog[i].tag == tag)
			return &catalog[i];
	return NULL;
}

int nxes_field_kind_of(uint32_t tag)
{
	const nxes_catalog_row *row = find(tag);
	return row ? row->kind : 0;
}

const char *nxes_field_name_of(uint32_t tag)
{
	const nxes_catalog_row *row = find(tag);
	return row ? row->name : NULL;
}

int nxes_field_count(void) { return (int)(sizeof catalog / sizeof catalog[0]); }
int nxes_field_tag_at(int index)
{
	return index >= 0 && index < nxes_field_count() ? catalog[index].tag : -1;
}
