/* parallel.h — run n independent tasks over worker threads.
**
** Each task writes only its own outputs, so the results do not depend on how
** many threads ran them or in which order. */
#ifndef PS_PARALLEL_H
#define PS_PARALLEL_H

#include <stddef.h>

#include "poolsim/poolsim.h"

/* a task: i in [0, n), with a worker-private scratch of scratch_len doubles;
** returns PS_OK, or PS_ERUNTIME to stop (out of memory) */
typedef int (*ps_task_fn)(void *ctx, size_t i, double *scratch);

/* ps_parallel_for — run fn(ctx, i, scratch) for every i over min(threads, n) threads (the
** caller's thread when none can start). Returns PS_OK, or PS_ERUNTIME when a task failed
** or a scratch could not be allocated. */
int ps_parallel_for(size_t n, int threads, size_t scratch_len, ps_task_fn fn, void *ctx);

#endif
