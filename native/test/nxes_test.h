/* nxes_test.h: the smallest test harness that does the job. A test binary ends by printing
 * "N passed, N failed" and exits non-zero on any failure (77: skipped, as liburing does). */
#ifndef NXES_TEST_H
#define NXES_TEST_H

#include <stdio.h>
#include <stdlib.h>

static int nxes_test_passed, nxes_test_failed, nxes_test_current_failed;

#define CHECK(condition) \
	do { \
		if (!(condition)) { \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
			nxes_test_current_failed = 1; \
		} \
	} while (0)

#define CHECK_EQ_U64(expected, actual) \
	do { \
		unsigned long long e_ = (unsigned long long)(expected), a_ = (unsigned long long)(actual); \
		if (e_ != a_) { \
			fprintf(stderr, "%s:%d: %s: expected %llu, got %llu\n", __FILE__, __LINE__, #actual, e_, a_); \
			nxes_test_current_failed = 1; \
		} \
	} while (0)

#define RUN(test) \
	do { \
		nxes_test_current_failed = 0; \
		test(); \
		if (nxes_test_current_failed) { \
			nxes_test_failed++; \
			fprintf(stderr, "FAIL %s\n", #test); \
		} else { \
			nxes_test_passed++; \
		} \
	} while (0)

#define FINISH(name) \
	(printf("%s: %d passed, %d failed\n", name, nxes_test_passed, nxes_test_failed), \
	 nxes_test_failed ? 1 : 0)

#endif
