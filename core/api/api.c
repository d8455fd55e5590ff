/* api.c — include/poolsim/poolsim.h over the engine's stages. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "sim/montecarlo.h"
#include "sim/path.h"
#include "poolsim/poolsim.h"
#include "report/report.h"
#include "sim/sampling.h"
#include "stats/results.h"
#include "scenario/scenario.h"
#include "stats/sizing.h"
#include "stats/uncertainty.h"

/* GSL's default error handler aborts the embedding program; poolsim checks
** GSL's statuses itself, so the handler is switched off once, by the first call
** into the API */
static pthread_once_t gsl_quiet = PTHREAD_ONCE_INIT;
static void gsl_handler_off(void) { gsl_set_error_handler_off(); }

int ps_model_new(const char *file, const ps_override *sets, int nsets, ps_model **out, char *err, size_t errlen) {
  *out = NULL;
  pthread_once(&gsl_quiet, gsl_handler_off);
  ps_model *m = malloc(sizeof *m);
  if (!m) {
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  int rc = ps_scenario_load(file, sets, nsets, m, err, errlen);
  if (rc) {
    ps_model_destroy(m);
    free(m);
    return rc;
  }
  *out = m;
  return PS_OK;
}

void ps_model_free(ps_model *m) {
  if (!m) return;
  ps_model_destroy(m);
  free(m);
}

const char *ps_model_name(const ps_model *m) { return m->name; }
long ps_model_paths(const ps_model *m) { return m->paths; }
unsigned long long ps_model_seed(const ps_model *m) { return m->seed; }
int ps_model_periods(const ps_model *m) { return m->periods; }

int ps_model_count(const ps_model *m, ps_model_part part) {
  switch (part) {
  case PS_PARTIES: return m->nparties;
  case PS_POOLS: return m->npools;
  case PS_SEGMENTS: return m->nsegments;
  case PS_PROGRAMMES: return m->nprogrammes;
  }
  return 0;
}

const char *ps_model_pool_id(const ps_model *m, int i) { return i >= 0 && i < m->npools ? m->pools[i].id : NULL; }

int ps_model_keys(const char *file, const ps_override *sets, int nsets, char **out, char *err, size_t errlen) {
  return ps_scenario_keys(file, sets, nsets, out, err, errlen);
}

/* bytes of memory in the machine, or 0 when unknown */
static double physical_memory(void) {
  long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
  return pages > 0 && size > 0 ? (double)pages * (double)size : 0;
}

int ps_scenario_run(const ps_model *m, const ps_options *o, ps_results **out, char *err, size_t errlen) {
  *out = NULL;
  pthread_once(&gsl_quiet, gsl_handler_off);
  ps_run_options ro = {.paths = o && o->paths > 0 ? o->paths : m->paths,
                       .seed = o && o->use_seed ? (uint64_t)o->seed : m->seed,
                       .threads = o && o->threads > 0 ? o->threads : ps_default_threads(),
                       .audit = o && o->audit,
                       .progress = o ? o->progress : NULL,
                       .progress_arg = o ? o->progress_arg : NULL,
                       .search = o && o->search && m->balance_feedback,
                       .serve = o ? o->serve : 0,
                       .sampling_alpha = o ? o->sampling_alpha : 0,
                       .shift = o ? o->sampling_shift : NULL,
                       .nshift = o && o->sampling_shift ? o->sampling_shift_n : 0};
  if (ro.serve != 0) { /* --serve: a share of the requests of bridge funds */
    int bridges = 0;
    for (int i = 0; i < m->nprogrammes; i++) bridges |= m->programmes[i].lender >= 0;
    if (!(ro.serve > 0 && ro.serve <= 1)) {
      snprintf(err, errlen, "--serve must be a share in (0, 1], got %g", ro.serve);
      return PS_EINPUT;
    }
    if (!bridges) {
      snprintf(err, errlen, "--serve needs a scenario with bridge segments (kind = \"bridge\"): %s has none", m->file);
      return PS_EINPUT;
    }
    ro.search = 1;
  }
  if (ro.paths < 1 || ro.paths > PS_MAX_PATHS) {
    snprintf(err, errlen, "paths must be from 1 to %ld, got %ld", PS_MAX_PATHS, ro.paths);
    return PS_EINPUT;
  }
  /* with uncertain parameters the run at point values holds a second set of outcomes for a while */
  int point_run = m->nuncertain > 0 && !(o && o->no_point_values);
  /* on MPI ranks that keep their blocks, this machine holds only its ranks' share of the paths */
  double share = ps_simulate_share(), held = ceil((double)ro.paths * share);
  int runs = o && o->runs_held > 1 ? o->runs_held : 1;
  double need = ps_outcomes_bytes(m, (long)held) * (point_run ? 2 : 1) * runs, have = physical_memory();
  if (have > 0 && need > have) {
    if (runs > 1)
      snprintf(err, errlen, "%ld paths of this scenario need %.1f GiB for the results of the %d runs a study holds at "
               "once%s, more than this machine's %.1f GiB of memory: use fewer paths%s", ro.paths, need / (1 << 30), runs,
               share < 1 ? " (this machine's ranks' share)" : "", have / (1 << 30), share < 1 ? ", or fewer ranks a node" : "");
    else if (share < 1)
      snprintf(err, errlen, "%ld paths of this scenario need %.1f GiB for the results this machine's ranks hold, more "
               "than its %.1f GiB of memory: use fewer paths, or fewer ranks a node", ro.paths, need / (1 << 30),
               have / (1 << 30));
    else
      snprintf(err, errlen, "%ld paths of this scenario need %.1f GiB for their results, more than this machine's "
               "%.1f GiB of memory: use fewer paths", ro.paths, need / (1 << 30), have / (1 << 30));
    return PS_EINPUT;
  }
  struct timespec t0, ts, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  ps_outcomes outcomes;
  int failed = ps_simulate(m, &ro, &outcomes, err, errlen);
  if (failed) return failed;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  ps_results *r;
  int rc = ps_results_new(m, &outcomes, NULL, ro.threads, &r);
  if (rc == 0) ps_results_keep_outcomes(r, &outcomes);
  ps_outcomes_destroy(&outcomes);
  if (rc) {
    snprintf(err, errlen, "out of memory computing statistics");
    return PS_ERUNTIME;
  }
  if (point_run && (rc = ps_uncertainty_point_run(r, &ro, err, errlen))) {
    ps_results_free(r);
    return rc;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  r->paths_requested = ro.paths;
  r->stop_signal = r->paths < ro.paths ? ps_stop_signal() : 0;
  r->searched = ro.search;
  r->serve = ro.serve;
  r->seed = ro.seed;
  r->threads = ro.threads;
  r->ranks = ps_simulate_ranks();
  r->seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
  r->statistics_seconds = (double)(t1.tv_sec - ts.tv_sec) + 1e-9 * (double)(t1.tv_nsec - ts.tv_nsec);
  *out = r;
  return PS_OK;
}

long ps_results_paths(const ps_results *r) { return r->paths; }
long ps_results_paths_requested(const ps_results *r) { return r->paths_requested; }
int ps_results_stop_signal(const ps_results *r) { return r->stop_signal; }

static int pool_index(const ps_results *r, const char *pool) {
  for (int i = 0; i < r->m->npools; i++)
    if (strcmp(r->m->pools[i].id, pool) == 0) return i;
  return -1;
}

double ps_results_depletion(const ps_results *r, const char *pool) {
  int i = pool_index(r, pool);
  return i < 0 ? -1 : r->pools[i].depletion.value;
}

double ps_results_required_initial(const ps_results *r, const char *pool, double alpha) {
  int i = pool_index(r, pool);
  if (i < 0 || !(alpha > 0 && alpha < 1)) return -1;
  return ps_sizing_initial(r->pools[i].sorted_required, r->pools[i].sorted_weight, (size_t)r->paths, alpha).value;
}

char *ps_results_json(const ps_results *r) {
  ps_report_options o = {0};
  return ps_report_json(r, &o);
}

const char *ps_version(void) { return PS_VERSION; }

int ps_scenario_open(const char *file, const ps_override *sets, int nsets, ps_model **out, char *err,
                     size_t errlen) {
  return ps_model_new(file, sets, nsets, out, err, errlen);
}
void ps_scenario_close(ps_model *m) { ps_model_free(m); }
void ps_results_destroy(ps_results *r) { ps_results_free(r); }
