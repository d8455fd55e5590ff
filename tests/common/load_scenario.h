/* load_scenario.h — a test's scenario file loaded into *m, or the test failed with the loader's
** message (FILE:LINE: what is wrong). */
#ifndef PS_LOAD_SCENARIO_H
#define PS_LOAD_SCENARIO_H

#include <stdio.h>

#include "check.h"
#include "scenario/scenario.h"

/* 1: loaded with the nsets overrides sets[] (ps_model_destroy it); 0: not, and a failed check */
static inline int load_scenario_with(const char *file, const ps_override *sets, int nsets, ps_model *m) {
  char err[1024];
  if (ps_scenario_load(file, sets, nsets, m, err, sizeof err) == 0) return 1;
  fprintf(stderr, "%s\n", err);
  CHECK(0);
  return 0;
}

/* 1: loaded as the file says (ps_model_destroy it); 0: not, and a failed check */
static inline int load_scenario(const char *file, ps_model *m) { return load_scenario_with(file, NULL, 0, m); }

#endif
