/* sparse_perm.h — drawing items without replacement from 0..n-1 at a cost per
** draw, not per item: a Fisher-Yates shuffle over the items' array, whose positions
** written since the last reset are logged and put back to the identity by the next one.
** The tape draws take the candidates to default at uniform positions (a rejected
** candidate is put back), so a path's cost stays with its defaults. The array holds
** 4 bytes an item (a tape's groups together: 200 KB for 50 000 loans), small enough
** to stay in cache where a hash map of the swapped positions did not (bench/HISTORY.md). */
#ifndef PS_SPARSE_PERM_H
#define PS_SPARSE_PERM_H

#include <stdint.h>

#include "poolsim/poolsim.h"

typedef struct {
  int64_t n;                  /* items not yet drawn: positions 0..n-1 hold them */
  int32_t *item;              /* the item at each of the positions 0..size-1 (a tape's rows fit an int) */
  int64_t size;               /* the largest n reset with */
  int64_t *written;           /* the positions written since the last reset (maybe twice) */
  int64_t nwritten, capwritten;
} ps_sparse_perm;

/* ps_sparse_perm_reset — start (again) with items 0..n-1; PS_OK, or PS_ERUNTIME when out of memory or
** n is past what an int holds (more than a tape can have) */
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
