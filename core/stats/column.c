/* column.c — statistics of a column from the questions its holders answer (column.h). */
#include "stats/column.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/hugepages.h"
#include "stats/select.h"

/* ---- parts in memory ---------------------------------------------------------------------- */

/* the first index of part p in [a, b) whose value is above v */
static size_t above_index(const ps_column_part *p, double v) {
  size_t a = 0, b = p->n;
  while (a < b) {
    size_t mid = a + (b - a) / 2;
    if (p->sorted[mid] <= v) a = mid + 1;
    else b = mid;
  }
  return a;
}

/* the weighted sums of local_sums over x[0..n-1], w[], each term rounded as weighted.c forms it and
** added exactly, in blocks (ps_exact_add_values: the same exact sums as term by term) */
static void weighted_sums(const double *x, const double *w, size_t n, double centre, int second, ps_exact_sum *s1,
                          ps_exact_sum *s2) {
  enum { BLOCK = 512 };
  double y[BLOCK], y2[BLOCK];
  for (size_t from = 0; from < n; from += BLOCK) {
    size_t k = n - from < BLOCK ? n - from : BLOCK;
    const double *xb = x + from, *wb = w + from;
    if (second) {
      for (size_t i = 0; i < k; i++) y2[i] = wb[i] * (xb[i] - centre) * (xb[i] - centre);
    } else {
      for (size_t i = 0; i < k; i++) {
        y[i] = wb[i] * xb[i];
        y2[i] = y[i] * y[i];
      }
      ps_exact_add_values(s1, y, k);
    }
    ps_exact_add_values(s2, y2, k);
  }
}

static int local_sums(ps_column_source *src, double centre, int second, ps_exact_sum *s1, ps_exact_sum *s2) {
  const ps_column_local *c = (const ps_column_local *)src;
  ps_exact_init(s1);
  ps_exact_init(s2);
  for (int p = 0; p < c->nparts; p++) {
    const double *x = c->part[p].sorted, *w = c->part[p].weight;
    size_t n = c->part[p].n;
    if (!w && !second)
      ps_exact_add_values(s1, x, n);
    else if (!w)
      ps_exact_add_squares(s2, x, n, centre);
    else
      weighted_sums(x, w, n, centre, second, s1, s2);
  }
  return PS_OK;
}

static int local_count(ps_column_source *src, const uint64_t *keys, size_t nk, size_t *out) {
  const ps_column_local *c = (const ps_column_local *)src;
  for (size_t j = 0; j < nk; j++) {
    out[j] = 0;
    for (int p = 0; p < c->nparts; p++) {
      const ps_column_part *q = &c->part[p];
      size_t a = 0, b = q->n;
      while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (ps_order_key(q->sorted[mid]) <= keys[j]) a = mid + 1;
        else b = mid;
      }
      out[j] += a;
    }
  }
  return PS_OK;
}

static int local_above(ps_column_source *src, double t, size_t *count, ps_exact_sum *sum, ps_exact_sum *w1,
                       ps_exact_sum *w2) {
  const ps_column_local *c = (const ps_column_local *)src;
  *count = 0;
  ps_exact_init(sum);
  ps_exact_init(w1);
  ps_exact_init(w2);
  for (int p = 0; p < c->nparts; p++) {
    const ps_column_part *q = &c->part[p];
    size_t from = above_index(q, t);
    *count += q->n - from;
    ps_exact_add_values(sum, q->sorted + from, q->n - from);
    if (q->weight) {
      ps_exact_add_values(w1, q->weight + from, q->n - from);
      ps_exact_add_squares(w2, q->weight + from, q->n - from, 0); /* (w - 0)^2: w * w */
    }
  }
  return PS_OK;
}

/* the reader: from the top the later part first among equal values (path order, reversed) */
static int reader_peek(ps_wseq *s, double *v, double *w) {
  ps_column_local *c = (ps_column_local *)((char *)s - offsetof(ps_column_local, reader.seq));
  int down = c->reader.down;
  c->reader.next = -1;
  for (int p = 0; p < c->nparts; p++) {
    const ps_column_part *q = &c->part[p];
    size_t at = c->reader.at[p];
    if (down ? at == 0 : at == q->n) continue;
    double x = q->sorted[down ? at - 1 : at];
    if (c->reader.next < 0 || (down ? x >= *v : x < *v)) {
      c->reader.next = p;
      *v = x;
      *w = q->weight[down ? at - 1 : at];
    }
  }
  return c->reader.next >= 0;
}

static void reader_take(ps_wseq *s) {
  ps_column_local *c = (ps_column_local *)((char *)s - offsetof(ps_column_local, reader.seq));
  if (c->reader.down) c->reader.at[c->reader.next]--;
  else c->reader.at[c->reader.next]++;
}

static int local_open(ps_column_source *src, int down, ps_wseq **seq) {
  ps_column_local *c = (ps_column_local *)src;
  c->reader.seq = (ps_wseq){.peek = reader_peek, .take = reader_take};
  c->reader.down = down;
  c->reader.next = -1;
  for (int p = 0; p < c->nparts; p++) c->reader.at[p] = down ? c->part[p].n : 0;
  *seq = &c->reader.seq;
  return PS_OK;
}

static void local_close(ps_column_source *src, ps_wseq *seq) {
  (void)src;
  (void)seq;
}

void ps_column_local_init(ps_column_local *c, const ps_column_part *part, int nparts) {
  memset(c, 0, sizeof *c);
  c->src = (ps_column_source){.sums = local_sums, .count = local_count, .above = local_above, .open = local_open,
                              .close = local_close};
  c->part = part;
  c->nparts = nparts;
  int seen = 0;
  for (int p = nparts - 1; p >= 0; p--) /* the first part with values gives first and weighted */
    if (part[p].n) c->src.first = part[p].first, c->src.weighted = part[p].weight != NULL;
  for (int p = 0; p < nparts; p++) {
    const ps_column_part *q = &part[p];
    c->src.n += q->n;
    if (q->n == 0) continue;
    c->src.whole = seen ? NULL : q->sorted; /* the only part with values so far */
    c->src.whole_w = seen ? NULL : q->weight;
    if (!seen || q->sorted[0] < c->src.min) c->src.min = q->sorted[0];
    if (!seen || q->sorted[q->n - 1] > c->src.max) c->src.max = q->sorted[q->n - 1];
    seen = 1;
  }
}

/* ---- the statistics ------------------------------------------------------------------------ */

/* at most this many k-th values are asked for together */
#define SELECT_MAX 8

/* keys asked about in a round for one k: the answer's key is searched 16-ary, so that a source whose
** every question is a round trip (MPI ranks) asks at most 16 rounds, not 64 */
#define PROBES 15

/* out[j]: the ks[j]-th smallest value (0-based, < n), for nk <= SELECT_MAX ks together: for each,
** the smallest order key with more than ks[j] values at or below it, searched between the keys of the
** smallest and largest values (a value's key: the count jumps only there), every round one question
** for up to PROBES keys of each k still open. PS_OK or the source's code */
int ps_column_select(ps_column_source *s, const size_t *ks, size_t nk, double *out) {
  if (s->whole) { /* the same values: the search ends at the key of the ks[j]-th value of the sort */
    for (size_t j = 0; j < nk; j++) out[j] = s->whole[ks[j]];
    return PS_OK;
  }
  uint64_t lo[SELECT_MAX], hi[SELECT_MAX], probe[SELECT_MAX * PROBES];
  size_t open[SELECT_MAX], nprobes[SELECT_MAX], count[SELECT_MAX * PROBES];
  for (size_t j = 0; j < nk; j++) {
    lo[j] = ps_order_key(s->min);
    hi[j] = ps_order_key(s->max); /* all n values are at or below it: the answer is in [lo, hi] */
  }
  for (;;) {
    size_t m = 0, np = 0;
    for (size_t j = 0; j < nk; j++) {
      if (lo[j] >= hi[j]) continue;
      uint64_t span = hi[j] - lo[j], step = span >= PROBES + 1 ? span / (PROBES + 1) : 1;
      size_t k = span >= PROBES + 1 ? PROBES : (size_t)span; /* lo .. hi - 1 each, when few */
      for (size_t i = 0; i < k; i++) probe[np + i] = span >= PROBES + 1 ? lo[j] + step * (i + 1) : lo[j] + i;
      open[m] = j;
      nprobes[m++] = k;
      np += k;
    }
    if (m == 0) break;
    int rc = s->count(s, probe, np, count);
    if (rc) return rc;
    size_t at = 0;
    for (size_t i = 0; i < m; i++) {
      size_t j = open[i], first = nprobes[i];
      for (size_t p = 0; p < nprobes[i] && first == nprobes[i]; p++)
        if (count[at + p] > ks[j]) first = p;
      if (first < nprobes[i]) hi[j] = probe[at + first];
      if (first > 0) lo[j] = probe[at + first - 1] + 1;
      at += nprobes[i];
    }
  }
  for (size_t j = 0; j < nk; j++) out[j] = ps_from_key(lo[j]);
  return PS_OK;
}

/* the plain ES of the largest m values, the (n - m)-th smallest being t */
static int plain_es(ps_column_source *s, size_t m, double t, double *out) {
  size_t above;
  ps_exact_sum sum, w1, w2;
  int rc = s->above(s, t, &above, &sum, &w1, &w2);
  if (rc) return rc;
  for (size_t i = above; i < m; i++) ps_exact_add(&sum, t); /* the ties at t among the largest m */
  *out = ps_exact_value(&sum) / (double)m;
  return PS_OK;
}

static const double levels[] = {0.50, 0.90, 0.95, 0.99, 0.995, 0.999};

/* the weighted quantile (level 0) or ES of the values read down */
static int weighted_scan(ps_column_source *s, double q, int es, double *out) {
  if (s->whole_w) { /* one array: the same scans on it (weighted.c) */
    *out = es ? ps_wes_sorted(s->whole, s->whole_w, s->n, q) : ps_wquantile_sorted(s->whole, s->whole_w, s->n, q);
    return PS_OK;
  }
  ps_wseq *seq;
  if (s->open_below) { /* begun below the values the answer does not depend on (weighted.h) */
    ps_exact_sum w, wv;
    int rc = s->open_below(s, es ? ps_wes_limit(s->n, q) : ps_wtarget(s->n, 1 - q), &seq, &w, &wv);
    if (rc) return rc;
    *out = es ? ps_wes_scan_below(seq, s->n, s->max, q, &w, &wv) : ps_wquantile_scan_below(seq, s->n, s->max, q, &w);
    s->close(s, seq);
    return PS_OK;
  }
  int rc = s->open(s, 1, &seq);
  if (rc) return rc;
  *out = es ? ps_wes_scan(seq, s->n, s->max, q) : ps_wquantile_ci_scan(seq, s->n, s->max, q, 0).value;
  s->close(s, seq);
  return PS_OK;
}

int ps_column_stats(ps_column_source *s, ps_stats *out) {
  memset(out, 0, sizeof *out);
  size_t n = s->n;
  if (n == 0) return PS_OK;
  double nn = (double)n;
  ps_exact_sum s1, s2;
  int rc = s->sums(s, 0, 0, &s1, &s2);
  if (rc) return rc;
  double mean = ps_exact_value(&s1) / nn;
  out->mean = mean;
  if (s->weighted) out->se = ps_wse(ps_exact_value(&s1), ps_exact_value(&s2), n);
  if ((rc = s->sums(s, mean, 1, &s1, &s2))) return rc;
  double ss = ps_exact_value(&s2);
  if (s->weighted) out->sd = sqrt(ss / nn);
  else {
    out->sd = n > 1 ? sqrt(ss / (double)(n - 1)) : 0.0;
    out->se = out->sd / sqrt(nn);
  }
  if (s->min == s->max) { /* one value on every path, as stats.c and weighted.c show it */
    out->min = out->max = out->p50 = out->p90 = out->p95 = out->p99 = out->p995 = out->p999 = s->first;
    out->es95 = out->es99 = s->first;
    return PS_OK;
  }
  out->min = s->min;
  out->max = s->max;
  double *q[] = {&out->p50, &out->p90, &out->p95, &out->p99, &out->p995, &out->p999};
  if (s->weighted && s->whole_w) { /* one array: the six levels in one scan (weighted.c) */
    double v[6];
    ps_wquantiles_sorted(s->whole, s->whole_w, n, levels, 6, v);
    for (int k = 0; k < 6; k++) *q[k] = v[k];
    out->es95 = ps_wes_sorted(s->whole, s->whole_w, n, 0.95);
    out->es99 = ps_wes_sorted(s->whole, s->whole_w, n, 0.99);
    return PS_OK;
  }
  if (s->weighted) { /* scanned from the top, as weighted.c does (the levels are >= 0.5) */
    for (int k = 0; k < 6; k++)
      if ((rc = weighted_scan(s, levels[k], 0, q[k]))) return rc;
    if ((rc = weighted_scan(s, 0.95, 1, &out->es95))) return rc;
    return weighted_scan(s, 0.99, 1, &out->es99);
  }
  size_t ks[8], m95 = ps_es_count(n, 0.95), m99 = ps_es_count(n, 0.99);
  double v[8];
  for (int k = 0; k < 6; k++) ks[k] = ps_quantile_rank(n, levels[k]) - 1;
  ks[6] = n - m95; /* ES's thresholds */
  ks[7] = n - m99;
  if ((rc = ps_column_select(s, ks, 8, v))) return rc;
  for (int k = 0; k < 6; k++) *q[k] = v[k];
  if ((rc = plain_es(s, m95, v[6], &out->es95))) return rc;
  return plain_es(s, m99, v[7], &out->es99);
}

/* ps_column_stats of an unweighted column x[0..n-1] of at least two different values, as one sorted
** part in memory would give them, from a copy s[] that ps_select_ranks partitions instead of a sort:
** the sums are exact (any order), the quantiles and ES's thresholds order statistics (select.h: the
** same bits, a zero as 0.0 as the sort makes it), and the ES of the largest m values the exact sum of
** s[n - m, n) over m, which is what plain_es sums (the values above the threshold and its ties) */
static int plain_stats_of(const double *x, size_t n, double *s, ps_stats *out) {
  double nn = (double)n, lo = x[0], hi = x[0];
  ps_exact_sum s1, s2;
  ps_exact_init(&s1);
  ps_exact_init(&s2);
  for (size_t i = 0; i < n; i++) {
    double v = x[i];
    s[i] = v;
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
  }
  ps_exact_add_values(&s1, x, n);
  double mean = ps_exact_value(&s1) / nn;
  ps_exact_add_squares(&s2, x, n, mean); /* as local_sums */
  out->mean = mean;
  out->sd = sqrt(ps_exact_value(&s2) / (double)(n - 1));
  out->se = out->sd / sqrt(nn);
  out->min = lo == 0 ? 0.0 : lo;
  out->max = hi == 0 ? 0.0 : hi;
  size_t ks[8], m95 = ps_es_count(n, 0.95), m99 = ps_es_count(n, 0.99);
  double v[8];
  for (int k = 0; k < 6; k++) ks[k] = ps_quantile_rank(n, levels[k]) - 1;
  ks[6] = n - m95;
  ks[7] = n - m99;
  int rc = ps_select_ranks(s, n, ks, 8, v);
  if (rc) return rc;
  double *q[] = {&out->p50, &out->p90, &out->p95, &out->p99, &out->p995, &out->p999};
  for (int k = 0; k < 6; k++) *q[k] = v[k];
  out->es95 = ps_exact_sum_of(s + (n - m95), m95) / (double)m95;
  out->es99 = ps_exact_sum_of(s + (n - m99), m99) / (double)m99;
  return PS_OK;
}

/* a weighted column of zeros (of either sign) x[0..n-1]: with finite weights every w x, (w x)^2 and
** w (x - 0)^2 is a zero, so ps_column_stats's sums are 0 and its mean, se and sd +0.0, the rest the first
** path's value: *out so, and 1; 0 (nothing done) when a weight is infinite or NaN */
static int weighted_zeros(const double *x, const double *w, size_t n, ps_stats *out) {
  int finite = 1;
  for (size_t i = 0; i < n; i++) finite &= fabs(w[i]) <= DBL_MAX;
  if (!finite) return 0;
  out->mean = out->se = out->sd = 0.0;
  out->min = out->max = out->p50 = out->p90 = out->p95 = out->p99 = out->p995 = out->p999 = x[0];
  out->es95 = out->es99 = x[0];
  return 1;
}

int ps_column_stats_of(const double *x, const double *w, size_t n, ps_stats *out) {
  memset(out, 0, sizeof *out);
  if (n == 0) return PS_OK;
  ps_column_local c;
  size_t same = 1;
  while (same < n && x[same] == x[0]) same++;
  if (same == n && !w) { /* one value c on every path (often 0): ps_column_stats of it, n c summed at once */
    double nn = (double)n, c = x[0];
    ps_exact_sum s1, s2;
    ps_exact_init(&s1);
    ps_exact_init(&s2);
    ps_exact_add_times(&s1, c, n); /* as local_sums: -0.0 and 0.0 mixed add nothing either way */
    out->mean = ps_exact_value(&s1) / nn;
    ps_exact_add_times(&s2, (c - out->mean) * (c - out->mean), n);
    out->sd = n > 1 ? sqrt(ps_exact_value(&s2) / (double)(n - 1)) : 0.0;
    out->se = out->sd / sqrt(nn);
    out->min = out->max = out->p50 = out->p90 = out->p95 = out->p99 = out->p995 = out->p999 = c;
    out->es95 = out->es99 = c;
    return PS_OK;
  }
  if (same == n && x[0] == 0 && weighted_zeros(x, w, n, out)) return PS_OK;
  if (same == n) { /* weighted, one value on every path: sorted as it is, nothing to copy */
    ps_column_part part = {x, w, n, x[0]};
    ps_column_local_init(&c, &part, 1);
    return ps_column_stats(&c.src, out);
  }
  size_t copies = w ? 2 : 1;
  double *s = n <= SIZE_MAX / (copies * sizeof *s) ? ps_malloc_huge(copies * n * sizeof *s) : NULL;
  if (!s) return PS_ERUNTIME;
  if (!w) { /* plain: a few order statistics, no sort */
    int rc = plain_stats_of(x, n, s, out);
    free(s);
    return rc;
  }
  double *sw = s + n;
  int rc = ps_sort_copy(x, w, n, s, sw);
  ps_column_part part = {s, sw, n, x[0]};
  ps_column_local_init(&c, &part, 1);
  if (rc == PS_OK) rc = ps_column_stats(&c.src, out);
  free(s);
  return rc;
}

int ps_column_quantiles(ps_column_source *s, const double *q, size_t nq, double *out) {
  size_t ks[SELECT_MAX];
  if (s->n == 0) {
    for (size_t j = 0; j < nq; j++) out[j] = 0.0;
    return PS_OK;
  }
  for (size_t j = 0; j < nq; j++) ks[j] = ps_quantile_rank(s->n, q[j]) - 1;
  return ps_column_select(s, ks, nq, out);
}

int ps_column_quantile_ci(ps_column_source *s, double q, double level, ps_estimate *e) {
  *e = (ps_estimate){0.0, 0.0, 0.0};
  size_t n = s->n;
  if (n == 0) return PS_OK;
  if (!s->weighted) {
    size_t ks[3], lo, hi;
    double v[3];
    ps_quantile_ci_ranks(n, q, level, &lo, &hi);
    ks[0] = ps_quantile_rank(n, q) - 1;
    ks[1] = lo - 1;
    ks[2] = hi - 1;
    int rc = ps_column_select(s, ks, 3, v);
    *e = (ps_estimate){v[0], v[1], v[2]};
    return rc;
  }
  ps_wseq *seq;
  int rc = s->open(s, q >= 0.5, &seq);
  if (rc) return rc;
  *e = ps_wquantile_ci_scan(seq, n, s->max, q, level);
  s->close(s, seq);
  return PS_OK;
}

int ps_column_beyond(ps_column_source *s, double x, ps_estimate *e) {
  size_t above;
  ps_exact_sum sum, w1, w2;
  int rc = s->above(s, x, &above, &sum, &w1, &w2);
  if (rc) return rc;
  *e = s->weighted ? ps_wprob(ps_exact_value(&w1), ps_exact_value(&w2), s->n, PS_CI_LEVEL)
                   : ps_prob_wilson(above, s->n, PS_CI_LEVEL);
  return PS_OK;
}

int ps_outcomes_chunks(const ps_outcomes *o, int (*fn)(void *ctx, const ps_outcomes *c), void *ctx) {
  if (!o->host) return fn(ctx, o);
  int rc = PS_OK;
  for (long from = 0; rc == PS_OK && from < o->paths;) {
    ps_outcomes c;
    if ((rc = o->host->paths(o->host, from, o->paths - from, &c))) break;
    rc = fn(ctx, &c);
    from += c.paths;
    ps_outcomes_destroy(&c);
  }
  return rc;
}
