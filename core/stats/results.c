/* results.c — statistics of each pool, programme and party over paths.
**
** The statistics stage is a list of independent tasks (one quantity's
** statistics, one period's balance bands, one pool's tail drivers or sizing
** curve), run over the same threads as the simulation. Each task writes only
** its own outputs, so the results are the same bytes whatever the thread count. */
#include "stats/results.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/hugepages.h"
#include "sim/parallel.h"
#include "stats/bands.h"
#include "stats/column.h"
#include "stats/exact_sum.h"
#include "stats/select.h"
#include "stats/weighted.h"

typedef enum { TASK_STATS, TASK_BANDS, TASK_TAIL, TASK_CURVE } task_kind;

/* TASK_STATS: the statistics of sign * (x[i * stride] - minus[i]) over paths
** i (minus optional); the other kinds name a pool (and a period) */
typedef struct {
  task_kind kind;
  const double *x, *minus;
  size_t stride;
  double sign;
  ps_stats *out;
  int pool, period;
} task;

typedef struct {
  const ps_model *m;
  const ps_outcomes *o; /* the run's: every path's required, weight and bands */
  const ps_outcomes *b; /* where the columns are named: o, or this process's block of a distributed run */
  ps_column_host *host; /* a distributed run's (sim/outcomes.h), NULL in one process */
  ps_results *r;
  task *tasks;
  size_t ntasks, cap;
} stage;

/* Each helper below that returns an int returns PS_OK, or PS_ERUNTIME when out of memory. */
static int add(stage *s, task t) {
  if (s->ntasks == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 64;
    task *grown = realloc(s->tasks, cap * sizeof *grown);
    if (!grown) return PS_ERUNTIME;
    s->tasks = grown;
    s->cap = cap;
  }
  s->tasks[s->ntasks++] = t;
  return PS_OK;
}

/* the statistics of `zero` on every path: those of an array not kept (sim/outcomes.h) */
static int zero_stats(double zero, ps_stats *out) { return ps_stats_compute(&zero, 1, out); }

/* statistics of a contiguous per-path array: a's from base, or zeros where a is not kept (NULL) */
static int add_stats(stage *s, const double *a, size_t base, ps_stats *out) {
  if (!a) return zero_stats(0.0, out);
  return add(s, (task){.kind = TASK_STATS, .x = a + base, .stride = 1, .sign = 1, .out = out});
}

/* where pool result pr's bands go (stats/bands.h) */
static ps_bands bands_of(ps_pool_result *pr) { return (ps_bands){pr->band_p05, pr->band_p50, pr->band_p95}; }

static int run_stats(const stage *s, const task *t, double *scratch) {
  size_t n = (size_t)s->o->paths;
  if (s->host) { /* the column from its holders (stats/column.h) */
    ps_column_source *src;
    int rc = s->host->open(s->host, t->x, t->stride, t->minus, t->sign, s->o->weight != NULL, LONG_MAX, &src);
    if (rc) return rc;
    rc = ps_column_stats(src, t->out);
    s->host->close(s->host, src);
    return rc;
  }
  const double *w = s->o->weight; /* tail sampling: weighted statistics */
  if (t->stride == 1 && !t->minus && t->sign == 1) return ps_column_stats_of(t->x, w, n, t->out);
  /* + 0.0: a negated zero (an outlay of a year with no net) is +0.0, which reports print as 0, not -0 */
  for (size_t i = 0; i < n; i++) scratch[i] = t->sign * (t->x[i * t->stride] - (t->minus ? t->minus[i] : 0)) + 0.0;
  return ps_column_stats_of(scratch, w, n, t->out);
}

/* the mean of each programme's and segment slot's part of the net outlay x over the tail paths
** ps_es_sorted averages at level q (the largest m = round(n(1-q))), under plain sampling, each summed
** exactly into sums[0..G+D): the top m paths by (x, path), which are, without a sort, those above the
** (n - m)-th smallest value t (found by selection on a copy in scratch) and, of those at t, the
** m - #{above t} with the highest path indices; the sums are exact, so the order the paths are added in
** does not change a bit. PS_OK or PS_ERUNTIME */
static int tail_means(const stage *s, int pool, double q, double *scratch, ps_exact_sum *sums, double *by_programme,
                      double *by_segment) {
  const ps_outcomes *o = s->o;
  size_t n = (size_t)o->paths, G = (size_t)s->m->nprogrammes, D = (size_t)s->m->ndrivers, base = ps_slot(o, pool, 0);
  /* not kept: one programme and one slot, whose outlays are the same */
  const double *by_slot = o->outlay_by_segment ? o->outlay_by_segment : o->outlay_by_programme;
  size_t tail = (size_t)llround((double)n * (1 - q)), k;
  if (tail < 1) tail = 1;
  if (tail > n) tail = n;
  for (size_t i = 0; i < n; i++) scratch[i] = o->paid[base + i] - o->recovered[base + i];
  k = n - tail;
  double t = 0;
  int rc = n ? ps_select_ranks(scratch, n, &k, 1, &t) : PS_OK;
  if (rc) return rc;
  size_t above = 0;
  for (size_t i = 0; i < n; i++) above += o->paid[base + i] - o->recovered[base + i] > t;
  size_t ties = tail - above; /* taken from the highest paths down */
  for (size_t g = 0; g < G + D; g++) ps_exact_init(&sums[g]);
  for (size_t i = n; i-- > 0;) {
    double x = o->paid[base + i] - o->recovered[base + i];
    if (x < t) continue;
    if (x == t) { /* -0.0 and 0.0 among them, as the stable sort of weighted_tails ties them */
      if (ties == 0) continue;
      ties--;
    }
    size_t slot = base + i;
    for (size_t g = 0; g < G; g++) ps_exact_add(&sums[g], o->outlay_by_programme[slot * G + g]);
    for (size_t d = 0; d < D; d++) ps_exact_add(&sums[G + d], by_slot[slot * D + d]);
  }
  for (size_t g = 0; g < G; g++) by_programme[g] = ps_exact_value(&sums[g]) / (double)tail;
  for (size_t d = 0; d < D; d++) by_segment[d] = ps_exact_value(&sums[G + d]) / (double)tail;
  return PS_OK;
}

/* tail_means under tail sampling: the weighted means over the top of the distribution down to
** weight n(1 - q), as ps_wes_sorted takes it */
static void weighted_tail_means(const stage *s, int pool, const double *path, double q, ps_exact_sum *sums,
                                double *by_programme, double *by_segment) {
  const ps_outcomes *o = s->o;
  size_t n = (size_t)o->paths, G = (size_t)s->m->nprogrammes, D = (size_t)s->m->ndrivers;
  double want = (double)n * (1 - q), taken = 0;
  const double *by_slot = o->outlay_by_segment ? o->outlay_by_segment : o->outlay_by_programme; /* as tail_means */
  for (size_t g = 0; g < G + D + 1; g++) ps_exact_init(&sums[g]);
  ps_exact_sum *weight = &sums[G + D]; /* taken is its rounded value, as in ps_wes_sorted */
  for (size_t j = n; j > 0 && (taken < want || taken == 0); j--) {
    long i = (long)path[j - 1];
    double w = o->weight[i];
    if (taken > 0 && taken + w > want) w = want - taken;
    size_t k = ps_slot(o, pool, i);
    for (size_t g = 0; g < G; g++) ps_exact_add(&sums[g], w * o->outlay_by_programme[k * G + g]);
    for (size_t d = 0; d < D; d++) ps_exact_add(&sums[G + d], w * by_slot[k * D + d]);
    ps_exact_add(weight, w);
    taken = ps_exact_value(weight);
  }
  for (size_t g = 0; taken > 0 && g < G; g++) by_programme[g] = ps_exact_value(&sums[g]) / taken;
  for (size_t d = 0; taken > 0 && d < D; d++) by_segment[d] = ps_exact_value(&sums[G + d]) / taken;
}

/* tail_means and weighted_tail_means of a distributed run: the top m paths by (net outlay, path) from
** the column's (n - m)-th smallest value t, and under tail sampling m and the last one's weight from
** the column's values read down with their weights, as weighted_tail_means takes them; the sums of
** the outlays over those paths from their holders */
static int host_tail_means(const stage *s, int pool, double q, ps_exact_sum *sums, double *by_programme,
                           double *by_segment) {
  const ps_outcomes *b = s->b;
  size_t n = (size_t)s->o->paths, G = (size_t)s->m->nprogrammes, D = (size_t)s->m->ndrivers, base = ps_slot(b, pool, 0);
  const double *by_slot = b->outlay_by_segment ? b->outlay_by_segment : b->outlay_by_programme;
  int weighted = s->o->weight != NULL;
  ps_column_source *src;
  int rc = s->host->open(s->host, b->paid + base, 1, b->recovered + base, 1, weighted, LONG_MAX, &src);
  if (rc) return rc;
  size_t m = (size_t)llround((double)n * (1 - q));
  double last_w = -1, taken = 0, t = 0;
  if (m < 1) m = 1;
  if (m > n) m = n;
  /* Under tail sampling the host takes one path in part, the lowest (last_w). weighted_tail_means
  ** could take two only if the weight taken, rounded after the first cut, still fell short of
  ** n(1 - q) by a rounding error; its exact sum of the weights makes that a tie case of the last
  ** bit, which the tests have not met */
  if (weighted) { /* as weighted_tail_means: down from the top to weight n(1 - q), the last one in part */
    double want = (double)n * (1 - q), v, w;
    ps_exact_sum weight;
    ps_exact_init(&weight);
    ps_wseq *seq;
    m = 0;
    if ((rc = src->open(src, 1, &seq)) == PS_OK) {
      while ((taken < want || taken == 0) && seq->peek(seq, &v, &w)) {
        seq->take(seq);
        last_w = -1;
        if (taken > 0 && taken + w > want) last_w = w = want - taken;
        ps_exact_add(&weight, w);
        taken = ps_exact_value(&weight);
        t = v;
        m++;
      }
      src->close(src, seq);
    }
  } else {
    size_t k = n - m;
    rc = ps_column_select(src, &k, 1, &t);
    taken = (double)m;
  }
  s->host->close(s->host, src);
  const double **cols = malloc((G + D + 1) * sizeof *cols);
  if (rc == PS_OK && !cols) rc = PS_ERUNTIME;
  for (size_t g = 0; rc == PS_OK && g < G; g++) cols[g] = b->outlay_by_programme + base * G + g;
  if (rc == PS_OK && m > 0)
    rc = s->host->tail(s->host, b->paid + base, b->recovered + base, m, t, weighted, last_w, cols, G, G, sums);
  for (size_t d = 0; rc == PS_OK && d < D; d++) cols[d] = by_slot + base * D + d;
  if (rc == PS_OK && m > 0)
    rc = s->host->tail(s->host, b->paid + base, b->recovered + base, m, t, weighted, last_w, cols, D, D, sums + G);
  free(cols);
  for (size_t g = 0; rc == PS_OK && m > 0 && taken > 0 && g < G; g++) by_programme[g] = ps_exact_value(&sums[g]) / taken;
  for (size_t d = 0; rc == PS_OK && m > 0 && taken > 0 && d < D; d++) by_segment[d] = ps_exact_value(&sums[G + d]) / taken;
  return rc;
}

/* the paths of a pool under tail sampling ordered by (net outlay, path index), read down by
** weighted_tail_means at both levels: the outlays sorted stably with each path's index (a double: exact
** below 2^53) along, so ties stay in path order (-0.0 tied with 0.0) */
static int weighted_tails(const stage *s, int pool, ps_exact_sum *sums) {
  const ps_outcomes *o = s->o;
  ps_pool_result *pr = &s->r->pools[pool];
  size_t n = (size_t)o->paths, base = ps_slot(o, pool, 0);
  double *x = ps_malloc_huge((2 * n + 1) * sizeof *x);
  if (!x) return PS_ERUNTIME;
  double *path = x + n;
  for (size_t i = 0; i < n; i++) {
    x[i] = o->paid[base + i] - o->recovered[base + i];
    path[i] = (double)i;
  }
  int rc = ps_sort_weighted(x, path, n);
  if (rc == PS_OK) {
    weighted_tail_means(s, pool, path, 0.95, sums, pr->es95_by_programme, pr->es95_by_segment);
    weighted_tail_means(s, pool, path, 0.99, sums, pr->es99_by_programme, pr->es99_by_segment);
  }
  free(x);
  return rc;
}

/* Euler allocation of the ES95 and ES99 of a pool's net outlay to programmes
** and segment slots (they sum to the pool's ES) */
static int run_tail(const stage *s, const task *t, double *scratch) {
  ps_pool_result *pr = &s->r->pools[t->pool];
  ps_exact_sum *sums = malloc(((size_t)s->m->nprogrammes + (size_t)s->m->ndrivers + 1) * sizeof *sums);
  if (!sums) return PS_ERUNTIME;
  int rc;
  if (s->host) {
    rc = host_tail_means(s, t->pool, 0.95, sums, pr->es95_by_programme, pr->es95_by_segment);
    if (rc == PS_OK) rc = host_tail_means(s, t->pool, 0.99, sums, pr->es99_by_programme, pr->es99_by_segment);
  } else if (!s->o->weight) {
    rc = tail_means(s, t->pool, 0.95, scratch, sums, pr->es95_by_programme, pr->es95_by_segment);
    if (rc == PS_OK) rc = tail_means(s, t->pool, 0.99, scratch, sums, pr->es99_by_programme, pr->es99_by_segment);
  } else
    rc = weighted_tails(s, t->pool, sums);
  free(sums);
  return rc;
}

/* the sizing curve: each path's required initial balance, ascending; and the statistics of the required
** balances from it, as one sorted part (stats/column.h): the bits ps_column_stats_of gives, without a
** second copy sorted or partitioned */
static int run_curve(const stage *s, const task *t) {
  size_t n = (size_t)s->o->paths;
  ps_pool_result *pr = &s->r->pools[t->pool];
  const double *required = s->o->required + ps_slot(s->o, t->pool, 0);
  /* under tail sampling the weights along */
  int rc = ps_sort_copy(required, s->o->weight, n, pr->sorted_required, pr->sorted_weight);
  if (rc) return rc;
  ps_column_part part = {pr->sorted_required, pr->sorted_weight, n, n ? required[0] : 0};
  ps_column_local c;
  ps_column_local_init(&c, &part, 1);
  return ps_column_stats(&c.src, &pr->required_initial);
}

static int run_task(void *ctx, size_t i, double *scratch) {
  const stage *s = ctx;
  const task *t = &s->tasks[i];
  switch (t->kind) {
  case TASK_STATS: return run_stats(s, t, scratch);
  case TASK_BANDS: return ps_bands_period(s->o, t->pool, t->period, bands_of(&s->r->pools[t->pool]), scratch);
  case TASK_TAIL: return run_tail(s, t, scratch);
  case TASK_CURVE: return run_curve(s, t);
  }
  return PS_ERUNTIME;
}

/* under tail sampling, the weighted share of paths whose pool (outcomes from base) ran short, by the
** end of period `by` (0: within the horizon) */
static ps_estimate share(const ps_outcomes *o, size_t base, int by) {
  ps_exact_sum s1, s2;
  ps_exact_init(&s1);
  ps_exact_init(&s2);
  for (size_t i = 0; i < (size_t)o->paths; i++) {
    int d = o->depletion[base + i];
    if (d > 0 && (by == 0 || d <= by)) {
      ps_exact_add(&s1, o->weight[i]);
      ps_exact_add(&s2, o->weight[i] * o->weight[i]);
    }
  }
  return ps_wprob(ps_exact_value(&s1), ps_exact_value(&s2), (size_t)o->paths, PS_CI_LEVEL);
}

/* the share of paths whose int column at x (this block's, stride 1) is nonzero and at most by (0: any),
** over the holders of a distributed run; under tail sampling weighted. *e, PS_OK or PS_ERUNTIME */
static int host_share(const stage *s, const int *x, int by, ps_estimate *e) {
  size_t k, n = (size_t)s->o->paths;
  ps_exact_sum s1, s2;
  int rc = s->host->ints(s->host, x, by, s->o->weight != NULL, &k, &s1, &s2);
  *e = s->o->weight ? ps_wprob(ps_exact_value(&s1), ps_exact_value(&s2), n, PS_CI_LEVEL)
                    : ps_prob_wilson(k, n, PS_CI_LEVEL);
  return rc;
}

/* the sum of w x (under tail sampling) or x over the column at x (this block's, stride apart) of a
** distributed run, from its holders; PS_OK or PS_ERUNTIME */
static int host_sum(const stage *s, const double *x, size_t stride, ps_exact_sum *sum) {
  ps_column_source *src;
  ps_exact_sum unused;
  int rc = s->host->open(s->host, x, stride, NULL, 1, s->o->weight != NULL, LONG_MAX, &src);
  if (rc) return rc;
  rc = src->sums(src, 0, 0, sum, &unused);
  s->host->close(s->host, src);
  return rc;
}

/* a pool's outputs, its depletion probabilities (counted here), and its tasks */
static int plan_pool(stage *s, int pool) {
  const ps_model *m = s->m;
  const ps_outcomes *o = s->b; /* the arrays the columns are named by */
  ps_pool_result *pr = &s->r->pools[pool];
  size_t n = (size_t)s->o->paths, base = ps_slot(o, pool, 0), T = (size_t)o->periods;
  size_t G = (size_t)m->nprogrammes + 1, D = (size_t)m->ndrivers + 1;
  if (!(pr->band_p05 = calloc(T, sizeof(double))) || !(pr->band_p50 = calloc(T, sizeof(double))) ||
      !(pr->band_p95 = calloc(T, sizeof(double))) ||
      (!s->host && !(pr->sorted_required = ps_malloc_huge((n + 1) * sizeof(double)))) ||
      !(pr->es95_by_programme = calloc(G, sizeof(double))) || !(pr->es99_by_programme = calloc(G, sizeof(double))) ||
      !(pr->es95_by_segment = calloc(D, sizeof(double))) || !(pr->es99_by_segment = calloc(D, sizeof(double))))
    return PS_ERUNTIME;
  pr->band_paths = s->o->band_paths;
  if (s->o->weight && !s->host && !(pr->sorted_weight = ps_malloc_huge((n + 1) * sizeof(double)))) return PS_ERUNTIME;

  int per_year = ps_periods_per_year(m->step);
  pr->nyears = (m->periods + per_year - 1) / per_year;
  if (!(pr->depletion_by_year = calloc((size_t)pr->nyears, sizeof *pr->depletion_by_year))) return PS_ERUNTIME;
  if (s->host) { /* counted by the holders */
    if (host_share(s, o->depletion + base, 0, &pr->depletion)) return PS_ERUNTIME;
    for (int y = 1; y <= pr->nyears; y++)
      if (host_share(s, o->depletion + base, y * per_year, &pr->depletion_by_year[y - 1])) return PS_ERUNTIME;
  } else {
    size_t depleted = 0;
    for (size_t i = 0; i < n; i++) depleted += o->depletion[base + i] > 0;
    pr->depletion = o->weight ? share(o, base, 0) : ps_prob_wilson(depleted, n, PS_CI_LEVEL);
    for (int y = 1; y <= pr->nyears; y++) {
      size_t k = 0;
      for (size_t i = 0; i < n; i++) k += o->depletion[base + i] > 0 && o->depletion[base + i] <= y * per_year;
      pr->depletion_by_year[y - 1] = o->weight ? share(o, base, y * per_year) : ps_prob_wilson(k, n, PS_CI_LEVEL);
    }
  }

  if (add_stats(s, o->claims, base, &pr->claims) || add_stats(s, o->paid, base, &pr->paid) ||
      add_stats(s, o->shortfall, base, &pr->shortfall) || add_stats(s, o->recovered, base, &pr->recovered) ||
      add_stats(s, o->unsettled, base, &pr->unsettled) ||
      (s->host && add_stats(s, o->required, base, &pr->required_initial)) || /* else the curve's (run_curve) */
      add_stats(s, o->topups, base, &pr->topups) ||
      add_stats(s, o->returned, base, &pr->returned) ||
      add(s, (task){.kind = TASK_STATS, .x = o->paid + base, .minus = o->recovered + base, .stride = 1, .sign = 1,
                    .out = &pr->net_outlay}) ||
      add(s, (task){.kind = TASK_TAIL, .pool = pool}) ||
      (!s->host && add(s, (task){.kind = TASK_CURVE, .pool = pool}))) /* a distributed run's: asked when read */
    return PS_ERUNTIME;
  for (int t = 0; t < o->periods; t++)
    if (add(s, (task){.kind = TASK_BANDS, .pool = pool, .period = t})) return PS_ERUNTIME;
  return PS_OK;
}

static int plan_programme(stage *s, int i) {
  const ps_outcomes *o = s->b;
  size_t base = ps_slot(o, i, 0);
  ps_programme_result *pr = &s->r->programmes[i];
  return add_stats(s, o->defaults, base, &pr->defaults) || add_stats(s, o->originated, base, &pr->originated) ||
         add_stats(s, o->defaulted_exposure, base, &pr->defaulted_exposure) ||
         add_stats(s, o->refused, base, &pr->refused) || add_stats(s, o->capped, base, &pr->capped) ||
         add_stats(s, o->paused, base, &pr->paused) || add_stats(s, o->stopped, base, &pr->stopped) ||
         add_stats(s, o->declined, base, &pr->declined)
             ? PS_ERUNTIME
             : PS_OK;
}

static int plan_party(stage *s, int i) {
  const ps_outcomes *o = s->b;
  size_t n = (size_t)s->o->paths, base = ps_slot(o, i, 0), k = 0, Y = (size_t)o->nyears;
  ps_party_result *pr = &s->r->parties[i];
  ps_exact_sum s1, s2; /* under tail sampling, the weights of the breaching paths */
  ps_exact_init(&s1);
  ps_exact_init(&s2);
  if (s->host) { /* counted by the holders */
    if (host_share(s, o->breached + base, 0, &pr->breached)) return PS_ERUNTIME;
  } else {
    for (size_t j = 0; j < n; j++) {
      k += o->breached[base + j] != 0;
      if (o->weight && o->breached[base + j]) {
        ps_exact_add(&s1, o->weight[j]);
        ps_exact_add(&s2, o->weight[j] * o->weight[j]);
      }
    }
    pr->breached = o->weight ? ps_wprob(ps_exact_value(&s1), ps_exact_value(&s2), n, PS_CI_LEVEL)
                             : ps_prob_wilson(k, n, PS_CI_LEVEL);
  }
  pr->nyears = o->nyears;
  if (add_stats(s, o->losses, base, &pr->losses) || add_stats(s, o->net_result, base, &pr->net_result) ||
      add_stats(s, o->unpaid, base, &pr->unpaid) || add_stats(s, o->ratio, base, &pr->ratio) ||
      !(pr->net_by_year = calloc(Y + 1, sizeof(ps_stats))) || !(pr->outlay_by_year = calloc(Y + 1, sizeof(ps_stats))) ||
      !(pr->budget = calloc(Y * PS_NBUDGET + 1, sizeof(ps_stats))))
    return PS_ERUNTIME;
  for (size_t y = 0; y < Y; y++) {
    const double *net = o->net_by_year + base * Y + y;
    if (add(s, (task){.kind = TASK_STATS, .x = net, .stride = Y, .sign = 1, .out = &pr->net_by_year[y]}) ||
        add(s, (task){.kind = TASK_STATS, .x = net, .stride = Y, .sign = -1, .out = &pr->outlay_by_year[y]}))
      return PS_ERUNTIME;
  }
  /* the budget view is a government's; other parties' outlay by kind is not reported */
  if (o->budget_slot[i] < 0) return PS_OK;
  size_t gov = ps_slot(o, o->budget_slot[i], 0);
  size_t K = (size_t)o->nbudget; /* the kinds kept; the others are 0 on every path */
  for (size_t y = 0; y < Y; y++)
    for (size_t kind = 0; kind < PS_NBUDGET; kind++)
      if (o->budget_kind[kind] < 0 ? zero_stats(0.0, &pr->budget[y * PS_NBUDGET + kind])
                                    : add(s, (task){.kind = TASK_STATS,
                                                    .x = o->budget + (gov * Y + y) * K + (size_t)o->budget_kind[kind],
                                                    .stride = Y * K, .sign = 1, .out = &pr->budget[y * PS_NBUDGET + kind]}))
        return PS_ERUNTIME;
  size_t C = (size_t)o->ncohorts;
  pr->ncohorts = o->ncohorts;
  if (add_stats(s, o->cost_pv, gov, &pr->cost_pv) || add_stats(s, o->subsidy_rate, gov, &pr->subsidy_rate) ||
      !(pr->cost_by_cohort = calloc(C, sizeof(ps_stats))) || !(pr->volume_by_cohort = calloc(C, sizeof(double))))
    return PS_ERUNTIME;
  for (size_t c = 0; c < C; c++) {
    if (add(s, (task){.kind = TASK_STATS, .x = o->cost_by_cohort + gov * C + c, .stride = C, .sign = 1,
                      .out = &pr->cost_by_cohort[c]}))
      return PS_ERUNTIME;
    /* the volume a report shows is its mean alone: summed exactly, no sort */
    ps_exact_sum sum;
    ps_exact_init(&sum);
    if (s->host) { /* a distributed run's, from the holders */
      if (host_sum(s, o->volume_by_cohort + gov * C + c, C, &sum)) return PS_ERUNTIME;
    } else {
      for (size_t j = 0; j < n; j++)
        ps_exact_add(&sum, (o->weight ? o->weight[j] : 1) * o->volume_by_cohort[(gov + j) * C + c]);
    }
    pr->volume_by_cohort[c] = n ? ps_exact_value(&sum) / (double)n : 0;
  }
  return PS_OK;
}

/* one uncertain parameter's draws as a column (stats/column.h): their mean from the exact sum, and
** the p05 and p95 asked together; PS_OK or the source's code */
static int uncertain_of(ps_column_source *src, ps_uncertain_result *out) {
  ps_exact_sum sum, unused;
  const double q[] = {0.05, 0.95};
  double v[2];
  int rc = src->sums(src, 0, 0, &sum, &unused);
  if (rc == PS_OK) rc = ps_column_quantiles(src, q, 2, v);
  if (rc == PS_OK) *out = (ps_uncertain_result){ps_exact_value(&sum) / (double)src->n, v[0], v[1]};
  return rc;
}

/* r->uncertain: each poolsim.uncertain parameter's draws over the paths, their mean, p05 and p95
** (nothing when o has none); PS_OK, or PS_ERUNTIME when out of memory */
static int summarise_uncertain(ps_results *r, const ps_outcomes *o) {
  size_t n = (size_t)o->paths;
  if (o->nuncertain == 0 || n == 0) return PS_OK;
  double *sorted = malloc(n * sizeof *sorted);
  if (!sorted || !(r->uncertain = calloc((size_t)o->nuncertain, sizeof *r->uncertain))) {
    free(sorted);
    return PS_ERUNTIME;
  }
  for (int k = 0; k < o->nuncertain; k++) {
    const double *x = o->drawn + ps_slot(o, k, 0);
    memcpy(sorted, x, n * sizeof *sorted);
    if (ps_sort_doubles(sorted, n)) {
      free(sorted);
      return PS_ERUNTIME;
    }
    ps_column_part part = {sorted, NULL, n, x[0]};
    ps_column_local c;
    ps_column_local_init(&c, &part, 1);
    if (uncertain_of(&c.src, &r->uncertain[k])) {
      free(sorted);
      return PS_ERUNTIME;
    }
  }
  free(sorted);
  return PS_OK;
}

/* summarise_uncertain of a distributed run, from the holders of the draws */
static int host_uncertain(const stage *s) {
  const ps_outcomes *b = s->b;
  size_t n = (size_t)s->o->paths;
  if (b->nuncertain == 0 || n == 0) return PS_OK;
  if (!(s->r->uncertain = calloc((size_t)b->nuncertain, sizeof *s->r->uncertain))) return PS_ERUNTIME;
  for (int k = 0; k < b->nuncertain; k++) {
    ps_column_source *src;
    int rc = s->host->open(s->host, b->drawn + ps_slot(b, k, 0), 1, NULL, 1, 0, LONG_MAX, &src);
    if (rc) return rc;
    rc = uncertain_of(src, &s->r->uncertain[k]);
    s->host->close(s->host, src);
    if (rc) return rc;
  }
  return PS_OK;
}

/* ps_effective_paths of a distributed run: the weights' sum and sum of squares from their holders
** (0 when they could not answer) */
static double host_effective_paths(const ps_outcomes *o) {
  const ps_outcomes *b = o->host->block;
  ps_column_source *src;
  ps_exact_sum x1, x2, unused;
  if (o->host->open(o->host, b->weight, 1, NULL, 1, 0, LONG_MAX, &src)) return 0;
  int rc = src->sums(src, 0, 0, &x1, &unused); /* sum w */
  if (rc == PS_OK) rc = src->sums(src, 0, 1, &unused, &x2); /* sum (w - 0)^2 */
  o->host->close(o->host, src);
  double s1 = rc ? 0 : ps_exact_value(&x1), s2 = rc ? 0 : ps_exact_value(&x2);
  return s2 > 0 ? s1 * s1 / s2 : 0;
}

/* ps_results_new — summarise outcomes into a new *out; PS_OK, or PS_ERUNTIME (out of memory; *out NULL) */
int ps_results_new(const ps_model *m, const ps_outcomes *o, const int64_t *initial, int threads, ps_results **out) {
  ps_results *r = calloc(1, sizeof *r);
  *out = NULL;
  if (!r) return PS_ERUNTIME;
  r->m = m;
  r->paths = o->paths;
  r->effective_paths = !o->weight ? (double)o->paths
                      : o->host   ? host_effective_paths(o)
                                  : ps_effective_paths(o->weight, (size_t)o->paths);
  /* a distributed run: the statistics ask the holders of its blocks (stats/column.h), one question at a
  ** time from this thread (MPI is called from the main thread only) */
  stage s = {.m = m, .o = o, .b = o->host ? o->host->block : o, .host = o->host, .r = r};
  r->pools = calloc((size_t)m->npools + 1, sizeof *r->pools);
  r->programmes = calloc((size_t)m->nprogrammes + 1, sizeof *r->programmes);
  r->parties = calloc((size_t)m->nparties + 1, sizeof *r->parties);
  int rc = r->pools && r->programmes && r->parties ? PS_OK : PS_ERUNTIME;
  for (int i = 0; rc == PS_OK && i < m->npools; i++) {
    r->pools[i].initial = (double)(initial ? initial[i] : m->pools[i].initial) / PS_FEN_PER_YUAN;
    rc = plan_pool(&s, i);
  }
  for (int i = 0; rc == PS_OK && i < m->nprogrammes; i++) rc = plan_programme(&s, i);
  for (int i = 0; rc == PS_OK && i < m->nparties; i++) rc = plan_party(&s, i);
  for (int i = 0; rc == PS_OK && i < m->npools; i++) rc = ps_bands_mark(o, i, bands_of(&r->pools[i])); /* stats/bands.h */
  if (rc == PS_OK)
    rc = ps_parallel_for(s.ntasks, s.host ? 1 : threads, (size_t)(s.host ? o->band_paths : o->paths), run_task, &s);
  for (int i = 0; rc == PS_OK && i < m->npools; i++) ps_bands_fill(bands_of(&r->pools[i]), o->periods);
  if (rc == PS_OK) rc = s.host ? host_uncertain(&s) : summarise_uncertain(r, o);
  free(s.tasks);
  if (rc) {
    ps_results_free(r);
    return PS_ERUNTIME;
  }
  *out = r;
  return PS_OK;
}

/* the required balances of pool i of a distributed run's outcomes o over its first upto paths as a
** source (weighted: its weights), answered by the holders; *src NULL when they could not */
static ps_column_source *required_source(const ps_outcomes *o, int i, int weighted, long upto) {
  const ps_outcomes *b = o->host->block;
  ps_column_source *src = NULL;
  return o->host->open(o->host, b->required + ps_slot(b, i, 0), 1, NULL, 1, weighted, upto, &src) ? NULL : src;
}

ps_estimate ps_results_sizing(const ps_results *r, const ps_pool_result *p, double alpha) {
  if (!r->outcomes.host) return ps_sizing_initial(p->sorted_required, p->sorted_weight, (size_t)r->paths, alpha);
  ps_estimate e = {0, 0, 0};
  ps_column_source *src = required_source(&r->outcomes, (int)(p - r->pools), r->outcomes.weight != NULL, LONG_MAX);
  if (src) {
    ps_column_quantile_ci(src, 1 - alpha, PS_CI_LEVEL, &e);
    r->outcomes.host->close(r->outcomes.host, src);
  }
  return e;
}

ps_estimate ps_results_depletion_at(const ps_results *r, const ps_pool_result *p, double x) {
  if (!r->outcomes.host) return ps_sizing_depletion_at(p->sorted_required, p->sorted_weight, (size_t)r->paths, x);
  ps_estimate e = {0, 0, 0};
  ps_column_source *src = required_source(&r->outcomes, (int)(p - r->pools), r->outcomes.weight != NULL, LONG_MAX);
  if (src) {
    ps_column_beyond(src, x, &e);
    r->outcomes.host->close(r->outcomes.host, src);
  }
  return e;
}

double ps_results_required_quantile(const ps_results *r, const ps_pool_result *p, double q) {
  if (!r->outcomes.host) return ps_quantile_sorted(p->sorted_required, (size_t)r->paths, q);
  double v = 0;
  ps_column_source *src = required_source(&r->outcomes, (int)(p - r->pools), 0, LONG_MAX);
  if (src) {
    ps_column_quantiles(src, &q, 1, &v);
    r->outcomes.host->close(r->outcomes.host, src);
  }
  return v;
}

double ps_results_required_min(const ps_results *r, const ps_pool_result *p) {
  if (!r->outcomes.host) return p->sorted_required[0];
  double v = 0;
  ps_column_source *src = required_source(&r->outcomes, (int)(p - r->pools), 0, LONG_MAX);
  if (src) {
    v = src->min;
    r->outcomes.host->close(r->outcomes.host, src);
  }
  return v;
}

int ps_results_has_convergence(const ps_results *r) { return r->outcomes.required || r->outcomes.host; }

int ps_results_convergence(const ps_results *r, int pool, const double *alphas, int nalphas, ps_convergence_point *out) {
  const ps_outcomes *o = &r->outcomes;
  size_t n = (size_t)r->paths;
  if (!o->host) return ps_sizing_convergence(o->required + ps_slot(o, pool, 0), o->weight, n, alphas, nalphas, out);
  int made = 0; /* as ps_sizing_convergence: the answers of the sources over the first m paths */
  for (int k = PS_CONVERGENCE_STEPS - 1; k >= 0; k--) {
    size_t m = n >> k;
    if (m < PS_CONVERGENCE_MIN) continue;
    ps_column_source *src = required_source(o, pool, o->weight != NULL, (long)m);
    if (!src) return -1;
    out[made].paths = (long)m;
    for (int a = 0; a < nalphas; a++) ps_column_quantile_ci(src, 1 - alphas[a], PS_CI_LEVEL, &out[made].initial[a]);
    o->host->close(o->host, src);
    made++;
  }
  return made;
}

int ps_results_has_point(const ps_results *r) { return r->point_required || r->point_outcomes.host; }

ps_estimate ps_results_point_sizing(const ps_results *r, int pool, double alpha) {
  size_t n = (size_t)r->paths;
  if (!r->point_outcomes.host)
    return ps_sizing_initial(r->point_required + (size_t)pool * n, r->point_weight ? r->point_weight + (size_t)pool * n : NULL,
                             n, alpha);
  ps_estimate e = {0, 0, 0};
  ps_column_source *src = required_source(&r->point_outcomes, pool, r->point_outcomes.weight != NULL, LONG_MAX);
  if (src) {
    ps_column_quantile_ci(src, 1 - alpha, PS_CI_LEVEL, &e);
    r->point_outcomes.host->close(r->point_outcomes.host, src);
  }
  return e;
}

void ps_results_keep_outcomes(ps_results *r, ps_outcomes *o) {
  r->outcomes = *o;
  memset(o, 0, sizeof *o);
}

void ps_results_free(ps_results *r) {
  if (!r) return;
  ps_outcomes_destroy(&r->outcomes);
  ps_outcomes_destroy(&r->point_outcomes);
  for (int i = 0; r->pools && i < r->m->npools; i++) {
    ps_pool_result *pr = &r->pools[i];
    free(pr->depletion_by_year);
    free(pr->band_p05);
    free(pr->band_p50);
    free(pr->band_p95);
    free(pr->sorted_required);
    free(pr->sorted_weight);
    free(pr->es95_by_programme);
    free(pr->es99_by_programme);
    free(pr->es95_by_segment);
    free(pr->es99_by_segment);
  }
  for (int i = 0; r->parties && i < r->m->nparties; i++) {
    free(r->parties[i].net_by_year);
    free(r->parties[i].outlay_by_year);
    free(r->parties[i].budget);
    free(r->parties[i].cost_by_cohort);
    free(r->parties[i].volume_by_cohort);
  }
  free(r->pools);
  free(r->programmes);
  free(r->parties);
  free(r->uncertain);
  free(r->point_required);
  free(r->point_weight);
  free(r);
}
