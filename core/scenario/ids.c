/* ids.c — see ids.h: open addressing with linear probing over FNV-1a hashes,
** grown to keep the table at most half full. */
#include "scenario/ids.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "poolsim/poolsim.h"

typedef struct {
  const char *id; /* NULL: an empty slot */
  int first[PS_ID_KINDS], count[PS_ID_KINDS];
} slot;

struct ps_ids {
  slot *slots;
  size_t size, used; /* size is a power of two */
};

static uint64_t hash(const char *s) {
  uint64_t h = 14695981039346656037ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

/* the slot holding id, or the empty slot where it would go */
static slot *lookup(const ps_ids *x, const char *id) {
  size_t mask = x->size - 1, i = (size_t)hash(id) & mask;
  while (x->slots[i].id && strcmp(x->slots[i].id, id) != 0) i = (i + 1) & mask;
  return &x->slots[i];
}

ps_ids *ps_ids_new(void) {
  ps_ids *x = calloc(1, sizeof *x);
  if (x && !(x->slots = calloc(x->size = 64, sizeof *x->slots))) {
    free(x);
    return NULL;
  }
  return x;
}

void ps_ids_free(ps_ids *x) {
  if (!x) return;
  free(x->slots);
  free(x);
}

/* twice the slots, every id moved to its new place */
static int grow(ps_ids *x) {
  ps_ids bigger = {calloc(x->size * 2, sizeof *x->slots), x->size * 2, x->used};
  if (!bigger.slots) return PS_ERUNTIME;
  for (size_t i = 0; i < x->size; i++)
    if (x->slots[i].id) *lookup(&bigger, x->slots[i].id) = x->slots[i];
  free(x->slots);
  *x = bigger;
  return PS_OK;
}

int ps_ids_add(ps_ids *x, const char *id, ps_id_kind kind, int index) {
  if (2 * (x->used + 1) > x->size && grow(x)) return PS_ERUNTIME;
  slot *s = lookup(x, id);
  if (!s->id) {
    s->id = id;
    for (int k = 0; k < PS_ID_KINDS; k++) s->first[k] = -1;
    x->used++;
  }
  if (s->first[kind] < 0) s->first[kind] = index;
  s->count[kind]++;
  return PS_OK;
}

int ps_ids_find(const ps_ids *x, const char *id, ps_id_kind kind) {
  const slot *s = lookup(x, id);
  return s->id ? s->first[kind] : -1;
}

int ps_ids_count(const ps_ids *x, const char *id, ps_id_kind kind) {
  const slot *s = lookup(x, id);
  if (!s->id) return 0;
  if (kind != PS_ID_KINDS) return s->count[kind];
  int n = 0;
  for (int k = 0; k < PS_ID_KINDS; k++) n += s->count[k];
  return n;
}
