/* hugepages.c — see hugepages.h. */
#define _DEFAULT_SOURCE /* madvise(MADV_HUGEPAGE), a Linux extension */
#include "sim/hugepages.h"

#include <stdint.h>
#include <stdlib.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

/* the hint on the whole 2 MiB pages inside a block of that many bytes at a (from 4 MiB on, where
** glibc maps a block fresh, so nothing in it has been touched yet) */
static void *hint(void *a, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const uintptr_t huge = (uintptr_t)2 << 20;
  if (a && bytes >= 2 * huge) {
    uintptr_t lo = ((uintptr_t)a + huge - 1) & ~(huge - 1), hi = ((uintptr_t)a + bytes) & ~(huge - 1);
    if (hi > lo) madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
  }
#else
  (void)bytes;
#endif
  return a;
}

/* ps_malloc_huge — see hugepages.h */
void *ps_malloc_huge(size_t bytes) { return hint(malloc(bytes), bytes); }

/* ps_calloc_huge — see hugepages.h */
void *ps_calloc_huge(size_t count, size_t size) {
  return hint(calloc(count, size), count <= SIZE_MAX / (size ? size : 1) ? count * size : 0);
}
