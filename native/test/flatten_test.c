/*
 * flatten_test: every NotifyEvent x message versions 1..10 x {plain, awkward} fake message is
 * flattened and read back independently (record_text.c); the fields must be exactly the ones
 * the script says a correct flattener writes. The records are the golden vectors of
 * src-test-fixtures/records, which this test also compares byte for byte (or rewrites: --write).
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "fake_es.h"
#include "nxes_flatten.h"
#include "nxes_record.h"
#include "nxes_test.h"
#include "record_text.h"

#define VERSIONS 10
static const char *fixtures;
static int write_fixtures;

static int compare_lines(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Splits text into sorted lines, without the "record" and "end" lines. */
static size_t sorted_lines(char *text, char ***lines)
{
	size_t count = 0, capacity = 64;
	*lines = malloc(capacity * sizeof **lines);
	for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		if (strncmp(line, "record ", 7) == 0 || strcmp(line, "end") == 0)
			continue;
		if (count == capacity)
			*lines = realloc(*lines, (capacity *= 2) * sizeof **lines);
		(*lines)[count++] = line;
	}
	qsort(*lines, count, sizeof **lines, compare_lines);
	return count;
}

static int same_fields(const char *what, char *expected, char *actual)
{
	char **e, **a;
	size_t ne = sorted_lines(expected, &e), na = sorted_lines(actual, &a);
	int same = ne == na;
	for (size_t i = 0; same && i < ne; i++)
		same = strcmp(e[i], a[i]) == 0;
	if (!same) {
		fprintf(stderr, "%s: fields differ\n", what);
		for (size_t i = 0, j = 0; i < ne || j < na;) {
			int c = i == ne ? 1 : j == na ? -1 : strcmp(e[i], a[j]);
			if (c < 0)
				fprintf(stderr, "  expected only: %.150s\n", e[i++]);
			else if (c > 0)
				fprintf(stderr, "  written only:  %.150s\n", a[j++]);
			else
				i++, j++;
		}
	}
	free(e);
	free(a);
	return same;
}

typedef struct {
	uint8_t *data;
	size_t length, capacity;
} bytes;

static void append(bytes *b, const void *p, size_t n)
{
	if (b->length + n > b->capacity) {
		b->capacity = (b->length + n) * 2;
		b->data = realloc(b->data, b->capacity);
	}
	memcpy(b->data + b->length, p, n);
	b->length += n;
}

static int read_file(const char *path, bytes *out)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return -1;
	uint8_t chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		append(out, chunk, n);
	fclose(f);
	return 0;
}

static int write_file(const char *path, const bytes *in)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL || fwrite(in->data, 1, in->length, f) != in->length) {
		perror(path);
		return -1;
	}
	return fclose(f);
}

/* Golden vectors of one message version: records.bin (records back to back) and expected.txt. */
static void golden(uint32_t version, const bytes *records, const bytes *expected)
{
	char dir[512], path[600];
	snprintf(dir, sizeof dir, "%s/format-%u/message-v%u", fixtures, NXES_RECORD_FORMAT_VERSION, version);
	const char *names[2] = { "records.bin", "expected.txt" };
	const bytes *contents[2] = { records, expected };
	if (write_fixtures) {
		char partial[512];
		snprintf(partial, sizeof partial, "%s/format-%u", fixtures, NXES_RECORD_FORMAT_VERSION);
		mkdir(fixtures, 0755);
		mkdir(partial, 0755);
		mkdir(dir, 0755);
	}
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (write_fixtures) {
			CHECK(write_file(path, contents[i]) == 0);
			continue;
		}
		bytes committed = { 0 };
		if (read_file(path, &committed) != 0) {
			fprintf(stderr, "%s: %s (run `make golden` in native/)\n", path, strerror(errno));
			CHECK(0);
			continue;
		}
		if (committed.length != contents[i]->length ||
		    memcmp(committed.data, contents[i]->data, committed.length) != 0) {
			fprintf(stderr, "%s differs from what the flattener writes now: if the change is meant, "
					"run `make golden` in native/ and commit the vectors\n", path);
			CHECK(0);
		}
		free(committed.data);
	}
}

static void should_flatten_every_event_and_version_to_the_expected_fields(void)
{
	void *arena = malloc(FAKE_ES_ARENA_SIZE);
	uint8_t *record = aligned_alloc(8, NXES_RECORD_MAX_LENGTH);
	for (uint32_t version = 1; version <= VERSIONS; version++) {
		bytes records = { 0 }, expected_all = { 0 };
		for (uint32_t i = 0; i < fake_es_script_event_count(); i++) {
			for (int variant = 0; variant <= 1; variant++) {
				uint32_t type = fake_es_script_event_type(i);
				fake_es_text expected = { 0 };
				const es_message_t *m = fake_es_script(arena, type, version, variant, &expected);
				uint32_t length = nxes_flatten(m, record, NXES_RECORD_MAX_LENGTH);
				uint16_t flags;
				memcpy(&flags, record + NXES_RECORD_OFFSET_FLAGS, 2);
				CHECK(flags == 0);
				append(&records, record, length);
				append(&expected_all, expected.data, expected.length);
				const char *error;
				char *actual = nxes_record_to_text(record, length, &error);
				char what[96];
				snprintf(what, sizeof what, "%s v%u variant %d", fake_es_script_event_name(type), version, variant);
				if (actual == NULL) {
					fprintf(stderr, "%s: %s\n", what, error);
					CHECK(0);
				} else {
					CHECK(same_fields(what, expected.data, actual));
				}
				free(actual);
				free(expected.data);
			}
		}
		if (fixtures != NULL)
			golden(version, &records, &expected_all);
		free(records.data);
		free(expected_all.data);
	}
	free(record);
	free(arena);
}

static void should_cut_exec_arguments_at_the_cap_and_flag_the_record(void)
{
	void *arena = malloc(FAKE_ES_ARENA_SIZE);
	es_message_t *m = (es_message_t *)fake_es_script(arena, ES_EVENT_TYPE_NOTIFY_EXEC, 4, 0, NULL);
	static char big[1000];
	memset(big, 'x', sizeof big);
	es_string_token_t *args = malloc(200 * sizeof *args);
	for (int i = 0; i < 200; i++)
		args[i] = (es_string_token_t){ sizeof big, big };
	m->event.exec.fake_args = args;
	m->event.exec.fake_arg_count = 200; /* 200 KB of arguments: over the 64 KiB cap */
	uint8_t *record = aligned_alloc(8, NXES_RECORD_MAX_LENGTH);
	uint32_t length = nxes_flatten(m, record, NXES_RECORD_MAX_LENGTH);
	uint16_t flags;
	memcpy(&flags, record + NXES_RECORD_OFFSET_FLAGS, 2);
	CHECK(flags & NXES_RECORD_FLAG_TRUNCATED);
	CHECK(length < NXES_EXEC_ARGS_MAX_BYTES + 4096);
	const char *error;
	char *text = nxes_record_to_text(record, length, &error);
	CHECK(text != NULL);
	CHECK(text && strstr(text, "EXEC_ARGS 2 65 ") != NULL); /* CUT, 65 whole arguments */
	free(text);
	free(record);
	free(args);
	free(arena);
}

static void should_stay_well_formed_when_the_buffer_is_small(void)
{
	void *arena = malloc(FAKE_ES_ARENA_SIZE);
	const es_message_t *m = fake_es_script(arena, ES_EVENT_TYPE_NOTIFY_RENAME, 10, 1, NULL);
	uint8_t record[160];
	uint32_t length = nxes_flatten(m, record, sizeof record);
	CHECK(length <= sizeof record);
	uint16_t flags;
	memcpy(&flags, record + NXES_RECORD_OFFSET_FLAGS, 2);
	CHECK(flags & NXES_RECORD_FLAG_TRUNCATED);
	const char *error;
	char *text = nxes_record_to_text(record, length, &error);
	CHECK(text != NULL);
	free(text);
	free(arena);
}

static void should_write_header_and_process_only_for_an_unknown_event_type(void)
{
	void *arena = malloc(FAKE_ES_ARENA_SIZE);
	es_message_t *m = (es_message_t *)fake_es_script(arena, ES_EVENT_TYPE_NOTIFY_WRITE, 6, 0, NULL);
	m->event_type = ES_EVENT_TYPE_NOTIFY_XPC_CONNECT;
	uint8_t *record = aligned_alloc(8, NXES_RECORD_MAX_LENGTH);
	uint32_t length = nxes_flatten(m, record, NXES_RECORD_MAX_LENGTH);
	const char *error;
	char *text = nxes_record_to_text(record, length, &error);
	CHECK(text != NULL && strstr(text, "PROCESS_EXECUTABLE") != NULL && strstr(text, "TARGET_PATH") == NULL);
	free(text);
	free(record);
	free(arena);
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "--write") == 0) {
		write_fixtures = 1;
		fixtures = argv[2];
	} else if (argc > 1) {
		fixtures = argv[1];
	}
	RUN(should_flatten_every_event_and_version_to_the_expected_fields);
	RUN(should_cut_exec_arguments_at_the_cap_and_flag_the_record);
	RUN(should_stay_well_formed_when_the_buffer_is_small);
	RUN(should_write_header_and_process_only_for_an_unknown_event_type);
	return FINISH("flatten_test");
}
