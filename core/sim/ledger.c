/* ledger.c — postings and their conservation check. */
#include "sim/ledger.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[PS_NKINDS] = {
    "initial",  "topup",          "yield",   "principal_loss",   "compensation", "recovery",
    "wind_down", "interest",      "funding_cost", "fee",          "reguarantee_fee", "premium",
    "interest_subsidy", "fee_subsidy", "premium_subsidy", "lending_reward"};

const char *ps_kind_name(ps_kind k) { return k < PS_NKINDS ? kind_names[k] : "?"; }

/* ps_ledger_init — fill *l for naccounts, no postings; logging != 0 keeps every posting; PS_OK, or
** PS_ERUNTIME when out of memory */
int ps_ledger_init(ps_ledger *l, int naccounts, int logging) {
  memset(l, 0, sizeof *l);
  l->naccounts = naccounts;
  l->logging = logging;
  l->net = calloc((size_t)naccounts * PS_NKINDS, sizeof *l->net);
  return l->net ? PS_OK : PS_ERUNTIME;
}

/* ps_ledger_destroy — free what *l holds and zero it */
void ps_ledger_destroy(ps_ledger *l) {
  free(l->net);
  free(l->log);
  memset(l, 0, sizeof *l);
}

/* ps_ledger_reset — forget all postings (start of a path) */
void ps_ledger_reset(ps_ledger *l) {
  memset(l->net, 0, (size_t)l->naccounts * PS_NKINDS * sizeof *l->net);
  l->nlog = 0;
  l->volume = 0;
  l->overflow = (ps_posting){0};
}

/* ps_ledger_log — append a posting to the log; PS_OK, or PS_ERUNTIME when it cannot grow */
int ps_ledger_log(ps_ledger *l, int period, int from, int to, int64_t amount, ps_kind kind) {
  if (l->nlog == l->caplog) {
    size_t cap = l->caplog ? 2 * l->caplog : 256;
    ps_posting *p = realloc(l->log, cap * sizeof *p);
    if (!p) return PS_ERUNTIME;
    l->log = p;
    l->caplog = cap;
  }
  l->log[l->nlog++] = (ps_posting){period, from, to, amount, kind};
  return PS_OK;
}

/* ps_ledger_balance — net of all kinds for an account (each partial sum is at most the volume) */
int64_t ps_ledger_balance(const ps_ledger *l, int account) {
  int64_t b = 0;
  for (int k = 0; k < PS_NKINDS; k++) b += ps_ledger_net(l, account, (ps_kind)k);
  return b;
}

/* ps_ledger_check_balanced — a yes/no test: 0 when, for every kind, the nets over all accounts sum
** to zero, -1 when one does not. The sums are taken modulo 2^64 (unsigned): a kind's nets add up to
** twice its volume in magnitude, which int64 may not hold, and a sum that should be zero and is not
** is less than 2^64 in magnitude, so it cannot wrap around to zero. */
int ps_ledger_check_balanced(const ps_ledger *l) {
  uint64_t sum[PS_NKINDS] = {0}; /* account by account, in the order the nets lie, every kind at once */
  for (int a = 0; a < l->naccounts; a++)
    for (int k = 0; k < PS_NKINDS; k++) sum[k] += (uint64_t)ps_ledger_net(l, a, (ps_kind)k);
  uint64_t any = 0;
  for (int k = 0; k < PS_NKINDS; k++) any |= sum[k];
  return any != 0 ? -1 : 0;
}
