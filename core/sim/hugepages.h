/* hugepages.h — allocations of the arrays that grow with the number of paths
** (outcomes, the statistics' sorted copies): past a few MiB they are asked to
** be backed by transparent huge pages, so that first writing them faults once
** per 2 MiB rather than once per 4 KiB page (at 10^6-10^7 paths those faults
** took a tenth of the CPU time, as system time). A hint only: where the kernel
** has no huge pages to give, or on other systems, they are plain malloc/calloc
** blocks, freed with free(). */
#ifndef PS_HUGEPAGES_H
#define PS_HUGEPAGES_H

#include <stddef.h>

/* ps_malloc_huge — malloc(bytes), with the hint; NULL when out of memory */
void *ps_malloc_huge(size_t bytes);
/* ps_calloc_huge — calloc(count, size), with the hint; NULL when out of memory */
void *ps_calloc_huge(size_t count, size_t size);

#endif
