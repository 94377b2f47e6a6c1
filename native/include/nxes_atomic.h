/*
 * nxes_atomic.h: the ordering primitives, named once (as liburing's barrier.h does).
 * Every call site says in a comment what the primitive orders.
 */
#ifndef NXES_ATOMIC_H
#define NXES_ATOMIC_H

#include <stdatomic.h>
#include <stdint.h>

/* Publish: every write before this store is visible to a thread that load-acquires the value. */
#define nxes_store_release_u32(p, v) \
	atomic_store_explicit((_Atomic uint32_t *)(p), (v), memory_order_release)
#define nxes_store_release_u64(p, v) \
	atomic_store_explicit((_Atomic uint64_t *)(p), (v), memory_order_release)

/* Observe: reads after this load see everything written before the matching release store. */
#define nxes_load_acquire_u32(p) atomic_load_explicit((_Atomic uint32_t *)(p), memory_order_acquire)
#define nxes_load_acquire_u64(p) atomic_load_explicit((_Atomic uint64_t *)(p), memory_order_acquire)

/* Single-copy atomic, no ordering: a value only its one writer changes (counters). */
#define nxes_load_relaxed_u32(p) atomic_load_explicit((_Atomic uint32_t *)(p), memory_order_relaxed)
#define nxes_load_relaxed_u64(p) atomic_load_explicit((_Atomic uint64_t *)(p), memory_order_relaxed)
#define nxes_store_relaxed_u32(p, v) \
	atomic_store_explicit((_Atomic uint32_t *)(p), (v), memory_order_relaxed)
#define nxes_store_relaxed_u64(p, v) \
	atomic_store_explicit((_Atomic uint64_t *)(p), (v), memory_order_relaxed)

/* Store-load ordering (Dekker): sequentially consistent stores and loads. Of two threads that
 * each store one location and then load the other's, at least one sees the other's store.
 * A seq_cst store also releases. (x86: xchg, one locked instruction, cheaper than mfence;
 * arm64: stlr/ldar, the same instructions as release/acquire.) */
#define nxes_store_seq_cst_u32(p, v) \
	atomic_store_explicit((_Atomic uint32_t *)(p), (v), memory_order_seq_cst)
#define nxes_load_seq_cst_u32(p) atomic_load_explicit((_Atomic uint32_t *)(p), memory_order_seq_cst)

#define nxes_exchange_u32(p, v) atomic_exchange_explicit((_Atomic uint32_t *)(p), (v), memory_order_seq_cst)

#endif
