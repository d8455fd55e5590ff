/* plain_and_hooked.h — a scenario that skips work (quiet periods) against its twin with an on_period
** hook that does nothing, under which nothing is skipped: the plain one on 1 and 2 threads and the
** hooked one on 2 must leave every outcome the same to the bit (test_quiet, test_periods). */
#ifndef PS_PLAIN_AND_HOOKED_H
#define PS_PLAIN_AND_HOOKED_H

#include "check.h"
#include "load_scenario.h"
#include "same_outcomes.h"
#include "sim/montecarlo.h"

/* m[0] plain and m[1] hooked loaded with the overrides, o[0..1] the plain one's runs on 1 and 2
** threads and o[2] the hooked one's, `paths` paths each with `seed`, compared; 1, or 0 (a failed
** check, nothing left to free) when a file does not load */
static inline int run_plain_and_hooked(const char *plain, const char *hooked, const ps_override *sets, int nsets,
                                       long paths, unsigned seed, ps_model m[2], ps_outcomes o[3]) {
  if (!load_scenario_with(plain, sets, nsets, &m[0])) return 0;
  if (!load_scenario_with(hooked, sets, nsets, &m[1])) {
    ps_model_destroy(&m[0]);
    return 0;
  }
  CHECK(!m[0].has_hooks && m[1].has_hooks);
  const ps_model *which[3] = {&m[0], &m[0], &m[1]};
  int threads[3] = {1, 2, 2};
  char err[1024];
  for (int k = 0; k < 3; k++) {
    ps_run_options ro = {.paths = paths, .seed = seed, .threads = threads[k]};
    CHECK_EQ_INT(ps_simulate(which[k], &ro, &o[k], err, sizeof err), 0);
  }
  for (int k = 1; k < 3; k++) check_same_kept(&m[0], &o[0], &o[k]);
  return 1;
}

/* what run_plain_and_hooked made */
static inline void free_plain_and_hooked(ps_model m[2], ps_outcomes o[3]) {
  for (int k = 0; k < 3; k++) ps_outcomes_destroy(&o[k]);
  ps_model_destroy(&m[0]);
  ps_model_destroy(&m[1]);
}

#endif
