/* hugepages.c — see hugepages.h. */
#define _DEFAULT_SOURCE /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): madvise(MADV_HUGEPAGE), a Linux extension, needs it */
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
  if (a && bytes >= 2 * huge) { /* the first whole page from a, and the whole pages after it */
    size_t skip = (size_t)((huge - ((uintptr_t)a & (huge - 1))) & (huge - 1));
    size_t len = (bytes - skip) & ~(size_t)(huge - 1);
    if (len > 0) (void)madvise((char *)a + skip, len, MADV_HUGEPAGE); /* a hint: refused is fine */
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
