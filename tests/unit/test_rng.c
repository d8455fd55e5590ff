/* test_rng.c — per-path streams: reproducible, distinct, and uniform. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <stdlib.h>

#include "check.h"
#include "sim/rng.h"

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

int main(void) {
  gsl_set_error_handler_off();
  gsl_rng *a = ps_rng_new(), *b = ps_rng_new();
  CHECK(a && b);

  /* the same (seed, path, purpose) replays the same numbers */
  ps_rng_seed_stream(a, 42, 7, PS_STREAM_DEFAULTS);
  ps_rng_seed_stream(b, 42, 7, PS_STREAM_DEFAULTS);
  int same = 1;
  for (int i = 0; i < 1000; i++) same &= gsl_rng_get(a) == gsl_rng_get(b);
  CHECK(same);

  /* neighbouring paths, purposes and seeds start differently */
  ps_rng_seed_stream(b, 42, 8, PS_STREAM_DEFAULTS);
  ps_rng_seed_stream(a, 42, 7, PS_STREAM_DEFAULTS);
  CHECK(gsl_rng_get(a) != gsl_rng_get(b));
  CHECK(ps_rng_stream_key(42, 7, PS_STREAM_FACTORS) != ps_rng_stream_key(42, 7, PS_STREAM_DEFAULTS));
  CHECK(ps_rng_stream_key(42, 7, PS_STREAM_FACTORS) != ps_rng_stream_key(43, 7, PS_STREAM_FACTORS));

  /* no two of a million paths share a key (a 32-bit seed would collide ~100 times) */
  size_t n = 1000000;
  uint64_t *keys = malloc(n * sizeof *keys);
  for (size_t i = 0; i < n; i++) keys[i] = ps_rng_stream_key(1, i, PS_STREAM_DEFAULTS);
  qsort(keys, n, sizeof *keys, cmp_u64);
  size_t dup = 0;
  for (size_t i = 1; i < n; i++) dup += keys[i] == keys[i - 1];
  CHECK_EQ_INT(dup, 0);
  free(keys);

  /* uniform doubles: mean within 5 standard errors (1/sqrt(12 n)); a 64-bin
  ** chi-square below its 1 - 1e-6 quantile (false failure ~1e-6) */
  ps_rng_seed_stream(a, 2024, 0, PS_STREAM_FACTORS);
  size_t m = 1000000, bins[64] = {0};
  double sum = 0;
  int in_range = 1;
  for (size_t i = 0; i < m; i++) {
    double u = gsl_rng_uniform(a);
    in_range &= u >= 0 && u < 1;
    sum += u;
    bins[(int)(u * 64)]++;
  }
  CHECK(in_range);
  CHECK_NEAR(sum / (double)m, 0.5, 5 / sqrt(12.0 * (double)m));
  double chi2 = 0, e = (double)m / 64;
  for (int i = 0; i < 64; i++) chi2 += ((double)bins[i] - e) * ((double)bins[i] - e) / e;
  CHECK(chi2 < gsl_cdf_chisq_Qinv(1e-6, 63));

  /* integers cover GSL's declared range [0, 2^32 - 1] */
  CHECK_EQ_INT(gsl_rng_max(a), 0xffffffffUL);
  CHECK_EQ_INT(gsl_rng_min(a), 0);
  unsigned long hi = 0;
  for (int i = 0; i < 100000; i++) {
    unsigned long v = gsl_rng_get(a);
    if (v > hi) hi = v;
  }
  CHECK(hi > 0xff000000UL && hi <= 0xffffffffUL);

  /* ps_rng_uniform_int draws what gsl_rng_uniform_int draws, from the same state: two generators on
  ** one stream, the same integer each call and the same next number after, for n small, odd, a power
  ** of two, near 2^31 (where GSL rejects almost half its draws) and at GSL's limit 2^32 - 1 */
  const unsigned long ns[] = {1, 2, 3, 7, 12, 1000, 1UL << 20, (1UL << 31) + 1, 0xfffffffeUL, 0xffffffffUL};
  ps_rng_seed_stream(a, 7, 3, PS_STREAM_DEFAULTS);
  ps_rng_seed_stream(b, 7, 3, PS_STREAM_DEFAULTS);
  int same_int = 1, below = 1;
  for (int k = 0; k < 20000; k++) {
    unsigned long n = ns[k % 10], x = ps_rng_uniform_int(a, n), y = gsl_rng_uniform_int(b, n);
    same_int &= x == y;
    below &= x < n;
  }
  CHECK(same_int && below);
  CHECK(gsl_rng_get(a) == gsl_rng_get(b));
  /* another generator type: GSL's own draw */
  gsl_rng *c = gsl_rng_alloc(gsl_rng_mt19937), *d = gsl_rng_alloc(gsl_rng_mt19937);
  for (unsigned long k = 1; k <= 1000; k++) same_int &= ps_rng_uniform_int(c, k) == gsl_rng_uniform_int(d, k);
  CHECK(same_int);
  gsl_rng_free(c);
  gsl_rng_free(d);

  gsl_rng_free(a);
  gsl_rng_free(b);
  return check_summary("test_rng");
}
