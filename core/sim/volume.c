/* volume.c — the volume of a period (sim/volume.h). */
#include "sim/volume.h"

#include <gsl/gsl_randist.h>
#include <math.h>

/* ps_volume_poisson — a Poisson volume of period t (sim/volume.h) */
int64_t ps_volume_poisson(ps_path *w, const ps_demand *v, int t) {
  double b = v->demand_rho, mean = v->mean;
  if (b != 0) mean *= exp(b * ps_factors_systemic(&w->factors, w->m, t) - 0.5 * b * b);
  int64_t n = (int64_t)gsl_ran_poisson(w->volume_rng, mean);
  return n < v->bound ? n : v->bound;
}
