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
  uint64_t top = digit_at(s, h); /* not 0: limb h is not, and its digit is it */
  int bits = 1;                    /* top's bits: at least one, so the shift below is below 64 */
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
  ps_exact_add_values(&s, x, n);
  return ps_exact_value(&s);
}

/* ---- by exponent ---------------------------------------------------------------------------------
** A long array is summed in two steps. First each nonzero term x = (-1)^sign mant 2^(p - 1074)
** (ps_exact_add's form: mant < 2^53, p = biased exponent - 1, 0 for a subnormal) adds mant to acc[sign
** and biased exponent] (the top 12 bits of x), a 128-bit integer: acc[k] then holds exactly the sum of
** the mantissas of the terms whose top bits are k (mant < 2^53, so up to 2^74 terms keep it below 2^127,
** as fold's signed reading of it needs), and sum x = sum_k (-1)^sign(k) acc[k] 2^(p(k) - 1074) exactly. Then each acc[k] is added to the
** limbs at bit p(k), exactly (fold): five 32-bit digits of acc[k] << (p mod 32), each moving a limb by
** less than 2^32 as ps_exact_add's three do. So *s ends holding the same exact sum as ps_exact_add of
** every term, and rounds to the same double. A term with biased exponent 0x7ff (infinite or NaN)
** cannot be folded: the group holding it (exponents from 0x7c0, past 2^960) is found marked, and that
** array is summed by ps_exact_add again. */

/* shorter arrays: ps_exact_add term by term */
#define BY_EXPONENT_MIN 32

typedef struct {
  unsigned __int128 acc[4096]; /* group g (acc[64 g .. 64 g + 63]) is set to zero when first added to */
  uint64_t used;               /* bit g: group g was added to */
} by_exponent;

/* the groups that may hold an infinity or a NaN: top bits 0x7c0..0x7ff and 0xfc0..0xfff */
#define SPECIAL_GROUPS (1ULL << 31 | 1ULL << 63)

static inline void bucket_add(by_exponent *b, double x) {
  if (x == 0) return; /* zeros are common (a column of what rarely happens) */
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  unsigned k = (unsigned)(bits >> 52);
  uint64_t group = 1ULL << (k >> 6), mant = (bits & ((1ULL << 52) - 1)) | 1ULL << 52;
  if (!(b->used & group)) {
    memset(&b->acc[k & ~63u], 0, 64 * sizeof b->acc[0]);
    b->used |= group;
  }
  if (!(k & 0x7ff)) mant ^= 1ULL << 52; /* subnormal: no hidden bit */
  b->acc[k] += mant;
}

/* add acc * 2^p (in units of 2^-1074) to *s, p <= 2045 */
static void fold_one(ps_exact_sum *s, __int128 acc, int p) {
  int neg = acc < 0, i = p / 32, off = p % 32;
  unsigned __int128 u = neg ? -(unsigned __int128)acc : (unsigned __int128)acc;
  uint64_t top = off ? (uint64_t)(u >> (128 - off)) : 0; /* the bits shifted past 128: below 2^31 (u < 2^127) */
  u <<= off;
  for (int k = 0; k < 5; k++) {
    int64_t d = (int64_t)(k < 4 ? (uint64_t)(u >> (32 * k)) & MASK : top);
    s->limb[i + k] += neg ? -d : d;
  }
  if (i < s->lo) s->lo = i;
  if (i + 4 > s->hi) s->hi = i + 4;
  if (i + 4 > s->top) s->top = i + 4;
  if (++s->pending >= (1L << 30)) ps_exact_carry(s);
}

/* the buckets of b into *s; 0 (nothing added to *s) when a term may have been infinite or NaN */
static int fold(ps_exact_sum *s, by_exponent *b) {
  if (b->used & SPECIAL_GROUPS) return 0;
  for (uint64_t used = b->used; used; used &= used - 1) {
    int g = __builtin_ctzll(used);
    for (int k = 64 * g; k < 64 * g + 64; k++) {
      int e = k & 0x7ff;
      if (b->acc[k]) fold_one(s, k >> 11 ? -(__int128)b->acc[k] : (__int128)b->acc[k], e ? e - 1 : 0);
    }
  }
  return 1;
}

void ps_exact_add_times(ps_exact_sum *s, double x, size_t n) {
  if (n == 0 || x == 0) return;
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  int biased = (int)((bits >> 52) & 0x7ff);
  if (biased == 0x7ff) { /* n of them sum to it: inf, or NaN */
    s->special += x;
    return;
  }
  /* n mant < 2^117: one bucket's sum, folded as fold does */
  __int128 acc = (__int128)((bits & ((1ULL << 52) - 1)) | (biased ? 1ULL << 52 : 0)) * (__int128)n;
  fold_one(s, bits >> 63 ? -acc : acc, biased ? biased - 1 : 0);
}

void ps_exact_add_values(ps_exact_sum *s, const double *x, size_t n) {
  if (n >= BY_EXPONENT_MIN) {
    by_exponent b;
    b.used = 0;
    for (size_t i = 0; i < n; i++) bucket_add(&b, x[i]);
    if (fold(s, &b)) return;
  }
  for (size_t i = 0; i < n; i++) ps_exact_add(s, x[i]);
}

void ps_exact_add_squares(ps_exact_sum *s, const double *x, size_t n, double c) {
  if (n >= BY_EXPONENT_MIN) {
    by_exponent b;
    b.used = 0;
    for (size_t i = 0; i < n; i++) bucket_add(&b, (x[i] - c) * (x[i] - c));
    if (fold(s, &b)) return;
  }
  for (size_t i = 0; i < n; i++) ps_exact_add(s, (x[i] - c) * (x[i] - c));
}
