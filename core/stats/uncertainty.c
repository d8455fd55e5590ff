/* uncertainty.c — the run at point values (stats/uncertainty.h). */
#include "stats/uncertainty.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
  if (o.paths == r->paths && (r->point_required = malloc((size_t)m->npools * n * sizeof(double) + 1))) {
    memcpy(r->point_required, o.required, (size_t)m->npools * n * sizeof(double));
    for (int i = 0; rc == PS_OK && i < m->npools; i++) rc = ps_sort_doubles(r->point_required + (size_t)i * n, n);
  } else if (o.paths == r->paths) {
    rc = PS_ERUNTIME;
  }
  ps_outcomes_destroy(&o);
  if (rc) snprintf(err, errlen, "out of memory sorting the run at point values");
  return rc;
}
