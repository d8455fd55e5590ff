/* test_sparse_perm.c — drawing without replacement: every item exactly once,
** uniformly, and again after a reset (which undoes only the positions written); items put back
** are drawn again, and visiting positions while taking some out sees every item once. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <stdlib.h>

#include "check.h"
#include "sim/rng.h"
#include "sim/sparse_perm.h"

/* one of the remaining items, uniformly (as the tape draws pick a position and take it); -1 when none
** is left or out of memory */
static int64_t draw(ps_sparse_perm *p, gsl_rng *r) {
  if (p->n <= 0) return -1;
  return ps_sparse_perm_take(p, (int64_t)gsl_rng_uniform_int(r, (unsigned long)p->n));
}

int main(void) {
  gsl_set_error_handler_off();
  gsl_rng *r = ps_rng_new();
  ps_rng_seed_stream(r, 3, 0, PS_STREAM_DEFAULTS);
  ps_sparse_perm p = {0};

  /* a full draw is a permutation: each of n items once, then nothing */
  enum { N = 5000 };
  static int seen[N];
  CHECK_EQ_INT(ps_sparse_perm_reset(&p, N), 0);
  int ok = 1;
  for (int i = 0; i < N; i++) {
    int64_t x = draw(&p, r);
    ok &= x >= 0 && x < N && !seen[x];
    if (x >= 0 && x < N) seen[x] = 1;
  }
  CHECK(ok);
  CHECK_EQ_INT(draw(&p, r), -1);

  /* the first draw of 10 is uniform: chi-square over 200 000 resets, 9 df,
  ** below the 1 - 1e-6 quantile; the second draw never repeats the first */
  long counts[10] = {0};
  int repeat = 0;
  for (int k = 0; k < 200000; k++) {
    ps_sparse_perm_reset(&p, 10);
    int64_t a = draw(&p, r), b = draw(&p, r);
    counts[a]++;
    repeat |= a == b;
  }
  double chi2 = 0, e = 20000;
  for (int i = 0; i < 10; i++) chi2 += (counts[i] - e) * (counts[i] - e) / e;
  CHECK(chi2 < gsl_cdf_chisq_Qinv(1e-6, 9));
  CHECK(!repeat);
  /* a few draws from a large set write (and log) at most one position each, and the next reset
  ** puts every position back to its own item, undoing only those */
  ps_sparse_perm_reset(&p, 1000000);
  for (int i = 0; i < 100; i++) CHECK(draw(&p, r) >= 0);
  CHECK(p.nwritten <= 100);
  CHECK_EQ_INT(ps_sparse_perm_reset(&p, 1000000), 0);
  CHECK_EQ_INT(p.nwritten, 0);
  ok = 1;
  for (int64_t k = 0; k < 1000000; k++) ok &= ps_sparse_perm_at(&p, k) == k;
  CHECK(ok);
  /* more items than a tape can have (an int's worth) are refused, not allocated */
  ps_sparse_perm big = {0};
  CHECK_EQ_INT(ps_sparse_perm_reset(&big, (int64_t)INT32_MAX + 1), PS_ERUNTIME);
  ps_sparse_perm_destroy(&big);

  /* draws with items put back (as thinning does): whatever was drawn and put back
  ** remains, whatever was kept is gone; positions 0..n-1 hold exactly the rest */
  static int drawn[N];
  ps_sparse_perm_reset(&p, N);
  int kept = 0;
  ok = 1;
  for (int round = 0; round < 50; round++) {
    int64_t batch[40];
    for (int i = 0; i < 40; i++) batch[i] = draw(&p, r);
    for (int i = 0; i < 40; i++) {
      if (batch[i] % 3 == 0) { /* kept out */
        drawn[batch[i]]++;
        kept++;
      } else ok &= ps_sparse_perm_put_back(&p, batch[i]) == 0;
    }
  }
  CHECK(ok);
  CHECK_EQ_INT(p.n, N - kept);
  static int present[N];
  for (int64_t k = 0; k < p.n; k++) present[ps_sparse_perm_at(&p, k)]++;
  ok = 1;
  for (int i = 0; i < N; i++) ok &= present[i] + drawn[i] == 1;
  CHECK(ok);
  /* visiting from the last position down, taking some out, sees each item once */
  static int visits[N];
  int64_t n_before = p.n, taken = 0;
  ok = 1;
  for (int64_t k = p.n - 1; k >= 0; k--) {
    int64_t x = ps_sparse_perm_at(&p, k);
    visits[x]++;
    if (x % 2 == 0) {
      ok &= ps_sparse_perm_take(&p, k) == x;
      taken++;
    }
  }
  for (int i = 0; i < N; i++) ok &= visits[i] == present[i];
  CHECK(ok);
  CHECK_EQ_INT(p.n, n_before - taken);
  ok = 1;
  for (int64_t k = 0; k < p.n; k++) ok &= ps_sparse_perm_at(&p, k) % 2 == 1;
  CHECK(ok);
  ps_sparse_perm_destroy(&p);
  gsl_rng_free(r);
  return check_summary("test_sparse_perm");
}
