/* sparse_perm.c — a virtual Fisher-Yates shuffle over a hash map. */
#include "sim/sparse_perm.h"

#include <stdlib.h>

#define EMPTY INT64_MIN

/* the slot for key (found, or the empty one where it would go) */
static int64_t slot_of(const ps_sparse_perm *p, int64_t key) {
  uint64_t h = (uint64_t)key * 0x9e3779b97f4a7c15ULL;
  int64_t i = (int64_t)(h >> 32) & (p->cap - 1);
  while (p->slot[i].key != EMPTY && p->slot[i].key != key) i = (i + 1) & (p->cap - 1);
  return i;
}

/* the item at virtual position k */
static int64_t get(const ps_sparse_perm *p, int64_t k) {
  int64_t i = slot_of(p, k);
  return p->slot[i].key == EMPTY ? k : p->slot[i].value;
}

static int grow(ps_sparse_perm *p);

/* virtual position k now holds item v; PS_OK, or PS_ERUNTIME when out of memory */
static int set(ps_sparse_perm *p, int64_t k, int64_t v) {
  if (2 * (p->nused + 1) > p->cap && grow(p)) return PS_ERUNTIME;
  int64_t i = slot_of(p, k);
  if (p->slot[i].key == EMPTY) {
    p->slot[i].key = k;
    p->used[p->nused++] = i;
  }
  p->slot[i].value = v;
  return PS_OK;
}

/* double the table and re-insert what it holds; PS_OK, or PS_ERUNTIME when out of memory */
static int grow(ps_sparse_perm *p) {
  ps_sparse_perm old = *p;
  int64_t cap = old.cap ? 2 * old.cap : 64;
  p->slot = malloc((size_t)cap * sizeof *p->slot);
  p->used = malloc((size_t)cap * sizeof *p->used);
  if (!p->slot || !p->used) {
    free(p->slot);
    free(p->used);
    *p = old;
    return PS_ERUNTIME;
  }
  p->cap = cap;
  p->nused = 0;
  for (int64_t i = 0; i < cap; i++) p->slot[i].key = EMPTY;
  for (int64_t j = 0; j < old.nused; j++) {
    int64_t i = slot_of(p, old.slot[old.used[j]].key);
    p->slot[i] = old.slot[old.used[j]];
    p->used[p->nused++] = i;
  }
  free(old.slot);
  free(old.used);
  return PS_OK;
}

/* ps_sparse_perm_reset — start (again) with items 0..n-1; PS_OK, or PS_ERUNTIME when out of memory */
int ps_sparse_perm_reset(ps_sparse_perm *p, int64_t n) {
  for (int64_t j = 0; j < p->nused; j++) p->slot[p->used[j]].key = EMPTY;
  p->nused = 0;
  p->n = n;
  return p->cap ? PS_OK : grow(p);
}

int64_t ps_sparse_perm_at(const ps_sparse_perm *p, int64_t k) { return get(p, k); }

/* ps_sparse_perm_take — remove and return the item at position k in 0..n-1 (the last one moves there,
** so visiting positions from n-1 down sees each item once); -1 when out of memory */
int64_t ps_sparse_perm_take(ps_sparse_perm *p, int64_t k) {
  int64_t last = p->n - 1, item = get(p, k);
  if (k != last && set(p, k, get(p, last))) return -1;
  p->n--;
  return item;
}

/* ps_sparse_perm_put_back — return a drawn item: positions 0..n-1 always hold exactly the
** remaining items, so append it at n; PS_OK, or PS_ERUNTIME when out of memory */
int ps_sparse_perm_put_back(ps_sparse_perm *p, int64_t item) {
  if (set(p, p->n, item)) return PS_ERUNTIME;
  p->n++;
  return PS_OK;
}

/* ps_sparse_perm_destroy — free what *p holds and zero it (a zeroed ps_sparse_perm is empty;
** ps_sparse_perm_reset fills it) */
void ps_sparse_perm_destroy(ps_sparse_perm *p) {
  free(p->slot);
  free(p->used);
  *p = (ps_sparse_perm){0};
}
