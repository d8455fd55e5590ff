/* uncertainty.c — the run at point values (stats/uncertainty.h). */
#include "stats/uncertainty.h"

#include <stdio.h>
#include <stdlib.h>

/* ps_uncertainty_point_run — the run at point values (stats/uncertainty.h) */
int ps_uncertainty_point_run(ps_results *r, const ps_run_options *ro, char *err, size_t errlen) {
  const ps_model *m = r->m;
  if (m->nuncertain == 0 || r->paths != ro->paths) return PS_OK;
  ps_model point = *m; /* the model holds the means where the numbers would be */
  point.nuncertain = 0;
  ps_outcomes o;
  int rc = ps_simulate(&point, ro, &o, err, errlen);
  if (rc) return ps_stop_signal() ? PS_OK : rc; /* interrupted before a path was done: left out */
  size_t n = (size_t)o.paths;
  if (o.host) { /* a distributed run's: its required balances asked from the ranks when read */
    if (o.paths == r->paths) r->point_outcomes = o;
    else ps_outcomes_destroy(&o);
    return PS_OK;
  }
  if (o.paths != r->paths) {
    ps_outcomes_destroy(&o);
    return PS_OK;
  }
  size_t all = (size_t)m->npools * n;
  r->point_required = malloc(all * sizeof(double) + 1);
  if (o.weight) r->point_weight = malloc(all * sizeof(double) + 1);
  if (!r->point_required || (o.weight && !r->point_weight)) rc = PS_ERUNTIME;
  /* under tail sampling each pool's balances are sorted with their paths' weights alongside */
  for (int i = 0; rc == PS_OK && i < m->npools; i++)
    rc = ps_sort_copy(o.required + (size_t)i * n, o.weight, n, r->point_required + (size_t)i * n,
                      r->point_weight ? r->point_weight + (size_t)i * n : NULL);
  ps_outcomes_destroy(&o);
  if (rc) snprintf(err, errlen, "out of memory sorting the run at point values");
  return rc;
}
