/* sampling.c — the shift of tail sampling (sampling.h). */
#include "sim/sampling.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>

#include "poolsim/poolsim.h"

/* ps_sampling_shift — mu = Phi^-1(alpha) v / |v| with v_s = d Zbar / d e_s (sampling.h) */
void ps_sampling_shift(const ps_model *m, double alpha, double *mu) {
  int T = m->periods;
  double phi = m->cycle, sd = sqrt(1 - phi * phi);
  if (!(alpha > 0 && alpha < 1)) alpha = PS_SAMPLING_ALPHA;
  /* z_t = phi^(t-1) e_1 + sum_{s=2..t} sd phi^(t-s) e_s, so with G_s = sum_{t=s..T} phi^(t-s)
  ** = 1 + phi G_{s+1}: v_1 = G_1 and v_s = sd G_s */
  double g = 0, norm2 = 0;
  mu[0] = 0;
  for (int s = T; s >= 1; s--) {
    g = 1 + phi * g;
    mu[s] = s == 1 ? g : sd * g;
    norm2 += mu[s] * mu[s];
  }
  double c = gsl_cdf_ugaussian_Pinv(alpha); /* < 0 for alpha < 1/2: toward more defaults */
  if (c > 0) c = 0;
  double scale = norm2 > 0 ? c / sqrt(norm2) : 0;
  for (int s = 1; s <= T; s++) mu[s] *= scale;
}

/* ps_sampling_refuse — the refusal of tail sampling where figures are not weighted (sampling.h) */
int ps_sampling_refuse(const ps_model *m, const char *what, char *err, size_t errlen) {
  if (m->sampling != PS_SAMPLING_IMPORTANCE) return PS_OK;
  snprintf(err, errlen,
           "%s: sampling = \"importance\": tail sampling weights the figures of run and size only, and %s does "
           "not take it: use sampling = \"plain\" (the default)",
           m->file, what);
  return PS_EINPUT;
}
