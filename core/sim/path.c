/* path.c — one path of the model, period by period. The order of events in a
** period is fixed and documented in docs/rules.md:
**   1. the book: loans at risk from earlier cohorts (for triggers and refills);
**   2. funding: each pool earns yield on its opening balance, receives its
**      scheduled top-ups, then the refill rules (rules.c);
**   3. on_period(ctx) runs (it may top up);
**   4. triggers are checked (pause compensation, stop lending);
**   5. segments originate this period's cohorts (unless lending is stopped);
**      policies pay their premiums at issue, and insurers earn this period's part;
**      bridge funds serve this period's requests (bridges.c);
**   6. defaults (and policy claims) are drawn for every loan (policy) at risk;
**   7. claims due this period are paid (claims.c);
**   8. recoveries due this period come in and are shared back pro rata (and
**      those on unrepaid bridges);
**   9. the closing balance is recorded.
** After the last period, pools that wind down return their balance. */
#include "sim/path.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/binomial.h"
#include "sim/bridges.h"
#include "sim/claims.h"
#include "sim/flows.h"
#include "sim/path_state.h"
#include "sim/path_uses.h"
#include "sim/policies.h"
#include "sim/policy.h"
#include "sim/rng.h"
#include "sim/rules.h"
#include "sim/tape_defaults.h"
#include "sim/volume.h"

/* yield on the opening balance, then the scheduled top-ups; PS_OK, PS_EINPUT (the ledger refused
** one for overflow) or PS_ERUNTIME (out of memory) */
static int fund_pools(ps_path *w, int t) {
  const ps_model *m = w->m;
  int rc;
  for (int i = 0; i < m->npools; i++) {
    const ps_pool *pool = &m->pools[i];
    pool_state *ps = &w->pools[i];
    ps->discount /= 1 + pool->yield_per_period;
    /* yield_per_period <= 1: a yield at 2^63 fen or above rounds from a balance near INT64_MAX, and
    ** INT64_MAX in its place takes the volume past int64 all the same (the ledger refuses it) */
    double exact = (double)ps->balance * pool->yield_per_period;
    int64_t yield = exact < 0x1p63 ? ps_round_fen(exact) : INT64_MAX;
    /* the ledger rounds yield to the fen (at most half a fen a period); the
    ** sizing shadow compounds it exactly, so it counts half a fen against the
    ** pool each period to stay on the safe side of that rounding */
    if (pool->yield_per_period > 0) ps->need += 0.5 * ps->discount;
    if ((rc = ps_ledger_post(&w->ledger, t, ps_account_outside(m), ps_account_of_pool(m, i), yield, PS_KIND_YIELD)))
      return rc;
    ps->balance += yield; /* fits: it is the pool's ledger balance, within the ledger's volume */
    if (pool->topups[t] > 0 && (rc = ps_path_topup(w, i, pool->topups[t]))) return rc;
  }
  return PS_OK;
}

/* New cohorts of period t, unless the programme has stopped lending, and as
** many as its guarantors have capacity for (a loan-tape group declines its last
** loans), with the lending reward on them. PS_OK, PS_EINPUT (the ledger refused the reward for
** overflow) or PS_ERUNTIME (out of memory). */
static int originate(ps_path *w, int t) {
  const ps_model *m = w->m;
  if (t > w->lends_until) { /* no segment originates (nor reads this period's new principal) */
    if (w->has_policies) ps_policies_earn(w, t);
    return PS_OK;
  }
  /* this period's new principal, which only a limit on lending reads (ps_flows_capacity) */
  for (int i = 0; w->limits_any && i < m->nparties; i++) w->parties[i].new_principal = 0;
  for (int k = 0; w->limits_any && k < m->nprogrammes; k++) w->progs[k].new_principal = 0;
  /* the scenario's own segments, then only the loan-tape groups that come at risk now (m->tape_periods) */
  const ps_tape_periods *tape = &m->tape_periods;
  int nown = m->ntape_buckets ? m->nown_segments : m->nsegments;
  int n = m->ntape_buckets ? nown + tape->enter_at[t + 1] - tape->enter_at[t] : nown;
  for (int j = 0; j < n; j++) {
    int s = j < nown ? j : m->tape_groups[tape->enter[tape->enter_at[t] + j - nown]].segment;
    const ps_segment *seg = &m->segments[s];
    const ps_programme *p = &m->programmes[seg->programme];
    programme_state *ps = &w->progs[seg->programme];
    if (t < seg->first || t > seg->last || seg->kind == PS_SEGMENT_BRIDGE) continue; /* bridges: bridges.c */
    /* drawn whether or not lending has stopped: a path's demand does not depend on its triggers */
    int64_t wanted = ps_volume_draw(w, &seg->volume, seg->new_loans, t);
    if (ps->stopped) continue;
    /* no leverage and no guarantor's limit: room for all (path_state.h, limits_lending) */
    int64_t loans = seg->kind == PS_SEGMENT_POLICY || !w->limits_lending[seg->programme] ? wanted
                                                                                         : ps_flows_capacity(w, s, wanted);
    ps->declined += wanted - loans;
    ps_path_alive_add(w, s, t, loans);
    if (seg->loan.kind == PS_DIST_LIST && ps_sparse_perm_reset(&w->tape_loans[s], loans)) return PS_ERUNTIME;
    ps->originated += loans;
    double principal = (double)loans * seg->loan.mean * PS_FEN_PER_YUAN;
    ps->enrolled_total += principal;
    ps->lent += principal;
    ps->year_enrolled += principal;
    ps->new_principal += principal;
    /* only a guarantor with a leverage limit reads its new principal, and its programmes' lending is limited */
    for (int i = 0; w->limits_lending[seg->programme] && i < p->nshares; i++)
      if (p->shares[i].account < m->nparties) w->parties[p->shares[i].account].new_principal += principal;
    if (seg->kind == PS_SEGMENT_POLICY) { /* the premiums at issue, and the cover written (policies.c) */
      int rc = ps_policies_issue(w, s, t, loans);
      if (rc) return rc;
      continue;
    }
    ps_cost_lending(&w->cost, seg->programme, t, principal);
    if (p->lending_reward.payer >= 0) {
      int64_t reward = ps_round_fen(principal * p->lending_reward.rate);
      ps_cost_flow(&w->cost, p->lending_reward.payer, t, t, (double)reward);
      int rc = ps_ledger_post(&w->ledger, t, p->lending_reward.payer, p->bank, reward, PS_KIND_LENDING_REWARD);
      if (rc) return rc;
    }
  }
  if (w->has_policies) ps_policies_earn(w, t);
  return PS_OK;
}

/* The seasoned loan-tape groups (first <= 0): on the books when the path starts, at their age. They
** are not originated in the horizon (originated, new principal and the guarantors' new loans leave
** them out), but their principal outstanding at the start of period 1 counts as enrolled, this
** fiscal year and so far (the caps' and the loss rate's base: docs/model.md). Draws nothing.
** PS_OK, or PS_ERUNTIME when out of memory. */
static int book_seasoned(ps_path *w) {
  const ps_model *m = w->m;
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    if (seg->first > 0) continue;
    programme_state *ps = &w->progs[seg->programme];
    int64_t loans = seg->new_loans;
    ps_path_alive_add(w, s, seg->first, loans);
    if (ps_sparse_perm_reset(&w->tape_loans[s], loans)) return PS_ERUNTIME;
    double left = seg->amortizing ? (double)(seg->tenor - (1 - seg->first)) / (double)seg->tenor : 1;
    double principal = (double)loans * seg->loan.mean * PS_FEN_PER_YUAN * left;
    ps->enrolled_total += principal;
    ps->year_enrolled += principal;
  }
  return PS_OK;
}

/* a loan of segment s, cohort c, defaults in period t (item: which loan of a
** loan-tape group, -1 otherwise): ps_claims_record_default's PS_OK / PS_EINPUT / PS_ERUNTIME */
static int default_loan(ps_path *w, int s, int c, int t, int64_t item) {
  ps_path_alive_add(w, s, c, -1);
  return ps_claims_record_default(w, s, c, t, item, 1);
}

/* d loans of segment s, cohort c, default in period t: one record for all of
** them when they are alike (ps_path_batchable), else one each; PS_OK / PS_EINPUT / PS_ERUNTIME */
static int default_loans(ps_path *w, int s, int c, int t, int64_t d) {
  if (!w->batchable[s]) {
    for (int rc; d > 0; d--)
      if ((rc = default_loan(w, s, c, t, -1))) return rc;
    return PS_OK;
  }
  ps_path_alive_add(w, s, c, -d);
  return d > 0 ? ps_claims_record_default(w, s, c, t, -1, d) : PS_OK;
}

/* Draw the period's defaults. Loans of a segment alive in period t share one
** conditional PD (unless its PD depends on age), so their default count is one
** binomial draw; each default is then placed in a cohort with probability
** proportional to the cohort's loans still alive (sampling without
** replacement), which is exact for exchangeable loans and costs one draw per
** default, not per loan. With a PD term structure, each cohort (one age) gets
** its own draw. Loan-tape groups: tape_defaults.c. PS_OK, PS_EINPUT (a hook failed) or
** PS_ERUNTIME (out of memory), as the draw_* helpers below. */
/* The naive sampler, kept as the benchmarks' baseline (--sampler loan): one
** uniform draw per live loan per period. Same model, other random numbers. */
static int draw_defaults_by_loan(ps_path *w, int s, int t, int lo, int hi) {
  const ps_segment *seg = &w->m->segments[s];
  int64_t *alive = w->alive[s];
  int rc;
  for (int c = lo; c <= hi; c++) {
    double p = ps_factors_pd(&w->factors, w->m, seg, t, t - c);
    for (int64_t k = alive[c]; k > 0; k--)
      if (gsl_rng_uniform(w->default_rng) < p && (rc = default_loan(w, s, c, t, -1))) return rc;
  }
  return PS_OK;
}

/* the cohort of the k-th (from 0) of the n loans alive in cohorts lo..hi, counted from lo: scanned
** from the nearer end (from hi, it is the one holding the (n - 1 - k)-th counted from hi) */
static inline int pick_cohort(const int64_t *alive, int lo, int hi, int64_t n, int64_t k) {
  int c;
  if (k < n - 1 - k)
    for (c = lo; k >= alive[c]; c++) k -= alive[c];
  else
    for (c = hi, k = n - 1 - k; k >= alive[c]; c--) k -= alive[c];
  return c;
}

static int draw_defaults(ps_path *w, int t) {
  const ps_model *m = w->m;
  int rc = PS_OK;
  /* loan-tape groups (after the own segments): by PD bucket, below, or by the naive sampler */
  int nsegments = w->by_loan ? m->nsegments : m->nown_segments;
  for (int s = 0; s < nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    if (seg->kind == PS_SEGMENT_POLICY) { /* insurance policies: policies.c */
      if ((rc = ps_policies_claims(w, s, t))) return rc;
      continue;
    }
    int64_t *alive = w->alive[s];
    int lo = t - seg->tenor + 1 > seg->first ? t - seg->tenor + 1 : seg->first;
    int hi = t < seg->last ? t : seg->last;
    if (seg->kind != PS_SEGMENT_LOAN) continue; /* bridges: bridges.c */
    if (seg->loan.kind == PS_DIST_LIST) { /* one cohort: lo == hi == first while at risk */
      if (lo <= hi && (rc = ps_tape_draw_by_loan(w, s, lo, t))) return rc;
      continue;
    }
    if (w->by_loan) {
      if ((rc = draw_defaults_by_loan(w, s, t, lo, hi))) return rc;
      continue;
    }
    if (seg->pd_by_year) {
      for (int c = lo; c <= hi; c++) {
        if (alive[c] == 0) continue;
        double p = ps_factors_pd(&w->factors, m, seg, t, t - c);
        int64_t d = p >= 1 ? alive[c] : p <= 0 ? 0 : (int64_t)ps_binomial(w->default_rng, p, (unsigned)alive[c]);
        if ((rc = default_loans(w, s, c, t, d))) return rc;
      }
      continue;
    }
    int64_t n = w->alive_sum[s];
    if (n == 0) continue;
    double p = ps_factors_pd(&w->factors, m, seg, t, 0);
    int64_t d = p >= 1 ? n : p <= 0 ? 0 : (int64_t)ps_binomial(w->default_rng, p, (unsigned)n);
    /* runs of defaults alike go in one record: a bullet loan's of any cohort,
    ** an amortizing loan's of one cohort (recording them draws nothing, so
    ** the cohorts are drawn as before) */
    int64_t run = 0;
    int run_cohort = lo;
    for (; d > 0; d--, n--) {
      int c = pick_cohort(alive, lo, hi, n, (int64_t)ps_rng_uniform_int(w->default_rng, (unsigned long)n));
      if (!w->batchable[s]) {
        if ((rc = default_loan(w, s, c, t, -1))) return rc;
        continue;
      }
      if (run > 0 && seg->amortizing && c != run_cohort) {
        if ((rc = ps_claims_record_default(w, s, run_cohort, t, -1, run))) return rc;
        run = 0;
      }
      ps_path_alive_add(w, s, c, -1);
      run_cohort = c;
      run++;
    }
    if (run > 0 && (rc = ps_claims_record_default(w, s, run_cohort, t, -1, run))) return rc;
  }
  if (m->ntape_buckets == 0) return PS_OK; /* no loan tape */
  if (!w->by_loan && (rc = ps_tape_draw_defaults(w, t))) return rc;
  return ps_claims_tape_gathered(w, t); /* the loan tapes' defaults gathered into claims (claims.c) */
}

/* the pools' initial balances; PS_OK, PS_EINPUT (the ledger refused one for overflow: an owner of
** several pools) or PS_ERUNTIME (out of memory) */
static int open_pools(ps_path *w) {
  const ps_model *m = w->m;
  int rc;
  for (int i = 0; i < m->npools; i++) {
    int64_t initial = w->initial ? w->initial[i] : m->pools[i].initial;
    if ((rc = ps_ledger_post(&w->ledger, 0, m->pools[i].owner, ps_account_of_pool(m, i), initial, PS_KIND_INITIAL)))
      return rc;
    w->pools[i].balance = initial;
  }
  return PS_OK;
}

/* Cross-check the path's accounts: each pool's ledger balance equals its
** running balance and its flows add up; with audit, the posting log replays
** to the ledger's totals. Returns PS_OK, or PS_ERUNTIME with a message. */
static int check_accounts(const ps_path *w, long index, char *err, size_t errlen) {
  const ps_model *m = w->m;
  const ps_ledger *l = &w->ledger;
  for (int i = 0; i < m->npools; i++) {
    const pool_state *ps = &w->pools[i];
    int a = ps_account_of_pool(m, i);
    /* sums modulo 2^64 (unsigned): claims and shortfall are not postings, so the volume does not
    ** bound them, and the checks are equalities */
    uint64_t flows = (uint64_t)ps_ledger_net(l, a, PS_KIND_INITIAL) + (uint64_t)ps->topups +
                     (uint64_t)ps_ledger_net(l, a, PS_KIND_YIELD) - (uint64_t)ps->paid + (uint64_t)ps->recovered -
                     (uint64_t)ps->returned + (uint64_t)ps->fees;
    uint64_t attributed = 0, by_segment = 0;
    for (int g = 0; g < m->nprogrammes; g++) attributed += (uint64_t)ps->by_programme[g];
    for (int d = 0; d < m->ndrivers; d++) by_segment += (uint64_t)ps->by_segment[d];
    if (ps->balance < 0 || ps_ledger_balance(l, a) != ps->balance || flows != (uint64_t)ps->balance ||
        attributed + (uint64_t)ps->pending_paid != (uint64_t)ps->paid - (uint64_t)ps->recovered ||
        by_segment != attributed ||
        ps_ledger_net(l, a, PS_KIND_TOPUP) != ps->topups || ps_ledger_net(l, a, PS_KIND_FEE) != ps->fees ||
        (uint64_t)ps->claims != (uint64_t)ps->paid + (uint64_t)ps->shortfall) {
      snprintf(err, errlen, "internal error: pool '%s' accounts do not add up in path %ld", m->pools[i].id, index);
      return PS_ERUNTIME;
    }
  }
  for (int s = 0; s < m->nsegments; s++) { /* the running counts agree with the cohorts */
    const ps_segment *seg = &m->segments[s];
    int lo = m->periods - seg->tenor + 1 > seg->first ? m->periods - seg->tenor + 1 : seg->first;
    int hi = m->periods < seg->last ? m->periods : seg->last;
    int64_t n = 0, weighted = 0;
    for (int c = lo; c <= hi; c++) {
      n += w->alive[s][c];
      weighted += w->alive[s][c] * (int64_t)(seg->tenor + c);
    }
    if (n != w->alive_sum[s] || (w->alive_w && weighted != w->alive_w[s])) {
      snprintf(err, errlen, "internal error: segment '%s' lost count of its loans in path %ld", seg->id, index);
      return PS_ERUNTIME;
    }
  }
  for (int i = 0; i < m->nparties; i++) /* premiums earned: never more than those paid (policies earn over their term) */
    if (w->parties[i].premiums > ps_ledger_net(l, i, PS_KIND_PREMIUM)) {
      snprintf(err, errlen, "internal error: party '%s' earned more premiums than it was paid in path %ld", m->parties[i].id,
               index);
      return PS_ERUNTIME;
    }
  for (int g = 0; g < m->nprogrammes; g++) { /* a bridge fund serves or declines every request */
    const programme_state *ps = &w->progs[g];
    if (m->programmes[g].lender >= 0 &&
        (ps->originated + ps->declined != ps->requests || ps->defaults > ps->originated || ps->defaults < 0)) {
      snprintf(err, errlen, "internal error: programme '%s' lost count of its bridges in path %ld", m->programmes[g].id,
               index);
      return PS_ERUNTIME;
    }
  }
  if (m->ntape_buckets && !ps_tape_check(w)) {
    snprintf(err, errlen, "internal error: the loan tapes' buckets lost count of their loans in path %ld", index);
    return PS_ERUNTIME;
  }
  if (ps_ledger_check_balanced(l)) {
    snprintf(err, errlen, "internal error: the ledger of path %ld does not balance", index);
    return PS_ERUNTIME;
  }
  if (!w->audit) return PS_OK;
  int64_t *replay = calloc((size_t)l->naccounts * PS_NKINDS, sizeof *replay);
  if (!replay) {
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  int bad = 0;
  for (size_t k = 0; k < l->nlog; k++) {
    const ps_posting *p = &l->log[k];
    bad |= p->amount <= 0 || p->from == p->to;
    replay[(size_t)p->from * PS_NKINDS + p->kind] -= p->amount;
    replay[(size_t)p->to * PS_NKINDS + p->kind] += p->amount;
  }
  bad |= memcmp(replay, l->net, (size_t)l->naccounts * PS_NKINDS * sizeof *replay) != 0;
  free(replay);
  if (bad) snprintf(err, errlen, "internal error: the posting log of path %ld does not replay to its ledger", index);
  return bad ? PS_ERUNTIME : PS_OK;
}

/* the ratio reported for a party: a bank's highest NPL ratio, a guarantor's
** payout rate (payouts / principal guaranteed), an insurer's loss ratio */
static double party_ratio(const ps_path *w, int i) {
  const ps_model *m = w->m;
  const party_state *ps = &w->parties[i];
  switch (m->parties[i].kind) {
  case PS_PARTY_BANK: return ps->npl_max;
  case PS_PARTY_INSURER: return ps_rules_loss_ratio(w, i);
  case PS_PARTY_GUARANTOR: return ps_rules_payout_rate(w, i);
  default: return 0;
  }
}

/* each government's cost in present value: in total, by cohort, and over the lending it covers;
** with track_parties, every party's net result in present value */
static void store_cost(const ps_cost *c, int track_parties, long index, ps_outcomes *out) {
  for (int g = 0; g < c->ngov; g++) {
    size_t k = ps_slot(out, g, index);
    double pv = 0, lending = 0;
    for (int y = 0; y < c->ncohorts; y++) {
      size_t cell = (size_t)g * (size_t)c->ncohorts + (size_t)y;
      pv += c->pv[cell];
      lending += c->lending[cell];
      out->cost_by_cohort[k * (size_t)c->ncohorts + (size_t)y] = c->pv[cell] / PS_FEN_PER_YUAN;
      out->volume_by_cohort[k * (size_t)c->ncohorts + (size_t)y] = c->volume[cell] / PS_FEN_PER_YUAN;
    }
    out->cost_pv[k] = pv / PS_FEN_PER_YUAN;
    out->subsidy_rate[k] = lending > 0 ? pv / lending : 0;
  }
  for (int i = 0; track_parties && i < c->nparties; i++)
    out->party_pv[ps_slot(out, i, index)] = c->party_pv[i] / PS_FEN_PER_YUAN;
}

static void store_outcomes(const ps_path *w, long index, ps_outcomes *out) {
  const ps_model *m = w->m;
  for (int k = 0; k < m->nuncertain; k++) out->drawn[ps_slot(out, k, index)] = w->params->drawn[k];
  for (int i = 0; i < m->npools; i++) {
    const pool_state *ps = &w->pools[i];
    size_t k = ps_slot(out, i, index);
    out->claims[k] = (double)ps->claims / PS_FEN_PER_YUAN;
    out->paid[k] = (double)ps->paid / PS_FEN_PER_YUAN;
    out->shortfall[k] = (double)ps->shortfall / PS_FEN_PER_YUAN;
    out->recovered[k] = (double)ps->recovered / PS_FEN_PER_YUAN;
    out->unsettled[k] = (double)ps->unsettled / PS_FEN_PER_YUAN;
    if (out->topups) out->topups[k] = (double)ps->topups / PS_FEN_PER_YUAN; /* NULL: not kept (outcomes.h) */
    if (out->returned) out->returned[k] = (double)ps->returned / PS_FEN_PER_YUAN;
    out->required[k] = ceil(ps->required) / PS_FEN_PER_YUAN;
    for (int g = 0; g < m->nprogrammes; g++)
      out->outlay_by_programme[k * (size_t)m->nprogrammes + (size_t)g] = (double)ps->by_programme[g] / PS_FEN_PER_YUAN;
    for (int d = 0; out->outlay_by_segment && d < m->ndrivers; d++)
      out->outlay_by_segment[k * (size_t)m->ndrivers + (size_t)d] = (double)ps->by_segment[d] / PS_FEN_PER_YUAN;
    out->depletion[k] = ps->depletion;
  }
  for (int i = 0; i < m->nprogrammes; i++) {
    const programme_state *ps = &w->progs[i];
    size_t k = ps_slot(out, i, index);
    out->defaults[k] = (double)ps->defaults;
    out->originated[k] = (double)ps->originated;
    out->defaulted_exposure[k] = (double)ps->exposure / PS_FEN_PER_YUAN;
    if (out->refused) out->refused[k] = (double)ps->refused / PS_FEN_PER_YUAN;
    out->capped[k] = (double)ps->capped / PS_FEN_PER_YUAN;
    if (out->paused) out->paused[k] = ps->paused_periods;
    if (out->stopped) out->stopped[k] = ps->stopped_periods;
    if (out->declined) out->declined[k] = (double)ps->declined;
    if (m->track_lent) out->lent[k] = ps->lent / PS_FEN_PER_YUAN;
  }
  store_cost(&w->cost, m->track_party_pv, index, out);
  for (int i = 0; i < m->nparties; i++) {
    const party_state *ps = &w->parties[i];
    size_t k = ps_slot(out, i, index);
    int64_t net = ps_ledger_net(&w->ledger, i, PS_KIND_PRINCIPAL_LOSS) +
                  ps_ledger_net(&w->ledger, i, PS_KIND_COMPENSATION) + ps_ledger_net(&w->ledger, i, PS_KIND_RECOVERY);
    out->losses[k] = (double)-net / PS_FEN_PER_YUAN;
    out->net_result[k] = (double)ps_ledger_balance(&w->ledger, i) / PS_FEN_PER_YUAN;
    out->unpaid[k] = (double)ps->unpaid / PS_FEN_PER_YUAN;
    out->breached[k] = ps->breached;
    out->ratio[k] = party_ratio(w, i);
  }
}

/* government party i's budget of fiscal year `year` (0-based) in path index: the kinds the model can
** have (outcomes.h) */
static double *year_budget(ps_outcomes *out, int i, long index, int year) {
  return &out->budget[(ps_slot(out, out->budget_slot[i], index) * (size_t)out->nyears + (size_t)year) *
                      (size_t)out->nbudget];
}

/* a fiscal year (0-based) in which nothing was posted: every party's net result 0, and each budget kind
** of a government 0 (what close_year makes of zero moves, to the bit) */
static void close_still_year(const ps_path *w, long index, int year, ps_outcomes *out) {
  for (int i = 0; i < w->m->nparties; i++) {
    out->net_by_year[ps_slot(out, i, index) * (size_t)out->nyears + (size_t)year] = 0.0;
    if (out->budget_slot[i] < 0) continue;
    double *kept = year_budget(out, i, index, year);
    for (int k = 0; k < PS_NBUDGET; k++)
      if (out->budget_kind[k] >= 0)
        kept[out->budget_kind[k]] = 0.0;
  }
}

/* each party's net result for the fiscal year that ends with period t; *closed is the ledger's volume
** at the last close (-1 before the first): when no posting was made since, every net of the year is 0 */
static void close_year(ps_path *w, long index, int t, ps_outcomes *out, int64_t *closed) {
  /* the ledger kinds behind each budget kind (outlays are negative nets) */
  static const ps_kind funding[] = {PS_KIND_INITIAL, PS_KIND_TOPUP, PS_KIND_WIND_DOWN};
  static const ps_kind compensation[] = {PS_KIND_COMPENSATION, PS_KIND_RECOVERY};
  int year = (t - 1) / ps_periods_per_year(w->m->step); /* 0-based */
  int still = w->ledger.volume == *closed; /* every posting adds its amount (> 0) to the volume */
  *closed = w->ledger.volume;
  if (still) { /* nothing posted this year: what the loop below writes from zero moves, at once */
    close_still_year(w, index, year, out);
    return;
  }
  for (int i = 0; i < w->m->nparties; i++) {
    party_state *ps = &w->parties[i];
    int64_t now = ps_ledger_balance(&w->ledger, i), moved[PS_NKINDS];
    size_t slot = ps_slot(out, i, index) * (size_t)out->nyears + (size_t)year;
    out->net_by_year[slot] = (double)(now - ps->year_start) / PS_FEN_PER_YUAN; /* differences within the volume */
    ps->year_start = now;
    if (out->budget_slot[i] < 0) continue; /* the budget view is a government's */
    for (int k = 0; k < PS_NKINDS; k++) {
      int64_t net = ps_ledger_net(&w->ledger, i, (ps_kind)k);
      moved[k] = net - ps->year_start_kind[k];
      ps->year_start_kind[k] = net;
    }
    double b[PS_NBUDGET] = {0};
    for (size_t k = 0; k < sizeof funding / sizeof *funding; k++) b[PS_BUDGET_FUNDING] -= (double)moved[funding[k]];
    for (size_t k = 0; k < sizeof compensation / sizeof *compensation; k++)
      b[PS_BUDGET_COMPENSATION] -= (double)moved[compensation[k]];
    /* 0 - x, not -x: a year without such outlays is +0.0, not -0.0 (which reports print as "-0") */
    b[PS_BUDGET_INTEREST_SUBSIDY] = 0.0 - (double)moved[PS_KIND_INTEREST_SUBSIDY];
    b[PS_BUDGET_FEE_SUBSIDY] = 0.0 - (double)moved[PS_KIND_FEE_SUBSIDY];
    b[PS_BUDGET_PREMIUM_SUBSIDY] = 0.0 - (double)moved[PS_KIND_PREMIUM_SUBSIDY];
    b[PS_BUDGET_LENDING_REWARD] = 0.0 - (double)moved[PS_KIND_LENDING_REWARD];
    double *kept = year_budget(out, i, index, year);
    for (int k = 0; k < PS_NBUDGET; k++)
      if (out->budget_kind[k] >= 0) kept[out->budget_kind[k]] = b[k] / PS_FEN_PER_YUAN;
  }
}

/* back-testing: each tracked programme's defaults and claims (fen asked of its payers other than
** the bank, claims.c) up to the end of period t */
static void track_period(const ps_path *w, long index, int t, ps_outcomes *out) {
  for (int k = 0; k < w->m->nprogrammes; k++) {
    if (out->track_slot[k] < 0) continue;
    size_t slot = ps_track_slot(out, k, index) + (size_t)(t - 1);
    out->track_defaults[slot] = (double)w->progs[k].defaults;
    out->track_claims[slot] = (double)w->progs[k].public_total;
  }
}

/* After quiet period t has run (its records too), with nothing else to run each period (ps_path_run's
** skips): the periods after it that are quiet as well and would only record their balances and close
** their fiscal years, or only run the funding rules besides (a fiscal year's turn, a refill rule, which
** find nothing at risk), run at once; *t becomes the last of them. PS_OK, or ps_rules_fund's error. */
static int run_still(ps_path *w, long index, int *t, ps_outcomes *out, int64_t *closed) {
  const ps_model *m = w->m;
  int per_year = ps_periods_per_year(m->step), rc;
  int bands = out && index - out->first < out->band_paths;
  for (int u = *t;;) { /* u has run */
    int v = ps_path_still_until(w, u, per_year); /* u+1..v only record (sim/path_uses.h) */
    for (int i = 0; bands && i < m->npools; i++) {
      double *balance = &out->balance[ps_band_slot(out, i, index)], now = balance[u - 1];
      for (int k = u; k < v; k++) balance[k] = now;
    }
    if (out && v > u && v % per_year == 0 && v < m->periods) close_year(w, index, v, out, closed);
    w->period_now = *t = u = v;
    /* the next period, when it would run the funding rules and nothing else (quiet: nothing at risk
    ** still, nothing starts in it and nothing falls due) */
    if (u == m->periods || w->steps[u + 1] != (PS_STEP_MAY_BE_QUIET | PS_STEP_FUND_RULES) ||
        (w->claims[u + 1].head & w->recoveries[u + 1].head) >= 0)
      return PS_OK;
    w->period_now = *t = ++u;
    if ((rc = ps_rules_fund(w, u))) return rc;
    for (int i = 0; bands && i < m->npools; i++)
      out->balance[ps_band_slot(out, i, index) + (size_t)(u - 1)] = (double)w->pools[i].balance / PS_FEN_PER_YUAN;
    if (out && u % per_year == 0 && u < m->periods) close_year(w, index, u, out, closed);
  }
}

/* ps_path_run — run path `index` of the run with this seed and store its outcomes in out (NULL: keep
** nothing, as a sizing search does). policy may be NULL. PS_OK; PS_EINPUT when a hook of the scenario
** failed or the scenario's money overflowed the ledger; PS_ERUNTIME otherwise (an account check
** failed, or memory ran out); with a message */
int ps_path_run(ps_path *w, uint64_t seed, long index, ps_policy *policy, ps_outcomes *out, char *err,
                size_t errlen) {
  const ps_model *m = w->m;
  if (ps_path_reset(w)) {
    snprintf(err, errlen, "out of memory in path %ld", index);
    return PS_ERUNTIME;
  }
  w->policy = policy;
  w->error[0] = '\0';
  int rc;
  if (policy && (rc = ps_policy_begin_path(policy, seed, index, err, errlen))) return rc;
  ps_rng_seed_stream(w->factor_rng, seed, (uint64_t)index, PS_STREAM_FACTORS);
  ps_rng_seed_stream(w->default_rng, seed, (uint64_t)index, PS_STREAM_DEFAULTS);
  if (w->params) ps_params_draw(w->params, seed, index); /* before the factors: the cycle may be drawn */
  if (w->volume_rng) ps_rng_seed_stream(w->volume_rng, seed, (uint64_t)index, PS_STREAM_VOLUMES);
  if (w->bridge_rng) ps_rng_seed_stream(w->bridge_rng, seed, (uint64_t)index, PS_STREAM_BRIDGES);
  ps_factors_draw(&w->factors, m, w->factor_rng);
  w->period_now = 0;
  if ((rc = open_pools(w)) || (rc = book_seasoned(w))) goto fail;
  int per_year = ps_periods_per_year(m->step);
  int64_t closed = -1; /* close_year's */
  /* quiet periods that would only record may be run through at once (sim/path_uses.h) */
  int skips = !w->has_pending && !w->has_triggers && !policy && !m->track_party_pv && !(out && out->track_slot);
  int bands = out && index - out->first < out->band_paths; /* this path's balances are kept for the bands */
  for (int t = 1; t <= m->periods; t++) {
    w->period_now = t;
    if (w->has_pending && (rc = ps_claims_pending(w, t))) goto fail; /* claims approved before period 1: first */
    int still = ps_path_quiet(w, t); /* sim/path_uses.h */
    if (!still) {
      ps_rules_book(w, t);
      ps_rules_npl(w, t);
    }
    /* steps with nothing to do are skipped (path_state.h, PS_STEP_*) */
    if (((w->steps[t] & PS_STEP_FUND_POOLS) && (rc = fund_pools(w, t))) ||
        ((w->steps[t] & PS_STEP_FUND_RULES) && (rc = ps_rules_fund(w, t))))
      goto fail;
    for (int i = 0; w->has_pending && i < m->npools; i++) w->pools[i].year_paid += w->pools[i].pending_now; /* this year's */
    if (policy && (rc = ps_policy_on_period(policy, w, t, err, errlen))) {
      size_t n = strlen(err);
      snprintf(err + n, errlen - n, " of path %ld", index);
      return rc;
    }
    if (w->has_triggers || policy) ps_rules_triggers(w); /* else none is ever paused or stopped */
    if (!still && ((rc = originate(w, t)) || (w->bridge_due && (rc = ps_bridges_period(w, t))) ||
                   (rc = draw_defaults(w, t)) || (rc = ps_flows_period(w, t)) || (rc = ps_claims_pay(w, t)) ||
                   (rc = ps_claims_recover(w, t)) || (w->bridge_due && (rc = ps_bridges_recover(w, t)))))
      goto fail;
    if (w->ledger.overflow.amount) goto fail; /* a hook caught ctx:topup's overflow error (pcall) */
    for (int i = 0; bands && i < m->npools; i++)
      out->balance[ps_band_slot(out, i, index) + (size_t)(t - 1)] = (double)w->pools[i].balance / PS_FEN_PER_YUAN;
    if (out && out->track_slot) track_period(w, index, t, out);
    if (out && t % per_year == 0 && t < m->periods) close_year(w, index, t, out, &closed);
    if (m->track_party_pv) ps_cost_count_parties(&w->cost, &w->ledger, t);
    if (still && skips && (rc = run_still(w, index, &t, out, &closed))) goto fail;
  }
  w->period_now = m->periods; /* the last (maybe partial) fiscal year's layer, then wind-down */
  if ((rc = ps_rules_settle_layers(w, m->periods)) || (rc = ps_rules_wind_down(w))) goto fail;
  if (m->track_party_pv) ps_cost_count_parties(&w->cost, &w->ledger, m->periods);
  if (!out) return check_accounts(w, index, err, errlen);
  close_year(w, index, m->periods, out, &closed);
  if ((rc = check_accounts(w, index, err, errlen))) return rc;
  store_outcomes(w, index, out);
  if (out->weight) out->weight[index - out->first] = exp(w->factors.log_weight); /* tail sampling */
  return PS_OK;
fail: /* the ledger refused a posting for overflow (whatever code its callers passed on: the failure
      ** is the input's), a hook inside the period failed and said why in w->error (PS_EINPUT), or
      ** memory ran out */
  if (w->ledger.overflow.amount) {
    ps_path_overflow(w, err, errlen);
    size_t n = strlen(err);
    snprintf(err + n, errlen - n, " of path %ld", index);
    return PS_EINPUT;
  }
  if (rc == PS_EINPUT) snprintf(err, errlen, "%s of path %ld", w->error, index);
  else snprintf(err, errlen, "out of memory in path %ld", index);
  return rc;
}
