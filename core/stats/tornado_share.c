/* tornado_share.c — a tornado bar on a share: the partner that balances it, and the clip
** (tornado_share.h). */
#include "stats/tornado_share.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "poolsim/poolsim.h"

/* the ledger account with id `id` of length n (a party or a pool), -1 when none */
static int account_of(const ps_model *m, const char *id, size_t n) {
  for (int i = 0; i < m->nparties; i++)
    if (strlen(m->parties[i].id) == n && strncmp(m->parties[i].id, id, n) == 0) return i;
  for (int i = 0; i < m->npools; i++)
    if (strlen(m->pools[i].id) == n && strncmp(m->pools[i].id, id, n) == 0) return ps_account_of_pool(m, i);
  return -1;
}

/* the id of ledger account a (a party or a pool) */
static const char *account_id(const ps_model *m, int a) {
  return a < m->nparties ? m->parties[a].id : m->pools[a - m->nparties].id;
}

/* the programme and share index key names ("programmes.ID.share.PAYER"); 0 when it names none */
static int find_share(const ps_model *m, const char *key, int *prog, int *share) {
  static const char head[] = "programmes.", mid[] = ".share.";
  if (strncmp(key, head, sizeof head - 1) != 0) return 0;
  const char *id = key + sizeof head - 1, *at = strstr(id, mid);
  if (!at) return 0;
  const char *payer = at + sizeof mid - 1;
  int a = account_of(m, payer, strlen(payer));
  for (int g = 0; a >= 0 && g < m->nprogrammes; g++) {
    const ps_programme *p = &m->programmes[g];
    if (strlen(p->id) != (size_t)(at - id) || strncmp(p->id, id, (size_t)(at - id)) != 0) continue;
    for (int i = 0; i < p->nshares; i++)
      if (p->shares[i].account == a) {
        *prog = g;
        *share = i;
        return 1;
      }
  }
  return 0;
}

/* v within [lo, hi], noting a clip */
static double clip(double v, double lo, double hi, int *clipped) {
  if (v < lo || v > hi) *clipped = 1;
  return v < lo ? lo : v > hi ? hi : v;
}

int ps_tornado_share(const ps_model *base, const char *key, double value, double by, ps_share_move *b, char *err,
                     size_t errlen) {
  int g, i;
  *b = (ps_share_move){0};
  if (!find_share(base, key, &g, &i)) return PS_OK;
  const ps_programme *p = &base->programmes[g];
  int rest = -1, fixed = 0;
  double others = 0; /* the other fixed shares */
  for (int j = 0; j < p->nshares; j++) {
    if (j == i) continue;
    if (p->shares[j].rest) rest = j;
    else if (!p->shares[j].ntiers) {
      others += p->shares[j].share;
      fixed++;
    }
  }
  /* shares are fractions: no whole-number rounding */
  b->low = value * (1 - by);
  b->high = value * (1 + by);
  int partner = rest;
  if (rest < 0 && p->nshares == 2 && fixed == 1) partner = i == 0 ? 1 : 0;
  if (partner < 0) {
    int suggest = i == 0 ? 1 : 0; /* the bank when it pays a share */
    for (int j = 0; j < p->nshares; j++)
      if (j != i && p->shares[j].account == p->bank) suggest = j;
    snprintf(err, errlen,
             "sweep --tornado %s: the shares of programme '%s' must sum to 1, and no single payer can balance a change "
             "of this one (%d other payers, none takes the \"rest\"): give one of them the rest, e.g. --set "
             "programmes.%s.share.%s=rest",
             key, p->id, p->nshares - 1, p->id, account_id(base, p->shares[suggest].account));
    return PS_EINPUT;
  }
  double room = rest >= 0 ? 1 - others : 1; /* a fixed partner takes 1 - the share */
  b->low = clip(b->low, 0, room, &b->clipped);
  b->high = clip(b->high, 0, room, &b->clipped);
  b->partner_rest = rest >= 0;
  b->partner_low = room - b->low; /* the rest's part of a loss (less with tiered others) */
  b->partner_high = room - b->high;
  size_t n = strlen(p->id) + strlen(account_id(base, p->shares[partner].account)) + 32;
  if (!(b->partner = malloc(n))) return PS_ERUNTIME;
  snprintf(b->partner, n, "programmes.%s.share.%s", p->id, account_id(base, p->shares[partner].account));
  return PS_OK;
}
