/* weighted.c — statistics of weighted outcomes (weighted.h). */
#include "stats/weighted.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "sim/hugepages.h"
#include "stats/exact_sum.h"

/* the standard error of the mean of y_i = w_i 1{i in A} over n paths, from s1 = sum y, s2 = sum y^2 */
double ps_wse(double s1, double s2, size_t n) {
  if (n < 2) return 0;
  double nn = (double)n, var = (s2 - s1 * s1 / nn) / (nn - 1);
  return var > 0 ? sqrt(var / nn) : 0;
}

ps_estimate ps_wprob(double s1, double s2, size_t n, double level) {
  ps_estimate e = {0.0, 0.0, 1.0};
  if (n == 0) return e;
  double p = s1 / (double)n, half = gsl_cdf_ugaussian_Pinv((1.0 + level) / 2.0) * ps_wse(s1, s2, n);
  e.value = p;
  e.lo = fmax(0.0, fmin(p, p - half));
  e.hi = fmin(1.0, fmax(p, p + half));
  return e;
}

/* n * p snapped to the nearest integer within rounding error (as stats.c does for the plain
** quantile), so that unit weights give the plain type-1 quantile: 1000 * (1 - 0.9) is 100 */
double ps_wtarget(size_t n, double p) {
  double t = (double)n * p, r = nearbyint(t);
  return fabs(t - r) <= 4.0 * DBL_EPSILON * fabs(t) ? r : t;
}

/* Scan the distinct values from the side q names (module comment): value, lo and hi of the
** q-quantile; the value alone when level <= 0. */
/* past the values equal to v next in seq, their weights (and squares, unless x2 is NULL) added; *approx
** gets the weights added in floating point, *terms counting them (below_target), or INFINITY where seq
** added them itself */
static void take_ties(ps_wseq *seq, double v, ps_exact_sum *x1, ps_exact_sum *x2, double *approx, size_t *terms) {
  if (seq->take_equal) {
    seq->take_equal(seq, v, x1, x2);
    *approx = INFINITY;
    return;
  }
  double tie, w;
  while (seq->peek(seq, &tie, &w) && tie == v) {
    ps_exact_add(x1, w);
    if (x2) ps_exact_add(x2, w * w);
    *approx += w;
    ++*terms;
    seq->take(seq);
  }
}

/* The scans compare the exact running sum of the weights, rounded, with a target. Without an interval
** (level <= 0) only that comparison matters, so the sum is rounded only near the target: `approx`, the
** same weights summed in floating point from the rounded start, is within (k + 1) 2^-53 approx (1 + tiny)
** of the exact sum after k additions of weights >= 0, so while approx (1 + (k + 2) 2^-52) stays below the
** target the exact sum does too, and so does its rounding (rounding is monotone): every comparison with
** the target comes out as with the exact sum rounded. */
static int below_target(double approx, size_t k, double target) {
  return approx + approx * (double)(k + 2) * 0x1p-52 < target;
}

/* the scan, the weights of the values above those seq gives (reading down, level 0) summing to *above */
static ps_estimate quantile_scan(ps_wseq *seq, size_t n, double max, double q, double level, const ps_exact_sum *above) {
  ps_estimate e = {0.0, 0.0, 0.0};
  if (n == 0) return e;
  double nn = (double)n, z = level > 0 ? gsl_cdf_ugaussian_Pinv((1.0 + level) / 2.0) : 0, v, w;
  /* the sums over the values on one side of v, exact: the same whatever the order of their paths
  ** (the squares only for an interval) */
  ps_exact_sum x1, x2;
  ps_exact_init(&x1);
  ps_exact_init(&x2);
  if (above) x1 = *above;
  e.value = e.lo = e.hi = max;
  /* without an interval: the weights' sum in floating point, and the terms in it (below_target) */
  double approx = z > 0 ? INFINITY : ps_exact_value(&x1);
  size_t terms = 0;
  if (q >= 0.5) { /* from the top: T(v) = sum_{x > v} w / n, the smallest v with T(v) <= 1 - q */
    double target = ps_wtarget(n, 1 - q); /* compared with n T(v) */
    int found_value = 0, found_hi = 0;
    while (seq->peek(seq, &v, &w)) {
      if (!below_target(approx, terms, target)) { /* else t <= target: none of the three holds */
        double s1 = ps_exact_value(&x1), t = s1, se = z > 0 ? nn * ps_wse(s1, ps_exact_value(&x2), n) : 0;
        if (!found_hi && t + z * se > target) found_hi = 1;
        if (!found_value && t > target) found_value = 1;
        if (t - z * se > target) break;
      }
      if (!found_hi) e.hi = v;
      if (!found_value) e.value = v;
      e.lo = v;
      take_ties(seq, v, &x1, z > 0 ? &x2 : NULL, &approx, &terms); /* the ties join the tail together */
    }
  } else { /* from the bottom: F(v) = sum_{x <= v} w / n, the smallest v with F(v) >= q */
    double target = ps_wtarget(n, q); /* compared with n F(v) */
    int found_lo = 0, found_value = 0;
    while (seq->peek(seq, &v, &w)) {
      take_ties(seq, v, &x1, z > 0 ? &x2 : NULL, &approx, &terms);
      if (below_target(approx, terms, target)) continue; /* f < target: none of the three holds */
      double f = ps_exact_value(&x1), se = z > 0 ? nn * ps_wse(f, ps_exact_value(&x2), n) : 0;
      if (!found_lo && f + z * se >= target) found_lo = 1, e.lo = v;
      if (!found_value && f >= target) found_value = 1, e.value = v;
      if (f - z * se >= target) {
        e.hi = v;
        break;
      }
    }
  }
  return e;
}

ps_estimate ps_wquantile_ci_scan(ps_wseq *seq, size_t n, double max, double q, double level) {
  return quantile_scan(seq, n, max, q, level, NULL);
}

double ps_wquantile_scan_below(ps_wseq *down, size_t n, double max, double q, const ps_exact_sum *above) {
  return quantile_scan(down, n, max, q, 0, above).value;
}

/* the weight wanted, n (1 - q), less a margin far above the rounding of the sums: with the weights
** above v0 at most this (rounded), every partial sum of them plus the next weight, in floating point,
** stays below n (1 - q), so the scan takes each whole */
double ps_wes_limit(size_t n, double q) { return (double)n * (1.0 - q) * (1 - 1e-12); }

double ps_wes_scan(ps_wseq *down, size_t n, double max, double q) {
  ps_exact_sum none;
  ps_exact_init(&none);
  return ps_wes_scan_below(down, n, max, q, &none, &none);
}

double ps_wes_scan_below(ps_wseq *down, size_t n, double max, double q, const ps_exact_sum *w_above,
                         const ps_exact_sum *wv_above) {
  if (n == 0) return 0.0;
  ps_exact_sum sum = *wv_above, weight = *w_above; /* exact: taken is the rounded sum of the weights taken */
  double want = (double)n * (1.0 - q), taken = ps_exact_value(&weight), v, w;
  for (; (taken < want || taken == 0) && down->peek(down, &v, &w); down->take(down)) {
    if (taken > 0 && taken + w > want) w = want - taken; /* the last path, in part */
    ps_exact_add(&sum, w * v);
    ps_exact_add(&weight, w);
    taken = ps_exact_value(&weight);
  }
  return taken > 0 ? ps_exact_value(&sum) / taken : max;
}

/* a sorted array and its weights as a ps_wseq, read down (from the largest) or up */
typedef struct {
  ps_wseq seq;
  const double *s, *ws;
  size_t i, n; /* down: the values left are [0, i); up: [i, n) */
  int down;
} array_seq;

static int array_peek(ps_wseq *q, double *v, double *w) {
  const array_seq *a = (const array_seq *)q;
  if (a->down ? a->i == 0 : a->i == a->n) return 0;
  size_t k = a->down ? a->i - 1 : a->i;
  *v = a->s[k];
  *w = a->ws[k];
  return 1;
}

static void array_take(ps_wseq *q) {
  array_seq *a = (array_seq *)q;
  if (a->down) a->i--;
  else a->i++;
}

static array_seq array_of(const double *s, const double *ws, size_t n, int down) {
  return (array_seq){{.peek = array_peek, .take = array_take}, s, ws, down ? n : 0, n, down};
}

ps_estimate ps_wquantile_ci_sorted(const double *s, const double *ws, size_t n, double q, double level) {
  if (n == 0) return (ps_estimate){0.0, 0.0, 0.0};
  if (level <= 0) {
    double v = ps_wquantile_sorted(s, ws, n, q);
    return (ps_estimate){v, v, v};
  }
  array_seq a = array_of(s, ws, n, q >= 0.5);
  return ps_wquantile_ci_scan(&a.seq, n, s[n - 1], q, level);
}

/* are the weights finite and >= 0 (what the sums in floating point below need)? */
static int plain_weights(const double *ws, size_t n) {
  int ok = 1;
  for (size_t i = 0; i < n; i++) ok &= ws[i] >= 0 && ws[i] <= DBL_MAX;
  return ok;
}

/* quantile_scan at level 0 on the array itself: the weights summed in floating point as take_ties sums
** them (the same terms in the same order, so the same approx), and exactly, in bulk, only where
** below_target cannot tell: the exact sum then holds the same weights as the scan's, so it rounds to the
** same double and every comparison comes out the same. Its lo and hi (level 0) are its value. */
double ps_wquantile_sorted(const double *s, const double *ws, size_t n, double q) {
  if (n == 0) return 0.0;
  if (!plain_weights(ws, n)) {
    array_seq a = array_of(s, ws, n, q >= 0.5);
    return ps_wquantile_ci_scan(&a.seq, n, s[n - 1], q, 0).value;
  }
  ps_exact_sum x1;
  ps_exact_init(&x1);
  double approx = 0, value = s[n - 1];
  if (q >= 0.5) { /* down: x1 holds the weights of [synced, n); the scan's, of [i, n) */
    double target = ps_wtarget(n, 1 - q);
    for (size_t i = n, synced = n; i > 0;) {
      double v = s[i - 1];
      if (!below_target(approx, n - i, target)) {
        ps_exact_add_values(&x1, ws + i, synced - i);
        synced = i;
        if (ps_exact_value(&x1) > target) break;
      }
      value = v;
      for (; i > 0 && s[i - 1] == v; i--) approx += ws[i - 1];
    }
    return value;
  }
  double target = ps_wtarget(n, q); /* up: x1 holds [0, synced); the scan's, [0, i) */
  for (size_t i = 0, synced = 0; i < n;) {
    double v = s[i];
    for (; i < n && s[i] == v; i++) approx += ws[i];
    if (below_target(approx, i, target)) continue;
    ps_exact_add_values(&x1, ws + synced, i - synced);
    synced = i;
    if (ps_exact_value(&x1) >= target) return v;
  }
  return value;
}

/* ps_wquantile_sorted's scan down for several levels at once: at each distinct value v the targets
** n (1 - q[j]) are looked at from the smallest open one, as each single scan looks at its own (where
** below_target tells for the smallest it tells for the larger ones too, and an exact sum at most one
** target is at most the larger ones): a target the weight above v passes takes the value before v */
void ps_wquantiles_sorted(const double *s, const double *ws, size_t n, const double *q, size_t nq, double *out) {
  int down = nq <= 8;
  double target[8];
  for (size_t j = 0; down && j < nq; j++) { /* the targets must fall as the levels rise */
    target[j] = ps_wtarget(n, 1 - q[j]);
    down &= q[j] >= 0.5 && (j == 0 || target[j] <= target[j - 1]);
  }
  if (n == 0 || nq == 0 || !down || !plain_weights(ws, n)) {
    for (size_t j = 0; j < nq; j++) out[j] = ps_wquantile_sorted(s, ws, n, q[j]);
    return;
  }
  ps_exact_sum x1;
  ps_exact_init(&x1);
  double approx = 0, value = s[n - 1];
  size_t open = nq; /* targets [0, open) are open; open - 1, the largest level, the smallest target */
  for (size_t i = n, synced = n; i > 0 && open > 0;) {
    double v = s[i - 1];
    while (open > 0 && !below_target(approx, n - i, target[open - 1])) {
      if (synced > i) {
        ps_exact_add_values(&x1, ws + i, synced - i);
        synced = i;
      }
      if (!(ps_exact_value(&x1) > target[open - 1])) break;
      out[--open] = value;
    }
    value = v;
    for (; i > 0 && s[i - 1] == v; i--) approx += ws[i - 1];
  }
  while (open > 0) out[--open] = value;
}

/* the exact sums of ws[i] and of ws[i] * s[i] over [from, to), the products rounded as the scan rounds them */
static void add_tail(ps_exact_sum *weight, ps_exact_sum *sum, const double *s, const double *ws, size_t from,
                     size_t to) {
  double y[512];
  ps_exact_add_values(weight, ws + from, to - from);
  while (from < to) {
    size_t k = to - from < 512 ? to - from : 512;
    for (size_t j = 0; j < k; j++) y[j] = ws[from + j] * s[from + j];
    ps_exact_add_values(sum, y, k);
    from += k;
  }
}

/* ps_wes_scan on the array: while the weights taken, summed in floating point (approx, k terms), bound
** the exact sum from above (below_target's bound, u) so that u < want and u + w <= want for the next
** weight w, the scan's `taken` (the exact sum rounded, at most u) is below want and taken + w is not
** above it (rounding is monotone): the scan takes that path whole, with nothing to compare. Those paths'
** sums are made in bulk; the scan goes on as ps_wes_scan from the first path it might not. */
double ps_wes_sorted(const double *s, const double *ws, size_t n, double q) {
  if (n == 0) return 0.0;
  if (!plain_weights(ws, n)) {
    array_seq a = array_of(s, ws, n, 1);
    return ps_wes_scan(&a.seq, n, s[n - 1], q);
  }
  double want = (double)n * (1.0 - q), approx = 0;
  size_t i = n;
  for (; i > 0; i--) {
    double u = approx + approx * (double)(n - i + 2) * 0x1p-52;
    if (!(u < want && u + ws[i - 1] <= want)) break;
    approx += ws[i - 1];
  }
  ps_exact_sum sum, weight;
  ps_exact_init(&sum);
  ps_exact_init(&weight);
  add_tail(&weight, &sum, s, ws, i, n);
  double taken = ps_exact_value(&weight);
  for (; (taken < want || taken == 0) && i > 0; i--) { /* ps_wes_scan_below's loop */
    double w = ws[i - 1];
    if (taken > 0 && taken + w > want) w = want - taken;
    ps_exact_add(&sum, w * s[i - 1]);
    ps_exact_add(&weight, w);
    taken = ps_exact_value(&weight);
  }
  return taken > 0 ? ps_exact_value(&sum) / taken : s[n - 1];
}

double ps_effective_paths(const double *w, size_t n) {
  ps_exact_sum x1, x2;
  ps_exact_init(&x1);
  ps_exact_init(&x2);
  for (size_t i = 0; i < n; i++) {
    ps_exact_add(&x1, w[i]);
    ps_exact_add(&x2, w[i] * w[i]);
  }
  double s1 = ps_exact_value(&x1), s2 = ps_exact_value(&x2);
  return s2 > 0 ? s1 * s1 / s2 : 0;
}

int ps_wstats_compute(const double *x, const double *w, size_t n, ps_stats *out) {
  memset(out, 0, sizeof *out);
  if (n == 0) return PS_OK;
  double nn = (double)n;
  ps_exact_sum x1, x2, ss; /* exact: the same whatever the order of the paths */
  ps_exact_init(&x1);
  ps_exact_init(&x2);
  ps_exact_init(&ss);
  for (size_t i = 0; i < n; i++) {
    double y = w[i] * x[i];
    ps_exact_add(&x1, y);
    ps_exact_add(&x2, y * y);
  }
  double sum = ps_exact_value(&x1);
  out->mean = sum / nn;
  out->se = ps_wse(sum, ps_exact_value(&x2), n);
  for (size_t i = 0; i < n; i++) ps_exact_add(&ss, w[i] * (x[i] - out->mean) * (x[i] - out->mean));
  out->sd = sqrt(ps_exact_value(&ss) / nn);
  size_t same = 1;
  while (same < n && x[same] == x[0]) same++;
  if (same == n) { /* one value on every path (often 0): nothing to sort */
    out->min = out->max = out->p50 = out->p90 = out->p95 = out->p99 = out->p995 = out->p999 = x[0];
    out->es95 = out->es99 = x[0];
    return PS_OK;
  }
  double *s = n <= SIZE_MAX / (2 * sizeof *s) ? ps_malloc_huge(2 * n * sizeof *s) : NULL;
  if (!s) return PS_ERUNTIME;
  double *ws = s + n;
  if (ps_sort_copy(x, w, n, s, ws)) {
    free(s);
    return PS_ERUNTIME;
  }
  out->min = s[0];
  out->max = s[n - 1];
  out->p50 = ps_wquantile_ci_sorted(s, ws, n, 0.50, 0).value;
  out->p90 = ps_wquantile_ci_sorted(s, ws, n, 0.90, 0).value;
  out->p95 = ps_wquantile_ci_sorted(s, ws, n, 0.95, 0).value;
  out->p99 = ps_wquantile_ci_sorted(s, ws, n, 0.99, 0).value;
  out->p995 = ps_wquantile_ci_sorted(s, ws, n, 0.995, 0).value;
  out->p999 = ps_wquantile_ci_sorted(s, ws, n, 0.999, 0).value;
  out->es95 = ps_wes_sorted(s, ws, n, 0.95);
  out->es99 = ps_wes_sorted(s, ws, n, 0.99);
  free(s);
  return PS_OK;
}
