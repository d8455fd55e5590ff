/* montecarlo.c — threads, per-worker workspaces, and progress reports. */
#include "sim/montecarlo.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sim/path.h"
#include "sim/policy.h"
#include "sim/sampling.h"
#include "sim/search.h"

#define CHUNK 64 /* paths taken at a time by a worker */

typedef struct {
  const ps_model *m;
  const ps_run_options *o;
  ps_outcomes *out;
  const double *shift; /* tail sampling's mu_t (sim/sampling.h), NULL: plain */
  atomic_long next;  /* first path of the next chunk */
  atomic_long done;  /* paths finished */
  atomic_int failed;
  atomic_long interrupted; /* lowest path a stop cut short (o->paths: none) */
  pthread_mutex_t lock;
  long error_path;   /* lowest failing path, for a deterministic message */
  int error_rc;      /* its code: PS_EINPUT or PS_ERUNTIME */
  char error[1024];
} shared_run;

static volatile sig_atomic_t stop_signal;

void ps_request_stop(int sig) { stop_signal = sig; }

int ps_stop_signal(void) { return stop_signal; }

static void report_error(shared_run *r, long index, int rc, const char *msg) {
  pthread_mutex_lock(&r->lock);
  if (r->error_path < 0 || index < r->error_path) {
    r->error_path = index;
    r->error_rc = rc;
    snprintf(r->error, sizeof r->error, "%s", msg);
  }
  pthread_mutex_unlock(&r->lock);
  atomic_store(&r->failed, 1);
}

/* with o->search: replace each pool's required balance of path i by the one
** found by bisection on the path's own random numbers; ps_search_required's code */
static int search_path(shared_run *r, const ps_path *w, ps_path *probe, int64_t *initial, ps_policy *policy, long i,
                       char *err, size_t errlen) {
  double serve = r->o->serve;
  for (int p = 0; p < r->m->npools; p++) {
    size_t k = ps_slot(r->out, p, i);
    double required;
    int short_there = r->out->depletion[k] > 0 || (serve > 0 && ps_path_served_share(w, p) < serve);
    int rc = ps_search_required(probe, initial, p, short_there, serve, r->o->seed, i, policy,
                                r->out->required[k] * PS_FEN_PER_YUAN, &required, err, errlen);
    if (rc) return rc;
    r->out->required[k] = required / PS_FEN_PER_YUAN;
  }
  return PS_OK;
}

static void *worker(void *arg) {
  shared_run *r = arg;
  char err[1024];
  const ps_model *m = r->m;
  ps_path *w = ps_path_new(m, r->o->initial, r->o->audit);
  ps_policy *policy = m->has_hooks ? ps_policy_new(m) : NULL;
  /* the search's own workspace, reading balances it may change */
  int64_t *initial = r->o->search ? calloc((size_t)m->npools + 1, sizeof *initial) : NULL;
  ps_path *probe = initial ? ps_path_new(m, initial, 0) : NULL;
  for (int p = 0; initial && p < m->npools; p++) initial[p] = r->o->initial ? r->o->initial[p] : m->pools[p].initial;
  if (policy) ps_policy_set_interrupt(policy, ps_stop_signal); /* a SIGINT or SIGTERM stops a hook at once */
  if (w) ps_path_sample_by_loan(w, r->o->by_loan);
  if (probe) ps_path_sample_by_loan(probe, r->o->by_loan);
  if (w) w->factors.shift = r->shift;
  if (probe) probe->factors.shift = r->shift;
  if (!w || (m->has_hooks && !policy) || (r->o->search && !probe)) {
    report_error(r, 0, PS_ERUNTIME, "out of memory allocating a worker");
    ps_path_free(w);
    ps_path_free(probe);
    free(initial);
    ps_policy_free(policy);
    return NULL;
  }
  for (;;) {
    if (stop_signal) break; /* before taking a chunk: taken chunks are finished */
    long from = atomic_fetch_add(&r->next, CHUNK);
    if (from >= r->o->paths || atomic_load(&r->failed)) break;
    /* the run's path indices (o->first: a block of the run, whose streams are the run's) */
    long first = r->o->first + from, i = first;
    long last = r->o->first + (from + CHUNK < r->o->paths ? from + CHUNK : r->o->paths);
    for (; i < last; i++) {
      int rc = ps_path_run(w, r->o->seed, i, policy, r->out, err, sizeof err);
      if (rc || (probe && (rc = search_path(r, w, probe, initial, policy, i, err, sizeof err)))) {
        long local = i - r->o->first;
        if (stop_signal) { /* a hook stopped by the signal: the path is not finished, not failed */
          long low = atomic_load(&r->interrupted);
          while (local < low && !atomic_compare_exchange_weak(&r->interrupted, &low, local)) {}
        } else report_error(r, local, rc, err);
        break;
      }
    }
    /* once a chunk, not once a path: the workers would contend for it */
    atomic_fetch_add(&r->done, i - first);
  }
  ps_policy_free(policy);
  ps_path_free(w);
  ps_path_free(probe);
  free(initial);
  return NULL;
}

/* ps_default_threads — the number of online processors (at least 1) */
int ps_default_threads(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : 1;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static ps_simulate_fn *distribute;
static int distribute_ranks;

/* ps_simulate_distribute — hand every ps_simulate to fn (montecarlo.h) */
void ps_simulate_distribute(ps_simulate_fn *fn, int ranks) {
  distribute = fn;
  distribute_ranks = fn ? ranks : 0;
}

int ps_simulate_ranks(void) { return distribute_ranks; }

static double node_share = 1;

void ps_simulate_node_share(double share) { node_share = share > 0 && share < 1 ? share : 1; }

double ps_simulate_share(void) { return node_share; }

/* ps_simulate — run the paths of m into out (allocated here): over threads here, or where
** ps_simulate_distribute says; PS_OK, PS_EINPUT (a hook failed) or PS_ERUNTIME, with a message */
int ps_simulate(const ps_model *m, const ps_run_options *o, ps_outcomes *out, char *err, size_t errlen) {
  return distribute ? distribute(m, o, out, err, errlen) : ps_simulate_here(m, o, out, err, errlen);
}

/* ps_simulate_here — over threads in this process (montecarlo.h) */
int ps_simulate_here(const ps_model *m, const ps_run_options *o, ps_outcomes *out, char *err, size_t errlen) {
  if (ps_outcomes_init_block(out, m, o->first, o->paths, o->band_paths) ||
      (o->track && ps_outcomes_track(out, m, o->track))) {
    ps_outcomes_destroy(out);
    snprintf(err, errlen, "out of memory for %ld paths", o->paths);
    return PS_ERUNTIME;
  }
  double *shift = NULL;
  if (m->sampling == PS_SAMPLING_IMPORTANCE) {
    if (!(shift = malloc(((size_t)m->periods + 1) * sizeof *shift))) {
      ps_outcomes_destroy(out);
      snprintf(err, errlen, "out of memory for %ld paths", o->paths);
      return PS_ERUNTIME;
    }
    int rc = PS_OK;
    if (o->shift) /* a study's: its periods, the rest unshifted */
      for (int t = 0; t <= m->periods; t++) shift[t] = t < o->nshift ? o->shift[t] : 0;
    else rc = ps_sampling_choose(m, o->seed, o->initial, o->sampling_alpha, shift, err, errlen);
    if (rc) {
      free(shift);
      ps_outcomes_destroy(out);
      return rc;
    }
  }
  shared_run r = {.m = m, .o = o, .out = out, .shift = shift, .error_path = -1};
  atomic_init(&r.next, 0);
  atomic_init(&r.done, 0);
  atomic_init(&r.failed, 0);
  atomic_init(&r.interrupted, o->paths);
  pthread_mutex_init(&r.lock, NULL);
  int nthreads = o->threads < 1 ? 1 : o->threads;
  pthread_t tids[256];
  if (nthreads > 256) nthreads = 256;
  int started = 0;
  for (; started < nthreads; started++)
    if (pthread_create(&tids[started], NULL, worker, &r)) break;
  if (started == 0) worker(&r); /* no thread could start: run here */
  if (o->progress) {
    double t0 = now();
    while (atomic_load(&r.done) < o->paths && !atomic_load(&r.failed) && !stop_signal) {
      o->progress(atomic_load(&r.done), o->paths, now() - t0, o->progress_arg);
      nanosleep(&(struct timespec){0, 200000000}, NULL);
    }
  }
  for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
  pthread_mutex_destroy(&r.lock);
  free(shift);
  if (atomic_load(&r.failed)) {
    snprintf(err, errlen, "%s", r.error);
    ps_outcomes_destroy(out);
    return r.error_rc;
  }
  long taken = atomic_load(&r.next), finished = taken < o->paths ? taken : o->paths;
  if (atomic_load(&r.interrupted) < finished) finished = atomic_load(&r.interrupted);
  if (finished < o->paths) {
    if (finished == 0) {
      snprintf(err, errlen, "interrupted before any path finished");
      ps_outcomes_destroy(out);
      return PS_ERUNTIME;
    }
    ps_outcomes_truncate(out, m, finished);
  }
  return PS_OK;
}
