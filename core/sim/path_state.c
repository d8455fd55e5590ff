/* path_state.c — the workspace of a path and the primitives that change its
** state (layering: sim/path_state.h). */
#include "sim/path_state.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/rng.h"

/* ps_path_batchable — may a run of segment s be one record (sim/path_state.h) */
int ps_path_batchable(const ps_model *m, int s) {
  const ps_segment *seg = &m->segments[s];
  const ps_programme *p = &m->programmes[seg->programme];
  /* the same amount and LGD for every loan, and no hook to tell them apart */
  if (seg->loan.kind != PS_DIST_FIXED || seg->lgd.kind != PS_DIST_FIXED || m->has_on_default || p->has_split)
    return 0;
  /* no limit that one loan may reach and the next not: a first loss used up,
  ** the programme's caps, a payer's yearly cap, a second payment (when a pool
  ** may run short at the recovery), a guarantor's capital, an insurer's breaker */
  if (p->first_loss_share >= 0 || p->cap_per_year > 0 || p->cap_total > 0 || p->cap_rate > 0 ||
      p->cap_loss_share > 0 || p->first_payment < 1)
    return 0;
  if (p->recovery_lag_max > p->recovery_lag) return 0; /* each default draws its own lag */
  for (int i = 0; i < p->nshares; i++) {
    int a = p->shares[i].account;
    if (p->shares[i].cap_per_year > 0) return 0;
    if (a < m->nparties && m->parties[a].kind == PS_PARTY_GUARANTOR && m->parties[a].capital > 0) return 0;
    if (a < m->nparties && m->parties[a].kind == PS_PARTY_INSURER && m->parties[a].loss_ratio_cap > 0) return 0;
  }
  return 1;
}

/* the cohorts a segment has before period 0: a seasoned loan-tape group's (first < 0) */
static int alive_low(const ps_segment *seg) { return seg->first < 0 ? -seg->first : 0; }

/* does some programme pay a government's subsidy on a whole book, whose cost is spread over the
** book's cohorts (sim/flows.c)? Then the workspace keeps the loans at risk by cohort year. */
static int books_by_cohort(const ps_model *m) {
  for (int k = 0; k < m->nprogrammes; k++) {
    const ps_programme *p = &m->programmes[k];
    int payers[] = {p->interest_subsidy.payer, p->fee_subsidy.payer, p->premium_subsidy.payer};
    for (int i = 0; i < 3; i++)
      if (payers[i] >= 0 && m->parties[payers[i]].kind == PS_PARTY_GOVERNMENT) return 1;
  }
  return 0;
}

/* the flags of what the model uses of the steps a period may skip (path_state.h, after has_pending;
** read through sim/path_uses.h): fixed by the model's structure, which drawn parameters do not
** change. PS_OK, or PS_ERUNTIME when out of memory (uses_free still fine) */
static int uses_init(ps_path *w, const ps_model *m) {
  if (!(w->bank_lends = calloc(((size_t)m->periods + 1) * (size_t)m->nparties, 1)) ||
      !(w->earns_on_book = calloc((size_t)m->nprogrammes + 1, 1)) || !(w->steps = calloc((size_t)m->periods + 1, 1)) ||
      !(w->book_read = calloc((size_t)m->periods + 1, 1)) ||
      !(w->quiet_to = calloc((size_t)m->periods + 2, sizeof *w->quiet_to)) ||
      !(w->limits_lending = calloc((size_t)m->nprogrammes + 1, 1)) || !(w->book_flows = calloc((size_t)m->nsegments + 1, 1)) ||
      !(w->share_caps = calloc((size_t)m->nprogrammes + 1, 1)) || !(w->tiered = calloc((size_t)m->nprogrammes + 1, 1)))
    return PS_ERUNTIME;
  int bridges = 0, refills = 0;
  for (int k = 0; k < m->nprogrammes; k++) bridges |= m->programmes[k].lender >= 0;
  for (int i = 0; i < m->npools; i++) refills |= m->pools[i].refill_below > 0;
  for (int t = 1; t <= m->periods; t++) {
    int funds = 0, quiet = !bridges && !w->has_policies && !m->has_on_period; /* on_default and split are called only at defaults, which a quiet period has not */
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
  w->quiet_to[m->periods + 1] = m->periods;
  for (int t = m->periods; t >= 1; t--) w->quiet_to[t] = w->steps[t] == PS_STEP_MAY_BE_QUIET ? w->quiet_to[t + 1] : t - 1;
  for (int k = 0; k < m->nprogrammes; k++) {
    const ps_programme *p = &m->programmes[k];
    w->has_triggers |= p->ntriggers > 0;
    for (int i = 0; i < p->nshares; i++) {
      int a = p->shares[i].account;
      ps_party_kind kind = a < m->nparties ? m->parties[a].kind : PS_PARTY_BANK;
      w->earns_on_book[k] |= kind == PS_PARTY_GUARANTOR || kind == PS_PARTY_INSURER || kind == PS_PARTY_REGUARANTOR;
      w->limits_lending[k] |= kind == PS_PARTY_GUARANTOR && m->parties[a].leverage_limit > 0; /* as ps_flows_capacity */
      w->share_caps[k] |= p->shares[i].cap_per_year > 0 && a != p->bank;
      w->tiered[k] |= p->shares[i].ntiers > 0; /* as ps_share_fraction: else the share, or the rest */
    }
    w->limits_lending[k] |= p->leverage > 0;
    w->limits_any |= w->limits_lending[k];
  }
  for (int s = 0; s < m->nsegments; s++) { /* as flows.c's segment_flows: else all its amounts are 0 */
    const ps_segment *seg = &m->segments[s];
    const ps_programme *p = &m->programmes[seg->programme];
    w->book_flows[s] = seg->rate != 0 || (p->bank >= 0 && p->bank < m->nparties && m->parties[p->bank].funding_cost != 0) ||
                       p->interest_subsidy.payer >= 0 || w->earns_on_book[seg->programme];
    w->flows_any |= w->book_flows[s];
  }
  for (int k = 0; k < m->nprogrammes; k++) { /* a subsidy (fees and premiums on a book are in book_flows) */
    const ps_programme *p = &m->programmes[k];
    w->flows_any |= ps_programme_subsidises(p);
  }
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    int bank = m->programmes[seg->programme].bank;
    if (bank < 0 || bank >= m->nparties || m->parties[bank].kind != PS_PARTY_BANK) continue;
    for (int t = seg->first > 1 ? seg->first : 1; t <= seg->last && t <= m->periods; t++)
      w->bank_lends[(size_t)t * (size_t)m->nparties + (size_t)bank] = 1;
  }
  w->lends_until = m->ntape_buckets > 0 ? m->periods : 0; /* a tape group's period lists: path.c walks them */
  for (int s = 0; s < m->nsegments; s++)
    if (m->segments[s].kind != PS_SEGMENT_BRIDGE && m->segments[s].last > w->lends_until) w->lends_until = m->segments[s].last;
  /* who reads the book at risk in period t (PS_BOOK_*): rules.c's NPL ratios, refills and triggers, flows.c's
  ** capacity, hooks (ctx), the loan tapes' book; nothing else does */
  for (int t = 1; t <= m->periods; t++) {
    int npl = 0, read = refills || w->has_triggers || m->has_hooks || m->ntape_buckets > 0;
    for (int b = 0; b < m->nparties; b++) npl |= w->bank_lends[(size_t)t * (size_t)m->nparties + (size_t)b];
    for (int s = 0; w->limits_any && s < m->nsegments; s++) /* as originate: ps_flows_capacity */
      read |= w->limits_lending[m->segments[s].programme] && t >= m->segments[s].first && t <= m->segments[s].last;
    w->book_read[t] = (unsigned char)((npl ? PS_BOOK_NPL : 0) | (npl || read ? PS_BOOK_READ : 0));
  }
  return PS_OK;
}

static void uses_free(ps_path *w) {
  free(w->bank_lends);
  free(w->limits_lending);
  free(w->book_flows);
  free(w->share_caps);
  free(w->tiered);
  free(w->earns_on_book);
  free(w->steps);
  free(w->book_read);
  free(w->quiet_to);
}

/* The gathering of loan-tape defaults into one claim per key (path_state.h, claims.c): a programme's are
** gathered when no share of it is tiered, it has no first-loss payer and no per-loan cap, and the
** scenario has no hooks (which see defaults one by one, or set shares): then its loans' dues are the
** same fractions of their exposures, and a claim of their sum differs only by the rounding of its
** split. Nor when its payers pay part at the recovery (first_payment < 1) or its cap on a share of the
** losses grows loan by loan (cap_loss_share): a claim that is not paid in full is parted into its loans
** when it is paid (claims.c), which needs both known then. A per-firm cap keeps a loan with a firm on
** its own (claims.c). No gathering without loan tapes, or past 2^20 keys. PS_OK, or PS_ERUNTIME when
** out of memory. After uses_init (tiered). */
static int tape_claims_init(ps_path *w, const ps_model *m) {
  if (m->nsegments == m->nown_segments) return PS_OK;
  int any = 0, lags = 1;
  if (!(w->tape_gathers = calloc((size_t)m->nprogrammes + 1, 1))) return PS_ERUNTIME;
  for (int k = 0; k < m->nprogrammes; k++) {
    const ps_programme *p = &m->programmes[k];
    w->tape_gathers[k] = !w->tiered[k] && p->first_loss_share < 0 && p->cap_per_loan <= 0 && !m->has_hooks &&
                         p->first_payment >= 1 && p->cap_loss_share <= 0;
    any |= w->tape_gathers[k];
    if (p->recovery_lag_max - p->recovery_lag + 1 > lags) lags = p->recovery_lag_max - p->recovery_lag + 1;
  }
  size_t keys = (size_t)m->nprogrammes * ((size_t)m->ndrivers + 1) * (size_t)w->cost.ncohorts * (size_t)lags;
  if (!any || keys > ((size_t)1 << 20)) return PS_OK;
  w->tape_lags = lags;
  int ngroups = m->nsegments - m->nown_segments;
  if (!(w->tape_slots = calloc(keys, sizeof(int))) || !(w->tape_claims = calloc(keys, sizeof(ps_tape_claim))) ||
      !(w->tape_keys = calloc((size_t)ngroups, sizeof(int))))
    return PS_ERUNTIME;
  for (int g = 0; g < ngroups; g++) {
    const ps_tape_group *tg = &m->tape_groups[g];
    w->tape_keys[g] = (tg->programme * (m->ndrivers + 1) + m->segments[tg->segment].driver) * w->cost.ncohorts +
                      ps_cost_cohort(&w->cost, tg->first);
  }
  return PS_OK;
}

/* w->tape_fix, each loan-tape group's fixed-point constants (sim/tape_book.h: a loan's book A - t B and
** interest A' - t B', in 2^-16 fen), and w->tape_run, each programme's sums; both left NULL when the
** sums could pass 2^62 (every sum, and t times a B sum, is at most the loans' A, A', T B and T B' added
** up): flows.c then walks the groups. PS_OK, or PS_ERUNTIME when out of memory. */
static int tape_book_init(ps_path *w) {
  const ps_model *m = w->m;
  int n = m->nsegments - m->nown_segments;
  int64_t *fix = malloc(4 * (size_t)n * sizeof *fix);
  if (!fix) return PS_ERUNTIME;
  double bound = 0;
  for (int g = 0; g < n; g++) {
    const ps_tape_group *tg = &m->tape_groups[g];
    double a = tg->mean_fen, b = 0;
    if (tg->amortizing) { /* mean (tenor - (t - first)) / tenor = mean (tenor + first) / tenor - t mean / tenor */
      a = tg->mean_fen * (double)(tg->tenor + tg->first) / (double)tg->tenor;
      b = tg->mean_fen / (double)tg->tenor;
    }
    double parts[4] = {a, b, a * tg->rate, b * tg->rate};
    for (int i = 0; i < 4; i++) fix[4 * (size_t)g + (size_t)i] = (int64_t)llround(parts[i] * PS_TAPE_BOOK_ONE);
    double most = fabs(parts[0]) + fabs(parts[2]) + (double)(m->periods + 2) * (fabs(parts[1]) + fabs(parts[3]));
    bound += (double)m->segments[tg->segment].loan.nitems * (most + 4) * PS_TAPE_BOOK_ONE;
  }
  if (!(bound < 0x1p62)) {
    free(fix);
    return PS_OK;
  }
  w->tape_fix = fix;
  return (w->tape_run = calloc(4 * (size_t)m->nprogrammes, sizeof *w->tape_run)) &&
                 (w->tape_next_fix = calloc((size_t)m->nprogrammes, sizeof *w->tape_next_fix))
             ? PS_OK
             : PS_ERUNTIME;
}

/* the numbers of the loan-tape buckets' Fenwick trees (path_state.h, tape_tree) */
static size_t tape_tree_size(const ps_model *m) {
  const ps_tape_bucket *last = &m->tape_buckets[m->ntape_buckets - 1];
  return (size_t)last->tree_at + (size_t)last->ngroups + 1;
}

/* ps_path_new — the workspace and every array of its state, sized for m */
ps_path *ps_path_new(const ps_model *m, const int64_t *initial, int audit) {
  ps_path *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->m = m;
  w->queues_hi = m->periods; /* the first reset empties every queue (calloc left them {0, 0}) */
  if ((m->nuncertain > 0 && !(w->params = ps_params_new(m))) || (m->has_volumes && !(w->volume_rng = ps_rng_new()))) {
    ps_path_free(w);
    return NULL;
  }
  if (w->params) w->m = &w->params->model;
  w->initial = initial;
  w->audit = audit;
  int maxshares = 0;
  for (int i = 0; i < m->nprogrammes; i++)
    if (m->programmes[i].nshares > maxshares) maxshares = m->programmes[i].nshares;
  size_t T = (size_t)m->periods + 1;
  int firm_caps = 0;
  for (int i = 0; i < m->nprogrammes; i++) firm_caps |= m->programmes[i].cap_per_firm > 0;
  int ok = (w->factor_rng = ps_rng_new()) && (w->default_rng = ps_rng_new()) &&
           ps_factors_init(&w->factors, m) == 0 && (w->alive = calloc((size_t)m->nsegments, sizeof *w->alive)) &&
           (w->tape_loans = calloc((size_t)m->nsegments, sizeof *w->tape_loans)) &&
           (w->alive_sum = calloc((size_t)m->nsegments + 1, sizeof(int64_t))) &&
           (w->batchable = calloc((size_t)m->nsegments + 1, 1)) &&
           (w->pools = calloc((size_t)m->npools, sizeof *w->pools)) &&
           (w->progs = calloc((size_t)m->nprogrammes, sizeof *w->progs)) &&
           (w->parties = calloc((size_t)m->nparties, sizeof *w->parties)) &&
           (w->claims = calloc(T, sizeof *w->claims)) && (w->recoveries = calloc(T, sizeof *w->recoveries)) &&
           (w->weights = calloc((size_t)maxshares + 2, sizeof *w->weights)) &&
           (w->driver_weights = calloc((size_t)m->ndrivers + 1, sizeof(double))) &&
           (w->driver_parts = calloc((size_t)m->ndrivers + 1, sizeof(int64_t))) &&
           ps_ledger_init(&w->ledger, ps_naccounts(m), audit) == 0 && ps_cost_init(&w->cost, m) == 0 &&
           ps_split_memo_init(&w->fractions_memo, m->nsegments, maxshares + 2) == 0 &&
           ps_split_memo_init(&w->due_memo, m->nsegments, maxshares + 2) == 0 &&
           ps_split_memo_init(&w->recovery_memo, m->nsegments, maxshares + 2) == 0 &&
           ps_split_memo_init(&w->shadow_memo, m->nsegments, maxshares + 2) == 0;
  for (int s = 0; ok && s < m->nsegments; s++)
    if ((ok = (w->alive[s] = calloc(T + (size_t)alive_low(&m->segments[s]), sizeof(int64_t))) != NULL))
      w->alive[s] += alive_low(&m->segments[s]);
  ok = ok && (w->issued = calloc((size_t)m->nsegments + 1, sizeof *w->issued)) != NULL;
  for (int s = 0; ok && s < m->nsegments; s++) /* policy segments only */
    if (m->segments[s].kind == PS_SEGMENT_POLICY) ok = (w->issued[s] = calloc(T, sizeof(int64_t))) != NULL;
  if (ok && firm_caps && m->nfirms > 0) /* its slots, firm x nprogrammes + programme, are ints */
    ok = (size_t)m->nfirms * (size_t)m->nprogrammes <= INT_MAX &&
         (w->firm_asked = calloc((size_t)m->nfirms * (size_t)m->nprogrammes, sizeof(int64_t))) != NULL;
  int bridges = 0;
  for (int i = 0; i < m->nprogrammes; i++) bridges |= m->programmes[i].lender >= 0;
  if (ok && bridges)
    ok = (w->bridge_rng = ps_rng_new()) && (w->bridge_due = calloc((size_t)m->nsegments * T, sizeof(int64_t))) &&
         (w->bridge_cash_days = calloc((size_t)m->npools, sizeof(double)));
  for (int s = 0; ok && s < m->nsegments; s++) w->batchable[s] = (unsigned char)ps_path_batchable(m, s);
  if (ok && m->ntape_buckets > 0)
    ok = (w->tape_at_risk = calloc((size_t)m->ntape_buckets, sizeof(int64_t))) &&
         (w->tape_tree = calloc(tape_tree_size(m), sizeof(int64_t))) && tape_book_init(w) == PS_OK;
  for (int s = 0; s < m->nsegments; s++) w->has_policies |= m->segments[s].kind == PS_SEGMENT_POLICY;
  if (ok && books_by_cohort(m)) {
    size_t cells = (size_t)m->nsegments * (size_t)w->cost.ncohorts + 1;
    ok = (w->alive_year = calloc(cells, sizeof(int64_t))) && (w->alive_year_w = calloc(cells, sizeof(double)));
  }
  int amortizing = 0; /* some own segment amortizes: its book is kept as running sums (alive_w) */
  for (int s = 0; s < (m->ntape_buckets ? m->nown_segments : m->nsegments); s++) amortizing |= m->segments[s].amortizing;
  if (ok && (amortizing || w->alive_year)) ok = (w->alive_w = calloc((size_t)m->nsegments, sizeof(int64_t))) != NULL;
  for (int i = 0; i < m->npools; i++) w->has_pending |= m->pools[i].pending != NULL;
  ok = ok && uses_init(w, m) == PS_OK && tape_claims_init(w, m) == PS_OK &&
       ps_flow_plan_init(&w->flow_plan, m, &w->cost, w->alive_year != NULL, w->book_flows) == PS_OK;
  for (int i = 0; ok && i < m->npools; i++)
    ok = (w->pools[i].by_programme = calloc((size_t)m->nprogrammes, sizeof(int64_t))) != NULL &&
         (w->pools[i].by_segment = calloc((size_t)m->ndrivers + 1, sizeof(int64_t))) != NULL;
  for (int i = 0; ok && i < m->nprogrammes; i++)
    ok = (w->progs[i].layer_by_segment = calloc((size_t)m->ndrivers + 1, sizeof(int64_t))) != NULL;
  for (int i = 0; ok && i < m->nprogrammes; i++)
    ok = (w->progs[i].active = calloc((size_t)m->programmes[i].ntriggers + 1, 1)) != NULL &&
         (w->progs[i].share_buf = calloc((size_t)m->programmes[i].nshares + 1, sizeof(double))) != NULL &&
         (w->progs[i].share_year = calloc((size_t)m->programmes[i].nshares + 1, sizeof(int64_t))) != NULL;
  if (!ok) {
    ps_path_free(w);
    return NULL;
  }
  return w;
}

/* ps_path_free — the workspace and everything it owns */
void ps_path_free(ps_path *w) {
  if (!w) return;
  if (w->factor_rng) gsl_rng_free(w->factor_rng);
  if (w->default_rng) gsl_rng_free(w->default_rng);
  if (w->bridge_rng) gsl_rng_free(w->bridge_rng);
  free(w->bridge_due);
  free(w->bridge_cash_days);
  for (int s = 0; w->alive && s < w->m->nsegments; s++)
    if (w->alive[s]) free(w->alive[s] - alive_low(&w->m->segments[s]));
  for (int s = 0; w->issued && s < w->m->nsegments; s++) free(w->issued[s]);
  free(w->issued);
  free(w->firm_asked);
  free(w->tape_gathers);
  free(w->tape_slots);
  free(w->tape_keys);
  free(w->tape_claims);
  free(w->tape_parts);
  free(w->tape_fix);
  free(w->tape_run);
  free(w->tape_next_fix);
  for (int s = 0; w->tape_loans && s < w->m->nsegments; s++) ps_sparse_perm_destroy(&w->tape_loans[s]);
  free(w->tape_loans);
  free(w->rejected);
  free(w->tape_at_risk);
  free(w->tape_tree);
  free(w->alive_sum);
  free(w->alive_w);
  free(w->alive_year);
  free(w->alive_year_w);
  ps_flow_plan_destroy(&w->flow_plan);
  free(w->batchable);
  uses_free(w);
  for (int i = 0; w->progs && i < w->m->nprogrammes; i++) {
    free(w->progs[i].active);
    free(w->progs[i].share_buf);
    free(w->progs[i].share_year);
  }
  free(w->alive);
  ps_factors_destroy(&w->factors);
  for (int i = 0; w->pools && i < w->m->npools; i++) {
    free(w->pools[i].by_programme);
    free(w->pools[i].by_segment);
  }
  for (int i = 0; w->progs && i < w->m->nprogrammes; i++) free(w->progs[i].layer_by_segment);
  free(w->driver_weights);
  free(w->driver_parts);
  free(w->pools);
  free(w->progs);
  free(w->parties);
  free(w->records);
  free(w->due);
  free(w->paid);
  free(w->claims);
  free(w->recoveries);
  free(w->weights);
  ps_ledger_destroy(&w->ledger);
  ps_cost_destroy(&w->cost);
  ps_split_memo_destroy(&w->fractions_memo);
  ps_split_memo_destroy(&w->due_memo);
  ps_split_memo_destroy(&w->recovery_memo);
  ps_split_memo_destroy(&w->shadow_memo);
  if (w->volume_rng) gsl_rng_free(w->volume_rng);
  ps_params_free(w->params);
  free(w);
}

/* ps_path_reset — the state of a path not yet run, keeping the arrays; PS_OK, or PS_ERUNTIME when out
** of memory */
int ps_path_reset(ps_path *w) {
  const ps_model *m = w->m;
  for (int s = 0; s < m->nsegments; s++) /* a tape group's loans enter as it originates */
    if (m->segments[s].loan.kind == PS_DIST_LIST && ps_sparse_perm_reset(&w->tape_loans[s], 0)) return PS_ERUNTIME;
  ps_ledger_reset(&w->ledger);
  ps_cost_reset(&w->cost);
  ps_split_memo_clear(&w->fractions_memo, m->nsegments);
  ps_split_memo_clear(&w->due_memo, m->nsegments);
  ps_split_memo_clear(&w->recovery_memo, m->nsegments);
  ps_split_memo_clear(&w->shadow_memo, m->nsegments);
  if (w->firm_asked) /* only the firms the last path's defaults touched: cost per default */
    for (size_t i = 0; i < w->nrecords; i++)
      if (w->records[i].firm >= 0) w->firm_asked[w->records[i].firm] = 0;
  w->nrecords = w->namounts = 0;
  for (int t = 0; t <= w->queues_hi; t++) w->claims[t] = w->recoveries[t] = (queue){-1, -1};
  w->queues_hi = -1; /* the queues the next path writes: claims.c raises it */
  for (int s = 0; s < m->nsegments; s++) { /* the cohorts a path may have (ps_path_alive_add): first..last */
    const ps_segment *seg = &m->segments[s];
    int lo = seg->first, hi = seg->last < m->periods ? seg->last : m->periods;
    if (seg->loan.kind == PS_DIST_LIST) w->alive[s][lo] = 0; /* a loan-tape group's one cohort */
    else if (lo <= hi) memset(w->alive[s] + lo, 0, (size_t)(hi - lo + 1) * sizeof(int64_t));
  }
  for (int s = 0; w->has_policies && s < m->nsegments; s++)
    if (w->issued[s]) memset(w->issued[s], 0, ((size_t)m->periods + 1) * sizeof(int64_t));
  memset(w->alive_sum, 0, (size_t)m->nsegments * sizeof(int64_t));
  if (w->alive_w) memset(w->alive_w, 0, (size_t)m->nsegments * sizeof(int64_t));
  w->tape_next_for = w->tape_book_bad = 0;
  if (w->tape_tree) {
    memset(w->tape_at_risk, 0, (size_t)m->ntape_buckets * sizeof(int64_t));
    memset(w->tape_tree, 0, tape_tree_size(m) * sizeof(int64_t));
    for (int i = 0; i < w->ntape_claims; i++) w->tape_slots[w->tape_claims[i].key] = 0; /* a path stopped mid-period */
    w->ntape_claims = 0;
    w->ntape_parts = 0;
    if (w->tape_run) memset(w->tape_run, 0, 4 * (size_t)m->nprogrammes * sizeof(int64_t));
  }
  if (w->alive_year) {
    size_t cells = (size_t)m->nsegments * (size_t)w->cost.ncohorts;
    memset(w->alive_year, 0, cells * sizeof(int64_t));
    memset(w->alive_year_w, 0, cells * sizeof(double));
  }
  if (w->bridge_due) memset(w->bridge_due, 0, (size_t)m->nsegments * ((size_t)m->periods + 1) * sizeof(int64_t));
  for (int i = 0; i < m->nprogrammes; i++) {
    unsigned char *active = w->progs[i].active;
    double *share_buf = w->progs[i].share_buf;
    int64_t *share_year = w->progs[i].share_year, *layer_by_segment = w->progs[i].layer_by_segment;
    memset(layer_by_segment, 0, (size_t)m->ndrivers * sizeof(int64_t));
    memset(active, 0, (size_t)m->programmes[i].ntriggers + 1);
    memset(share_year, 0, ((size_t)m->programmes[i].nshares + 1) * sizeof(int64_t));
    w->progs[i] = (programme_state){
        .active = active, .share_buf = share_buf, .share_year = share_year, .layer_by_segment = layer_by_segment};
  }
  for (int i = 0; i < m->npools; i++) {
    int64_t *by_programme = w->pools[i].by_programme, *by_segment = w->pools[i].by_segment;
    memset(by_programme, 0, (size_t)m->nprogrammes * sizeof(int64_t));
    memset(by_segment, 0, (size_t)m->ndrivers * sizeof(int64_t));
    w->pools[i] = (pool_state){.discount = 1, .by_programme = by_programme, .by_segment = by_segment};
  }
  memset(w->parties, 0, (size_t)m->nparties * sizeof *w->parties);
  return PS_OK;
}

/* ps_path_model — the model of the workspace */
const ps_model *ps_path_model(const ps_path *w) { return w->m; }

/* ps_path_pool_balance — a pool's running balance, fen */
int64_t ps_path_pool_balance(const ps_path *w, int pool) { return w->pools[pool].balance; }

/* ps_path_ledger — the ledger of the path last run */
const ps_ledger *ps_path_ledger(const ps_path *w) { return &w->ledger; }

/* ps_path_depleted — whether the pool ran short in the path last run */
int ps_path_depleted(const ps_path *w, int pool) { return w->pools[pool].depletion > 0; }

/* ps_path_sample_by_loan — the naive sampler on or off */
void ps_path_sample_by_loan(ps_path *w, int on) { w->by_loan = on; }

/* ps_path_tape_per_loan — the loan-tape defaults recorded one by one, or gathered */
void ps_path_tape_per_loan(ps_path *w, int on) { w->tape_per_loan = on; }

/* ps_path_programme_view — NPL ratio, book, counts and state of a programme */
void ps_path_programme_view(const ps_path *w, int programme, ps_programme_view *v) {
  const programme_state *ps = &w->progs[programme];
  double book = ps->performing + (double)ps->npl;
  *v = (ps_programme_view){book > 0 ? (double)ps->npl / book : 0, ps->performing / PS_FEN_PER_YUAN, (long)ps->defaults,
                           (long)ps->originated, ps->paused || ps->suspended, ps->stopped};
}

/* ps_path_suspend — a programme paused by a hook (ps_rules_triggers applies it) */
void ps_path_suspend(ps_path *w, int programme, int on) { w->progs[programme].suspended = on; }

/* ps_path_set_share — a hook's fractions for the programme's later defaults */
void ps_path_set_share(ps_path *w, int programme, const double *fractions) {
  programme_state *ps = &w->progs[programme];
  ps->share_override = fractions ? ps->share_buf : NULL;
  if (fractions) memcpy(ps->share_buf, fractions, (size_t)w->m->programmes[programme].nshares * sizeof(double));
}

double ps_path_served_share(const ps_path *w, int pool) {
  int64_t served = 0, requests = 0;
  for (int g = 0; g < w->m->nprogrammes; g++)
    if (w->m->programmes[g].lender == pool) {
      served += w->progs[g].originated;
      requests += w->progs[g].requests;
    }
  return requests > 0 ? (double)served / (double)requests : 1;
}

/* ps_path_topup — the owner pays fen into the pool now; the sizing shadow counts it; PS_OK,
** PS_EINPUT (the ledger refused it for overflow) or PS_ERUNTIME (out of memory). The sums below are
** the pool's ledger balance and net of top-ups, within the ledger's volume. */
int ps_path_topup(ps_path *w, int pool, int64_t fen) {
  pool_state *ps = &w->pools[pool];
  int rc = ps_ledger_post(&w->ledger, w->period_now, w->m->pools[pool].owner, ps_account_of_pool(w->m, pool), fen,
                          PS_KIND_TOPUP);
  if (rc) return rc;
  ps->balance += fen;
  ps->topups += fen;
  ps->need -= (double)fen * ps->discount;
  return PS_OK;
}

/* an account's name in messages: a party's or a pool's kind and id, the borrowers, the outside world */
static void account_name(const ps_model *m, int a, char *buf, size_t n) {
  if (a < m->nparties && m->parties[a].id) snprintf(buf, n, "party '%s'", m->parties[a].id);
  else if (a < m->nparties) snprintf(buf, n, "party #%d", a + 1);
  else if (ps_is_pool_account(m, a)) snprintf(buf, n, "pool '%s'", m->pools[a - m->nparties].id);
  else snprintf(buf, n, "%s", a == ps_account_firms(m) ? "the borrowers" : "the outside world");
}

/* ps_path_overflow — the refused posting in words: the account it was for first, then its kind,
** amount, payer and period */
void ps_path_overflow(const ps_path *w, char *buf, size_t n) {
  const ps_posting *p = &w->ledger.overflow;
  if (p->amount == 0) {
    snprintf(buf, n, "%s", "");
    return;
  }
  char to[160], from[160];
  account_name(w->m, p->to, to, sizeof to);
  account_name(w->m, p->from, from, sizeof from);
  snprintf(buf, n, "%s: the money moved passes what the ledger holds (int64 fen, about 9.2e16 yuan) with the %s of "
           "%.17g yuan from %s in period %d", to, ps_kind_name(p->kind), (double)p->amount / PS_FEN_PER_YUAN, from,
           p->period);
}
