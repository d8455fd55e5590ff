/* exact_sum.c — exact sums of doubles (exact_sum.h). */
#include "stats/exact_sum.h"

#include <math.h>
#include <string.h>

#define MASK 0xffffffffULL
#define DIGIT_SIZE (INT64_C(1) << 32) /* a limb holds a digit below it */
#define TOP (PS_EXACT_LIMBS - 1)

void ps_exact_init(ps_exact_sum *s) {
  memset(s->limb, 0, sizeof s->limb);
  s->lo = PS_EXACT_LIMBS;
  s->hi = -1;
  s->top = 0;
  s->pending = 0;
  s->special = 0;
}

/* carries from limbs lo.. upwards, until none is left past hi: every limb below TOP then holds a
** digit in [0, 2^32), and TOP the signed rest */
static void normalise(ps_exact_sum *s, int lo, int hi) {
  int64_t carry = 0;
  int i = lo;
  for (; i < TOP && (i <= hi || carry != 0); i++) {
    int64_t v = s->limb[i] + carry, digit = (int64_t)((uint64_t)v & MASK);
    carry = (v - digit) / DIGIT_SIZE; /* exact: v - digit is a multiple of 2^32 */
    s->limb[i] = digit;
  }
  if (carry) s->limb[TOP] += carry, i = TOP;
  if (i > s->top) s->top = i < TOP ? i : TOP;
  s->lo = PS_EXACT_LIMBS;
  s->hi = -1;
  s->pending = 0;
}

void ps_exact_carry(ps_exact_sum *s) { normalise(s, s->lo, s->hi); }

void ps_exact_merge(ps_exact_sum *into, const ps_exact_sum *from) {
  ps_exact_sum f = *from;
  normalise(&f, 0, TOP);
  normalise(into, 0, TOP);
  for (int i = 0; i < PS_EXACT_LIMBS; i++) into->limb[i] += f.limb[i];
  into->lo = 0;
  into->hi = TOP;
  into->top = TOP;
  into->pending = 1;
  into->special += f.special;
}

/* a limb's digit, 0 below the first */
static uint64_t digit_at(const ps_exact_sum *s, int i) { return i >= 0 ? (uint64_t)s->limb[i] : 0; }

/* the sum of normalised *s (its digits) rounded to the nearest double */
static double rounded(const ps_exact_sum *s, int h);

double ps_exact_value(ps_exact_sum *s) {
  if (s->special != 0 || isnan(s->special)) return s->special;
  normalise(s, s->lo, s->hi); /* the limbs not touched since the last one hold digits already */
  if (s->limb[TOP] < 0) { /* negative: round the magnitude */
    ps_exact_sum m = *s;
    for (int i = 0; i < PS_EXACT_LIMBS; i++) m.limb[i] = -m.limb[i];
    normalise(&m, 0, TOP);
    return -rounded(&m, TOP);
  }
  return rounded(s, s->top);
}

static double rounded(const ps_exact_sum *s, int h) {
  while (h >= 0 && s->limb[h] == 0) h--;
  if (h < 0) return 0.0;
  /* the 64 bits from the highest one down, the bits below them folded into the lowest (sticky): it
  ** lies 11 places below a double's last bit, so one rounding of it is the nearest double */
  uint64_t top = digit_at(s, h);
  int bits = 0;
  while (bits < 32 && (top >> bits) != 0) bits++;
  uint64_t u = top << (64 - bits) | digit_at(s, h - 1) << (32 - bits) | (bits < 32 ? digit_at(s, h - 2) >> bits : 0);
  int sticky = (digit_at(s, h - 2) & ((1ULL << bits) - 1)) != 0;
  for (int i = h - 3; !sticky && i >= 0; i--) sticky = s->limb[i] != 0;
  u |= (uint64_t)sticky;
  return ldexp((double)u, 32 * (h - 2) - 1074 + bits);
}

double ps_exact_sum_of(const double *x, size_t n) {
  ps_exact_sum s;
  ps_exact_init(&s);
  for (size_t i = 0; i < n; i++) ps_exact_add(&s, x[i]);
  return ps_exact_value(&s);
}
