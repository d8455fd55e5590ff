/* flows.h — the money that moves every period on the loans still at risk
** (interest, funding cost, fees, premiums, subsidies) and a guarantor's
** capacity for new guarantees. Above sim/path_state.h. */
#ifndef PS_FLOWS_H
#define PS_FLOWS_H

#include <stdint.h>

#include "sim/path_state.h"

/* ps_flows_capacity — how many of a segment's `wanted` new loans its guarantors
** (and the programme's leverage) have room for, this period */
int64_t ps_flows_capacity(ps_path *w, int s, int64_t wanted);

/* ps_flows_moved — interest, funding cost, fees, premiums and subsidies of
** period t, on the loans still at risk after the period's defaults, in a scenario
** with some (flows_any); PS_OK, PS_EINPUT (ledger overflow) or PS_ERUNTIME (out of memory) */
int ps_flows_moved(ps_path *w, int t);
/* ps_flows_period — the same, at once when the scenario has no rate, funding cost, fee, premium or
** subsidy (path_state.h, flows_any; inline: every period) */
static inline int ps_flows_period(ps_path *w, int t) { return w->flows_any ? ps_flows_moved(w, t) : PS_OK; }

/* ps_flows_capital_left — what a guarantor can still pay: its capital plus
** everything it has received less everything it has paid (fen); INT64_MAX when
** its capital is unlimited */
int64_t ps_flows_capital_left(const ps_path *w, int party);

#endif
