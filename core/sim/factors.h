/* factors.h — the systematic factors of a path and the default probability
** they imply (docs/model.md §3).
**
** A systemic factor Z_t and one factor per sector S_k,t, each a stationary
** AR(1) with phi = cycle; sector innovations correlated through the Cholesky
** factor of the scenario's sector correlation. With copula = "t", a common
** chi-square mixing W_t per period scales every latent variable. */
#ifndef PS_FACTORS_H
#define PS_FACTORS_H

#include <gsl/gsl_rng.h>

#include <math.h>

#include "poolsim/poolsim.h"
#include "scenario/copula.h"
#include "scenario/model.h"
#include "sim/phi.h"

typedef struct {
  int periods, nsectors;
  int horizon;  /* the last period whose factors anything reads (ps_factors_horizon); later ones are not
                   drawn and stay 0 */
  double *z;    /* [periods + 1] systemic factor */
  double *s;    /* [(periods + 1) * nsectors] sector factors */
  double *mix;  /* [periods + 1] sqrt(W_t): 1 for the Gaussian copula */
  double *eta;  /* scratch, nsectors */
  double *loading; /* [3 * nsegments]: each segment's sqrt(rho), sqrt(rho_sector) and sqrt(1 - rho - rho_sector)
                      for the path's parameters (ps_factors_draw), which the conditional PD divides by */
  const double *shift; /* [periods + 1]: tail sampling's mean mu_t of the systemic innovations
                          (sim/sampling.h), not owned; NULL: plain sampling */
  double log_weight;   /* the drawn path's log likelihood ratio, -sum mu_t e_t + sum mu_t^2 / 2 */
} ps_factors;

/* ps_factors_horizon — the last period of m in which anything reads the factors, 0 to m->periods: a
** loan's (policy's) defaults while it is at risk, up to its segment's last cohort plus its tenor less
** one, and a segment's volumes and a bridge's non-renewals while it originates; the LGD downturn link
** reads the period of a default. Fixed by the model's structure, which drawn parameters do not
** change; hooks cannot read the factors, nor put a loan at risk outside its segment's periods. */
int ps_factors_horizon(const ps_model *m);

/* ps_factors_init — fill *f with arrays for m; PS_OK, or PS_ERUNTIME when out of memory */
int ps_factors_init(ps_factors *f, const ps_model *m);
/* ps_factors_destroy — free what *f holds (its pointers become NULL) */
void ps_factors_destroy(ps_factors *f);

/* ps_factors_draw — draw a path's factors for periods 1..f->horizon. The systemic factor is drawn
** first for every such period, so adding sectors or a t copula leaves it unchanged (common random
** numbers), and so does the horizon (z_t is the t-th normal drawn). It also keeps each segment's
** loadings' square roots for the PDs (from m's segments, which a path's drawn rho changes). With f->shift,
** each systemic innovation e_t is the same normal plus mu_t, and f->log_weight its likelihood
** ratio's log (0 without); sector factors and the t copula's mixing are never shifted. */
void ps_factors_draw(ps_factors *f, const ps_model *m, gsl_rng *r);


/* the systemic factor of period t as the LGD downturn link sees it (stress included) */
static inline double ps_factors_systemic(const ps_factors *f, const ps_model *m, int t) {
  return f->z[t] + m->stress_shift[t];
}

/* ps_factors_pd_arg — the normal quantile of the conditional PD of a loan of segment seg (one of
** m->segments, m the model f was last drawn for) with threshold c in period t, when its PD is not
** stressed in period t (m->stress_pd[t] == 1) and 0 < h < 1: its conditional PD is Phi of it,
** increasing in c. Inline, as the two below: a path takes hundreds of PDs */
static inline double ps_factors_pd_arg(const ps_factors *f, const ps_model *m, const ps_segment *seg, int t, double c) {
  /* default when sqrt(rho) Z + sqrt(rho_s) S + sqrt(1 - rho - rho_s) e < c sqrt(W) */
  const double *l = &f->loading[3 * (size_t)(seg - m->segments)];
  double systematic = l[0] * ps_factors_systemic(f, m, t);
  if (seg->sector >= 0) systematic += l[1] * f->s[(size_t)t * (size_t)f->nsectors + (size_t)seg->sector];
  return (c * f->mix[t] - systematic) / l[2];
}

/* ps_factors_pd_of — the probability that a loan of segment seg whose own per-period hazard is h, with
** threshold c = ps_copula_threshold(m, h), defaults in period t given the factors (stress shifts and
** PD multipliers applied): a loan-tape loan's own PD */
static inline double ps_factors_pd_of(const ps_factors *f, const ps_model *m, const ps_segment *seg, int t, double h,
                                      double c) {
  if (m->stress_pd[t] != 1) {
    h = fmin(1, h * m->stress_pd[t]);
    c = ps_copula_threshold(m, h);
  }
  if (h <= 0) return 0;
  if (h >= 1) return 1;
  return ps_phi(ps_factors_pd_arg(f, m, seg, t, c));
}

/* ps_factors_pd — the same for a loan of segment seg of age `age`, at its segment's hazard */
static inline double ps_factors_pd(const ps_factors *f, const ps_model *m, const ps_segment *seg, int t, int age) {
  return ps_factors_pd_of(f, m, seg, t, seg->hazard[age], seg->threshold[age]);
}

#endif
