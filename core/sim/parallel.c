/* parallel.c — a shared task counter and a few threads. */
#include "sim/parallel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef struct {
  size_t n, scratch_len;
  ps_task_fn fn;
  void *ctx;
  atomic_size_t next;
  atomic_int failed;
} task_run;

static void *worker(void *arg) {
  task_run *t = arg;
  double *scratch = malloc((t->scratch_len + 1) * sizeof *scratch);
  if (!scratch) atomic_store(&t->failed, 1);
  while (scratch && !atomic_load(&t->failed)) {
    size_t i = atomic_fetch_add(&t->next, 1);
    if (i >= t->n) break;
    if (t->fn(t->ctx, i, scratch)) atomic_store(&t->failed, 1);
  }
  free(scratch);
  return NULL;
}

/* ps_parallel_for — run fn(ctx, i, scratch) for every i over min(threads, n) threads (the caller's
** thread when none can start); PS_OK, or PS_ERUNTIME when a task failed or a scratch could not be
** allocated */
int ps_parallel_for(size_t n, int threads, size_t scratch_len, ps_task_fn fn, void *ctx) {
  task_run t = {.n = n, .scratch_len = scratch_len, .fn = fn, .ctx = ctx};
  atomic_init(&t.next, 0);
  atomic_init(&t.failed, 0);
  pthread_t tids[64];
  size_t want = threads < 1 ? 1 : (size_t)threads, started = 0;
  if (want > n) want = n;
  if (want > sizeof tids / sizeof *tids) want = sizeof tids / sizeof *tids;
  /* the caller's thread is one of the workers */
  for (; started + 1 < want; started++)
    if (pthread_create(&tids[started], NULL, worker, &t)) break;
  worker(&t);
  for (size_t i = 0; i < started; i++) pthread_join(tids[i], NULL);
  return atomic_load(&t.failed) ? PS_ERUNTIME : PS_OK;
}
