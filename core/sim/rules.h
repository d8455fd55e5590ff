/* rules.h — the rules of a path that look at the whole book rather than one
** default: loans at risk, triggers, NPL tolerance, pool funding rules, the
** excess-of-loss layer, wind-down (docs/rules.md). Above sim/path_state.h. */
#ifndef PS_RULES_H
#define PS_RULES_H

#include "sim/path_state.h"

/* ps_rules_book — expected principal at risk in period t from cohorts
** originated before t, per programme */
void ps_rules_book(ps_path *w, int t);

/* ps_rules_npl_lending — bank NPL ratios against their tolerance, at the start of period t (after the
** book), while the bank is lending, in a period in which some bank lends (PS_BOOK_NPL) */
void ps_rules_npl_lending(ps_path *w, int t);
/* ps_rules_npl — the same, at once when no bank lends in period t (inline: every period) */
static inline void ps_rules_npl(ps_path *w, int t) {
  if (w->book_read[t] & PS_BOOK_NPL) ps_rules_npl_lending(w, t);
}

/* ps_rules_fund — pool funding rules at the start of period t (after yield and
** scheduled top-ups); PS_OK, PS_EINPUT (the ledger refused a posting for overflow) or PS_ERUNTIME */
int ps_rules_fund(ps_path *w, int t);

/* ps_rules_triggers — the triggers of every programme, checked at the start
** of each period */
void ps_rules_triggers(ps_path *w);

/* ps_rules_settle_layers — settle each programme's excess-of-loss layer for
** the fiscal year just ended; PS_OK, PS_EINPUT (ledger overflow) or PS_ERUNTIME (out of memory) */
int ps_rules_settle_layers(ps_path *w, int t);

/* ps_rules_wind_down — pools that wind down return their balance at the end
** of the horizon; PS_OK, PS_EINPUT (ledger overflow) or PS_ERUNTIME (out of memory) */
int ps_rules_wind_down(ps_path *w);

/* ps_rules_payout_rate — a guarantor's payouts / principal it guaranteed, so far */
double ps_rules_payout_rate(const ps_path *w, int party);

/* ps_rules_loss_ratio — an insurer's claims / premiums, so far */
double ps_rules_loss_ratio(const ps_path *w, int party);

#endif
