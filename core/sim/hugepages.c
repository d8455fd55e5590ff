/* hugepages.c — see hugepages.h. */
#define _DEFAULT_SOURCE /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): madvise(MADV_HUGEPAGE) and MAP_ANONYMOUS, Linux extensions, need it */
#include "sim/hugepages.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#ifdef __linux__
#include <sys/mman.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Once, before the first block: malloc keeps the blocks freed for reuse (no block of its own
** mapping, returned at free; no trimming of the heap below 2 GiB free). The statistics stage
** takes and frees a column's worth several times per statistic; past 32 MiB (4 x 10^6 paths)
** glibc maps each one afresh and the kernel zeroes it again: at 10^7 paths of B1 that was a
** quarter of the system time. */
static void keep_freed(void) {
#ifdef __GLIBC__
  (void)mallopt(M_MMAP_MAX, 0);
  (void)mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

static pthread_once_t keep_freed_once = PTHREAD_ONCE_INIT;

/* the hint on the whole 2 MiB pages inside a block of that many bytes at a (from 4 MiB on) */
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
void *ps_malloc_huge(size_t bytes) {
  (void)pthread_once(&keep_freed_once, keep_freed);
  return hint(malloc(bytes), bytes);
}

/* ps_calloc_huge — see hugepages.h */
void *ps_calloc_huge(size_t count, size_t size) {
  (void)pthread_once(&keep_freed_once, keep_freed);
  return hint(calloc(count, size), count <= SIZE_MAX / (size ? size : 1) ? count * size : 0);
}

#if defined(__linux__) && defined(MAP_ANONYMOUS)
#define HUGE_PAGE ((size_t)2 << 20)

/* the length of a ps_map_huge mapping of that many bytes: from 4 MiB on, whole huge pages, so that
** its last one is whole too */
static size_t mapped_length(size_t bytes) { return bytes < 2 * HUGE_PAGE ? bytes : (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1); }

/* ps_map_huge — see hugepages.h: a mapping one huge page longer, cut down to its aligned part */
void *ps_map_huge(size_t bytes) {
  if (bytes == 0 || bytes > SIZE_MAX - 2 * HUGE_PAGE) return NULL;
  size_t len = mapped_length(bytes), extra = bytes < 2 * HUGE_PAGE ? 0 : HUGE_PAGE;
  char *a = mmap(NULL, len + extra, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (a == MAP_FAILED) return NULL;
  if (extra == 0) return a; /* small: a huge page would not pay */
  size_t head = (size_t)((HUGE_PAGE - ((uintptr_t)a & (HUGE_PAGE - 1))) & (HUGE_PAGE - 1));
  if (head > 0) (void)munmap(a, head);
  if (extra - head > 0) (void)munmap(a + head + len, extra - head);
  return hint(a + head, len);
}

/* ps_unmap_huge — see hugepages.h */
void ps_unmap_huge(void *block, size_t bytes) {
  if (block) (void)munmap(block, mapped_length(bytes));
}
#else
void *ps_map_huge(size_t bytes) { return bytes ? calloc(1, bytes) : NULL; }

void ps_unmap_huge(void *block, size_t bytes) {
  (void)bytes;
  free(block);
}
#endif
