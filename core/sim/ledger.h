/* ledger.h — integer-fen postings between accounts, by kind.
**
** Every flow of money in a path is one posting (period, from, to, amount, kind).
** The ledger keeps, per account and kind, the net of what the account received
** (positive) and paid (negative), so balances, a party's losses and the budget
** view are sums of exact integers whatever the order of summation. An optional
** log keeps every posting for audits and hand-computed tests. Every sum is
** checked, at the cost of one checked addition a posting: the ledger keeps the
** volume of a path, the sum of every amount posted, within int64 fen, and a
** posting that would take it past is refused (and kept, to say which). Every
** net, every balance (and each partial sum of an account's nets) is at most the
** volume in magnitude, so none can overflow (docs/model.md §6). */
#ifndef PS_LEDGER_H
#define PS_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "poolsim/poolsim.h"

typedef enum {
  PS_KIND_INITIAL,        /* government -> pool, the opening balance (period 0) */
  PS_KIND_TOPUP,          /* government -> pool */
  PS_KIND_YIELD,          /* outside -> pool, interest on idle cash */
  PS_KIND_PRINCIPAL_LOSS, /* bank -> borrowers, the defaulted exposure */
  PS_KIND_COMPENSATION,   /* payer (pool or party) -> bank, its share of a default */
  PS_KIND_RECOVERY,       /* borrowers -> bank, and bank -> payers pro rata */
  PS_KIND_WIND_DOWN,      /* pool -> owner, what is left at the horizon */
  PS_KIND_INTEREST,       /* borrowers -> bank */
  PS_KIND_FUNDING_COST,   /* bank -> outside */
  PS_KIND_FEE,            /* borrowers -> guarantor, the guarantee fee */
  PS_KIND_REGUARANTEE_FEE,/* guarantor (or bank) -> reguarantor */
  PS_KIND_PREMIUM,        /* borrowers -> insurer */
  PS_KIND_INTEREST_SUBSIDY, /* government -> borrowers */
  PS_KIND_FEE_SUBSIDY,    /* government -> borrowers */
  PS_KIND_PREMIUM_SUBSIDY,/* government -> borrowers */
  PS_KIND_LENDING_REWARD, /* government -> bank, a reward on its new lending */
  PS_NKINDS
} ps_kind;

/* ps_kind_name — the name used in JSON and CSV */
const char *ps_kind_name(ps_kind k);

typedef struct {
  int period, from, to;
  int64_t amount; /* fen, > 0 */
  ps_kind kind;
} ps_posting;

typedef struct {
  int naccounts;
  int64_t *net;          /* [naccounts * PS_NKINDS] received minus paid */
  int64_t volume;        /* the sum of all amounts posted: bounds every net and balance */
  ps_posting *log;       /* NULL unless logging */
  size_t nlog, caplog;
  int logging;
  ps_posting overflow;   /* the posting refused for taking the volume past int64 (amount 0: none) */
} ps_ledger;

/* ps_ledger_init — fill *l for naccounts, no postings; logging != 0 keeps
** every posting. Returns PS_OK, or PS_ERUNTIME (out of memory; *l can still be destroyed). */
int ps_ledger_init(ps_ledger *l, int naccounts, int logging);
/* ps_ledger_destroy — free what *l holds and zero it */
void ps_ledger_destroy(ps_ledger *l);
/* ps_ledger_reset — forget all postings (start of a path) */
void ps_ledger_reset(ps_ledger *l);

/* x rounded to the nearest integer, halves away from zero: llround(x) for the
** amounts a path computes (finite, |x| < 2^63), inline because a path rounds
** thousands of them. Exact: x - trunc(x) is exact in binary floating point. The
** comparisons are added, not branched on: a fraction of money is as likely above
** a half as below, so a branch would be mispredicted at every other rounding. */
static inline int64_t ps_round_fen(double x) {
  int64_t r = (int64_t)x;
  double frac = x - (double)r;
  return r + (int64_t)(frac >= 0.5) - (int64_t)(frac <= -0.5);
}

/* ps_ledger_log — append a posting to the log; PS_OK, or PS_ERUNTIME when it cannot grow */
int ps_ledger_log(ps_ledger *l, int period, int from, int to, int64_t amount, ps_kind kind);

/* ps_ledger_post — move amount fen (> 0) from one account to another; amount 0 is a no-op.
** Returns PS_OK; PS_EINPUT when it would take the volume past int64 fen (nothing is posted, and
** l->overflow keeps the posting: the input moves more money than the ledger holds); PS_ERUNTIME
** when the log cannot grow. Inline: a path posts thousands. */
static inline int ps_ledger_post(ps_ledger *l, int period, int from, int to, int64_t amount, ps_kind kind) {
  if (amount == 0) return PS_OK;
  int64_t volume;
  if (__builtin_expect(__builtin_add_overflow(l->volume, amount, &volume), 0)) {
    l->overflow = (ps_posting){period, from, to, amount, kind};
    return PS_EINPUT;
  }
  l->volume = volume;
  l->net[(size_t)from * PS_NKINDS + kind] -= amount;
  l->net[(size_t)to * PS_NKINDS + kind] += amount;
  return l->logging ? ps_ledger_log(l, period, from, to, amount, kind) : PS_OK;
}

/* ps_ledger_balance — net of all kinds for an account */
int64_t ps_ledger_balance(const ps_ledger *l, int account);
/* net of one kind for an account */
static inline int64_t ps_ledger_net(const ps_ledger *l, int account, ps_kind k) {
  return l->net[(size_t)account * PS_NKINDS + k];
}

/* ps_ledger_check_balanced — a yes/no test, not an error status: 0 when, for every kind, the nets
** over all accounts sum to zero, -1 when one does not */
int ps_ledger_check_balanced(const ps_ledger *l);

#endif
