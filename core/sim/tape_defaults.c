/* tape_defaults.c — a loan-tape group's defaults in one period: thinning
** (ps_tape_draw_defaults) and the naive loan-by-loan sampler (ps_tape_draw_by_loan,
** the benchmarks' baseline). Called by path.c's draw_defaults. */
#include "sim/tape_defaults.h"

#include <math.h>
#include <stdlib.h>

#include "sim/binomial.h"
#include "sim/claims.h"
#include "sim/factors.h"
#include "sim/rng.h"
#include "sim/tape_book.h"

/* a loan of segment s, cohort c, item `item` of its group, defaults in period t (gathered into its
** claim: path.c records the period's once all are drawn): ps_claims_tape_default's PS_OK / PS_EINPUT /
** PS_ERUNTIME */
static int default_loan(ps_path *w, int s, int c, int t, int64_t item) {
  ps_path_alive_add(w, s, c, -1);
  return ps_claims_tape_default(w, s, c, t, item);
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

/* A bucket's loans at risk, laid end to end group by group over all its groups (those not at risk
** count 0), in a Fenwick tree (w->tape_tree, tree[1..n], 1-based), so a position among them all
** finds its group, and a group's count changes, in O(log n). */
/* the group (0-based) of position *pos, which becomes the position within that group */
static int fenwick_find(const int64_t *tree, int n, int64_t *pos) {
  int idx = 0;
  for (int step = 1 << (31 - __builtin_clz((unsigned)n)); step > 0; step /= 2) /* the largest power of 2 <= n */
    if (idx + step <= n && tree[idx + step] <= *pos) {
      idx += step;
      *pos -= tree[idx];
    }
  return idx;
}

static void fenwick_add(int64_t *tree, int n, int group, int64_t delta) {
  for (int i = group + 1; i <= n; i += i & -i) tree[i] += delta;
}

/* tape group g's loans at risk come into (sign 1) or leave (-1) its bucket's count and tree */
static void bucket_move(ps_path *w, int g, int sign) {
  const ps_tape_group *group = &w->m->tape_groups[g];
  const ps_tape_bucket *b = &w->m->tape_buckets[group->bucket];
  int64_t n = sign * w->tape_loans[group->segment].n;
  if (n == 0) return;
  if (w->tape_fix) ps_tape_book_move(w, g, n); /* and the programme's book's sums (tape_book.h) */
  fenwick_add(w->tape_tree + b->tree_at, b->ngroups, group->slot, n);
  w->tape_at_risk[group->bucket] += n;
}

/* gsl_rng_uniform(r), the same double from the same draw, without GSL's call through the type on a
** generator of ps_rng_new's (xo_get_double: 53 bits in [0, 1)); one a candidate */
static inline double uniform(gsl_rng *r) {
  if (r->type != ps_rng_xoshiro256ss) return gsl_rng_uniform(r);
  return (double)(ps_xoshiro_next(r->state) >> 11) * 0x1.0p-53;
}

/* the bucket's bounds in period t (tape_defaults.h), o->p_max set */
static void make_bounds(const ps_path *w, const ps_tape_bucket *b, const ps_segment *lead, int t, ps_thin_bounds *o) {
  const ps_model *m = w->m;
  *o = (ps_thin_bounds){.p_max = o->p_max};
  o->p_low = b->hazard_low < b->hazard ? ps_factors_pd_of(&w->factors, m, lead, t, b->hazard_low, b->threshold_low)
                                       : o->p_max;
  if (o->p_low >= o->p_max || m->stress_pd[t] != 1) return;
  double x_max = ps_factors_pd_arg(&w->factors, m, lead, t, b->threshold),
         x_low = ps_factors_pd_arg(&w->factors, m, lead, t, b->threshold_low);
  if (x_max < 0 && x_low < x_max && isfinite(x_low)) ps_thin_convex(o, x_low, x_max);
}

/* Does a candidate (loan `item` of segment seg) whose uniform, scaled, is y (p_low <= y < p_max)
** default: y < p_i? By the bounds when they tell (ps_thin_decide), else by p_i itself. */
static int thinned_in(const ps_path *w, const ps_segment *seg, int t, int64_t item, const ps_thin_bounds *o, double y) {
  double h = seg->loan_pd ? seg->loan_hazard[item] : seg->hazard[t - seg->first];
  if (o->convex && h > 0 && h < 1) {
    double c = seg->loan_pd ? seg->loan_threshold[item] : seg->threshold[t - seg->first];
    int in = ps_thin_decide(o, ps_factors_pd_arg(&w->factors, w->m, seg, t, c), y);
    if (in >= 0) return in;
  }
  return y < (seg->loan_pd ? tape_loan_pd(w, seg, t, item) : ps_factors_pd(&w->factors, w->m, seg, t, t - seg->first));
}

/* bucket bi's candidates of period t: K ~ Binomial(N, p_max), each a loan drawn uniformly among
** those of its groups not yet drawn, thinned to its own PD; the rejected ones go back among the
** loans at risk once all K are drawn (see ps_tape_draw_defaults) */
static int draw_bucket(ps_path *w, int bi, int t) {
  const ps_model *m = w->m;
  const ps_tape_bucket *b = &m->tape_buckets[bi];
  int64_t n = w->tape_at_risk[bi];
  if (n == 0) return PS_OK;
  /* its groups share rho, the sector and its loading */
  const ps_segment *lead = &m->segments[m->tape_groups[b->groups[0]].segment];
  ps_thin_bounds o;
  double p_max = o.p_max = ps_factors_pd_of(&w->factors, m, lead, t, b->hazard, b->threshold);
  int64_t k = p_max >= 1 ? n : p_max <= 0 ? 0 : (int64_t)ps_binomial(w->default_rng, p_max, (unsigned)n);
  if (k == 0) return PS_OK;
  make_bounds(w, b, lead, t, &o);
  /* scratch: each rejected candidate's place in the bucket and loan */
  if (scratch(w, 2 * (size_t)k)) return PS_ERUNTIME;
  int64_t *tree = w->tape_tree + b->tree_at, *rejected = w->rejected;
  size_t nrejected = 0;
  w->tape_at_risk[bi] -= k; /* the rejected come back below */
  for (; k > 0; k--, n--) {
    int64_t pos = (int64_t)ps_rng_uniform_int(w->default_rng, (unsigned long)n);
    int j = fenwick_find(tree, b->ngroups, &pos);
    const ps_tape_group *group = &m->tape_groups[b->groups[j]];
    const ps_segment *seg = &m->segments[group->segment];
    int64_t item = ps_sparse_perm_take(&w->tape_loans[group->segment], pos);
    if (item < 0) return PS_ERUNTIME;
    fenwick_add(tree, b->ngroups, j, -1);
    if (o.p_low < p_max) { /* accept with probability p_i / p_max; below p_low / p_max without p_i */
      double y = uniform(w->default_rng) * p_max;
      if (y >= o.p_low && !thinned_in(w, seg, t, item, &o, y)) {
        rejected[2 * nrejected] = j;
        rejected[2 * nrejected++ + 1] = item;
        continue;
      }
    }
    if (w->tape_fix) ps_tape_book_drop(w, b->groups[j], group->programme); /* the book's sums lose it */
    int rc = default_loan(w, group->segment, group->first, t, item);
    if (rc) return rc;
  }
  for (size_t i = 0; i < nrejected; i++) {
    int j = (int)rejected[2 * i];
    if (ps_sparse_perm_put_back(&w->tape_loans[m->tape_groups[b->groups[j]].segment], rejected[2 * i + 1]))
      return PS_ERUNTIME;
    fenwick_add(tree, b->ngroups, j, 1);
  }
  w->tape_at_risk[bi] += (int64_t)nrejected;
  return PS_OK;
}

/* group slot j's number in a bucket's tree (1-based tree[1..n]) */
static int64_t fenwick_point(const int64_t *tree, int j) {
  int x = j + 1, z = x - (x & -x);
  int64_t v = tree[x];
  for (int y = x - 1; y > z; y -= y & -y) v -= tree[y];
  return v;
}

/* do the programmes' book sums (tape_book.h) equal those of the groups at risk in period t, added up
** afresh from their loans left? 1 when they do, or there are none */
static int book_sums_hold(const ps_path *w, int t) {
  const ps_model *m = w->m;
  if (!w->tape_fix) return 1;
  int64_t *sums = calloc(4 * (size_t)m->nprogrammes, sizeof *sums);
  if (!sums) return 0;
  for (int g = 0; g < m->nsegments - m->nown_segments; g++) {
    const ps_tape_group *tg = &m->tape_groups[g];
    if (tg->first <= t && t <= tg->first + tg->tenor - 1) /* at risk in period t */
      for (int i = 0; i < 4; i++)
        sums[4 * (size_t)tg->programme + (size_t)i] += w->tape_loans[tg->segment].n * w->tape_fix[4 * (size_t)g + (size_t)i];
  }
  int same = 1;
  for (size_t i = 0; i < 4 * (size_t)m->nprogrammes; i++) same &= sums[i] == w->tape_run[i];
  free(sums);
  return same;
}

int ps_tape_check(const ps_path *w) {
  const ps_model *m = w->m;
  if (w->tape_book_bad || w->ntape_claims) return 0; /* every gathered claim recorded */
  if (w->by_loan) return 1; /* the buckets are not used */
  int T = m->periods;
  for (int b = 0; b < m->ntape_buckets; b++) {
    const ps_tape_bucket *bucket = &m->tape_buckets[b];
    const int64_t *tree = w->tape_tree + bucket->tree_at;
    int64_t n = 0;
    for (int j = 0; j < bucket->ngroups; j++) {
      const ps_tape_group *g = &m->tape_groups[bucket->groups[j]];
      /* at risk in the last period: drawn then (it has a loan at risk, or counts 0 either way) */
      int64_t mine = g->first <= T && T <= g->first + g->tenor - 1 ? w->tape_loans[g->segment].n : 0;
      n += mine;
      if (w->audit && fenwick_point(tree, j) != mine) return 0;
    }
    if (n != w->tape_at_risk[b]) return 0;
  }
  return !w->audit || book_sums_hold(w, T);
}

/* Loan tapes by PD bucket (docs/model.md §3): the loans of a bucket's groups share the loadings,
** the sector and the stress, and each has its own conditional PD p_i(Z) <= p_max(Z), the bucket's
** bound. K ~ Binomial(N, p_max(Z)) candidates are drawn uniformly without replacement among the N
** loans at risk (a position among them all, its group found in the bucket's Fenwick tree of the
** groups' counts, the loan within the group by its sparse Fisher-Yates), and candidate i defaults
** with probability p_i(Z) / p_max(Z), so each loan defaults with its own p_i(Z), independently given
** the factors. A candidate's own PD is computed only when its uniform falls between the bucket's
** smallest conditional PD and the bound. One Phi (two with a candidate) and one binomial per bucket
** and period, then work per candidate. The buckets' counts and trees follow the groups: those that
** come at risk in period t enter (m->tape_periods), those whose last period was t - 1 leave, here
** (a period that is not drawn, being quiet, has no group coming at risk and none with a loan left). */
int ps_tape_draw_defaults(ps_path *w, int t) {
  const ps_tape_periods *p = &w->m->tape_periods;
  for (int j = p->leave_at[t]; j < p->leave_at[t + 1]; j++) bucket_move(w, p->leave[j], -1);
  for (int j = p->enter_at[t]; j < p->enter_at[t + 1]; j++) bucket_move(w, p->enter[j], 1);
  for (int b = 0; b < w->m->ntape_buckets; b++) {
    int rc = draw_bucket(w, b, t);
    if (rc) return rc;
  }
  return PS_OK;
}
