/* claims.h — what happens to each default of a path: its record at the
** default, its claim (caps, pauses, payments) and its recovery (docs/rules.md).
** Above sim/path_state.h; may call policy.c (hooks) and flows.c. */
#ifndef PS_CLAIMS_H
#define PS_CLAIMS_H

#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "sim/path_state.h"

/* ps_claims_record_default — record `count` defaults of loans of segment s,
** originated in `cohort`, in period t: loan `item` of a loan-tape group (its
** own amount and LGD), or -1 for loans of a segment, whose amount and LGD are
** drawn; count > 1 only where ps_path_batchable says so. PS_OK; PS_EINPUT when
** a hook failed (then w->error says why); PS_ERUNTIME when out of memory. */
int ps_claims_record_default(ps_path *w, int s, int cohort, int t, int64_t item, int64_t count);

/* ps_claims_tape_default — loan `item` of loan-tape group s, originated in `cohort`, defaults in period
** t: gathered into one claim with the period's other defaults of its programme, driver, cost cohort and
** recovery lag (docs/rules.md), recorded by ps_claims_tape_gathered once the period's defaults are
** drawn; or, where its programme's defaults cannot be gathered (tiered shares, a first-loss payer, a
** per-loan cap, a hook, a per-firm cap on a loan with a firm), recorded now by
** ps_claims_record_default. PS_OK, PS_EINPUT (a hook failed, or the ledger's overflow) or PS_ERUNTIME. */
int ps_claims_tape_default(ps_path *w, int s, int cohort, int t, int64_t item);

/* ps_claims_tape_record — record the claims gathered in period t (ps_claims_tape_default's PS_OK, PS_EINPUT,
** PS_ERUNTIME) */
int ps_claims_tape_record(ps_path *w, int t);
/* ps_claims_tape_gathered — the same, at once when there is nothing gathered (inline: most periods of
** most scenarios) */
static inline int ps_claims_tape_gathered(ps_path *w, int t) {
  return w->ntape_claims ? ps_claims_tape_record(w, t) : PS_OK;
}

/* ps_claims_draw — one draw of d from r (its mean when fixed): a loan amount, an LGD, a cover, a severity */
double ps_claims_draw(const ps_dist *d, gsl_rng *r);

/* ps_claims_record_claim — record `count` claims of policies of segment s (kind = "policy") issued in
** period `cohort`, in period t, each of `exposure` fen (severity x cover - deductible) on a cover of
** `cover` fen (the amount tiered shares look at): no principal, no recovery; count > 1 only where
** ps_path_batchable says so. PS_OK, PS_EINPUT (the claims pass what the ledger holds) or PS_ERUNTIME
** (out of memory). */
int ps_claims_record_claim(ps_path *w, int s, int cohort, int t, int64_t cover, int64_t exposure, int64_t count);

/* ps_claims_pending — each pool pays the claims approved before period 1 and due in period t
** (pools[i].pending), first thing in the period, as far as its balance goes; PS_OK, or PS_ERUNTIME
** when out of memory */
int ps_claims_pending(ps_path *w, int t);

/* ps_claims_pay_due — pay the claims due in period t, of which there is at least one; PS_OK, or
** PS_ERUNTIME when out of memory */
int ps_claims_pay_due(ps_path *w, int t);
/* ps_claims_pay — the same, at once when none is due (inline: most periods) */
static inline int ps_claims_pay(ps_path *w, int t) { return w->claims[t].head < 0 ? PS_OK : ps_claims_pay_due(w, t); }

/* ps_claims_recover_due — share the recoveries due in period t, of which there is at least one; PS_OK,
** or PS_ERUNTIME when out of memory */
int ps_claims_recover_due(ps_path *w, int t);
/* ps_claims_recover — the same, at once when none is due (inline: most periods) */
static inline int ps_claims_recover(ps_path *w, int t) {
  return w->recoveries[t].head < 0 ? PS_OK : ps_claims_recover_due(w, t);
}

#endif
