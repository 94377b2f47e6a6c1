/*
 * replay: runs a fuzz target (linked in) on every file of the directories given, without
 * libFuzzer: the regression inputs of native/fuzz/regressions/ in the normal C tests, plain and
 * under ASan+UBSan. Prints the plain closing line of the C tests.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		perror(path);
		return -1;
	}
	size_t capacity = 1 << 16, size = 0, n;
	uint8_t *data = malloc(capacity);
	while ((n = fread(data + size, 1, capacity - size, f)) > 0) {
		size += n;
		if (size == capacity)
			data = realloc(data, capacity *= 2);
	}
	fclose(f);
	/* an exact-size copy, so ASan sees a read past the input */
	uint8_t *exact = malloc(size > 0 ? size : 1);
	memcpy(exact, data, size);
	free(data);
	LLVMFuzzerTestOneInput(exact, size);
	free(exact);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned passed = 0, failed = 0;
	for (int i = 1; i < argc; i++) {
		DIR *dir = opendir(argv[i]);
		if (dir == NULL) {
			perror(argv[i]);
			failed++;
			continue;
		}
		struct dirent *entry;
		while ((entry = readdir(dir)) != NULL) {
			if (entry->d_name[0] == '.')
				continue;
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", argv[i], entry->d_name);
			if (run_file(path) == 0)
				passed++;
			else
				failed++;
		}
		closedir(dir);
	}
	printf("%s: %u passed, %u failed\n", argc > 0 ? strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0] : "replay",
	       passed, failed);
	return failed == 0 ? 0 : 1;
}
