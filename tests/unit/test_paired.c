/* test_paired.c — the studies' paired differences (stats/paired.h): a hand-computed pair; each kind of
** series; the running sums continued block after block (as MPI ranks continue them, through a
** host's pair) bit for bit those of one loop, and those of the loop the studies made before
** (study_parties.c's ps_study_figures_diff: sa, sb, sd, then the squared deviations). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "splitmix.h"
#include "stats/column.h"
#include "stats/paired.h"

static int same_diff(ps_difference a, ps_difference b) {
  return same_bits(a.a, b.a) && same_bits(a.b, b.b) && same_bits(a.diff, b.diff) && same_bits(a.se, b.se) && same_bits(a.lo, b.lo) &&
         same_bits(a.hi, b.hi);
}

/* the loop the studies made on whole series before paired.c (ps_study_figures_diff) */
static ps_difference reference(const double *x, const double *y, long n) {
  double sa = 0, sb = 0, sd = 0, ss = 0;
  for (long t = 0; t < n; t++) {
    sa += x[t];
    sb += y[t];
    sd += y[t] - x[t];
  }
  double mean = n > 0 ? sd / (double)n : 0;
  for (long t = 0; t < n; t++) ss += (y[t] - x[t] - mean) * (y[t] - x[t] - mean);
  double se = n > 1 ? sqrt(ss / (double)(n - 1) / (double)n) : 0;
  return (ps_difference){n > 0 ? sa / (double)n : 0, n > 0 ? sb / (double)n : 0, mean, se, mean - 1.959964 * se,
                         mean + 1.959964 * se};
}

/* a host whose run is held in blocks of these sizes: its pair continues the sums block after block,
** each block's series starting at its first path (as a rank's do) */
typedef struct {
  ps_column_host host;
  const long *sizes;
  int nblocks;
} blocks_host;

static ps_series shifted(const ps_series *s, long by) {
  ps_series t = *s;
  int ints = s->kind == PS_SERIES_POSITIVE || s->kind == PS_SERIES_NONZERO;
  if (t.x) t.x = ints ? (const void *)((const int *)t.x + by) : (const void *)((const double *)t.x + by);
  if (t.minus) t.minus += by;
  if (t.w) t.w += by;
  return t;
}

static int blocks_pair(ps_column_host *h, ps_column_host *other, const ps_series *a, const ps_series *b, int npairs,
                       long n, int pass, const double *means, ps_pair_sums *sums) {
  const blocks_host *bh = (const blocks_host *)h;
  (void)other;
  long first = 0;
  for (int r = 0; r < bh->nblocks; r++) {
    long count = bh->sizes[r] < n - first ? bh->sizes[r] : n - first;
    for (int k = 0; count > 0 && k < npairs; k++) {
      ps_series sa = shifted(&a[k], first), sb = shifted(&b[k], first);
      ps_pair_add(&sums[k], &sa, &sb, (size_t)count, pass, means[k]);
    }
    first += bh->sizes[r];
  }
  return PS_OK;
}

int main(void) {
  /* by hand: d = b - a = 1, 0, 2, 0; mean 0.75; sum of squared deviations 2.75; se sqrt(2.75 / 3 / 4) */
  double a4[] = {1, 2, 3, 4}, b4[] = {2, 2, 5, 4};
  ps_series sa = {PS_SERIES_VALUE, a4, NULL, NULL}, sb = {PS_SERIES_VALUE, b4, NULL, NULL};
  ps_difference d;
  CHECK(ps_pair_runs(NULL, NULL, &sa, &sb, 1, 4, &d) == PS_OK);
  double se = sqrt(2.75 / 3 / 4);
  CHECK_NEAR(d.a, 2.5, 0);
  CHECK_NEAR(d.b, 3.25, 0);
  CHECK_NEAR(d.diff, 0.75, 0);
  CHECK_NEAR(d.se, se, 1e-15);
  CHECK_NEAR(d.lo, 0.75 - 1.959964 * se, 1e-15);
  CHECK_NEAR(d.hi, 0.75 + 1.959964 * se, 1e-15);
  /* weighted (tail sampling): w (b - a) = 2, 0, 2, 0; means of w a and w b 2 and 3 */
  double w4[] = {2, 0.5, 1, 0.5};
  ps_series wa = {PS_SERIES_VALUE, a4, NULL, w4}, wb = {PS_SERIES_VALUE, b4, NULL, w4};
  CHECK(ps_pair_runs(NULL, NULL, &wa, &wb, 1, 4, &d) == PS_OK);
  CHECK(d.a == 2 && d.b == 3 && d.diff == 1);
  CHECK_NEAR(d.se, sqrt(4.0 / 3 / 4), 1e-15); /* deviations 1, -1, 1, -1 */
  /* one path: no standard error; none: zeros */
  CHECK(ps_pair_runs(NULL, NULL, &sa, &sb, 1, 1, &d) == PS_OK);
  CHECK(d.diff == 1 && d.se == 0 && d.a == 1 && d.b == 2);
  CHECK(ps_pair_runs(NULL, NULL, &sa, &sb, 1, 0, &d) == PS_OK);
  CHECK(d.diff == 0 && d.se == 0 && d.a == 0 && d.b == 0);

  /* the kinds: a pool's net outlay (paid - recovered), minus a net result, ints > 0 and != 0, none */
  double paid[] = {5, 1, 0}, recovered[] = {2, 1, 0.5};
  int depleted[] = {3, 0, -1};
  ps_series kinds[] = {{PS_SERIES_DIFF, paid, recovered, NULL}, {PS_SERIES_NEGATED, paid, NULL, NULL},
                       {PS_SERIES_POSITIVE, depleted, NULL, NULL}, {PS_SERIES_NONZERO, depleted, NULL, NULL},
                       {PS_SERIES_ZERO, NULL, NULL, NULL}, {PS_SERIES_VALUE, recovered, NULL, NULL}};
  double want[][3] = {{3, 0, -0.5}, {-5, -1, -0.0}, {1, 0, 0}, {1, 0, 1}, {0, 0, 0}, {2, 1, 0.5}};
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    for (size_t i = 0; i < 3; i++) CHECK(same_bits(ps_series_at(&kinds[k], i), want[k][i]));

  /* 10 007 paths of values over many magnitudes (sums that round): one loop, blocks of every rank
  ** count 1..5 (unequal, one empty), and the studies' former loop give the same bits */
  enum { N = 10007 };
  double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y), *z = malloc(N * sizeof *z);
  double *lr = malloc(N * sizeof *lr);
  int *flag = malloc(N * sizeof *flag);
  uint64_t st = 7;
  for (long i = 0; i < N; i++) {
    double scale = ldexp(1, (int)(next_u64(&st) % 60) - 20);
    x[i] = (double)(next_u64(&st) >> 11) * 0x1p-53 * scale;
    y[i] = x[i] + ((double)(next_u64(&st) >> 11) * 0x1p-53 - 0.4) * scale;
    z[i] = next_u64(&st) % 3 == 0 ? 0 : (double)(next_u64(&st) >> 11) * 0x1p-40;
    flag[i] = (int)(next_u64(&st) % 4) - 1;
    lr[i] = exp(3 * ((double)(next_u64(&st) >> 11) * 0x1p-53 - 0.7));
  }
  /* the fourth pair weighted by likelihood ratios (tail sampling) */
  ps_series as[] = {{PS_SERIES_VALUE, x, NULL, NULL}, {PS_SERIES_DIFF, x, z, NULL}, {PS_SERIES_POSITIVE, flag, NULL, NULL},
                    {PS_SERIES_DIFF, x, z, lr}};
  ps_series bs[] = {{PS_SERIES_VALUE, y, NULL, NULL}, {PS_SERIES_DIFF, y, z, NULL}, {PS_SERIES_NONZERO, flag, NULL, NULL},
                    {PS_SERIES_DIFF, y, z, lr}};
  ps_difference whole[4], split[4];
  CHECK(ps_pair_runs(NULL, NULL, as, bs, 4, N, whole) == PS_OK);
  double *xd = malloc(N * sizeof *xd), *yd = malloc(N * sizeof *yd);
  for (int k = 0; k < 4; k++) { /* the series written out, as the studies kept them */
    for (long i = 0; i < N; i++) {
      xd[i] = ps_series_at(&as[k], (size_t)i);
      yd[i] = ps_series_at(&bs[k], (size_t)i);
    }
    CHECK(same_diff(whole[k], reference(xd, yd, N)));
  }
  CHECK(whole[0].se > 0 && whole[1].se > 0 && whole[2].se > 0);
  CHECK(!same_diff(whole[3], whole[1])); /* the weights count */
  long sizes[5][5] = {{N}, {5004, 5003}, {3336, 0, 6671}, {1, 2, 3, N - 6}, {2002, 2002, 2001, 2001, 2001}};
  for (int nb = 1; nb <= 5; nb++) {
    blocks_host h = {.host = {.pair = blocks_pair}, .sizes = sizes[nb - 1], .nblocks = nb};
    CHECK(ps_pair_runs(&h.host, &h.host, as, bs, 4, N, split) == PS_OK);
    for (int k = 0; k < 4; k++) CHECK(same_diff(split[k], whole[k]));
    /* over a prefix of the paths (an interrupted run): the prefix's loop */
    CHECK(ps_pair_runs(&h.host, &h.host, as, bs, 4, 4000, split) == PS_OK);
    CHECK(ps_pair_runs(NULL, NULL, as, bs, 4, 4000, whole) == PS_OK);
    for (int k = 0; k < 4; k++) CHECK(same_diff(split[k], whole[k]));
    CHECK(ps_pair_runs(NULL, NULL, as, bs, 4, N, whole) == PS_OK);
  }
  /* a different order of the same paths would give other bits: the sums are in path order */
  double *xr = malloc(N * sizeof *xr), *yr = malloc(N * sizeof *yr);
  for (long i = 0; i < N; i++) xr[i] = x[N - 1 - i], yr[i] = y[N - 1 - i];
  ps_series ar = {PS_SERIES_VALUE, xr, NULL, NULL}, br = {PS_SERIES_VALUE, yr, NULL, NULL};
  CHECK(ps_pair_runs(NULL, NULL, &ar, &br, 1, N, split) == PS_OK);
  CHECK(!same_diff(split[0], whole[0]));
  CHECK_NEAR(split[0].diff, whole[0].diff, 1e-9 * fabs(whole[0].diff) + 1e-300);
  free(x);
  free(y);
  free(z);
  free(flag);
  free(lr);
  free(xd);
  free(yd);
  free(xr);
  free(yr);
  return check_summary("test_paired");
}
