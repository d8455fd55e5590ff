/* select.h — several order statistics of an array at once, without sorting it.
**
** The unweighted statistics of a column read a few of its order statistics (six quantiles, ES's two
** thresholds, a sizing answer and its interval): a quickselect that follows only the sides holding a
** rank asked for finds them all in a few linear passes, where a sort costs one pass per varying byte of
** every value. The values found are order statistics, the same whatever the method: a value equal to
** another has the same bits, except 0.0 and -0.0, which select.c reports as 0.0 (what the sorted
** column, stats.h ps_sort_doubles, holds). */
#ifndef PS_SELECT_H
#define PS_SELECT_H

#include <stddef.h>

/* at most this many ranks are asked for together */
#define PS_SELECT_RANKS 16

/* ps_select_ranks — reorders x[0..n-1] so that for each 0-based rank ks[j] < n (nk <= PS_SELECT_RANKS,
** any order, repeats allowed) x[ks[j]] holds the ks[j]-th smallest value with none above it before it
** and none below it after it (so x[k..n) are the n - k largest values); out[j] is that value, 0.0 for
** either zero (out may be NULL). NaN-free x. PS_OK, or PS_ERUNTIME when out of memory (the rare
** fallback to a sort of a part, after too many unlucky pivots) */
int ps_select_ranks(double *x, size_t n, const size_t *ks, size_t nk, double *out);

#endif
