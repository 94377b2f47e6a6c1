/* nxes_wait_linux.c: the consumer's sleep, a futex on the ring's sleeping word. */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "nxes_ring.h"

int nxes_platform_waiter_init(nxes_ring *ring)
{
	ring->waiter = NULL;
	return 0;
}

void nxes_platform_waiter_destroy(nxes_ring *ring) { (void)ring; }

void nxes_platform_wait(nxes_ring *ring, uint32_t *word, uint32_t expected, uint32_t timeout_ms)
{
	(void)ring;
	struct timespec timeout = { .tv_sec = timeout_ms / 1000, .tv_nsec = (long)(timeout_ms % 1000) * 1000000L };
	/* returns at once when *word != expected (the producer already cleared it) */
	syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, expected, &timeout, NULL, 0);
}

void nxes_platform_wake(nxes_ring *ring, uint32_t *word)
{
	(void)ring;
	syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}
