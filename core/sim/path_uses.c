/* path_uses.c — what a scenario uses of the steps a period may skip (sim/path_uses.h). */
#include "sim/path_uses.h"

#include <stdlib.h>

int ps_path_uses_init(ps_path *w, const ps_model *m) {
  if (!(w->bank_lends = calloc(((size_t)m->periods + 1) * (size_t)m->nparties, 1)) ||
      !(w->earns_on_book = calloc((size_t)m->nprogrammes + 1, 1)) || !(w->steps = calloc((size_t)m->periods + 1, 1)) ||
      !(w->limits_lending = calloc((size_t)m->nprogrammes + 1, 1)) || !(w->book_flows = calloc((size_t)m->nsegments + 1, 1)) ||
      !(w->share_caps = calloc((size_t)m->nprogrammes + 1, 1)))
    return PS_ERUNTIME;
  int bridges = 0, refills = 0;
  for (int k = 0; k < m->nprogrammes; k++) bridges |= m->programmes[k].lender >= 0;
  for (int i = 0; i < m->npools; i++) refills |= m->pools[i].refill_below > 0;
  for (int t = 1; t <= m->periods; t++) {
    int funds = 0, quiet = !bridges && !w->has_policies && !m->has_hooks;
    for (int i = 0; i < m->npools; i++) {
      const ps_pool *pool = &m->pools[i];
      funds |= pool->yield_per_period != 0 || pool->topups[t] != 0;
      if (pool->pending && pool->pending[t] != 0) quiet = 0;
    }
    for (int s = 0; s < m->nsegments; s++)
      if (t >= m->segments[s].first && t <= m->segments[s].last) quiet = 0;
    int new_year = t > 1 && (t - 1) % ps_periods_per_year(m->step) == 0; /* as ps_rules_fund */
    w->steps[t] = (unsigned char)((funds ? PS_STEP_FUND_POOLS : 0) | (new_year || refills ? PS_STEP_FUND_RULES : 0) |
                                  (quiet ? PS_STEP_MAY_BE_QUIET : 0));
  }
  for (int k = 0; k < m->nprogrammes; k++) {
    const ps_programme *p = &m->programmes[k];
    w->has_triggers |= p->ntriggers > 0;
    for (int i = 0; i < p->nshares; i++) {
      int a = p->shares[i].account;
      ps_party_kind kind = a < m->nparties ? m->parties[a].kind : PS_PARTY_BANK;
      w->earns_on_book[k] |= kind == PS_PARTY_GUARANTOR || kind == PS_PARTY_INSURER || kind == PS_PARTY_REGUARANTOR;
      w->limits_lending[k] |= kind == PS_PARTY_GUARANTOR && m->parties[a].leverage_limit > 0; /* as ps_flows_capacity */
      w->share_caps[k] |= p->shares[i].cap_per_year > 0 && a != p->bank;
    }
    w->limits_lending[k] |= p->leverage > 0;
    w->limits_any |= w->limits_lending[k];
  }
  for (int s = 0; s < m->nsegments; s++) { /* as flows.c's segment_flows: else all its amounts are 0 */
    const ps_segment *seg = &m->segments[s];
    const ps_programme *p = &m->programmes[seg->programme];
    w->book_flows[s] = seg->rate != 0 || (p->bank >= 0 && m->parties[p->bank].funding_cost != 0) ||
                       p->interest_subsidy.payer >= 0 || w->earns_on_book[seg->programme];
  }
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    int bank = m->programmes[seg->programme].bank;
    if (bank < 0 || bank >= m->nparties || m->parties[bank].kind != PS_PARTY_BANK) continue;
    for (int t = seg->first > 1 ? seg->first : 1; t <= seg->last && t <= m->periods; t++)
      w->bank_lends[(size_t)t * (size_t)m->nparties + (size_t)bank] = 1;
  }
  return PS_OK;
}

void ps_path_uses_free(ps_path *w) {
  free(w->bank_lends);
  free(w->limits_lending);
  free(w->book_flows);
  free(w->share_caps);
  free(w->earns_on_book);
  free(w->steps);
}
