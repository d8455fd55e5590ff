/* test_split_memo.c — the split memo (sim/split_memo.h) gives back what it was given for the same
** inputs, bit for bit, and nothing for others: a hand-computed split kept and found again; a key
** differing in the total, in one weight, or only in a weight's sign bit (-0.0 against 0.0) is not
** found; slots are independent; a key of fen (a recovery's) is found for the same integers only and
** never mistaken for a key of weights; a tag stands for the weights only until the next key; clearing
** forgets every answer. Then 20 000 random splits run
** through a memo as claims.c uses it (find, else compute with ps_split_fen and keep) give exactly
** what ps_split_fen gives, with both hits and misses among them. */
#include <gsl/gsl_rng.h>

#include "check.h"
#include "sim/programme.h"
#include "sim/split_memo.h"

int main(void) {
  ps_split_memo m;
  CHECK_EQ_INT(ps_split_memo_init(&m, 3, 4), 0);
  /* 100 fen by 1 : 1 : 1 -> 33, 33, 33 and the leftover fen to the first: 34, 33, 33 */
  double w[3] = {1, 1, 1};
  int64_t out[3];
  ps_split_fen(100, w, 3, out);
  CHECK(out[0] == 34 && out[1] == 33 && out[2] == 33);
  CHECK(!ps_split_memo_hit(&m, 1, 100, w, 3)); /* empty */
  ps_split_memo_keep(&m, 1, 100, w, 3);
  ps_split_memo_copy(ps_split_memo_parts(&m, 1), out, 3);
  m.extra[1] = 7;
  CHECK(ps_split_memo_hit(&m, 1, 100, w, 3));
  const int64_t *kept = ps_split_memo_parts(&m, 1);
  CHECK(kept[0] == 34 && kept[1] == 33 && kept[2] == 33 && m.extra[1] == 7);
  CHECK(!ps_split_memo_hit(&m, 1, 101, w, 3)); /* another total */
  double other[3] = {1, 1, 1.0000000000000002};
  CHECK(!ps_split_memo_hit(&m, 1, 100, other, 3)); /* one weight one ulp off */
  CHECK(!ps_split_memo_hit(&m, 0, 100, w, 3) && !ps_split_memo_hit(&m, 2, 100, w, 3)); /* other slots */
  double zero[2] = {0.0, 1}, negative_zero[2] = {-0.0, 1};
  ps_split_memo_keep(&m, 2, 5, zero, 2);
  CHECK(ps_split_memo_hit(&m, 2, 5, zero, 2) && !ps_split_memo_hit(&m, 2, 5, negative_zero, 2));
  ps_split_memo_keep(&m, 0, 9, NULL, 0); /* a key of a total alone (fractions of an amount) */
  ps_split_memo_fractions(&m, 0)[0] = 0.25;
  CHECK(ps_split_memo_hit(&m, 0, 9, NULL, 0) && !ps_split_memo_hit(&m, 0, 8, NULL, 0));
  CHECK(ps_split_memo_fractions(&m, 0)[0] == 0.25);
  /* a tag stands for the weights it made (an amount whose fractions they are) */
  CHECK(!ps_split_memo_tag_hit(&m, 1, 100, 4000, 3)); /* kept without a tag */
  m.tag[1] = 4000;
  CHECK(ps_split_memo_tag_hit(&m, 1, 100, 4000, 3));
  CHECK(!ps_split_memo_tag_hit(&m, 1, 100, 4001, 3) && !ps_split_memo_tag_hit(&m, 1, 99, 4000, 3));
  CHECK(!ps_split_memo_tag_hit(&m, 1, 100, 4000, 2) && !ps_split_memo_tag_hit(&m, 0, 100, 4000, 3));
  m.tag[2] = -1;
  CHECK(!ps_split_memo_tag_hit(&m, 2, 5, -1, 2)); /* no tag never stands for anything */
  ps_split_memo_keep(&m, 1, 100, w, 3); /* a new key forgets the tag */
  CHECK(!ps_split_memo_tag_hit(&m, 1, 100, 4000, 3) && ps_split_memo_hit(&m, 1, 100, w, 3));
  /* a key of fen (a recovery's: what each paid, then the excess paid and the exposure): found for the
  ** same integers only, and never taken for a key of weights with the same total, nor the other way */
  const int64_t paid[2] = {60, 40}, other_paid[2] = {60, 41};
  ps_split_memo_fen_keep(&m, 1, 100, paid, 2, 0, 200);
  ps_split_memo_copy(ps_split_memo_parts(&m, 1), out, 3);
  CHECK(ps_split_memo_fen_hit(&m, 1, 100, paid, 2, 0, 200));
  CHECK(ps_split_memo_parts(&m, 1)[0] == 34);
  CHECK(!ps_split_memo_fen_hit(&m, 1, 101, paid, 2, 0, 200) && !ps_split_memo_fen_hit(&m, 1, 100, other_paid, 2, 0, 200));
  CHECK(!ps_split_memo_fen_hit(&m, 1, 100, paid, 2, 1, 200) && !ps_split_memo_fen_hit(&m, 1, 100, paid, 2, 0, 199));
  CHECK(!ps_split_memo_fen_hit(&m, 1, 100, paid, 1, 40, 0)); /* fewer fen, the same numbers: another key */
  CHECK(!ps_split_memo_hit(&m, 1, 100, w, 3) && !ps_split_memo_fen_hit(&m, 0, 100, paid, 2, 0, 200));
  ps_split_memo_keep(&m, 1, 100, w, 3);
  CHECK(!ps_split_memo_fen_hit(&m, 1, 100, paid, 2, 0, 200)); /* a key of weights replaced it */
  ps_split_memo_clear(&m, 3);
  CHECK(!ps_split_memo_hit(&m, 0, 9, NULL, 0) && !ps_split_memo_hit(&m, 1, 100, w, 3));

  /* random splits through the memo, as claims.c runs them, against ps_split_fen itself: weights
  ** and totals from a few values each, so inputs repeat (hits) and change (misses) */
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 5);
  const double values[] = {0, 1.0 / 3, 120000};
  long hits = 0, misses = 0, wrong = 0;
  for (int k = 0; k < 20000; k++) {
    int slot = (int)gsl_rng_uniform_int(r, 3), n = 1 + (int)gsl_rng_uniform_int(r, 3);
    double x[4];
    for (int i = 0; i < n; i++) x[i] = values[gsl_rng_uniform_int(r, 3)];
    x[0] += 0.5; /* not all zero */
    int64_t total = (int64_t)gsl_rng_uniform_int(r, 2) * 99991, want[4], got[4];
    ps_split_fen(total, x, n, want);
    if (ps_split_memo_hit(&m, slot, total, x, n)) {
      ps_split_memo_copy(got, ps_split_memo_parts(&m, slot), n);
      hits++;
    } else {
      ps_split_memo_keep(&m, slot, total, x, n);
      ps_split_fen(total, x, n, got);
      ps_split_memo_copy(ps_split_memo_parts(&m, slot), got, n);
      misses++;
    }
    for (int i = 0; i < n; i++) wrong += got[i] != want[i];
  }
  CHECK_EQ_INT(wrong, 0);
  if (hits < 100 || misses < 100) fprintf(stderr, "%ld hits, %ld misses\n", hits, misses);
  CHECK(hits >= 100 && misses >= 100);
  gsl_rng_free(r);
  ps_split_memo_destroy(&m);
  return check_summary("test_split_memo");
}
