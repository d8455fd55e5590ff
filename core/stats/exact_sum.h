/* exact_sum.h — sums of doubles without rounding error, in any order.
**
** A ps_exact_sum holds the exact sum of the doubles added to it as a fixed-point number whose
** units are 2^-1074 (the smallest subnormal) and whose range passes DBL_MAX: 68 limbs of 32 bits,
** each kept in an int64 so that additions need no carry until 2^30 of them have been made. The
** sum is rounded once, to the nearest double (ties to even), when it is read. So the result does
** not depend on the order of the terms, nor on how they were split between partial sums merged
** later (threads, MPI ranks): a mean summed this way is the same bits whatever the paths' order.
** Infinities and NaNs are summed apart in a double and make the result theirs. */
#ifndef PS_EXACT_SUM_H
#define PS_EXACT_SUM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PS_EXACT_LIMBS 68

typedef struct {
  int64_t limb[PS_EXACT_LIMBS]; /* the sum is sum limb[i] * 2^(32 i - 1074) */
  int lo, hi;                   /* the limbs touched since the last normalisation: lo..hi (lo > hi: none) */
  int top;                      /* no limb above it is nonzero */
  long pending;                 /* additions since then */
  double special;               /* the sum of the non-finite terms (0: none) */
} ps_exact_sum;

/* ps_exact_init — *s to zero */
void ps_exact_init(ps_exact_sum *s);
/* ps_exact_carry — propagate the carries of the limbs touched since the last time (what
** ps_exact_add does every 2^30 additions; the sum is unchanged) */
void ps_exact_carry(ps_exact_sum *s);

/* ps_exact_add — add x to *s, exactly (inline: the statistics stage adds every path's value) */
static inline void ps_exact_add(ps_exact_sum *s, double x) {
  if (x == 0) return;
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  int biased = (int)((bits >> 52) & 0x7ff);
  if (biased == 0x7ff) { /* infinite or NaN */
    s->special += x;
    return;
  }
  uint64_t mant = (bits & ((1ULL << 52) - 1)) | (biased ? 1ULL << 52 : 0);
  /* x = +-mant * 2^(p - 1074): p = biased - 1 for a normal double, 0 for a subnormal */
  int p = biased ? biased - 1 : 0, i = p / 32, off = p % 32;
  int64_t d0 = (int64_t)((mant << off) & 0xffffffffULL), d1 = (int64_t)((mant << off >> 32) & 0xffffffffULL),
          d2 = (int64_t)(off ? mant >> (64 - off) : 0);
  if (bits >> 63) {
    d0 = -d0;
    d1 = -d1;
    d2 = -d2;
  }
  s->limb[i] += d0;
  s->limb[i + 1] += d1;
  s->limb[i + 2] += d2;
  if (i < s->lo) s->lo = i;
  if (i + 2 > s->hi) s->hi = i + 2;
  if (i + 2 > s->top) s->top = i + 2;
  if (++s->pending >= (1L << 30)) ps_exact_carry(s); /* each addition moves a limb by less than 2^32 */
}
/* ps_exact_merge — add the sum *from holds to *into, exactly */
void ps_exact_merge(ps_exact_sum *into, const ps_exact_sum *from);
/* ps_exact_value — the sum rounded to the nearest double (ties to even); -0.0 never (an exact
** zero is +0.0); +-inf past DBL_MAX. It propagates *s's carries (the sum it holds is unchanged),
** so reading a running sum after each term stays cheap */
double ps_exact_value(ps_exact_sum *s);

/* ps_exact_sum_of — x[0..n-1] summed exactly, rounded once */
double ps_exact_sum_of(const double *x, size_t n);

/* ps_exact_add_values — add x[0..n-1] to *s, exactly (as ps_exact_add of each, fewer instructions a
** term for long arrays: exact_sum.c, "by exponent"); ps_exact_add_squares — add (x[i] - c) * (x[i] - c)
** over them, each square rounded as a double first (as ps_exact_add of each would take it) */
void ps_exact_add_values(ps_exact_sum *s, const double *x, size_t n);
/* ps_exact_add_times — add n copies of x to *s, exactly (the sum of a column of one value) */
void ps_exact_add_times(ps_exact_sum *s, double x, size_t n);
void ps_exact_add_squares(ps_exact_sum *s, const double *x, size_t n, double c);

#endif
