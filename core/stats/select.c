/* select.c — several order statistics at once (select.h). */
#include "stats/select.h"

#include <stddef.h>
#include <stdint.h>

#include "poolsim/poolsim.h"
#include "stats/stats.h"

/* ranges this short are sorted outright */
#define SHORT 16

static void swap(double *x, size_t i, size_t j) {
  double t = x[i];
  x[i] = x[j];
  x[j] = t;
}

/* x[lo, hi) sorted by insertion */
static void insertion(double *x, size_t lo, size_t hi) {
  for (size_t i = lo + 1; i < hi; i++) {
    double v = x[i];
    size_t j = i;
    for (; j > lo && x[j - 1] > v; j--) x[j] = x[j - 1];
    x[j] = v;
  }
}

/* the middle one of three values */
static double median3(double a, double b, double c) {
  if (a > b) {
    double t = a;
    a = b;
    b = t;
  }
  return c < a ? a : c > b ? b : c;
}

/* ranges this long take their pivot from a sample (choose_pivot); shorter ones the median of three */
#define SAMPLED 1024

/* A pivot for x[lo, hi) holding the ranks k[0..nk) (ascending, within the range), read off a sorted
** sample of evenly spaced values (the paths are independent draws, so their order is no pattern): just
** past the edge of the widest stretch of ranks none is asked for, so that the partition leaves that
** stretch, with no rank in it, on one side to be dropped. The value is one of the range's (what the
** partition needs); how good it is only changes the cost. */
static double choose_pivot(const double *x, size_t lo, size_t hi, const size_t *k, size_t nk) {
  double sample[63] = {0}; /* every one set below; initialised for cppcheck, which cannot tell */
  size_t len = hi - lo, ns = len < 8192 ? 15 : 63, margin = ns == 15 ? 1 : 3;
  for (size_t t = 0; t < ns; t++) sample[t] = x[lo + (2 * t + 1) * len / (2 * ns)];
  insertion(sample, 0, ns);
  size_t gap = k[0] - lo, at = 0; /* the widest stretch: below k[0] (at 0), between k[j-1] and k[j] (at j), or above */
  for (size_t j = 1; j <= nk; j++) {
    size_t g = j < nk ? k[j] - k[j - 1] - 1 : hi - 1 - k[nk - 1];
    if (g > gap) gap = g, at = j;
  }
  /* the sample's index of a rank r: ns r / len; a pivot a little below k[0] drops the stretch below it, a
  ** pivot a little above k[at - 1] the one above it */
  size_t s = at == 0 ? (ns * (k[0] - lo) / len >= margin ? ns * (k[0] - lo) / len - margin : 0)
                     : ns * (k[at - 1] - lo) / len + margin;
  return sample[s < ns ? s : ns - 1];
}

/* a range still to do: x[lo, hi) with the ranks k[0..nk) in it, and the partitions left to it */
typedef struct {
  size_t lo, hi;
  const size_t *k;
  size_t nk;
  int depth;
} pending;

/* Each of the ranks k[0..nk) (ascending, distinct, within [lo, hi)) gets its value in x[lo, hi): a Hoare
** partition around a pivot (choose_pivot, or the median of three of a short range) leaves [lo, j] at or
** below the pivot, [i, hi) at or above it and anything between equal to it; only the sides holding a
** rank are followed, the lower first (the side above waits on a stack: no recursion). Past `depth`
** partitions (unlucky pivots) a range is sorted instead, so the stack holds at most `depth` + 1 ranges
** (ps_select_ranks' depth is below 8 + 2 x 64). PS_OK, or PS_ERUNTIME (the sort's memory) */
#define MAX_PENDING (8 + 2 * 64 + 1)
static int select_in(double *x, size_t lo, size_t hi, const size_t *k, size_t nk, int depth) {
  pending stack[MAX_PENDING] = {{0}}; /* set before read; initialised for cppcheck, which cannot tell */
  int top = 0;
  for (;;) {
    if (nk == 0 || hi - lo <= SHORT || depth == 0) {
      if (nk > 0 && hi - lo <= SHORT) insertion(x, lo, hi);
      else if (nk > 0) {
        int rc = ps_sort_doubles(x + lo, hi - lo);
        if (rc) return rc;
      }
      if (top == 0) return PS_OK;
      pending p = stack[--top];
      lo = p.lo, hi = p.hi, k = p.k, nk = p.nk, depth = p.depth;
      continue;
    }
    depth--;
    double pivot = hi - lo >= SAMPLED ? choose_pivot(x, lo, hi, k, nk)
                                      : median3(x[lo], x[lo + (hi - lo) / 2], x[hi - 1]);
    ptrdiff_t i = (ptrdiff_t)lo, j = (ptrdiff_t)hi - 1; /* signed: j may pass below lo */
    while (i <= j) { /* the pivot's value is in the range, so each scan stops inside it */
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) swap(x, (size_t)i++, (size_t)j--);
    }
    /* [lo, j] at or below the pivot, [i, hi) at or above, j < i, and x[j + 1] the pivot's value when
    ** i == j + 2; the first round swapped, so both sides are shorter than the range */
    size_t left_end = (size_t)(j + 1), right = (size_t)i;
    size_t a = 0;
    while (a < nk && k[a] < left_end) a++;
    size_t b = a;
    while (b < nk && k[b] < right) b++; /* ranks at the pivot itself: done */
    if (a > 0) { /* the lower side now, the upper one (if it holds a rank) after it */
      if (nk > b) stack[top++] = (pending){right, hi, k + b, nk - b, depth};
      hi = left_end;
      nk = a;
    } else {
      lo = right;
      k += b;
      nk -= b;
    }
  }
}

int ps_select_ranks(double *x, size_t n, const size_t *ks, size_t nk, double *out) {
  size_t k[PS_SELECT_RANKS] = {0}, m = 0;
  for (size_t j = 0; j < nk; j++) { /* ascending, without repeats */
    size_t v = ks[j], at = m;
    while (at > 0 && k[at - 1] > v) at--;
    if (at > 0 && k[at - 1] == v) continue;
    for (size_t t = m; t > at; t--) k[t] = k[t - 1];
    k[at] = v;
    m++;
  }
  int depth = 8;
  for (size_t t = n; t > 1; t >>= 1) depth += 2;
  int rc = n > 0 && m > 0 ? select_in(x, 0, n, k, m, depth) : PS_OK;
  for (size_t j = 0; rc == PS_OK && out && j < nk; j++) out[j] = x[ks[j]] == 0 ? 0.0 : x[ks[j]];
  return rc;
}
