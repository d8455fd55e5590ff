/* factors.c — AR(1) systemic and sector factors, the t copula's mixing, and
** the conditional default probability. */
#include "sim/factors.h"


#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

/* ps_factors_horizon — the last period whose factors anything reads (factors.h) */
int ps_factors_horizon(const ps_model *m) {
  int horizon = 0;
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    int last = seg->last + (seg->tenor > 1 ? seg->tenor - 1 : 0);
    if (last > horizon) horizon = last;
  }
  return horizon < m->periods ? horizon : m->periods;
}

/* ps_factors_init — fill *f with arrays for m; PS_OK, or PS_ERUNTIME when out of memory */
int ps_factors_init(ps_factors *f, const ps_model *m) {
  size_t T = (size_t)m->periods + 1;
  f->periods = m->periods;
  f->horizon = ps_factors_horizon(m);
  f->nsectors = m->nsectors;
  f->z = calloc(T, sizeof(double));
  f->s = calloc(T * (size_t)(m->nsectors + 1), sizeof(double));
  f->mix = malloc(T * sizeof(double));
  f->eta = calloc((size_t)m->nsectors + 1, sizeof(double));
  f->loading = calloc(3 * (size_t)m->nsegments + 1, sizeof(double));
  f->shift = NULL; /* plain sampling until a run sets tail sampling's shift */
  f->log_weight = 0;
  if (!f->z || !f->s || !f->mix || !f->eta || !f->loading) {
    ps_factors_destroy(f);
    return PS_ERUNTIME;
  }
  for (size_t t = 0; t < T; t++) f->mix[t] = 1;
  return PS_OK;
}

/* ps_factors_destroy — free what *f holds (its pointers become NULL) */
void ps_factors_destroy(ps_factors *f) {
  free(f->z);
  free(f->s);
  free(f->mix);
  free(f->eta);
  free(f->loading);
  f->z = f->s = f->mix = f->eta = f->loading = NULL;
}

/* ps_factors_draw — draw a path's factors */
void ps_factors_draw(ps_factors *f, const ps_model *m, gsl_rng *r) {
  double phi = m->cycle, innovation_sd = sqrt(1 - phi * phi);
  int T = f->horizon, n = m->nsectors;
  const double *mu = f->shift;
  double log_weight = 0;
  for (int t = 1; t <= T; t++) {
    double e = gsl_ran_gaussian_ziggurat(r, 1.0);
    if (mu) { /* e ~ N(mu_t, 1); phi(e) / phi(e - mu_t) = exp(mu_t (mu_t / 2 - e)) */
      e += mu[t];
      log_weight += mu[t] * (0.5 * mu[t] - e);
    }
    f->z[t] = t == 1 ? e : phi * f->z[t - 1] + innovation_sd * e;
  }
  f->log_weight = log_weight;
  for (int t = 1; t <= T; t++) {
    /* correlated innovations L eta; the first period starts the stationary chain */
    for (int k = 0; k < n; k++) f->eta[k] = gsl_ran_gaussian_ziggurat(r, 1.0);
    for (int k = 0; k < n; k++) {
      double e = 0;
      for (int j = 0; j <= k; j++) e += m->sector_chol[k * n + j] * f->eta[j];
      double *s = &f->s[(size_t)t * (size_t)n + (size_t)k];
      *s = t == 1 ? e : phi * s[-n] + innovation_sd * e;
    }
  }
  if (m->copula == PS_COPULA_T)
    for (int t = 1; t <= T; t++) f->mix[t] = sqrt(gsl_ran_chisq(r, m->nu) / m->nu);
  for (int k = 0; k < m->nsegments; k++) { /* the same square roots pd_arg took at each call */
    const ps_segment *seg = &m->segments[k];
    double *l = &f->loading[3 * (size_t)k];
    l[0] = sqrt(seg->rho);
    l[1] = sqrt(seg->rho_sector);
    l[2] = sqrt(1 - seg->rho - seg->rho_sector);
  }
}
