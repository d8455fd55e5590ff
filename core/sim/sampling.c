/* sampling.c — the shift of tail sampling (sampling.h). */
#include "sim/sampling.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "poolsim/poolsim.h"
#include "sim/path.h"
#include "sim/path_state.h"
#include "sim/policy.h"

/* d = v / |v| into d[1..T], v_s = d Zbar / d e_s: z_t = phi^(t-1) e_1 + sum_{s=2..t} sd phi^(t-s) e_s,
** so with G_s = sum_{t=s..T} phi^(t-s) = 1 + phi G_{s+1}: v_1 = G_1 and v_s = sd G_s. T is the factors'
** horizon (sim/factors.h): later periods' factors are neither drawn nor read, d is 0 there. */
static void direction(const ps_model *m, double *d) {
  int T = ps_factors_horizon(m);
  double phi = m->cycle, sd = sqrt(1 - phi * phi), g = 0, norm2 = 0;
  for (int t = 0; t <= m->periods; t++) d[t] = 0;
  if (T < 1) return;
  for (int s = T; s >= 1; s--) {
    g = 1 + phi * g;
    d[s] = s == 1 ? g : sd * g;
    norm2 += d[s] * d[s];
  }
  for (int s = 1; s <= T; s++) d[s] /= sqrt(norm2);
}

/* Y = d'e of the path just run, its innovations recovered from its factor path z */
static double projection(const ps_factors *f, const ps_model *m, const double *d) {
  double phi = m->cycle, sd = sqrt(1 - phi * phi), y = d[1] * f->z[1];
  for (int t = 2; sd > 0 && t <= f->horizon; t++) y += d[t] * (f->z[t] - phi * f->z[t - 1]) / sd;
  return y;
}

/* the Pearson correlation of x and y over n pairs, 0 when either is constant */
static double correlation(const double *x, const double *y, long n) {
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
  for (long i = 0; i < n; i++) mx += x[i], my += y[i];
  mx /= (double)n;
  my /= (double)n;
  for (long i = 0; i < n; i++) {
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}

double ps_sampling_size(double c, double beta) {
  if (!(c > 0) || !(beta > 0)) return 0;
  /* g(m) = 2 m Phi(-u) - beta phi(u), u = c + beta m: g(0) < 0, and g(2c + 2) > 0 since the
  ** Mills ratio phi(u) / Phi(-u) < u + 1/u; one root between, found by bisection */
  double lo = 0, hi = 2 * c + 2;
  for (int k = 0; k < 100; k++) {
    double mid = 0.5 * (lo + hi), u = c + beta * mid;
    if (2 * mid * gsl_cdf_ugaussian_Q(u) - beta * gsl_ran_ugaussian_pdf(u) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

int ps_sampling_choose(const ps_model *m, uint64_t seed, const int64_t *initial, double alpha, double *mu, char *err,
                       size_t errlen) {
  if (!(alpha > 0 && alpha < 1)) alpha = PS_SAMPLING_ALPHA;
  direction(m, mu);
  double beta = 1; /* without a pool: the losses taken as the factor's alone */
  if (m->npools > 0) {
    ps_path *w = ps_path_new(m, initial, 0);
    ps_policy *policy = m->has_hooks ? ps_policy_new(m) : NULL;
    double *y = malloc(2 * (size_t)PS_SAMPLING_PILOT * sizeof *y), *r = y ? y + PS_SAMPLING_PILOT : NULL;
    int rc = w && y && (policy || !m->has_hooks) ? PS_OK : PS_ERUNTIME;
    if (rc) snprintf(err, errlen, "out of memory for tail sampling's pilot");
    for (long i = 0; rc == PS_OK && i < PS_SAMPLING_PILOT; i++) {
      rc = ps_path_run(w, seed, PS_SAMPLING_PILOT_FIRST + i, policy, NULL, err, errlen);
      y[i] = projection(&w->factors, m, mu);
      r[i] = w->pools[0].required;
    }
    if (rc == PS_OK) beta = fmax(0, -correlation(y, r, PS_SAMPLING_PILOT)); /* low Y: more defaults */
    free(y);
    ps_policy_free(policy);
    ps_path_free(w);
    if (rc) { /* name the pilot: its path indices are its own */
      char what[1024];
      snprintf(what, sizeof what, "%s", err);
      snprintf(err, errlen, "tail sampling's pilot of %ld plain paths: %s", PS_SAMPLING_PILOT, what);
      return rc;
    }
  }
  /* toward low factors, where more loans default: -m d */
  double size = ps_sampling_size(gsl_cdf_ugaussian_Qinv(alpha), beta);
  for (int t = 1; t <= m->periods; t++) mu[t] *= -size;
  return PS_OK;
}

/* ps_sampling_refuse — the refusal of tail sampling where figures are not weighted (sampling.h) */
int ps_sampling_refuse(const ps_model *m, const char *what, char *err, size_t errlen) {
  if (m->sampling != PS_SAMPLING_IMPORTANCE) return PS_OK;
  snprintf(err, errlen,
           "%s: sampling = \"importance\": tail sampling weights the figures of run, size and the studies, and %s "
           "does not take it: use sampling = \"plain\" (the default)",
           m->file, what);
  return PS_EINPUT;
}
