/* split_memo.c — the slots of a split memo (sim/split_memo.h). */
#include "sim/split_memo.h"

#include <stdlib.h>

#include "poolsim/poolsim.h"

int ps_split_memo_init(ps_split_memo *m, int nslots, int stride) {
  size_t n = (size_t)nslots + 1, cells = n * (size_t)stride;
  memset(m, 0, sizeof *m);
  m->stride = stride;
  m->ok = calloc(n, 1);
  m->total = calloc(n, sizeof *m->total);
  m->n = calloc(n, sizeof *m->n);
  m->tag = calloc(n, sizeof *m->tag);
  m->extra = calloc(n, sizeof *m->extra);
  m->key = calloc(cells, sizeof *m->key);
  m->parts = calloc(cells, sizeof *m->parts);
  m->fractions = calloc(cells, sizeof *m->fractions);
  m->fen_key = calloc(cells, sizeof *m->fen_key);
  return m->ok && m->total && m->n && m->tag && m->extra && m->key && m->parts && m->fractions && m->fen_key
             ? PS_OK
             : PS_ERUNTIME;
}

void ps_split_memo_destroy(ps_split_memo *m) {
  free(m->ok);
  free(m->total);
  free(m->n);
  free(m->tag);
  free(m->extra);
  free(m->key);
  free(m->parts);
  free(m->fractions);
  free(m->fen_key);
  memset(m, 0, sizeof *m);
}
