/* backtest_api.c — include/poolsim/backtest.h over the stages: read the actual
** file (scenario/actual.c), run the paths keeping the programmes it names
** (sim/montecarlo.c, with the same paths, seed and streams as ps_scenario_run),
** compare (stats/backtest.c). */
#include <stdio.h>
#include <stdlib.h>

#include "poolsim/backtest.h"
#include "scenario/actual.h"
#include "sim/montecarlo.h"
#include "stats/backtest.h"

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
    rc = ps_simulate(m, &ro, &outcomes, err, errlen);
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
