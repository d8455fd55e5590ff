/* sparse_perm.h — drawing items without replacement from 0..n-1 at a cost per
** draw, not per item: a Fisher-Yates shuffle whose array is virtual (identity)
** except where it has been swapped, kept in a small hash map. The tape draws take the
** candidates to default at uniform positions (a rejected candidate is put back), so a
** path's cost stays with its defaults. */
#ifndef PS_SPARSE_PERM_H
#define PS_SPARSE_PERM_H

#include <stdint.h>

#include "poolsim/poolsim.h"

typedef struct {
  int64_t key, value; /* together: a lookup touches one cache line */
} ps_sparse_slot;

typedef struct {
  int64_t n;           /* items not yet drawn */
  ps_sparse_slot *slot;
  int64_t *used;       /* slots in use, to clear them in O(draws) */
  int64_t nused, cap;  /* cap: slots, a power of two */
} ps_sparse_perm;

/* ps_sparse_perm_reset — start (again) with items 0..n-1; PS_OK, or PS_ERUNTIME when out of memory */
int ps_sparse_perm_reset(ps_sparse_perm *p, int64_t n);
/* ps_sparse_perm_at — the remaining item at position k in 0..n-1 (to visit them all) */
int64_t ps_sparse_perm_at(const ps_sparse_perm *p, int64_t k);
/* ps_sparse_perm_take — remove and return the item at position k in 0..n-1 (the last one moves there,
** so visiting positions from n-1 down sees each item once); -1 when out of memory */
int64_t ps_sparse_perm_take(ps_sparse_perm *p, int64_t k);
/* ps_sparse_perm_put_back — return a drawn item to the remaining ones; PS_OK, or PS_ERUNTIME when out
** of memory */
int ps_sparse_perm_put_back(ps_sparse_perm *p, int64_t item);
/* ps_sparse_perm_destroy — free what *p holds and zero it (a zeroed
** ps_sparse_perm is empty; ps_sparse_perm_reset fills it) */
void ps_sparse_perm_destroy(ps_sparse_perm *p);

#endif
