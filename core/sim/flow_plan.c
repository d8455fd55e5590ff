/* flow_plan.c — what flows.c reads every period, fixed by the model (sim/flow_plan.h) */
#include "sim/flow_plan.h"

#include <stdlib.h>

/* the subsidy towards interest of one loan of segment seg at age `age` in a period of dt years (fen), capped */
static double subsidy_at(const ps_subsidy *sub, const ps_segment *seg, int age, double dt) {
  double left = seg->amortizing ? (double)(seg->tenor - age) / (double)seg->tenor : 1.0; /* its share outstanding */
  double principal = seg->loan.mean * PS_FEN_PER_YUAN * left;
  double rate = sub->of_principal > 0 ? sub->of_principal : sub->share * seg->rate;
  double amount = principal * rate * dt;
  double cap = (double)sub->cap_per_loan * dt;
  return sub->cap_per_loan > 0 && amount > cap ? cap : amount;
}

static int ascending(const void *a, const void *b) { return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b); }

/* plan->tape_live (flow_plan.h); PS_OK, or PS_ERUNTIME when out of memory */
static int tape_live_init(ps_flow_plan *plan, const ps_model *m) {
  int any = 0;
  for (int k = 0; k < m->nprogrammes; k++) any |= ps_programme_subsidises(&m->programmes[k]);
  if (!any || m->ntape_buckets == 0) return PS_OK;
  const ps_tape_periods *tp = &m->tape_periods;
  int n = tp->live_at[m->periods + 1];
  if (!(plan->tape_live = malloc(((size_t)n + 1) * sizeof(int)))) return PS_ERUNTIME;
  for (int j = 0; j < n; j++) plan->tape_live[j] = m->tape_groups[tp->live[j]].segment;
  for (int t = 0; t <= m->periods; t++)
    qsort(plan->tape_live + tp->live_at[t], (size_t)(tp->live_at[t + 1] - tp->live_at[t]), sizeof(int), ascending);
  return PS_OK;
}

int ps_flow_plan_init(ps_flow_plan *plan, const ps_model *m, const ps_cost *cost, int by_year,
                      const unsigned char *book_flows) {
  int nown = m->ntape_buckets ? m->nown_segments : m->nsegments;
  plan->nsegs = m->nsegments;
  if (!(plan->segs = calloc((size_t)m->nsegments + 1, sizeof *plan->segs)) ||
      !(plan->own = calloc((size_t)nown + 1, sizeof(int))))
    return PS_ERUNTIME;
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    const ps_programme *p = &m->programmes[seg->programme];
    const ps_subsidy *sub = &p->interest_subsidy;
    ps_flow_seg *f = &plan->segs[s];
    f->mean = seg->loan.mean;
    f->rate = seg->rate;
    f->programme = seg->programme;
    f->bank = p->bank;
    f->funding_cost = p->bank >= 0 && p->bank < m->nparties ? m->parties[p->bank].funding_cost : 0;
    f->payer = sub->payer;
    f->gov = sub->payer >= 0 ? cost->gov_of_account[sub->payer] : -1;
    f->share = sub->share;
    f->subsidy = sub->payer < 0 ? PS_FLOW_NO_SUBSIDY
                 : sub->share > 0 && sub->cap_per_loan == 0 && !sub->after_repayment ? PS_FLOW_SHARE
                                                                                     : PS_FLOW_PER_LOAN;
    f->tenor = seg->tenor;
    f->first = seg->first;
    f->last = seg->last;
    f->amortizing = (unsigned char)(seg->amortizing != 0);
    f->tape = seg->loan.kind == PS_DIST_LIST;
    f->whole = by_year && ps_programme_subsidises_book(p);
    f->after_repayment = (unsigned char)(sub->after_repayment != 0);
    if (f->subsidy == PS_FLOW_PER_LOAN && seg->tenor > 0) {
      if (!(f->by_age = malloc((size_t)seg->tenor * sizeof(double)))) return PS_ERUNTIME;
      for (int a = 0; a < seg->tenor; a++) f->life += f->by_age[a] = subsidy_at(sub, seg, a, m->dt);
    }
    /* policies pay their premiums at issue (policies.c), bridges their fees (bridges.c) */
    if (s < nown && seg->kind == PS_SEGMENT_LOAN && book_flows[s]) plan->own[plan->nown++] = s;
  }
  /* the programmes each party has a share in */
  int nshares = 0;
  for (int k = 0; k < m->nprogrammes; k++) nshares += m->programmes[k].nshares;
  if (!(plan->pays_at = calloc((size_t)m->nparties + 2, sizeof(int))) ||
      !(plan->pays_into = calloc((size_t)nshares + 1, sizeof(int))))
    return PS_ERUNTIME;
  for (int a = 0, n = 0; a < m->nparties; a++) {
    plan->pays_at[a] = n;
    for (int k = 0; k < m->nprogrammes; k++)
      for (int j = 0; j < m->programmes[k].nshares; j++)
        if (m->programmes[k].shares[j].account == a) plan->pays_into[n++] = k;
    plan->pays_at[a + 1] = n;
  }
  return tape_live_init(plan, m);
}

void ps_flow_plan_destroy(ps_flow_plan *plan) {
  for (int s = 0; plan->segs && s < plan->nsegs; s++) free(plan->segs[s].by_age);
  free(plan->segs);
  free(plan->own);
  free(plan->tape_live);
  free(plan->pays_into);
  free(plan->pays_at);
  *plan = (ps_flow_plan){0};
}
