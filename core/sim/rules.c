/* rules.c — the rules that look at the whole book rather than one default:
** the loans at risk, the programmes' triggers, and the pools' funding rules
** (refill last year's outlay, refill below a share of the loans covered,
** wind-down). All run at the start of a period, in the order of docs/rules.md. */
#include "sim/rules.h"

#include <math.h>
#include <string.h>

#include "sim/programme.h"

/* a loan-tape group's principal at risk at the start of period t (its one cohort, `first`) */
static inline double tape_term(const ps_path *w, const ps_tape_group *g, int t) {
  double n = (double)w->alive[g->segment][g->first];
  if (g->amortizing) n *= (double)(g->tenor - (t - g->first)) / (double)g->tenor; /* its share outstanding */
  return n * g->mean_fen;
}

/* a loan-tape group at risk in period t - 1 at the start of period t: it matures, or its principal at
** risk is added to its programme's (as ps_rules_book's loop does) */
static void book_tape_group(ps_path *w, const ps_tape_group *g, int t) {
  if (t - g->tenor == g->first) { /* its last period at risk was t - 1 */
    ps_path_alive_mature(w, g->segment, g->first);
    return;
  }
  w->progs[g->programme].performing += tape_term(w, g, t);
}

/* audit: programme k's book of period t from its own segments' part `own`, adding its loan-tape
** groups one by one as ps_rules_book's walk does */
static double walk_tapes(const ps_path *w, int t, int k, double own) {
  const ps_model *m = w->m;
  for (int j = m->tape_periods.live_at[t - 1]; j < m->tape_periods.live_at[t]; j++) {
    const ps_tape_group *g = &m->tape_groups[m->tape_periods.live[j]];
    if (g->programme == k && t - g->tenor != g->first) own += tape_term(w, g, t);
  }
  return own;
}

/* The loan-tape groups' part of period t's book without walking them: the last period's flows summed
** it (tape_flows, flows.c: programme_state's tape_next; from the running sums of sim/tape_book.h, or in
** the walk's order), and nothing has changed
** their loans since. Adding that sum to a programme's own part gives what adding the groups one by one
** would when either part is 0 (0 + x = x exactly, and the groups' terms are never negative). Returns
** 1, or 0 when the groups must be walked: no such sum (period 1, after a quiet period, with
** subsidies) or both parts non-zero. The groups that matured leave (in any order: without alive_year
** only integers move). With audit, the walk is done as well and a difference (beyond the rounding of
** the running sums, flows.c) marks the path (check_accounts). */
static int book_tapes_summed(ps_path *w, int t) {
  const ps_model *m = w->m;
  if (w->tape_next_for != t || w->alive_year) return 0;
  for (int k = 0; k < m->nprogrammes; k++)
    if (w->progs[k].performing != 0 && w->progs[k].tape_next != 0) return 0;
  for (int k = 0; k < m->nprogrammes; k++) {
    programme_state *ps = &w->progs[k];
    double summed = ps->tape_next != 0 ? ps->tape_next : ps->performing;
    /* (the running sums' fixed point, flows.c, is within 2^-17 fen a loan of the walk's doubles) */
    if (w->audit) w->tape_book_bad |= !(fabs(walk_tapes(w, t, k, ps->performing) - summed) <= 1 + 1e-9 * fabs(summed));
    ps->performing = summed;
  }
  const ps_tape_periods *p = &m->tape_periods;
  for (int j = p->leave_at[t]; j < p->leave_at[t + 1]; j++)
    ps_path_alive_mature(w, m->tape_groups[p->leave[j]].segment, m->tape_groups[p->leave[j]].first);
  return 1;
}

/* ps_rules_book — expected principal at risk in period t from cohorts originated before t, per
** programme; in a period whose book nothing reads (path_state.h, book_read), only the loans that
** mature now leave */
void ps_rules_book(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int i = 0; i < m->nprogrammes; i++) w->progs[i].performing = 0;
  int read = w->book_read[t] & PS_BOOK_READ; /* always with loan tapes */
  /* loan-tape groups (after the own segments): only those at risk in period t - 1 have loans at
  ** risk or maturing now (m->tape_periods' lists) */
  int nsegments = m->ntape_buckets ? m->nown_segments : m->nsegments;
  for (int s = 0; s < nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    if (w->alive_sum[s] == 0) continue; /* nothing at risk, nothing to mature: adds nothing */
    int matured = t - seg->tenor; /* its last period at risk was t - 1 */
    if (matured >= seg->first && matured <= seg->last) ps_path_alive_mature(w, s, matured);
    if (!read) continue;
    double mean = seg->loan.mean * PS_FEN_PER_YUAN;
    /* an amortizing book counts each cohort by its share outstanding (path_state.h): those of t - tenor + 1
    ** .. t - 1, as the cohort of t is not yet lent */
    double sum = seg->amortizing ? ps_path_amortizing_book(w, s, t) : (double)w->alive_sum[s];
    w->progs[seg->programme].performing += sum * mean;
  }
  if (m->ntape_buckets == 0 || book_tapes_summed(w, t)) return;
  const int *live = m->tape_periods.live;
  const ps_tape_group *groups = m->tape_groups;
  for (int j = m->tape_periods.live_at[t - 1], end = m->tape_periods.live_at[t]; j < end; j++)
    book_tape_group(w, &groups[live[j]], t);
}

/* ps_rules_payout_rate — a guarantor's payouts / principal it guaranteed, so far */
double ps_rules_payout_rate(const ps_path *w, int party) {
  const ps_model *m = w->m;
  double guaranteed = 0;
  for (int k = 0; k < m->nprogrammes; k++)
    for (int j = 0; j < m->programmes[k].nshares; j++)
      if (m->programmes[k].shares[j].account == party) guaranteed += w->progs[k].enrolled_total;
  return guaranteed > 0 ? (double)w->parties[party].payouts / guaranteed : 0;
}

/* ps_rules_loss_ratio — an insurer's claims / premiums, so far */
double ps_rules_loss_ratio(const ps_path *w, int party) {
  const party_state *ps = &w->parties[party];
  return ps->premiums > 0 ? (double)ps->claims / (double)ps->premiums : 0;
}

/* the measure a trigger watches, now */
static double measure(const ps_path *w, const programme_state *ps, const ps_trigger *tr) {
  switch (tr->kind) {
  case PS_TRIGGER_PAYOUT_RATE: return ps_rules_payout_rate(w, tr->party);
  case PS_TRIGGER_LOSS_RATIO: return ps_rules_loss_ratio(w, tr->party);
  case PS_TRIGGER_NPL_RATIO: {
    double book = ps->performing + (double)ps->npl;
    return book > 0 ? (double)ps->npl / book : 0;
  }
  case PS_TRIGGER_ANNUAL_LOSS_RATE:
    return ps->year_enrolled > 0 ? (double)ps->year_defaulted / ps->year_enrolled : 0;
  default:
    return (double)w->pools[tr->pool].balance / PS_FEN_PER_YUAN;
  }
}

/* is programme k lending in period t (some segment of it originating)? */
static int lending(const ps_model *m, int k, int t) {
  for (int s = 0; s < m->nsegments; s++)
    if (m->segments[s].programme == k && t >= m->segments[s].first && t <= m->segments[s].last) return 1;
  return 0;
}

/* ps_rules_triggers — the triggers of every programme, checked at the start of each period; an
** npl_ratio trigger only while its programme lends (unless during = "always"): in run-off the ratio
** tends to 100% whatever the loans' quality */
void ps_rules_triggers(ps_path *w) {
  const ps_model *m = w->m;
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme *p = &m->programmes[i];
    programme_state *ps = &w->progs[i];
    ps->paused = ps->stopped = 0;
    for (int k = 0; k < p->ntriggers; k++) {
      const ps_trigger *tr = &p->triggers[k];
      if (tr->kind == PS_TRIGGER_NPL_RATIO && !tr->run_off && !lending(m, i, w->period_now)) {
        ps->active[k] = 0;
        continue;
      }
      double x = measure(w, ps, tr);
      int floor = tr->kind == PS_TRIGGER_POOL_FLOOR;
      if (!ps->active[k]) ps->active[k] = floor ? x < tr->threshold : x > tr->threshold;
      else ps->active[k] = floor ? x < tr->resume : x > tr->resume;
      if (ps->active[k]) {
        if (tr->action == PS_ACTION_PAUSE) ps->paused = 1;
        else ps->stopped = 1;
      }
    }
    ps->paused |= ps->suspended;
    ps->paused_periods += ps->paused;
    ps->stopped_periods += ps->stopped;
  }
}

/* does programme p share its losses with this pool (as a payer or its excess layer)? */
static int covers(const ps_programme *p, int account) {
  for (int i = 0; i < p->nshares; i++)
    if (p->shares[i].account == account) return 1;
  return p->layer.insurer >= 0 && p->layer.payer == account;
}

/* ps_rules_fund — pool funding rules at the start of period t (after yield and scheduled top-ups);
** PS_OK, PS_EINPUT (the ledger refused a posting for overflow) or PS_ERUNTIME (out of memory) */
int ps_rules_fund(ps_path *w, int t) {
  const ps_model *m = w->m;
  int per_year = ps_periods_per_year(m->step);
  int new_year = t > 1 && (t - 1) % per_year == 0;
  int rc;
  if (new_year && (rc = ps_rules_settle_layers(w, t))) return rc;
  for (int i = 0; i < m->npools; i++) {
    const ps_pool *pool = &m->pools[i];
    pool_state *ps = &w->pools[i];
    if (new_year) {
      int64_t last_year = ps->year_paid - ps->year_recovered;
      ps->year_paid = ps->year_recovered = 0;
      if (pool->refill_last_year && last_year > 0 && (rc = ps_path_topup(w, i, last_year))) return rc;
    }
    if (pool->refill_below > 0) {
      double covered = 0;
      for (int k = 0; k < m->nprogrammes; k++)
        if (covers(&m->programmes[k], ps_account_of_pool(m, i))) covered += w->progs[k].performing;
      int64_t target = ps_round_fen(pool->refill_below * covered);
      if (ps->balance < target && (rc = ps_path_topup(w, i, target - ps->balance))) return rc;
    }
  }
  if (new_year) {
    for (int k = 0; k < m->nprogrammes; k++) {
      programme_state *ps = &w->progs[k];
      ps->year_enrolled = 0;
      ps->year_defaulted = ps->public_year = 0;
      memset(ps->share_year, 0, (size_t)m->programmes[k].nshares * sizeof(int64_t));
    }
    for (int i = 0; i < m->nparties; i++) w->parties[i].premiums_year = w->parties[i].claims_year = 0;
  }
  return PS_OK;
}

/* ps_rules_npl_lending — a bank's NPL ratio counts while it is still lending in some programme: once
** lending ends the book runs off and the ratio tends to 100% whatever the
** loans' quality, which says nothing about its tolerance. */
void ps_rules_npl_lending(ps_path *w, int t) {
  const ps_model *m = w->m;
  const unsigned char *lends = w->bank_lends + (size_t)t * (size_t)m->nparties; /* path_state.c, uses */
  for (int b = 0; b < m->nparties; b++) {
    if (!lends[b]) continue; /* not a bank, or none of its programmes originates in period t */
    double npl = 0, book = 0;
    for (int k = 0; k < m->nprogrammes; k++)
      if (m->programmes[k].bank == b) {
        npl += (double)w->progs[k].npl;
        book += w->progs[k].performing + (double)w->progs[k].npl;
      }
    double ratio = book > 0 ? npl / book : 0;
    party_state *ps = &w->parties[b];
    if (ratio > ps->npl_max) ps->npl_max = ratio;
    if (m->parties[b].npl_tolerance > 0 && ratio > m->parties[b].npl_tolerance) ps->breached = 1;
  }
}

/* ps_rules_settle_layers — settle each programme's excess-of-loss layer for the fiscal year just
** ended; PS_OK, PS_EINPUT (the ledger refused a posting for overflow) or PS_ERUNTIME (out of memory) */
int ps_rules_settle_layers(ps_path *w, int t) {
  const ps_model *m = w->m;
  int rc;
  for (int k = 0; k < m->nprogrammes; k++) {
    const ps_layer *layer = &m->programmes[k].layer;
    programme_state *ps = &w->progs[k];
    if (layer->insurer < 0) continue;
    int64_t excess = ps->layer_claims - (int64_t)floor(layer->above * (double)ps->layer_premiums);
    /* the segments whose claims made the excess, as weights for its attribution */
    for (int d = 0; d < m->ndrivers; d++) w->driver_weights[d] = (double)ps->layer_by_segment[d];
    memset(ps->layer_by_segment, 0, (size_t)m->ndrivers * sizeof(int64_t));
    ps->layer_claims = ps->layer_premiums = 0;
    if (excess <= 0) continue;
    int64_t amount = ps_round_fen(layer->share * (double)excess);
    if (ps_is_pool_account(m, layer->payer)) {
      pool_state *pool = &w->pools[layer->payer - m->nparties];
      amount = ps_path_pool_pays(w, layer->payer - m->nparties, k, -1, amount, 1, t);
      ps_split_fen(amount, w->driver_weights, m->ndrivers, w->driver_parts);
      for (int d = 0; d < m->ndrivers; d++) pool->by_segment[d] += w->driver_parts[d];
    }
    /* its cost counts in the cohort of the fiscal year whose claims it covers */
    ps_cost_flow(&w->cost, layer->payer, t, t, (double)amount);
    if ((rc = ps_ledger_post(&w->ledger, t, layer->payer, layer->insurer, amount, PS_KIND_COMPENSATION))) return rc;
  }
  return PS_OK;
}

/* ps_rules_wind_down — pools that wind down return their balance at the end of the horizon; PS_OK,
** PS_EINPUT (the ledger refused a posting for overflow: the owner's money) or PS_ERUNTIME (out of memory) */
int ps_rules_wind_down(ps_path *w) {
  const ps_model *m = w->m;
  int rc;
  for (int i = 0; i < m->npools; i++) {
    pool_state *ps = &w->pools[i];
    if (!m->pools[i].wind_down || ps->balance == 0) continue;
    if ((rc = ps_ledger_post(&w->ledger, m->periods, ps_account_of_pool(m, i), m->pools[i].owner, ps->balance,
                             PS_KIND_WIND_DOWN)))
      return rc;
    ps->returned = ps->balance;
    ps->balance = 0;
  }
  return PS_OK;
}
