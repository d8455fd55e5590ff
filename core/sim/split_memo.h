/* split_memo.h — the last split of each segment's records, kept to be reused.
**
** A segment of fixed-amount loans records the same loss period after period: the same fractions of
** the same amount, the same exposure split among the payers, the same recovery shared back by the
** same amounts paid. Each of those is a pure function of its inputs (ps_programme_fractions,
** ps_programme_apply, ps_split_fen), so one slot per segment keeps the last inputs and answer, and a
** call whose inputs are bit for bit the same takes the answer instead of computing it again: the same
** fen, to the bit, at the cost of a comparison. The slots are cleared for each path (a path's drawn
** parameters may change a programme's shares). Below sim/path_state.h. */
#ifndef PS_SPLIT_MEMO_H
#define PS_SPLIT_MEMO_H

#include <stdint.h>
#include <string.h>

typedef struct {
  int stride;        /* the most weights (and parts) a slot holds */
  unsigned char *ok; /* [slot]: holds an answer */
  int64_t *total;    /* [slot]: the key's total (an amount, an exposure, a recovery) */
  int *n;            /* [slot]: the key's number of weights; minus its number of fen for a key of fen */
  int64_t *tag;      /* [slot]: what the key's weights are known to follow from alone (an amount whose
                        scenario fractions they are), so that it stands for them; -1: nothing */
  int64_t *extra;    /* [slot]: a second answer kept with the parts (what cap_per_loan cut) */
  double *key;       /* [slot * stride + i]: the key's weights */
  int64_t *parts;    /* [slot * stride + i]: the answer in fen ... */
  double *fractions; /* [slot * stride + i]: ... or in fractions */
  int64_t *fen_key;  /* [slot * stride + i]: a key of fen the weights follow from (ps_split_memo_fen_hit) */
} ps_split_memo;

/* ps_split_memo_init — nslots empty slots of stride weights each; PS_OK, or PS_ERUNTIME when out of
** memory (*m can still be destroyed) */
int ps_split_memo_init(ps_split_memo *m, int nslots, int stride);
/* ps_split_memo_destroy — free what *m holds and zero it */
void ps_split_memo_destroy(ps_split_memo *m);

/* ps_split_memo_clear — forget every answer (the start of a path) */
static inline void ps_split_memo_clear(ps_split_memo *m, int nslots) {
  if (m->ok) memset(m->ok, 0, (size_t)nslots);
}

/* ps_split_memo_hit — does slot hold the answer for (total, w[0..n-1])? (n and every bit alike; a few
** weights, so a loop rather than memcmp) */
static inline int ps_split_memo_hit(const ps_split_memo *m, int slot, int64_t total, const double *w, int n) {
  if (!m->ok[slot] || m->total[slot] != total || m->n[slot] != n) return 0;
  const double *key = m->key + (size_t)slot * (size_t)m->stride;
  for (int i = 0; i < n; i++) {
    uint64_t a, b;
    memcpy(&a, &key[i], sizeof a);
    memcpy(&b, &w[i], sizeof b);
    if (a != b) return 0;
  }
  return 1;
}

/* ps_split_memo_tag_hit — does slot hold the answer for total and n weights that follow from tag
** (>= 0) alone, as its key's did? */
static inline int ps_split_memo_tag_hit(const ps_split_memo *m, int slot, int64_t total, int64_t tag, int n) {
  return tag >= 0 && m->ok[slot] && m->tag[slot] == tag && m->total[slot] == total && m->n[slot] == n;
}

/* ps_split_memo_keep — make (total, w[0..n-1]) slot's key (with no tag: ps_split_memo_tag to give it
** one); the caller then writes the answer into ps_split_memo_parts / ps_split_memo_fractions (and
** extra) */
static inline void ps_split_memo_keep(ps_split_memo *m, int slot, int64_t total, const double *w, int n) {
  m->ok[slot] = 1;
  m->total[slot] = total;
  m->tag[slot] = -1;
  m->n[slot] = n;
  double *key = m->key + (size_t)slot * (size_t)m->stride;
  for (int i = 0; i < n; i++) key[i] = w[i];
}

/* ps_split_memo_fen_hit — does slot hold the answer for total and the fen k[0..n-1], then a and b (n + 2
** fen in all, at most stride), from which the caller's weights follow alone, as they did for the slot's key
** (ps_split_memo_fen_keep)? Integers compared where they are, no weights built: a recovery shared back
** by what was paid, the excess paid and the exposure (claims.c) */
static inline int ps_split_memo_fen_hit(const ps_split_memo *m, int slot, int64_t total, const int64_t *k, int n,
                                        int64_t a, int64_t b) {
  if (!m->ok[slot] || m->total[slot] != total || m->n[slot] != -(n + 2)) return 0;
  const int64_t *key = m->fen_key + (size_t)slot * (size_t)m->stride;
  for (int i = 0; i < n; i++)
    if (key[i] != k[i]) return 0;
  return key[n] == a && key[n + 1] == b;
}

/* ps_split_memo_fen_keep — make (total, k[0..n-1], a, b) slot's key of fen (n + 2 <= stride; a key of
** weights is then forgotten, and the other way round); the caller writes the answer */
static inline void ps_split_memo_fen_keep(ps_split_memo *m, int slot, int64_t total, const int64_t *k, int n,
                                          int64_t a, int64_t b) {
  m->ok[slot] = 1;
  m->total[slot] = total;
  m->tag[slot] = -1;
  m->n[slot] = -(n + 2);
  int64_t *key = m->fen_key + (size_t)slot * (size_t)m->stride;
  for (int i = 0; i < n; i++) key[i] = k[i];
  key[n] = a;
  key[n + 1] = b;
}

/* copy n fen (a few: a loop rather than memcpy) */
static inline void ps_split_memo_copy(int64_t *to, const int64_t *from, int n) {
  for (int i = 0; i < n; i++) to[i] = from[i];
}

/* the answer of slot */
static inline int64_t *ps_split_memo_parts(const ps_split_memo *m, int slot) {
  return m->parts + (size_t)slot * (size_t)m->stride;
}
static inline double *ps_split_memo_fractions(const ps_split_memo *m, int slot) {
  return m->fractions + (size_t)slot * (size_t)m->stride;
}

#endif
