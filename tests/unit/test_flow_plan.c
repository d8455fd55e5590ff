/* test_flow_plan.c — what flows.c reads every period (sim/flow_plan.h), against the model it is made from,
** and the shortcut it takes for a plain interest subsidy of a bullet segment, against the general way:
**   1. each segment's figures are its own, its programme's, its bank's and its subsidy's; the own segments
**      visited are exactly the loan segments whose book moves money, in segment order; the loan-tape
**      groups visited one by one (some programme pays a subsidy) are, in each period, exactly the groups
**      at risk then (first <= t < first + tenor), in segment order, and there are none to visit that way
**      when no programme pays a subsidy; a plan with a group missing, or two swapped, fails the check;
**      each party's programmes (a guarantor's book, ps_flows_capacity) are those it has a share in, once
**      a share, in programme order; a loan's interest subsidy by age (a rate on principal, a cap, at
**      repayment) and over its life, by hand;
**   2. a plain share of a bullet segment's interest, whose cost flows.c spreads from the loans by cohort
**      year as they stand (spread_segment), costs the governments the same bits, cohort by cohort and
**      path by path, as when every segment's book is first written by cohort and spread as a fee subsidy
**      is (book_by_cohort, ps_cost_spread_over), and posts the same ledger: Mianyang (six bullet segments
**      and an amortizing one, a government paying 10% of their interest), the same with its book on a
**      tape (one-cohort groups taken one by one), and parties_subsidy and cost_hand (a share of interest,
**      per-loan caps, at repayment, fee and premium subsidies). */
#include <gsl/gsl_errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "sim/path.h"
#include "sim/path_state.h"

/* 1 when plan->tape_live's list of period t is the groups at risk in t in segment order */
static int tape_period_ok(const ps_model *m, const ps_flow_plan *plan, int t) {
  int lo = m->tape_periods.live_at[t], hi = m->tape_periods.live_at[t + 1], j = lo;
  for (int s = m->nown_segments; s < m->nsegments; s++) {
    const ps_tape_group *g = &m->tape_groups[s - m->nown_segments];
    int at_risk = t == 0 ? g->first <= 0 : g->first <= t && t < g->first + g->tenor;
    if (!at_risk) continue;
    if (j >= hi || plan->tape_live[j] != s) return 0;
    j++;
  }
  return j == hi;
}

static int tapes_ok(const ps_model *m, const ps_flow_plan *plan) {
  for (int t = 0; t <= m->periods; t++)
    if (!tape_period_ok(m, plan, t)) return 0;
  return 1;
}

/* 1: the plan's figures, own list and tape lists against the model */
static void plan_matches(const char *file, int tapes_one_by_one) {
  ps_model m;
  if (!load_scenario(file, &m)) return;
  ps_path *w = ps_path_new(&m, NULL, 0);
  CHECK(w != NULL);
  if (!w) return;
  const ps_flow_plan *plan = &w->flow_plan;
  int nown = m.ntape_buckets ? m.nown_segments : m.nsegments, own = 0, subsidies = 0;
  for (int s = 0; s < m.nsegments; s++) {
    const ps_segment *seg = &m.segments[s];
    const ps_programme *p = &m.programmes[seg->programme];
    const ps_flow_seg *f = &plan->segs[s];
    CHECK(f->mean == seg->loan.mean && f->rate == seg->rate && f->programme == seg->programme && f->bank == p->bank);
    CHECK(f->funding_cost == (p->bank >= 0 && p->bank < m.nparties ? m.parties[p->bank].funding_cost : 0));
    CHECK(f->tenor == seg->tenor && f->first == seg->first && f->last == seg->last);
    CHECK(f->amortizing == (seg->amortizing != 0) && f->tape == (seg->loan.kind == PS_DIST_LIST));
    CHECK(f->payer == p->interest_subsidy.payer && f->share == p->interest_subsidy.share);
    CHECK(f->gov == (f->payer >= 0 && m.parties[f->payer].kind == PS_PARTY_GOVERNMENT ? w->cost.gov_of_account[f->payer] : -1));
    int plain = p->interest_subsidy.share > 0 && p->interest_subsidy.cap_per_loan == 0 && !p->interest_subsidy.after_repayment;
    CHECK_EQ_INT(f->subsidy, f->payer < 0 ? PS_FLOW_NO_SUBSIDY : plain ? PS_FLOW_SHARE : PS_FLOW_PER_LOAN);
    CHECK_EQ_INT(f->whole, w->alive_year != NULL && (p->fee_subsidy.payer >= 0 || p->premium_subsidy.payer >= 0));
    subsidies |= p->interest_subsidy.payer >= 0 || p->fee_subsidy.payer >= 0 || p->premium_subsidy.payer >= 0;
    if (s < nown && seg->kind == PS_SEGMENT_LOAN && w->book_flows[s]) {
      CHECK(own < plan->nown && plan->own[own] == s);
      own++;
    }
  }
  CHECK_EQ_INT(own, plan->nown);
  for (int a = 0; a < m.nparties; a++) { /* the programmes each party has a share in, once a share */
    int j = plan->pays_at[a];
    for (int k = 0; k < m.nprogrammes; k++)
      for (int i = 0; i < m.programmes[k].nshares; i++)
        if (m.programmes[k].shares[i].account == a) {
          CHECK(j < plan->pays_at[a + 1] && plan->pays_into[j] == k);
          j++;
        }
    CHECK_EQ_INT(j, plan->pays_at[a + 1]);
  }
  CHECK_EQ_INT(plan->tape_live != NULL, tapes_one_by_one);
  CHECK_EQ_INT(plan->tape_live != NULL, m.ntape_buckets > 0 && subsidies);
  if (plan->tape_live) {
    CHECK(tapes_ok(&m, plan));
    /* the check sees a group missing (the last of the busiest period replaced by another) and two swapped */
    int busiest = 0;
    for (int t = 1; t <= m.periods; t++)
      if (m.tape_periods.live_at[t + 1] - m.tape_periods.live_at[t] >
          m.tape_periods.live_at[busiest + 1] - m.tape_periods.live_at[busiest])
        busiest = t;
    int lo = m.tape_periods.live_at[busiest], hi = m.tape_periods.live_at[busiest + 1];
    CHECK(hi - lo >= 2);
    int *list = plan->tape_live, a = list[lo], b = list[hi - 1];
    list[lo] = b, list[hi - 1] = a;
    CHECK(!tapes_ok(&m, plan));
    list[lo] = a, list[hi - 1] = list[lo + 1];
    CHECK(!tapes_ok(&m, plan));
    list[hi - 1] = b;
    CHECK(tapes_ok(&m, plan));
  }
  ps_path_free(w);
  ps_model_destroy(&m);
}

/* 2: the governments' cost and the ledger, path by path, with the bullet shortcut (a) and without (b:
** every segment's book by cohort written and spread as a fee subsidy's is) */
static void spread_matches(const char *file, long paths) {
  ps_model m;
  char err[1024];
  if (!load_scenario(file, &m)) return;
  ps_path *a = ps_path_new(&m, NULL, 0), *b = ps_path_new(&m, NULL, 0);
  CHECK(a && b && a->alive_year && b->alive_year);
  if (!a || !b || !a->alive_year) {
    ps_path_free(a);
    ps_path_free(b);
    ps_model_destroy(&m);
    return;
  }
  int shortcut = 0; /* the bullet segments the shortcut takes */
  for (int s = 0; s < m.nsegments; s++) {
    const ps_flow_seg *f = &a->flow_plan.segs[s];
    shortcut += f->subsidy == PS_FLOW_SHARE && f->gov >= 0 && !f->whole && !f->amortizing;
    b->flow_plan.segs[s].whole = 1;
  }
  CHECK(shortcut > 0);
  size_t cells = (size_t)a->cost.ngov * (size_t)a->cost.ncohorts;
  long same = 0, costs = 0;
  for (long i = 0; i < paths; i++) {
    int ra = ps_path_run(a, m.seed, i, NULL, NULL, err, sizeof err), rb = ps_path_run(b, m.seed, i, NULL, NULL, err, sizeof err);
    CHECK(ra == PS_OK && rb == PS_OK);
    const ps_ledger *x = ps_path_ledger(a), *y = ps_path_ledger(b);
    same += memcmp(a->cost.pv, b->cost.pv, cells * sizeof(double)) == 0 &&
            memcmp(x->net, y->net, (size_t)x->naccounts * PS_NKINDS * sizeof *x->net) == 0;
    for (size_t c = 0; c < cells; c++) costs += a->cost.pv[c] != 0;
  }
  CHECK_EQ_INT(same, paths);
  CHECK(costs > 0);
  ps_path_free(a);
  ps_path_free(b);
  ps_model_destroy(&m);
}

/* 1: a loan's interest subsidy by age, by hand (tests/scenarios/parties_subsidy.lua, a year a period: loans of
** 100万 = 10^8 fen): sb amortizing over 3 years at 1.5% of principal capped at 10 000 yuan a loan and
** year, 1.5 10^6 fen capped to 10^6 at age 0, 2/3 of it exactly the cap at age 1, 1/3 of it, 5 10^5,
** at age 2; sc (bullet, 3 years) and se (5 years) half their 6% rate paid at repayment, 3 10^6 a year,
** their whole lives' 9 10^6 and 1.5 10^7; sa's plain share none */
static void by_age_by_hand(void) {
  ps_model m;
  if (!load_scenario("tests/scenarios/parties_subsidy.lua", &m)) return;
  ps_path *w = ps_path_new(&m, NULL, 0);
  CHECK(w != NULL);
  if (!w) return;
  const ps_flow_seg *sa = &w->flow_plan.segs[0], *sb = &w->flow_plan.segs[1], *sc = &w->flow_plan.segs[2],
                    *se = &w->flow_plan.segs[4];
  CHECK(sa->by_age == NULL && sb->by_age && sc->by_age && se->by_age);
  if (sb->by_age && sc->by_age && se->by_age) {
    CHECK_NEAR(sb->by_age[0], 1e6, 1e-6);
    CHECK_NEAR(sb->by_age[1], 1e6, 1e-6);
    CHECK_NEAR(sb->by_age[2], 5e5, 1e-6);
    CHECK(!sb->after_repayment && sc->after_repayment && se->after_repayment);
    for (int a = 0; a < 3; a++) CHECK_NEAR(sc->by_age[a], 3e6, 1e-6);
    CHECK_NEAR(sc->life, 9e6, 1e-6);
    CHECK_NEAR(se->life, 1.5e7, 1e-6);
  }
  ps_path_free(w);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  plan_matches("scenarios/mianyang_2022.lua", 0);
  plan_matches("scenarios/mianyang_2022_today.lua", 1);
  plan_matches("tests/scenarios/parties_subsidy.lua", 0);
  plan_matches("tests/scenarios/all_rules.lua", 0);
  plan_matches("tests/scenarios/tape_rates.lua", 0);
  plan_matches("tests/scenarios/parties_guarantor.lua", 0);
  plan_matches("tests/scenarios/policy_subsidy.lua", 0);
  by_age_by_hand();
  spread_matches("scenarios/mianyang_2022.lua", 100);
  spread_matches("scenarios/mianyang_2022_today.lua", 30);
  spread_matches("tests/scenarios/parties_subsidy.lua", 100);
  spread_matches("tests/scenarios/cost_hand.lua", 100);
  return check_summary("test_flow_plan");
}
