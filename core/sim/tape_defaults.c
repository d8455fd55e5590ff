/* tape_defaults.c — a loan-tape group's defaults in one period: thinning
** (ps_tape_draw_defaults) and the naive loan-by-loan sampler (ps_tape_draw_by_loan,
** the benchmarks' baseline). Called by path.c's draw_defaults. */
#include "sim/tape_defaults.h"

#include <gsl/gsl_randist.h>
#include <stdlib.h>

#include "sim/claims.h"
#include "sim/factors.h"
#include "sim/rng.h"

/* a loan of segment s, cohort c, item `item` of its group, defaults in period t:
** ps_claims_record_default's PS_OK / PS_EINPUT / PS_ERUNTIME */
static int default_loan(ps_path *w, int s, int c, int t, int64_t item) {
  ps_path_alive_add(w, s, c, -1);
  return ps_claims_record_default(w, s, c, t, item, 1);
}

/* a loan-tape loan's own conditional PD in period t */
static double tape_loan_pd(const ps_path *w, const ps_segment *seg, int t, int64_t item) {
  return ps_factors_pd_of(&w->factors, w->m, seg, t, seg->loan_hazard[item], seg->loan_threshold[item]);
}

/* The naive sampler on a loan-tape group: each live loan, one uniform against
** its own conditional PD. Visiting positions from the last down sees each live
** loan once, even as defaulted ones are taken out. */
int ps_tape_draw_by_loan(ps_path *w, int s, int c, int t) {
  const ps_segment *seg = &w->m->segments[s];
  ps_sparse_perm *loans = &w->tape_loans[s];
  if (w->alive[s][c] == 0) return PS_OK;
  double p = ps_factors_pd(&w->factors, w->m, seg, t, t - c);
  for (int64_t k = loans->n - 1; k >= 0; k--) {
    int64_t item = ps_sparse_perm_at(loans, k);
    if (gsl_rng_uniform(w->default_rng) >= (seg->loan_pd ? tape_loan_pd(w, seg, t, item) : p)) continue;
    if (ps_sparse_perm_take(loans, k) < 0) return PS_ERUNTIME;
    int rc = default_loan(w, s, c, t, item);
    if (rc) return rc;
  }
  return PS_OK;
}

/* A loan-tape group: one cohort c whose loans keep their own amount, PD and LGD.
** Thinning (docs/model.md §3): K ~ Binomial(n, p_max(Z)) candidates are drawn
** uniformly without replacement among the n live loans, p_max the group's largest
** conditional PD, and candidate i defaults with probability p_i(Z) / p_max(Z), so
** each loan defaults with its own p_i(Z), independently given the factors. The
** rejected candidates go back among the live loans once all K are drawn. A group
** whose loans share one PD accepts every candidate without a draw. */
int ps_tape_draw_defaults(ps_path *w, int s, int c, int t) {
  const ps_model *m = w->m;
  const ps_segment *seg = &m->segments[s];
  ps_sparse_perm *loans = &w->tape_loans[s];
  int64_t n = w->alive[s][c];
  if (n == 0) return PS_OK;
  double p_max = ps_factors_pd(&w->factors, m, seg, t, t - c); /* a seasoned loan at its age */
  int64_t k = p_max >= 1 ? n : p_max <= 0 ? 0 : (int64_t)gsl_ran_binomial(w->default_rng, p_max, (unsigned)n);
  if (seg->loan_pd && (size_t)k > w->caprejected) {
    int64_t *grown = realloc(w->rejected, (size_t)k * sizeof *grown);
    if (!grown) return PS_ERUNTIME;
    w->rejected = grown;
    w->caprejected = (size_t)k;
  }
  size_t nrejected = 0;
  for (; k > 0; k--) {
    int64_t item = ps_sparse_perm_draw(loans, w->default_rng);
    if (item < 0) return PS_ERUNTIME;
    if (seg->loan_pd) {
      double p = tape_loan_pd(w, seg, t, item);
      if (p < p_max && gsl_rng_uniform(w->default_rng) * p_max >= p) {
        w->rejected[nrejected++] = item;
        continue;
      }
    }
    int rc = default_loan(w, s, c, t, item);
    if (rc) return rc;
  }
  for (size_t i = 0; i < nrejected; i++)
    if (ps_sparse_perm_put_back(loans, w->rejected[i])) return PS_ERUNTIME;
  return PS_OK;
}
