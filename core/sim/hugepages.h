/* hugepages.h — allocations of the arrays that grow with the number of paths
** (the outcomes' block, the statistics' sorted copies): past a few MiB they are asked to
** be backed by transparent huge pages, so that first writing them faults once
** per 2 MiB rather than once per 4 KiB page (at 10^6-10^7 paths those faults
** took a tenth of the CPU time, as system time). A hint only: where the kernel
** has no huge pages to give, or on other systems, they are plain blocks (those of
** ps_malloc_huge and ps_calloc_huge freed with free()). */
#ifndef PS_HUGEPAGES_H
#define PS_HUGEPAGES_H

#include <stddef.h>

/* The first call of either below also tells malloc (glibc) to keep the blocks freed for reuse
** rather than return them to the kernel, which would zero them again when they are taken next. */
/* ps_malloc_huge — malloc(bytes), with the hint; NULL when out of memory */
void *ps_malloc_huge(size_t bytes);
/* ps_calloc_huge — calloc(count, size), with the hint; NULL when out of memory */
void *ps_calloc_huge(size_t count, size_t size);

/* ps_map_huge — a block of `bytes` zeroed bytes of its own mapping (not malloc's), from 4 MiB on
** starting at a 2 MiB boundary and hinted whole, so that no part of it is left to 4 KiB pages;
** free it with ps_unmap_huge(block, bytes) only. NULL when out of memory (or bytes == 0). */
void *ps_map_huge(size_t bytes);
/* ps_unmap_huge — return a ps_map_huge block (NULL is fine) */
void ps_unmap_huge(void *block, size_t bytes);

#endif
