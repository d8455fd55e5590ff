/* backtest_api.c — include/poolsim/backtest.h over the stages: read the actual
** file (scenario/actual.c), run the paths keeping the programmes it names
** (sim/montecarlo.c, with the same paths, seed and streams as ps_scenario_run),
** compare (stats/backtest.c). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "poolsim/backtest.h"
#include "scenario/actual.h"
#include "sim/montecarlo.h"
#include "sim/sampling.h"
#include "stats/backtest.h"

/* bytes of memory in the machine, or 0 when unknown */
static double physical_memory(void) {
  long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
  return pages > 0 && size > 0 ? (double)pages * (double)size : 0;
}

/* PS_OK when the run's outcomes and the tracked figures (2 doubles a programme, path and period)
** fit in memory, else PS_EINPUT with a message */
static int check_memory(const ps_model *m, long paths, const unsigned char *track, char *err, size_t errlen) {
  int ntracked = 0;
  for (int k = 0; k < m->nprogrammes; k++) ntracked += track[k];
  double need = ps_outcomes_bytes(m, paths) + 2.0 * sizeof(double) * ntracked * (double)paths * m->periods;
  double have = physical_memory();
  if (have > 0 && need > have) {
    snprintf(err, errlen, "%ld paths of this back-test need %.1f GiB for their results, more than this machine's "
             "%.1f GiB of memory: use fewer paths", paths, need / (1 << 30), have / (1 << 30));
    return PS_EINPUT;
  }
  return PS_OK;
}

int ps_backtest_run(const ps_model *m, const char *actual_file, const ps_options *o, ps_backtest **out, char *err,
                    size_t errlen) {
  *out = NULL;
  ps_run_options ro = {.paths = o && o->paths > 0 ? o->paths : m->paths,
                       .seed = o && o->use_seed ? (uint64_t)o->seed : m->seed,
                       .threads = o && o->threads > 0 ? o->threads : ps_default_threads(),
                       .audit = o && o->audit,
                       .progress = o ? o->progress : NULL,
                       .progress_arg = o ? o->progress_arg : NULL};
  if (ro.paths < 1 || ro.paths > PS_MAX_PATHS) {
    snprintf(err, errlen, "paths must be from 1 to %ld, got %ld", PS_MAX_PATHS, ro.paths);
    return PS_EINPUT;
  }
  int refused = ps_sampling_refuse(m, "backtest", err, errlen);
  if (refused) return refused;
  ps_actual a;
  int rc = ps_actual_read(actual_file, m, &a, err, errlen);
  unsigned char *track = rc ? NULL : malloc((size_t)m->nprogrammes + 1);
  if (rc == PS_OK && !track) {
    snprintf(err, errlen, "out of memory");
    rc = PS_ERUNTIME;
  }
  ps_outcomes outcomes = {0};
  if (rc == PS_OK) {
    ps_backtest_track(m, &a, track);
    ro.track = track;
    if ((rc = check_memory(m, ro.paths, track, err, errlen)) == PS_OK) rc = ps_simulate(m, &ro, &outcomes, err, errlen);
  }
  if (rc == PS_OK && outcomes.paths < ro.paths) {
    snprintf(err, errlen, "interrupted after %ld of %ld paths: no back-test on part of a run", outcomes.paths, ro.paths);
    rc = PS_ERUNTIME;
  }
  if (rc == PS_OK && (rc = ps_backtest_compare(m, &a, &outcomes, ro.seed, out)))
    snprintf(err, errlen, "out of memory comparing the actual figures");
  ps_outcomes_destroy(&outcomes);
  ps_actual_destroy(&a);
  free(track);
  return rc;
}
