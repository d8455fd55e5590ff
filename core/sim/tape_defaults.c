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

/* grow the thinning scratch (w->rejected) to n numbers; PS_OK, or PS_ERUNTIME when out of memory */
static int scratch(ps_path *w, size_t n) {
  if (n <= w->caprejected) return PS_OK;
  int64_t *grown = realloc(w->rejected, n * sizeof *grown);
  if (!grown) return PS_ERUNTIME;
  w->rejected = grown;
  w->caprejected = n;
  return PS_OK;
}

/* a candidate that defaults: the index of its group among the bucket's groups at risk, its
** position among that group's remaining loans, and the loan */
typedef struct {
  int64_t group, position, item;
} accepted;

/* by group, positions from the last down (so taking them out moves none still to take) */
static int cmp_accepted(const void *x, const void *y) {
  const accepted *a = x, *b = y;
  if (a->group != b->group) return a->group < b->group ? -1 : 1;
  return a->position > b->position ? -1 : a->position < b->position;
}

/* the bucket's candidates of period t: K ~ Binomial(N, p_max) positions drawn uniformly without
** replacement among the N loans at risk in its groups, each thinned to its loan's own PD, then the
** accepted ones recorded (see ps_tape_draw_defaults) */
static int draw_bucket(ps_path *w, const ps_tape_bucket *b, int t) {
  const ps_model *m = w->m;
  const int *live = b->live + b->live_at[t];
  int nlive = b->live_at[t + 1] - b->live_at[t];
  if (nlive == 0) return PS_OK;
  if (scratch(w, (size_t)nlive + 1)) return PS_ERUNTIME;
  int64_t *start = w->rejected; /* start[j]: the first position of the j-th group's loans */
  start[0] = 0;
  for (int j = 0; j < nlive; j++) start[j + 1] = start[j] + w->tape_loans[live[j]].n;
  int64_t n = start[nlive];
  if (n == 0) return PS_OK;
  const ps_segment *lead = &m->segments[live[0]]; /* its groups share rho, the sector and its loading */
  double p_max = ps_factors_pd_of(&w->factors, m, lead, t, b->hazard, b->threshold);
  int64_t k = p_max >= 1 ? n : p_max <= 0 ? 0 : (int64_t)gsl_ran_binomial(w->default_rng, p_max, (unsigned)n);
  if (k == 0) return PS_OK;
  double p_low = b->hazard_low < b->hazard ? ps_factors_pd_of(&w->factors, m, lead, t, b->hazard_low, b->threshold_low)
                                           : p_max;
  size_t head = (size_t)nlive + 1, per = sizeof(accepted) / sizeof(int64_t);
  if (scratch(w, head + per * (size_t)k)) return PS_ERUNTIME;
  start = w->rejected;
  accepted *acc = (accepted *)(start + head);
  size_t nacc = 0;
  if (ps_sparse_perm_reset(&w->tape_positions, n)) return PS_ERUNTIME;
  for (; k > 0; k--) {
    int64_t pos = ps_sparse_perm_draw(&w->tape_positions, w->default_rng);
    if (pos < 0) return PS_ERUNTIME;
    int lo = 0, hi = nlive - 1; /* the group: the last j with start[j] <= pos */
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (start[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    const ps_segment *seg = &m->segments[live[lo]];
    int64_t item = ps_sparse_perm_at(&w->tape_loans[live[lo]], pos - start[lo]);
    if (p_low < p_max) { /* accept with probability p_i / p_max; below p_low / p_max without p_i */
      double y = gsl_rng_uniform(w->default_rng) * p_max;
      if (y >= p_low && y >= (seg->loan_pd ? tape_loan_pd(w, seg, t, item)
                                           : ps_factors_pd(&w->factors, m, seg, t, t - seg->first)))
        continue;
    }
    acc[nacc++] = (accepted){lo, pos - start[lo], item};
  }
  qsort(acc, nacc, sizeof *acc, cmp_accepted);
  for (size_t i = 0; i < nacc; i++) {
    int s = live[acc[i].group];
    if (ps_sparse_perm_take(&w->tape_loans[s], acc[i].position) < 0) return PS_ERUNTIME;
    int rc = default_loan(w, s, m->segments[s].first, t, acc[i].item);
    if (rc) return rc;
  }
  return PS_OK;
}

/* Loan tapes by PD bucket (docs/model.md §3): the loans of a bucket's groups share the loadings,
** the sector and the stress, and each has its own conditional PD p_i(Z) <= p_max(Z), the bucket's
** bound. K ~ Binomial(N, p_max(Z)) candidates are drawn uniformly without replacement among the N
** loans at risk, and candidate i defaults with probability p_i(Z) / p_max(Z), so each loan
** defaults with its own p_i(Z), independently given the factors. A candidate's own PD is computed
** only when its uniform falls between the bucket's smallest conditional PD and the bound. One Phi
** (two with a candidate) and one binomial per bucket and period, then work per candidate. */
int ps_tape_draw_defaults(ps_path *w, int t) {
  for (int b = 0; b < w->m->ntape_buckets; b++) {
    int rc = draw_bucket(w, &w->m->tape_buckets[b], t);
    if (rc) return rc;
  }
  return PS_OK;
}
