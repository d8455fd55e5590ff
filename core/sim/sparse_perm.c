/* sparse_perm.c — a Fisher-Yates shuffle undone from a log of the positions it wrote. */
#include "sim/sparse_perm.h"

#include <stdlib.h>

/* position k now holds item v, logged for the next reset; PS_OK, or PS_ERUNTIME when out of memory */
static int set(ps_sparse_perm *p, int64_t k, int64_t v) {
  if (p->nwritten == p->capwritten) {
    int64_t cap = p->capwritten ? 2 * p->capwritten : 64;
    int64_t *grown = realloc(p->written, (size_t)cap * sizeof *grown);
    if (!grown) return PS_ERUNTIME;
    p->written = grown;
    p->capwritten = cap;
  }
  p->written[p->nwritten++] = k;
  p->item[k] = (int32_t)v;
  return PS_OK;
}

/* ps_sparse_perm_reset — start (again) with items 0..n-1; PS_OK, or PS_ERUNTIME when out of memory
** (or n past what an int holds) */
int ps_sparse_perm_reset(ps_sparse_perm *p, int64_t n) {
  for (int64_t j = 0; j < p->nwritten; j++) p->item[p->written[j]] = (int32_t)p->written[j];
  p->nwritten = 0;
  if (n > p->size) {
    if (n > INT32_MAX) return PS_ERUNTIME;
    int32_t *grown = realloc(p->item, (size_t)n * sizeof *grown);
    if (!grown) return PS_ERUNTIME;
    for (int64_t k = p->size; k < n; k++) grown[k] = (int32_t)k;
    p->item = grown;
    p->size = n;
  }
  p->n = n;
  return PS_OK;
}

int64_t ps_sparse_perm_at(const ps_sparse_perm *p, int64_t k) { return p->item[k]; }

/* ps_sparse_perm_take — remove and return the item at position k in 0..n-1 (the last one moves there,
** so visiting positions from n-1 down sees each item once); -1 when out of memory */
int64_t ps_sparse_perm_take(ps_sparse_perm *p, int64_t k) {
  int64_t last = p->n - 1, item = p->item[k];
  if (k != last && set(p, k, p->item[last])) return -1;
  p->n--;
  return item;
}

/* ps_sparse_perm_put_back — return a drawn item: positions 0..n-1 always hold exactly the
** remaining items, so append it at n (n < size: it was drawn); PS_OK, or PS_ERUNTIME when out of
** memory */
int ps_sparse_perm_put_back(ps_sparse_perm *p, int64_t item) {
  if (p->n >= p->size || set(p, p->n, item)) return PS_ERUNTIME;
  p->n++;
  return PS_OK;
}

/* ps_sparse_perm_destroy — free what *p holds and zero it (a zeroed ps_sparse_perm is empty;
** ps_sparse_perm_reset fills it) */
void ps_sparse_perm_destroy(ps_sparse_perm *p) {
  free(p->item);
  free(p->written);
  *p = (ps_sparse_perm){0};
}
