/* flow_plan.h — what flows.c reads every period, fixed by the model: each loan segment's figures side
** by side (one load each instead of a walk through the segment, its programme, its bank and its
** subsidy's payer), and the segments to visit. Drawn parameters (sim/params.h: pd, lgd, rho, the
** cycle) do not touch it. Below sim/path_state.h. */
#ifndef PS_FLOW_PLAN_H
#define PS_FLOW_PLAN_H

#include "scenario/model.h"
#include "sim/cost.h"

/* how a segment's interest subsidy is paid */
enum {
  PS_FLOW_NO_SUBSIDY = 0,
  PS_FLOW_SHARE = 1,   /* a plain share of the interest posted (no cap, not at repayment) */
  PS_FLOW_PER_LOAN = 2 /* a rate on principal, a per-loan cap or payment at repayment: loan by loan */
};

typedef struct {
  double mean;          /* seg->loan.mean, yuan */
  double rate;          /* seg->rate */
  double funding_cost;  /* its bank's */
  double share;         /* the interest subsidy's share (PS_FLOW_SHARE) */
  int programme, bank, payer; /* payer: the interest subsidy's, -1: none */
  int gov;              /* the payer's government in the cost (sim/cost.h), -1: none (its cost does not count) */
  int tenor, first, last;
  unsigned char subsidy;    /* PS_FLOW_* */
  unsigned char amortizing;
  unsigned char tape;       /* a loan-tape group (one cohort, first) */
  unsigned char whole;      /* its programme subsidises a share of its fees or premiums, on its book by cohort */
  unsigned char after_repayment; /* PS_FLOW_PER_LOAN: paid when a loan is repaid in full, its whole life's */
  double *by_age;       /* PS_FLOW_PER_LOAN: a loan's interest subsidy in a period at age 0 .. tenor - 1, fen, its
                           share outstanding times the mean loan at the subsidy's rate, capped; else NULL */
  double life;          /* ... and its sum over the ages, in age order (after_repayment) */
} ps_flow_seg;

/* the plan: every segment's, the scenario's own loan segments whose book moves money in their order, and
** the loan-tape groups the flows take one by one */
typedef struct {
  ps_flow_seg *segs;  /* per segment (any kind: flows.c reads the loans') */
  int nsegs;
  int *own, nown;     /* the own loan segments whose book moves money (path_state.h book_flows) */
  int *pays_into, *pays_at; /* per party a: the programmes it has a share in, pays_into[pays_at[a] ..
                               pays_at[a + 1]), one per share in programme then share order (a guarantor's
                               book: ps_flows_capacity) */
  int *tape_live;     /* when the flows take the loan-tape groups one by one (some programme pays a subsidy,
                         whose cost is spread by cohort): the groups at risk in each period t as
                         m->tape_periods lists them, live[live_at[t] .. live_at[t + 1]), but as segment
                         indices in segment order, the order in which the flows add them up; NULL otherwise
                         (flows.c then sums the groups by programme) */
} ps_flow_plan;

/* ps_flow_plan_init — the plan of m, given the cost's governments, whether the path keeps its loans by
** cohort year (path_state.h alive_year: else no book by cohort is kept, and `whole` is 0) and which
** segments' books move money (book_flows); PS_OK, or PS_ERUNTIME when out of memory (destroy still
** fine) */
int ps_flow_plan_init(ps_flow_plan *plan, const ps_model *m, const ps_cost *cost, int by_year,
                      const unsigned char *book_flows);
/* ps_flow_plan_destroy — free what it holds */
void ps_flow_plan_destroy(ps_flow_plan *plan);

#endif
