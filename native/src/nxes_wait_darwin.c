/* nxes_wait_darwin.c: the consumer's sleep on macOS, a dispatch semaphore per ring.
 * Signalling never blocks; a surplus signal only makes the next wait return early. */
#include <dispatch/dispatch.h>
#include <errno.h>

#include "nxes_ring.h"

int nxes_platform_waiter_init(nxes_ring *ring)
{
	dispatch_semaphore_t semaphore = dispatch_semaphore_create(0);
	if (semaphore == NULL)
		return ENOMEM;
	ring->waiter = (void *)semaphore;
	return 0;
}

void nxes_platform_waiter_destroy(nxes_ring *ring)
{
	if (ring->waiter != NULL)
		dispatch_release((dispatch_semaphore_t)ring->waiter);
	ring->waiter = NULL;
}

void nxes_platform_wait(nxes_ring *ring, uint32_t *word, uint32_t expected, uint32_t timeout_ms)
{
	(void)word;
	(void)expected;
	dispatch_semaphore_wait((dispatch_semaphore_t)ring->waiter,
				dispatch_time(DISPATCH_TIME_NOW, (int64_t)timeout_ms * 1000000));
}

void nxes_platform_wake(nxes_ring *ring, uint32_t *word)
{
	(void)word;
	dispatch_semaphore_signal((dispatch_semaphore_t)ring->waiter);
}
