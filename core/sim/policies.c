/* policies.c — kind = "policy" segments in a path: issue, premiums, earned
** premiums and claims (sim/policies.h). The cost of a period is one binomial
** draw per cohort in force plus the work of each claim, whatever the number of
** policies. */
#include "sim/policies.h"

#include "sim/binomial.h"
#include "sim/claims.h"
#include "sim/factors.h"

/* the premium of one policy of segment s, fen: premium x mean cover x term in years, to the fen */
static int64_t policy_premium(const ps_model *m, int s) {
  const ps_segment *seg = &m->segments[s];
  return ps_round_fen(seg->premium * seg->loan.mean * PS_FEN_PER_YUAN * seg->tenor * m->dt);
}

int ps_policies_issue(ps_path *w, int s, int t, int64_t n) {
  const ps_model *m = w->m;
  const ps_segment *seg = &m->segments[s];
  const ps_programme *p = &m->programmes[seg->programme];
  w->issued[s][t] = n;
  int64_t premium;
  if (__builtin_mul_overflow(n, policy_premium(m, s), &premium))
    premium = INT64_MAX; /* the ledger refuses it for overflow, naming the posting */
  int firms = ps_account_firms(m);
  int rc = ps_ledger_post(&w->ledger, t, firms, p->insurer, premium, PS_KIND_PREMIUM);
  /* the cover written is what a government's subsidy rate is over (sim/cost.h) */
  ps_cost_lending(&w->cost, seg->programme, t, (double)n * seg->loan.mean * PS_FEN_PER_YUAN);
  if (rc || p->premium_subsidy.payer < 0) return rc;
  int64_t subsidy = ps_round_fen((double)premium * p->premium_subsidy.share);
  ps_cost_flow(&w->cost, p->premium_subsidy.payer, t, t, (double)subsidy);
  return ps_ledger_post(&w->ledger, t, p->premium_subsidy.payer, firms, subsidy, PS_KIND_PREMIUM_SUBSIDY);
}

/* floor(total x k / term) without overflow (0 <= k <= term) */
static int64_t earned_by(int64_t total, int k, int term) {
  return total / term * k + total % term * k / term;
}

void ps_policies_earn(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    if (seg->kind != PS_SEGMENT_POLICY) continue;
    const ps_programme *p = &m->programmes[seg->programme];
    int64_t per_policy = policy_premium(m, s), earned = 0;
    int lo = t - seg->tenor + 1 > seg->first ? t - seg->tenor + 1 : seg->first;
    int hi = t < seg->last ? t : seg->last;
    for (int c = lo; c <= hi; c++) {
      int64_t total = w->issued[s][c] * per_policy; /* posted at issue, so within the ledger */
      earned += earned_by(total, t - c + 1, seg->tenor) - earned_by(total, t - c, seg->tenor);
    }
    party_state *insurer = &w->parties[p->insurer];
    insurer->premiums += earned;
    insurer->premiums_year += earned;
    if (p->insurer == p->layer.insurer) w->progs[seg->programme].layer_premiums += earned;
  }
}

/* the claim of one policy, fen: max(0, severity x cover - deductible), severity and cover drawn */
static int64_t claim_of(ps_path *w, const ps_segment *seg, int64_t *cover) {
  *cover = ps_round_fen(ps_claims_draw(&seg->loan, w->default_rng) * PS_FEN_PER_YUAN);
  int64_t loss = ps_round_fen(ps_claims_draw(&seg->lgd, w->default_rng) * (double)*cover) - seg->deductible;
  return loss > 0 ? loss : 0;
}

int ps_policies_claims(ps_path *w, int s, int t) {
  const ps_model *m = w->m;
  const ps_segment *seg = &m->segments[s];
  int64_t *alive = w->alive[s];
  int lo = t - seg->tenor + 1 > seg->first ? t - seg->tenor + 1 : seg->first;
  int hi = t < seg->last ? t : seg->last;
  for (int c = lo; c <= hi; c++) {
    if (alive[c] == 0) continue;
    double p = ps_factors_pd(&w->factors, m, seg, t, t - c);
    int64_t d = p >= 1 ? alive[c] : p <= 0 ? 0 : (int64_t)ps_binomial(w->default_rng, p, (unsigned)alive[c]);
    ps_path_alive_add(w, s, c, -d);
    if (d == 0) continue;
    int64_t cover, claim;
    if (w->batchable[s]) { /* alike: one record for all of them */
      claim = claim_of(w, seg, &cover);
      int rc = claim > 0 ? ps_claims_record_claim(w, s, c, t, cover, claim, d) : PS_OK;
      if (rc) return rc;
      if (claim == 0) w->progs[seg->programme].defaults += d;
      continue;
    }
    for (; d > 0; d--) {
      claim = claim_of(w, seg, &cover);
      int rc = claim > 0 ? ps_claims_record_claim(w, s, c, t, cover, claim, 1) : PS_OK;
      if (rc) return rc;
      if (claim == 0) w->progs[seg->programme].defaults++;
    }
  }
  return PS_OK;
}
