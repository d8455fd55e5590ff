/* stats.c — summary statistics of per-path outcomes (see stats.h). */
#include "stats/stats.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "sim/hugepages.h"
#include "stats/exact_sum.h"

/* ps_order_key — an unsigned key whose order is the order of the doubles (-0.0 as 0.0) */
uint64_t ps_order_key(double d) {
  if (d == 0) d = 0; /* -0.0 sorts with 0.0 */
  uint64_t u;
  memcpy(&u, &d, sizeof u);
  return u & 0x8000000000000000ULL ? ~u : u | 0x8000000000000000ULL;
}

/* ps_from_key — the double of an order key (a key of -0.0 gives 0.0) */
double ps_from_key(uint64_t k) {
  uint64_t u = k & 0x8000000000000000ULL ? k & ~0x8000000000000000ULL : ~k;
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

/* LSD radix sort of the keys, 8 bits a pass: the eight histograms are counted
** in one read of the keys and stay in L1 (16 KiB), and a pass is skipped when
** every key has the same byte there (money outcomes share their high bytes),
** so a sort costs a few linear passes whatever n is. The sort is stable; with
** w (not NULL), w[] is permuted along with x[]. PS_OK, or PS_ERUNTIME when out of memory. */
static int radix_sort(double *x, double *w, size_t n) {
  if (n < 64) { /* small: insertion sort, -0.0 made 0.0 as the radix sort makes it */
    if (n > 0 && x[0] == 0) x[0] = 0;
    for (size_t i = 1; i < n; i++) {
      double v = x[i] == 0 ? 0 : x[i], wv = w ? w[i] : 0;
      size_t j = i;
      for (; j > 0 && x[j - 1] > v; j--) {
        x[j] = x[j - 1];
        if (w) w[j] = w[j - 1];
      }
      x[j] = v;
      if (w) w[j] = wv;
    }
    return PS_OK;
  }
  uint64_t *a = ps_malloc_huge(n * sizeof *a), *b = ps_malloc_huge(n * sizeof *b);
  double *wb = w ? ps_malloc_huge(n * sizeof *wb) : NULL;
  if (!a || !b || (w && !wb)) {
    free(a);
    free(b);
    free(wb);
    return PS_ERUNTIME;
  }
  size_t count[8][256] = {{0}};
  for (size_t i = 0; i < n; i++) { /* the eight bytes spelt out: constant shifts, no inner loop */
    uint64_t k = ps_order_key(x[i]);
    a[i] = k;
    count[0][k & 0xff]++;
    count[1][(k >> 8) & 0xff]++;
    count[2][(k >> 16) & 0xff]++;
    count[3][(k >> 24) & 0xff]++;
    count[4][(k >> 32) & 0xff]++;
    count[5][(k >> 40) & 0xff]++;
    count[6][(k >> 48) & 0xff]++;
    count[7][k >> 56]++;
  }
  double *wa = w; /* the weights move with their keys, between w and wb (their bits: memcpy) */
  for (int d = 0; d < 8; d++) {
    unsigned shift = 8u * (unsigned)d;
    size_t *c = count[d];
    if (c[(a[0] >> shift) & 0xff] == n) continue;
    size_t sum = 0;
    for (int v = 0; v < 256; v++) {
      size_t t = c[v];
      c[v] = sum;
      sum += t;
    }
    if (w) {
      for (size_t i = 0; i < n; i++) {
        size_t to = c[(a[i] >> shift) & 0xff]++;
        b[to] = a[i];
        memcpy(&wb[to], &wa[i], sizeof *wb);
      }
      double *t = wa;
      wa = wb;
      wb = t;
    } else
      for (size_t i = 0; i < n; i++) b[c[(a[i] >> shift) & 0xff]++] = a[i];
    uint64_t *t = a;
    a = b;
    b = t;
  }
  for (size_t i = 0; i < n; i++) x[i] = ps_from_key(a[i]);
  if (w && wa != w) { /* the last pass left the weights in the buffer */
    memcpy(w, wa, n * sizeof *w);
    wb = wa;
  }
  free(a);
  free(b);
  free(wb);
  return PS_OK;
}

int ps_sort_doubles(double *x, size_t n) { return radix_sort(x, NULL, n); }

int ps_sort_weighted(double *x, double *w, size_t n) { return radix_sort(x, w, n); }

int ps_sort_copy(const double *x, const double *w, size_t n, double *sorted, double *sorted_w) {
  memcpy(sorted, x, n * sizeof *sorted);
  if (w) memcpy(sorted_w, w, n * sizeof *sorted_w);
  return radix_sort(sorted, w ? sorted_w : NULL, n);
}

/* n*q, snapped to the nearest integer when it is within rounding error of one,
** so that e.g. q = 0.07, n = 100 gives 7 (not 7.000000000000001): decimal
** levels such as 0.07 are not exact in binary, and ceil() must not round
** a product that is meant to be an integer up to the next rank. */
static double scaled_level(size_t n, double q) {
  double t = (double)n * q;
  double r = nearbyint(t);
  return fabs(t - r) <= 4.0 * DBL_EPSILON * fabs(t) ? r : t;
}

/* a 1-based rank held in a double, clamped to [1, n] (NaN gives 1) */
static size_t clamp_rank(double r, size_t n) {
  if (!(r >= 1.0)) return 1;
  if (r >= (double)n) return n;
  return (size_t)r;
}

/* the two-sided standard normal critical value for a confidence level */
static double z_of_level(double level) {
  return gsl_cdf_ugaussian_Pinv((1.0 + level) / 2.0);
}

size_t ps_quantile_rank(size_t n, double q) { return clamp_rank(ceil(scaled_level(n, q)), n); }

/** type-1 quantile x_(ceil(n*q)) of ascending sorted[0..n-1]; n == 0 gives 0 */
double ps_quantile_sorted(const double *sorted, size_t n, double q) {
  if (n == 0) return 0.0;
  return sorted[ps_quantile_rank(n, q) - 1];
}

/* swap-based Hoare partition selection of the k-th smallest (0-based) */
static double select_kth(double *x, size_t n, size_t k) {
  size_t lo = 0, hi = n - 1;
  while (lo < hi) {
    double pivot = x[lo + (hi - lo) / 2];
    size_t i = lo, j = hi;
    while (i <= j) {
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) {
        double t = x[i];
        x[i] = x[j];
        x[j] = t;
        i++;
        if (j == 0) break;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return x[k];
  }
  return x[k];
}

/** type-1 quantile by selection; reorders x; n == 0 gives 0 */
double ps_quantile_select(double *x, size_t n, double q) {
  if (n == 0) return 0.0;
  return select_kth(x, n, ps_quantile_rank(n, q) - 1);
}

size_t ps_es_count(size_t n, double q) { return clamp_rank(round((double)n * (1.0 - q)), n); }

/** mean of the largest max(1, round(n*(1-q))) values of sorted; n == 0 gives 0 */
double ps_es_sorted(const double *sorted, size_t n, double q) {
  if (n == 0) return 0.0;
  size_t m = ps_es_count(n, q);
  return ps_exact_sum_of(sorted + (n - m), m) / (double)m;
}

void ps_quantile_ci_ranks(size_t n, double q, double level, size_t *lo, size_t *hi) {
  double nq = scaled_level(n, q);
  double spread = z_of_level(level) * sqrt(nq * (1.0 - q));
  *lo = clamp_rank(floor(nq - spread), n);
  *hi = clamp_rank(ceil(nq + spread) + 1.0, n);
}

/** type-1 quantile with the order-statistic interval [x_(l), x_(u)] of stats.h */
ps_estimate ps_quantile_ci_sorted(const double *sorted, size_t n, double q, double level) {
  ps_estimate e = {0.0, 0.0, 0.0};
  if (n == 0) return e;
  size_t lo, hi;
  ps_quantile_ci_ranks(n, q, level, &lo, &hi);
  e.value = ps_quantile_sorted(sorted, n, q);
  e.lo = sorted[lo - 1];
  e.hi = sorted[hi - 1];
  return e;
}

/** k/n with the Wilson score interval, clamped to [0, 1] and to contain k/n;
** n == 0 gives 0 in [0, 1] */
ps_estimate ps_prob_wilson(size_t k, size_t n, double level) {
  ps_estimate e = {0.0, 0.0, 1.0};
  if (n == 0) return e;
  double nn = (double)n, p = (double)k / nn, z = z_of_level(level), z2 = z * z;
  double denom = 1.0 + z2 / nn;
  double centre = (p + z2 / (2.0 * nn)) / denom;
  double half = z * sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn)) / denom;
  /* the exact interval contains p and lies in [0, 1]; clamping to both keeps
  ** that true in floating point (k == 0 gives lo = 0, k == n gives hi = 1) */
  e.value = p;
  e.lo = fmax(0.0, fmin(p, centre - half));
  e.hi = fmin(1.0, fmax(p, centre + half));
  return e;
}

/* mean and sample sd (n-1) of x[0..n-1], two passes, each summed exactly (stats/exact_sum.h): the
** mean is the exact sum rounded, over n; the sd sums the squared deviations from that mean; n >= 1 */
static void mean_sd(const double *x, size_t n, double *mean, double *sd) {
  double m = ps_exact_sum_of(x, n) / (double)n;
  ps_exact_sum ss;
  ps_exact_init(&ss);
  ps_exact_add_squares(&ss, x, n, m);
  *mean = m;
  *sd = n > 1 ? sqrt(ps_exact_value(&ss) / (double)(n - 1)) : 0.0;
}

/** fills *out from x[0..n-1] (x is not modified); returns PS_OK, or PS_ERUNTIME when out of memory */
int ps_stats_compute(const double *x, size_t n, ps_stats *out) {
  memset(out, 0, sizeof *out);
  if (n == 0) return PS_OK;
  size_t same = 1;
  while (same < n && x[same] == x[0]) same++;
  if (same == n) { /* one value on every path (often 0): nothing to sort */
    mean_sd(x, n, &out->mean, &out->sd);
    out->se = out->sd / sqrt((double)n);
    out->min = out->max = out->p50 = out->p90 = out->p95 = out->p99 = out->p995 = out->p999 = x[0];
    out->es95 = out->es99 = x[0];
    return PS_OK;
  }
  double *s = n <= SIZE_MAX / sizeof *s ? ps_malloc_huge(n * sizeof *s) : NULL;
  if (!s) return PS_ERUNTIME;
  memcpy(s, x, n * sizeof *s);
  if (ps_sort_doubles(s, n)) {
    free(s);
    return PS_ERUNTIME;
  }
  mean_sd(x, n, &out->mean, &out->sd);
  out->se = out->sd / sqrt((double)n);
  out->min = s[0];
  out->max = s[n - 1];
  out->p50 = ps_quantile_sorted(s, n, 0.50);
  out->p90 = ps_quantile_sorted(s, n, 0.90);
  out->p95 = ps_quantile_sorted(s, n, 0.95);
  out->p99 = ps_quantile_sorted(s, n, 0.99);
  out->p995 = ps_quantile_sorted(s, n, 0.995);
  out->p999 = ps_quantile_sorted(s, n, 0.999);
  out->es95 = ps_es_sorted(s, n, 0.95);
  out->es99 = ps_es_sorted(s, n, 0.99);
  free(s);
  return PS_OK;
}
