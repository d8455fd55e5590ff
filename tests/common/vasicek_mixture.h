/* vasicek_mixture.h — the exact distribution of the number of defaults D among n loans of one
** period in the one-factor Gaussian model (PD pd, correlation rho), a binomial mixture:
** G(m) = P(D <= m) = integral of P(Bin(n, p(z)) <= m) phi(z) dz, by adaptive quadrature with a
** breakpoint where p(z) = m / n (the integrand steps there). For the validation tests that check
** the engine's quantiles against the finite portfolio, not only the large-portfolio limit. */
#ifndef PS_VASICEK_MIXTURE_H
#define PS_VASICEK_MIXTURE_H

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <math.h>

typedef struct {
  double t, rho;
  unsigned m, n;
} mixture_params;

static inline double mixture_integrand(double z, void *arg) {
  const mixture_params *v = arg;
  double p = gsl_cdf_ugaussian_P((v->t - sqrt(v->rho) * z) / sqrt(1 - v->rho));
  return gsl_cdf_binomial_P(v->m, p, v->n) * gsl_ran_ugaussian_pdf(z);
}

/* G(m) for n loans; NAN when the quadrature fails */
static inline double mixture_cdf(double pd, double rho, long n, long m) {
  if (m < 0) return 0;
  if (m >= n) return 1;
  mixture_params v = {gsl_cdf_ugaussian_Pinv(pd), rho, (unsigned)m, (unsigned)n};
  gsl_function f = {mixture_integrand, &v};
  double pts[3] = {-12, 0, 12}, result = NAN, abserr;
  double zstar = (v.t - sqrt(1 - rho) * gsl_cdf_ugaussian_Pinv(((double)m + 0.5) / (double)n)) / sqrt(rho);
  size_t npts = 2;
  if (zstar > -12 && zstar < 12) pts[1] = zstar, pts[2] = 12, npts = 3;
  else pts[1] = 12;
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(2000);
  if (w) {
    if (gsl_integration_qagp(&f, pts, npts, 1e-13, 1e-10, 2000, w, &result, &abserr)) result = NAN;
    gsl_integration_workspace_free(w);
  }
  return result;
}

/* the a-quantile of D: the smallest m with G(m) >= a */
static inline long mixture_quantile(double pd, double rho, long n, double a) {
  long lo = 0, hi = n;
  while (lo < hi) {
    long mid = lo + (hi - lo) / 2;
    if (mixture_cdf(pd, rho, n, mid) >= a) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

#endif
