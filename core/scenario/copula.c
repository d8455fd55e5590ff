/* copula.c — see copula.h. */
#include "scenario/copula.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

double ps_copula_threshold(const ps_model *m, double hazard) {
  if (hazard <= 0) return -INFINITY;
  if (hazard >= 1) return INFINITY;
  return m->copula == PS_COPULA_T ? gsl_cdf_tdist_Pinv(hazard, m->nu) : gsl_cdf_ugaussian_Pinv(hazard);
}
