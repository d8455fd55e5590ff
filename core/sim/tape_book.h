/* tape_book.h — the loan tapes' performing book and interest as exact running sums: a tape group's
** loans each hold, in fixed point (PS_TAPE_BOOK_ONE to a fen, path_state.c tape_book_init), a book of
** A - t B fen in period t and an interest (at the group's rate) of A' - t B' (B = B' = 0 for bullet
** loans; an amortizing loan owes (tenor - (t - first)) / tenor of its group's mean loan), and each
** programme keeps the sums of A, B, A' and B' over its loans at risk (path_state.h tape_run), as groups
** come at risk and leave (tape_defaults.c bucket_move) and lose loans to defaults. flows.c reads a
** period's book and interest from them instead of walking the groups (docs/model.md). Integers: the
** sums are exact and do not depend on the order. */
#ifndef PS_TAPE_BOOK_H
#define PS_TAPE_BOOK_H

#include <stdint.h>

#include "sim/path_state.h"

/* ps_tape_book_move — n loans (n < 0: -n leave) of tape group g come at risk in its programme's sums */
static inline void ps_tape_book_move(ps_path *w, int g, int64_t n) {
  const int64_t *fix = w->tape_fix + 4 * (size_t)g;
  int64_t *run = w->tape_run + 4 * (size_t)w->m->tape_groups[g].programme;
  for (int i = 0; i < 4; i++) run[i] += n * fix[i];
}

/* ps_tape_book_drop — a loan of tape group g (of programme k) defaults: ps_tape_book_move(w, g, -1) */
static inline void ps_tape_book_drop(ps_path *w, int g, int k) {
  const int64_t *fix = w->tape_fix + 4 * (size_t)g;
  int64_t *run = w->tape_run + 4 * (size_t)k;
  run[0] -= fix[0];
  run[1] -= fix[1];
  run[2] -= fix[2];
  run[3] -= fix[3];
}

/* ps_tape_book_at — from a programme's four sums, its book (i = 0) or interest (i = 2) in period t, in
** fixed point */
static inline int64_t ps_tape_book_at(const int64_t *run, int i, int t) { return run[i] - (int64_t)t * run[i + 1]; }

#endif
