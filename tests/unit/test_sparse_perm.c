/* test_sparse_perm.c — drawing without replacement: every item exactly once,
** uniformly, and again after a reset. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <stdlib.h>

#include "check.h"
#include "rng.h"
#include "sparse_perm.h"

int main(void) {
  gsl_set_error_handler_off();
  gsl_rng *r = ps_rng_alloc();
  ps_rng_seed_stream(r, 3, 0, PS_STREAM_DEFAULTS);
  ps_sparse_perm p = {0};

  /* a full draw is a permutation: each of n items once, then nothing */
  enum { N = 5000 };
  static int seen[N];
  CHECK_EQ_INT(ps_sparse_perm_reset(&p, N), 0);
  int ok = 1;
  for (int i = 0; i < N; i++) {
    int64_t x = ps_sparse_perm_draw(&p, r);
    ok &= x >= 0 && x < N && !seen[x];
    if (x >= 0 && x < N) seen[x] = 1;
  }
  CHECK(ok);
  CHECK_EQ_INT(ps_sparse_perm_draw(&p, r), -1);

  /* the first draw of 10 is uniform: chi-square over 200 000 resets, 9 df,
  ** below the 1 - 1e-6 quantile; the second draw never repeats the first */
  long counts[10] = {0};
  int repeat = 0;
  for (int k = 0; k < 200000; k++) {
    ps_sparse_perm_reset(&p, 10);
    int64_t a = ps_sparse_perm_draw(&p, r), b = ps_sparse_perm_draw(&p, r);
    counts[a]++;
    repeat |= a == b;
  }
  double chi2 = 0, e = 20000;
  for (int i = 0; i < 10; i++) chi2 += (counts[i] - e) * (counts[i] - e) / e;
  CHECK(chi2 < gsl_cdf_chisq_Qinv(1e-6, 9));
  CHECK(!repeat);
  /* a few draws from a huge set touch only as many slots as draws */
  ps_sparse_perm_reset(&p, 1000000000LL);
  for (int i = 0; i < 100; i++) CHECK(ps_sparse_perm_draw(&p, r) >= 0);
  CHECK(p.nused <= 100);
  ps_sparse_perm_free(&p);
  gsl_rng_free(r);
  return check_summary("test_sparse_perm");
}
