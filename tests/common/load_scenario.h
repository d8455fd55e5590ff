/* load_scenario.h — a test's scenario file loaded into *m, or the test failed with the loader's
** message (FILE:LINE: what is wrong). */
#ifndef PS_LOAD_SCENARIO_H
#define PS_LOAD_SCENARIO_H

#include <stdio.h>

#include "check.h"
#include "scenario/scenario.h"

/* 1: loaded (ps_model_destroy it); 0: not, and a failed check */
static inline int load_scenario(const char *file, ps_model *m) {
  char err[1024];
  if (ps_scenario_load(file, NULL, 0, m, err, sizeof err) == 0) return 1;
  fprintf(stderr, "%s\n", err);
  CHECK(0);
  return 0;
}

#endif
