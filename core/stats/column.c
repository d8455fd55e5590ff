/* column.c — statistics of a column held in sorted parts (column.h). */
#include "stats/column.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/hugepages.h"
#include "stats/exact_sum.h"
#include "stats/weighted.h"

/* the values of all parts */
static size_t count_all(const ps_column *c) {
  size_t n = 0;
  for (int p = 0; p < c->nparts; p++) n += c->part[p].n;
  return n;
}

/* the first index of part p in [a, b) whose value is above v (strictly: below == 0) or at least v
** (below == 1) */
static size_t bound(const ps_column_part *p, size_t a, size_t b, double v, int below) {
  while (a < b) {
    size_t mid = a + (b - a) / 2;
    if (below ? p->sorted[mid] < v : p->sorted[mid] <= v) a = mid + 1;
    else b = mid;
  }
  return a;
}

/* the smallest and largest values of the parts; n >= 1 */
static void range(const ps_column *c, double *min, double *max) {
  int seen = 0;
  for (int p = 0; p < c->nparts; p++) {
    const ps_column_part *q = &c->part[p];
    if (q->n == 0) continue;
    if (!seen || q->sorted[0] < *min) *min = q->sorted[0];
    if (!seen || q->sorted[q->n - 1] > *max) *max = q->sorted[q->n - 1];
    seen = 1;
  }
}

/* a column of at most this many parts needs no allocation */
#define FEW_PARTS 8

/* the k-th smallest value (0-based) of the column, k < n. Every part keeps a range [a, b) of
** candidates: the values above the largest value known to have at most k values at or below it
** (low), and at most the smallest known to have more (high). Each round takes as pivot the middle
** of the widest range of values below high, so that range at least halves, and counts the values
** at or below it in every part. PS_OK, or PS_ERUNTIME when out of memory */
static int kth(const ps_column *c, size_t k, double *out) {
  size_t P = (size_t)c->nparts, below = 0, few[3 * FEW_PARTS];
  size_t *a = P <= FEW_PARTS ? few : malloc(3 * P * sizeof *a), *b = a ? a + P : NULL, *u = a ? a + 2 * P : NULL;
  if (!a) return PS_ERUNTIME;
  double min, high;
  range(c, &min, &high);
  for (size_t p = 0; p < P; p++) {
    a[p] = 0;
    b[p] = c->part[p].n;
  }
  for (;;) {
    size_t widest = P, most = 0;
    for (size_t p = 0; p < P; p++) {
      size_t under = bound(&c->part[p], a[p], b[p], high, 1) - a[p]; /* candidates below high */
      if (under > most) most = under, widest = p;
    }
    if (widest == P) break; /* none: high is the answer */
    double v = c->part[widest].sorted[a[widest] + (most - 1) / 2];
    size_t count = below;
    for (size_t p = 0; p < P; p++) {
      u[p] = bound(&c->part[p], a[p], b[p], v, 0);
      count += u[p] - a[p];
    }
    if (count > k) {
      high = v;
      memcpy(b, u, P * sizeof *b);
    } else {
      memcpy(a, u, P * sizeof *a);
      below = count;
    }
  }
  if (a != few) free(a);
  *out = high;
  return PS_OK;
}

/* the parts read in the order of the whole column's stable sort, from the top (down) or the bottom,
** by a k-way merge: equal values in path order, so from the top the later part first */
typedef struct {
  ps_wseq seq;
  const ps_column *c;
  size_t *at; /* down: part p's values left are [0, at[p]); up: [at[p], n) */
  int down, next; /* the part peek chose */
  size_t few[FEW_PARTS];
} merged;

static int merged_peek(ps_wseq *s, double *v, double *w) {
  merged *m = (merged *)s;
  m->next = -1;
  for (int p = 0; p < m->c->nparts; p++) {
    const ps_column_part *q = &m->c->part[p];
    if (m->down ? m->at[p] == 0 : m->at[p] == q->n) continue;
    double x = q->sorted[m->down ? m->at[p] - 1 : m->at[p]];
    if (m->next < 0 || (m->down ? x >= *v : x < *v)) {
      m->next = p;
      *v = x;
      *w = q->weight[m->down ? m->at[p] - 1 : m->at[p]];
    }
  }
  return m->next >= 0;
}

static void merged_take(ps_wseq *s) {
  merged *m = (merged *)s;
  if (m->down) m->at[m->next]--;
  else m->at[m->next]++;
}

/* start *m, a merge of c's parts read down or up; PS_OK, or PS_ERUNTIME when out of memory (more
** than FEW_PARTS parts); merge_end frees it */
static int merge_of(merged *m, const ps_column *c, int down) {
  *m = (merged){.seq = {merged_peek, merged_take}, .c = c, .down = down, .next = -1};
  m->at = c->nparts <= FEW_PARTS ? m->few : calloc((size_t)c->nparts, sizeof(size_t));
  if (!m->at) return PS_ERUNTIME;
  for (int p = 0; p < c->nparts; p++) m->at[p] = down ? c->part[p].n : 0;
  return PS_OK;
}

static void merge_end(merged *m) {
  if (m->at != m->few) free(m->at);
}

/* the exact sums of the whole column: plain, of x and of (x - centre)^2; weighted, of w x, (w x)^2
** and w (x - centre)^2 (stats.c and weighted.c form them so) */
static void sums(const ps_column *c, double centre, int second, ps_exact_sum *s1, ps_exact_sum *s2) {
  ps_exact_init(s1);
  ps_exact_init(s2);
  for (int p = 0; p < c->nparts; p++) {
    const double *x = c->part[p].sorted, *w = c->part[p].weight;
    size_t n = c->part[p].n;
    if (!w && !second)
      for (size_t i = 0; i < n; i++) ps_exact_add(s1, x[i]);
    else if (!w)
      for (size_t i = 0; i < n; i++) ps_exact_add(s2, (x[i] - centre) * (x[i] - centre));
    else if (second)
      for (size_t i = 0; i < n; i++) ps_exact_add(s2, w[i] * (x[i] - centre) * (x[i] - centre));
    else
      for (size_t i = 0; i < n; i++) {
        double y = w[i] * x[i];
        ps_exact_add(s1, y);
        ps_exact_add(s2, y * y);
      }
  }
}

/* the plain ES at q: the mean of the largest ps_es_count values, the k-th smallest and those above it */
static int plain_es(const ps_column *c, size_t n, double q, double *out) {
  size_t m = ps_es_count(n, q), above = 0;
  double t;
  if (kth(c, n - m, &t)) return PS_ERUNTIME;
  ps_exact_sum sum;
  ps_exact_init(&sum);
  for (int p = 0; p < c->nparts; p++) {
    const ps_column_part *part = &c->part[p];
    for (size_t i = bound(part, 0, part->n, t, 0); i < part->n; i++, above++) ps_exact_add(&sum, part->sorted[i]);
  }
  for (size_t i = above; i < m; i++) ps_exact_add(&sum, t); /* the ties at t among the largest m */
  *out = ps_exact_value(&sum) / (double)m;
  return PS_OK;
}

static const double levels[] = {0.50, 0.90, 0.95, 0.99, 0.995, 0.999};

int ps_column_stats(const ps_column *c, ps_stats *out) {
  memset(out, 0, sizeof *out);
  size_t n = count_all(c);
  if (n == 0) return PS_OK;
  int weighted = 0;
  double first = 0, nn = (double)n;
  for (int p = c->nparts - 1; p >= 0; p--)
    if (c->part[p].n) weighted = c->part[p].weight != NULL, first = c->part[p].first;
  ps_exact_sum s1, s2;
  sums(c, 0, 0, &s1, &s2);
  double mean = ps_exact_value(&s1) / nn;
  out->mean = mean;
  if (weighted) out->se = ps_wse(ps_exact_value(&s1), ps_exact_value(&s2), n);
  sums(c, mean, 1, &s1, &s2);
  double ss = ps_exact_value(&s2);
  if (weighted) out->sd = sqrt(ss / nn);
  else {
    out->sd = n > 1 ? sqrt(ss / (double)(n - 1)) : 0.0;
    out->se = out->sd / sqrt(nn);
  }
  double min, max;
  range(c, &min, &max);
  if (min == max) { /* one value on every path, as stats.c and weighted.c show it */
    out->min = out->max = out->p50 = out->p90 = out->p95 = out->p99 = out->p995 = out->p999 = first;
    out->es95 = out->es99 = first;
    return PS_OK;
  }
  out->min = min;
  out->max = max;
  double *q[] = {&out->p50, &out->p90, &out->p95, &out->p99, &out->p995, &out->p999};
  if (!weighted) {
    for (int k = 0; k < 6; k++)
      if (kth(c, ps_quantile_rank(n, levels[k]) - 1, q[k])) return PS_ERUNTIME;
    return plain_es(c, n, 0.95, &out->es95) || plain_es(c, n, 0.99, &out->es99) ? PS_ERUNTIME : PS_OK;
  }
  for (int k = 0; k < 6; k++) { /* scanned from the top, as weighted.c does (the levels are >= 0.5) */
    merged m;
    if (merge_of(&m, c, 1)) return PS_ERUNTIME;
    *q[k] = ps_wquantile_ci_scan(&m.seq, n, max, levels[k], 0).value;
    merge_end(&m);
  }
  const double es[] = {0.95, 0.99};
  double *es_out[] = {&out->es95, &out->es99};
  for (int k = 0; k < 2; k++) {
    merged m;
    if (merge_of(&m, c, 1)) return PS_ERUNTIME;
    *es_out[k] = ps_wes_scan(&m.seq, n, max, es[k]);
    merge_end(&m);
  }
  return PS_OK;
}

int ps_column_stats_of(const double *x, const double *w, size_t n, ps_stats *out) {
  memset(out, 0, sizeof *out);
  if (n == 0) return PS_OK;
  size_t same = 1;
  while (same < n && x[same] == x[0]) same++;
  if (same == n) { /* one value on every path (often 0): sorted as it is, nothing to copy */
    ps_column_part part = {x, w, n, x[0]};
    return ps_column_stats(&(ps_column){&part, 1}, out);
  }
  size_t copies = w ? 2 : 1;
  double *s = n <= SIZE_MAX / (copies * sizeof *s) ? ps_malloc_huge(copies * n * sizeof *s) : NULL;
  if (!s) return PS_ERUNTIME;
  double *sw = w ? s + n : NULL;
  memcpy(s, x, n * sizeof *s);
  if (w) memcpy(sw, w, n * sizeof *sw);
  int rc = w ? ps_sort_weighted(s, sw, n) : ps_sort_doubles(s, n);
  ps_column_part part = {s, sw, n, x[0]};
  if (rc == PS_OK) rc = ps_column_stats(&(ps_column){&part, 1}, out);
  free(s);
  return rc;
}

int ps_column_quantile_ci(const ps_column *c, double q, double level, ps_estimate *e) {
  *e = (ps_estimate){0.0, 0.0, 0.0};
  size_t n = count_all(c);
  if (n == 0) return PS_OK;
  int weighted = 0;
  for (int p = 0; p < c->nparts; p++) weighted |= c->part[p].n && c->part[p].weight;
  if (!weighted) {
    size_t lo, hi;
    ps_quantile_ci_ranks(n, q, level, &lo, &hi);
    return kth(c, ps_quantile_rank(n, q) - 1, &e->value) || kth(c, lo - 1, &e->lo) || kth(c, hi - 1, &e->hi)
               ? PS_ERUNTIME
               : PS_OK;
  }
  double min, max;
  range(c, &min, &max);
  merged m;
  if (merge_of(&m, c, q >= 0.5)) return PS_ERUNTIME;
  *e = ps_wquantile_ci_scan(&m.seq, n, max, q, level);
  merge_end(&m);
  return PS_OK;
}

ps_estimate ps_column_beyond(const ps_column *c, double x) {
  size_t n = count_all(c), above = 0;
  int weighted = 0;
  ps_exact_sum s1, s2;
  ps_exact_init(&s1);
  ps_exact_init(&s2);
  for (int p = 0; p < c->nparts; p++) {
    const ps_column_part *q = &c->part[p];
    size_t from = bound(q, 0, q->n, x, 0);
    above += q->n - from;
    weighted |= q->n && q->weight;
    for (size_t i = from; q->weight && i < q->n; i++) {
      ps_exact_add(&s1, q->weight[i]);
      ps_exact_add(&s2, q->weight[i] * q->weight[i]);
    }
  }
  if (weighted) return ps_wprob(ps_exact_value(&s1), ps_exact_value(&s2), n, PS_CI_LEVEL);
  return ps_prob_wilson(above, n, PS_CI_LEVEL);
}
