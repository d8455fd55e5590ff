/* claims.c — what happens to one default, in the order docs/rules.md gives:
**   at the default: covered exposure (principal, + interest), split by shares
**     (fixed, tiered with flag points, the rest), the per-loan cap;
**   at the claim (recognition_lag + claim_lag later): a pause refuses it; the
**     yearly, total and portfolio caps cut it; what is cut falls to excess_to;
**     each payer pays its first payment (pools as far as their balance goes);
**   at the recovery: second payments, then the recovery shared back pro rata
**     to what each payer paid. */
#include "sim/claims.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/flows.h"
#include "sim/phi.h"
#include "sim/policy.h"
#include "sim/programme.h"
#include "sim/rng.h"

/* grow the records for n more of nshares payers each; PS_OK, or PS_ERUNTIME when out of memory */
static int grow_records(ps_path *w, size_t n, int nshares) {
  if (w->nrecords + n > w->caprecords) {
    size_t cap = w->caprecords ? 2 * w->caprecords : 256;
    while (cap < w->nrecords + n) cap *= 2;
    default_record *r = realloc(w->records, cap * sizeof *r);
    if (!r) return PS_ERUNTIME;
    w->records = r;
    w->caprecords = cap;
  }
  size_t need = w->namounts + n * (size_t)nshares;
  if (need > w->capamounts) {
    size_t cap = w->capamounts ? 2 * w->capamounts : 1024;
    while (cap < need) cap *= 2;
    int64_t *d = realloc(w->due, cap * sizeof *d);
    if (!d) return PS_ERUNTIME;
    w->due = d;
    int64_t *p = realloc(w->paid, cap * sizeof *p);
    if (!p) return PS_ERUNTIME;
    w->paid = p;
    w->capamounts = cap;
  }
  return PS_OK;
}

/* room for n more records of nshares payers each (inline: most calls find it); PS_OK, or PS_ERUNTIME
** when out of memory */
static inline int reserve_records(ps_path *w, size_t n, int nshares) {
  if (w->nrecords + n <= w->caprecords && w->namounts + n * (size_t)nshares <= w->capamounts) return PS_OK;
  return grow_records(w, n, nshares);
}

static void enqueue(queue *q, default_record *records, int idx, int is_claim) {
  if (q->tail < 0) q->head = idx;
  else if (is_claim) records[q->tail].next_claim = idx;
  else records[q->tail].next_recovery = idx;
  q->tail = idx;
}

/* ps_claims_draw — one draw of d: a loan amount, an LGD, a cover, a severity */
double ps_claims_draw(const ps_dist *d, gsl_rng *r) {
  switch (d->kind) {
  case PS_DIST_LOGNORMAL: return gsl_ran_lognormal(r, d->p1, d->p2);
  case PS_DIST_BETA: return gsl_ran_beta(r, d->p1, d->p2);
  case PS_DIST_UNIFORM: return gsl_ran_flat(r, d->p1, d->p2);
  default: return d->mean;
  }
}

/* LGD of a default in period t: with a downturn link k the mean becomes
** Phi(Phi^-1(mean) - k z) for the period's systemic factor z (a beta keeps its
** concentration alpha + beta) */
static inline __attribute__((always_inline)) double draw_lgd(ps_path *w, const ps_segment *seg, const ps_dist *lgd,
                                                             int t) { /* inline into both callers, as it was into one */
  if (seg->lgd_downturn <= 0 || lgd->mean <= 0 || lgd->mean >= 1)
    return lgd->kind == PS_DIST_FIXED ? lgd->mean : ps_claims_draw(lgd, w->default_rng); /* fixed: no call */
  double z = ps_factors_systemic(&w->factors, w->m, t);
  double mean = ps_phi(gsl_cdf_ugaussian_Pinv(lgd->mean) - seg->lgd_downturn * z);
  if (lgd->kind != PS_DIST_BETA) return mean;
  double k = lgd->p1 + lgd->p2;
  return gsl_ran_beta(w->default_rng, mean * k, (1 - mean) * k);
}

/* outstanding principal (fen) of a loan of amount a at the start of its period of age `age` */
static int64_t outstanding(const ps_segment *s, int64_t amount, int age) {
  if (!s->amortizing) return amount;
  return ps_round_fen((double)amount * (double)(s->tenor - age) / (double)s->tenor);
}

static pool_state *pool_of(ps_path *w, int account) { return &w->pools[account - w->m->nparties]; }

/* the scenario's fractions of a loan of `amount` fen of segment s into w->weights, reused from the
** segment's last record when its amount was the same, or, when no share of its programme is tiered,
** whatever its amount (the fractions are then the shares themselves: sim/split_memo.h) */
static void fractions(ps_path *w, int s, int64_t amount) {
  const ps_segment *seg = &w->m->segments[s];
  const ps_programme *p = &w->m->programmes[seg->programme];
  ps_split_memo *memo = &w->fractions_memo;
  double *kept = ps_split_memo_fractions(memo, s);
  int64_t key = w->tiered[seg->programme] ? amount : 0;
  if (ps_split_memo_hit(memo, s, key, NULL, 0)) {
    for (int i = 0; i < p->nshares; i++) w->weights[i] = kept[i];
    return;
  }
  ps_programme_fractions(p, amount, seg->share_points, w->weights);
  ps_split_memo_keep(memo, s, key, NULL, 0);
  for (int i = 0; i < p->nshares; i++) kept[i] = w->weights[i];
}

/* apply_fractions (below) without the answer of the last record of the same exposure and amount */
static int64_t apply_fractions_new(ps_path *w, int s, int64_t exposure, int64_t of_amount, int64_t *due) {
  const ps_segment *seg = &w->m->segments[s];
  const ps_programme *p = &w->m->programmes[seg->programme];
  ps_split_memo *memo = &w->due_memo;
  if (of_amount >= 0) fractions(w, s, of_amount);
  if (seg->loan.kind != PS_DIST_FIXED && seg->loan.kind != PS_DIST_LIST) { /* drawn amounts: an exposure met */
    int64_t bank_keeps;                                                    /* once, not worth keeping */
    return ps_programme_apply(p, exposure, due, &bank_keeps, w->weights);
  }
  if (ps_split_memo_hit(memo, s, exposure, w->weights, p->nshares)) {
    memo->tag[s] = of_amount; /* the key's weights are its fractions, when of_amount >= 0 */
    ps_split_memo_copy(due, ps_split_memo_parts(memo, s), p->nshares);
    return memo->extra[s];
  }
  ps_split_memo_keep(memo, s, exposure, w->weights, p->nshares); /* before apply, which uses them as scratch */
  memo->tag[s] = of_amount;
  int64_t bank_keeps, cut = ps_programme_apply(p, exposure, due, &bank_keeps, w->weights);
  ps_split_memo_copy(ps_split_memo_parts(memo, s), due, p->nshares);
  memo->extra[s] = cut;
  return cut;
}

/* ps_programme_apply of segment s's record: its payers' dues of `exposure` fen into due, and what
** cap_per_loan cut, by the fractions in w->weights, or (of_amount >= 0) by the scenario's fractions of
** a loan of of_amount fen, which are put there first; reused from the segment's last record when the
** exposure and the fractions (or the amount they are of) were the same (inline: a run of loans of one
** amount finds them) */
static inline int64_t apply_fractions(ps_path *w, int s, int64_t exposure, int64_t of_amount, int64_t *due) {
  const ps_programme *p = &w->m->programmes[w->m->segments[s].programme];
  ps_split_memo *memo = &w->due_memo;
  if (!ps_split_memo_tag_hit(memo, s, exposure, of_amount, p->nshares))
    return apply_fractions_new(w, s, exposure, of_amount, due);
  ps_split_memo_copy(due, ps_split_memo_parts(memo, s), p->nshares);
  return memo->extra[s];
}

/* A new record of `count` defaults (or policy claims) of segment s in period t, of loans (policies)
** originated (issued) in period `cohort`, its payers' dues split after any first loss by the fractions
** in w->weights, or (of_amount >= 0) by the scenario's of a loan (a cover) of of_amount fen (room
** reserved); returns its index */
static inline int open_record(ps_path *w, int s, int t, int cohort, int64_t count, int64_t principal, int64_t exposure,
                              int64_t recovery, int64_t of_amount) {
  const ps_segment *seg = &w->m->segments[s];
  const ps_programme *p = &w->m->programmes[seg->programme];
  programme_state *ps = &w->progs[seg->programme];
  int idx = (int)w->nrecords++;
  default_record *r = &w->records[idx];
  *r = (default_record){.programme = seg->programme, .period = t, .segment = s, .count = count, .principal = principal,
                        .exposure = exposure, .recovery = recovery, .first = w->namounts, .next_claim = -1,
                        .next_recovery = -1, .cohort = cohort, .recover_at = t + p->recovery_lag, .firm = -1};
  /* a first-loss payer bears losses in full until its limit is used, then the shares split the rest */
  int64_t first_loss = 0;
  if (p->first_loss_share >= 0) {
    first_loss = p->first_loss - ps->first_loss_used;
    if (first_loss > r->exposure) first_loss = r->exposure;
    ps->first_loss_used += first_loss;
  }
  r->loan_cut = apply_fractions(w, s, r->exposure - first_loss, of_amount, &w->due[r->first]);
  if (first_loss > 0) w->due[r->first + (size_t)p->first_loss_share] += first_loss;
  for (int i = 0; i < p->nshares; i++) w->paid[r->first + (size_t)i] = 0;
  w->namounts += (size_t)p->nshares;
  ps->defaults += count;
  return idx;
}

/* queue record idx for its claim, and for its recovery `lag` periods after it (after the horizon: the
** pools' dues stay unsettled). Always inlined: each default passes here, and gcc stopped inlining it
** once it also kept queues_hi */
static inline __attribute__((always_inline)) void queue_record(ps_path *w, int idx, int lag) {
  const ps_model *m = w->m;
  default_record *r = &w->records[idx];
  const ps_programme *p = &m->programmes[r->programme];
  int t = r->period, claim_at = t + p->recognition_lag + p->claim_lag, recover_at = t + lag;
  r->recover_at = recover_at;
  if (claim_at <= m->periods) enqueue(&w->claims[claim_at], w->records, idx, 1);
  else
    for (int i = 0; i < p->nshares; i++)
      if (ps_is_pool_account(m, p->shares[i].account))
        pool_of(w, p->shares[i].account)->unsettled += w->due[r->first + (size_t)i] * r->count;
  if (recover_at <= m->periods) enqueue(&w->recoveries[recover_at], w->records, idx, 0);
  int last = recover_at > claim_at ? recover_at : claim_at; /* the later queue written (at most the horizon) */
  if (last > w->queues_hi) w->queues_hi = last < m->periods ? last : m->periods;
}

/* a default's recovery lag: drawn per default (poolsim.uniform on whole periods); a fixed one draws nothing */
static inline int draw_lag(ps_path *w, const ps_programme *p) {
  return p->recovery_lag_max > p->recovery_lag
             ? p->recovery_lag + (int)ps_rng_uniform_int(w->default_rng,
                                                         (unsigned long)p->recovery_lag_max - (unsigned long)p->recovery_lag + 1)
             : p->recovery_lag;
}

/* ps_claims_record_default — record `count` defaults of loans of segment s, originated in `cohort`, in
** period t: loan `item` of a loan-tape group (its own amount and LGD), or -1 for loans of a segment,
** whose amount and LGD are drawn; count > 1 only where ps_path_batchable says so. PS_OK; PS_EINPUT when
** a hook failed (then w->error says why); PS_ERUNTIME when out of memory */
int ps_claims_record_default(ps_path *w, int s, int cohort, int t, int64_t item, int64_t count) {
  const ps_model *m = w->m;
  const ps_segment *seg = &m->segments[s];
  const ps_programme *p = &m->programmes[seg->programme];
  programme_state *ps = &w->progs[seg->programme];
  if (reserve_records(w, 1, p->nshares)) return PS_ERUNTIME;
  /* a loan-tape loan has its own amount, and maybe its own LGD */
  const ps_dist *lgd_dist = &seg->lgd;
  ps_dist own_lgd;
  int64_t amount;
  if (item >= 0) {
    amount = seg->loan.items[item];
    if (seg->loan_lgd) {
      own_lgd = (ps_dist){.kind = PS_DIST_FIXED, .mean = seg->loan_lgd[item]};
      lgd_dist = &own_lgd;
    }
  } else { /* a fixed amount draws nothing (ps_claims_draw) */
    amount = ps_round_fen((seg->loan.kind == PS_DIST_FIXED ? seg->loan.mean : ps_claims_draw(&seg->loan, w->default_rng)) *
                          PS_FEN_PER_YUAN);
  }
  int64_t principal = outstanding(seg, amount, t - cohort);
  /* interest accrued from the start of the period of default until the claim
  ** can be lodged, when the scheme covers it, at the loan's own rate */
  double rate = item >= 0 && seg->loan_rate ? seg->loan_rate[item] : seg->rate;
  int64_t interest =
      p->covers_interest ? ps_round_fen((double)principal * rate * m->dt * (1 + p->recognition_lag)) : 0;
  double lgd = draw_lgd(w, seg, lgd_dist, t);
  int64_t of_amount = -1;
  int hooked = w->policy && (m->has_on_default || p->has_split);
  ps_loan_view loan;
  if (hooked)
    loan = (ps_loan_view){seg->programme, s, t, t - cohort, (double)amount / PS_FEN_PER_YUAN,
                          (double)(principal + interest) / PS_FEN_PER_YUAN, lgd};
  if (hooked && m->has_on_default) {
    int rc = ps_policy_on_default(w->policy, w, &loan, w->error, sizeof w->error);
    if (rc) return rc;
    lgd = loan.lgd;
  }
  if (hooked && p->has_split) {
    int rc = ps_policy_split(w->policy, w, &loan, w->weights, w->error, sizeof w->error);
    if (rc) return rc;
  } else if (ps->share_override) {
    memcpy(w->weights, ps->share_override, (size_t)p->nshares * sizeof(double));
  } else {
    of_amount = amount; /* the scenario's fractions: open_record finds them */
  }
  /* every amount of the record (due, paid, recovered, cut) is at most its exposure, so with the
  ** exposure of all `count` loans within int64 every product below fits; past it, the defaults alone
  ** move more money than the ledger holds */
  int64_t total;
  if (__builtin_mul_overflow(principal + interest, count, &total)) {
    w->ledger.overflow = (ps_posting){t, p->bank, ps_account_firms(m), principal, PS_KIND_PRINCIPAL_LOSS};
    return PS_EINPUT;
  }
  int idx = open_record(w, s, t, cohort, count, principal, principal + interest,
                        ps_round_fen((1 - lgd) * (double)(principal + interest)), of_amount);
  /* a loan-tape loan's firm, when its programme caps what a firm is paid */
  w->records[idx].firm = p->cap_per_firm > 0 && item >= 0 && seg->loan_firm
                             ? seg->loan_firm[item] * m->nprogrammes + seg->programme
                             : -1;
  /* posted first: the sums below then stay within the ledger's volume */
  int rc = ps_ledger_post(&w->ledger, t, p->bank, ps_account_firms(m), principal * count, PS_KIND_PRINCIPAL_LOSS);
  if (rc) return rc;
  ps->exposure += principal * count;
  ps->npl += principal * count;
  ps->year_defaulted += principal * count;
  queue_record(w, idx, draw_lag(w, p));
  return PS_OK;
}

/* ps_claims_tape_default — loan `item` of loan-tape group s (cohort `cohort`) defaults in period t:
** gathered into the period's claim of its programme, driver, cost cohort and recovery lag (docs/rules.md,
** "Loan-tape defaults gathered"), or recorded on its own as ps_claims_record_default does. Its amount,
** principal, covered interest, LGD (drawn when the tape has none) and recovery lag are the loan's own,
** drawn in the same order; the claim adds them up (the recovery rounded to the fen loan by loan). */
int ps_claims_tape_default(ps_path *w, int s, int cohort, int t, int64_t item) {
  const ps_model *m = w->m;
  const ps_segment *seg = &m->segments[s];
  const ps_programme *p = &m->programmes[seg->programme];
  if (!w->tape_slots || w->tape_per_loan || !w->tape_gathers[seg->programme] || (p->cap_per_firm > 0 && seg->loan_firm))
    return ps_claims_record_default(w, s, cohort, t, item, 1);
  /* as ps_claims_record_default reckons a loan-tape loan's, in the same order */
  int64_t principal = outstanding(seg, seg->loan.items[item], t - cohort);
  double rate = seg->loan_rate ? seg->loan_rate[item] : seg->rate;
  int64_t interest =
      p->covers_interest ? ps_round_fen((double)principal * rate * m->dt * (1 + p->recognition_lag)) : 0;
  double lgd;
  if (seg->loan_lgd && seg->lgd_downturn <= 0) lgd = seg->loan_lgd[item]; /* as draw_lgd has it, without the struct */
  else {
    ps_dist own_lgd = {.kind = PS_DIST_FIXED, .mean = seg->loan_lgd ? seg->loan_lgd[item] : 0};
    lgd = draw_lgd(w, seg, seg->loan_lgd ? &own_lgd : &seg->lgd, t);
  }
  int lag = draw_lag(w, p);
  int key = w->tape_keys[s - m->nown_segments] * w->tape_lags + lag - p->recovery_lag;
  if (w->ntape_parts == w->captape_parts) { /* room for the loan's part */
    size_t cap = w->captape_parts ? 2 * w->captape_parts : 1024;
    ps_tape_part *grown = cap <= INT_MAX ? realloc(w->tape_parts, cap * sizeof *grown) : NULL;
    if (!grown) return PS_ERUNTIME;
    w->tape_parts = grown;
    w->captape_parts = cap;
  }
  int part = (int)w->ntape_parts++;
  ps_tape_claim *c;
  if (w->tape_slots[key]) {
    c = &w->tape_claims[w->tape_slots[key] - 1];
    w->tape_parts[c->last].next = part;
  } else {
    c = &w->tape_claims[w->ntape_claims++];
    *c = (ps_tape_claim){.segment = s, .cohort = cohort, .lag = lag, .key = key, .first = part};
    w->tape_slots[key] = w->ntape_claims;
  }
  c->last = part;
  int64_t exposure = principal + interest, recovery = ps_round_fen((1 - lgd) * (double)exposure);
  w->tape_parts[part] = (ps_tape_part){principal, exposure, recovery, -1};
  /* the claim's exposure within int64 bounds every amount of its record, as for a record of `count` loans */
  if (__builtin_add_overflow(c->exposure, exposure, &c->exposure)) {
    w->ledger.overflow = (ps_posting){t, p->bank, ps_account_firms(m), principal, PS_KIND_PRINCIPAL_LOSS};
    return PS_EINPUT;
  }
  c->loans++;
  c->principal += principal;
  c->recovery += recovery;
  return PS_OK;
}

/* ps_claims_tape_record — the claims gathered by ps_claims_tape_default in period t become records, in
** the order they opened: each is recorded as one default of its summed principal, exposure and
** recovery, split among the payers by the scenario's fractions (no hook can set others where defaults
** are gathered), and counts its loans among the programme's defaults. PS_OK, PS_EINPUT (the ledger's
** overflow) or PS_ERUNTIME. */
int ps_claims_tape_record(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int i = 0; i < w->ntape_claims; i++) {
    const ps_tape_claim *c = &w->tape_claims[i];
    w->tape_slots[c->key] = 0;
    const ps_segment *seg = &m->segments[c->segment];
    const ps_programme *p = &m->programmes[seg->programme];
    programme_state *ps = &w->progs[seg->programme];
    if (reserve_records(w, 1, p->nshares)) return PS_ERUNTIME;
    /* untiered shares: the fractions of any amount are the shares (0 finds them); no hooks set them */
    int idx = open_record(w, c->segment, t, c->cohort, 1, c->principal, c->exposure, c->recovery, 0);
    w->records[idx].gathered = c->first + 1;
    w->records[idx].firm = -2; /* marks it for ps_claims_pay, where a firm's cap is looked at */
    ps->defaults += c->loans - 1; /* open_record counted one */
    int rc = ps_ledger_post(&w->ledger, t, p->bank, ps_account_firms(m), c->principal, PS_KIND_PRINCIPAL_LOSS);
    if (rc) return rc;
    ps->exposure += c->principal;
    ps->npl += c->principal;
    ps->year_defaulted += c->principal;
    queue_record(w, idx, c->lag);
  }
  w->ntape_claims = 0;
  return PS_OK;
}

/* ps_claims_record_claim — record `count` claims of policies of segment s (kind = "policy") issued in
** period `cohort`, in period t, each of `exposure` fen on a cover of `cover` fen: no principal and no
** recovery; count > 1 only where ps_path_batchable says so. PS_OK, PS_EINPUT (the claims pass what the
** ledger holds) or PS_ERUNTIME (out of memory) */
int ps_claims_record_claim(ps_path *w, int s, int cohort, int t, int64_t cover, int64_t exposure, int64_t count) {
  const ps_segment *seg = &w->m->segments[s];
  const ps_programme *p = &w->m->programmes[seg->programme];
  programme_state *ps = &w->progs[seg->programme];
  if (reserve_records(w, 1, p->nshares)) return PS_ERUNTIME;
  int64_t total; /* as for defaults: every product of the record then fits */
  if (__builtin_mul_overflow(exposure, count, &total)) {
    w->ledger.overflow = (ps_posting){t, p->insurer, p->bank, exposure, PS_KIND_COMPENSATION};
    return PS_EINPUT;
  }
  if (ps->share_override) memcpy(w->weights, ps->share_override, (size_t)p->nshares * sizeof(double));
  int idx = open_record(w, s, t, cohort, count, 0, exposure, 0, ps->share_override ? -1 : cover);
  ps->exposure += exposure * count;
  ps->year_defaulted += exposure * count;
  queue_record(w, idx, p->recovery_lag);
  return PS_OK;
}

/* the most the payers other than the bank may still be asked for, under the
** programme's yearly, total and portfolio caps (INT64_MAX: no cap) */
static int64_t cap_room(const ps_programme *p, const programme_state *ps) {
  int64_t room = INT64_MAX;
  if (p->cap_per_year > 0 && p->cap_per_year - ps->public_year < room) room = p->cap_per_year - ps->public_year;
  if (p->cap_total > 0 && p->cap_total - ps->public_total < room) room = p->cap_total - ps->public_total;
  if (p->cap_rate > 0) {
    int64_t limit = (int64_t)floor(p->cap_rate * ps->enrolled_total);
    if (limit - ps->public_total < room) room = limit - ps->public_total;
  }
  if (p->cap_loss_share > 0) { /* of the losses claimed so far, this one included */
    int64_t limit = (int64_t)floor(p->cap_loss_share * (double)ps->claimed);
    if (limit - ps->public_total < room) room = limit - ps->public_total;
  }
  return room < 0 ? 0 : room;
}

/* excess_to pays the bank what a cap, a pause or an unpaid share removed from
** a claim, `amount` a loan (nothing moves when excess_to is the bank itself); PS_OK, or PS_ERUNTIME
** when out of memory */
static int excess_pays(ps_path *w, default_record *r, const ps_programme *p, int64_t amount, int t) {
  if (p->excess_to == p->bank || amount == 0) return PS_OK;
  r->excess_paid += amount;
  ps_cost_flow(&w->cost, p->excess_to, r->cohort, t, (double)(amount * r->count));
  return ps_ledger_post(&w->ledger, t, p->excess_to, p->bank, amount * r->count, PS_KIND_COMPENSATION);
}

/* Cut what the payers other than the bank owe on this claim to `allowed` a
** loan (pro rata to their dues); the cut falls to excess_to. Returns the cut a loan. */
static int64_t cut_claim(ps_path *w, default_record *r, const ps_programme *p, int64_t allowed, int t) {
  int64_t *due = &w->due[r->first], asked = 0;
  for (int i = 0; i < p->nshares; i++)
    if (p->shares[i].account != p->bank) asked += due[i];
  if (asked <= allowed) return 0;
  for (int i = 0; i < p->nshares; i++) w->weights[i] = p->shares[i].account == p->bank ? 0 : (double)due[i];
  int64_t bank_share = 0;
  for (int i = 0; i < p->nshares; i++)
    if (p->shares[i].account == p->bank) bank_share = due[i];
  ps_split_fen(allowed, w->weights, p->nshares, due);
  for (int i = 0; i < p->nshares; i++)
    if (p->shares[i].account == p->bank) due[i] = bank_share;
  int64_t cut = asked - allowed;
  return excess_pays(w, r, p, cut, t) ? -1 : cut;
}

/* what a party pays of `amount` a loan now: a guarantor no more than its
** capital left, an insurer no more than its loss-ratio cap allows this year
** (limits a run of defaults never meets: ps_path_batchable); the rest is its
** unpaid share, which excess_to bears (paying the bank, unless it is the bank).
** Returns what the party pays a loan, or -1. */
static int64_t party_pays(ps_path *w, default_record *r, const ps_programme *p, int account, int64_t amount, int t) {
  const ps_party *party = &w->m->parties[account];
  party_state *ps = &w->parties[account];
  int64_t now = amount, n = r->count;
  if (party->kind == PS_PARTY_GUARANTOR) {
    int64_t left = ps_flows_capital_left(w, account);
    if (now > left) { /* it cannot pay this share in full: a breach (a payout that uses up exactly
                         what was left is not one) */
      now = left;
      ps->breached = 1;
    }
    ps->payouts += now * n;
  } else if (party->kind == PS_PARTY_INSURER && party->loss_ratio_cap > 0) {
    int64_t allowed = (int64_t)floor(party->loss_ratio_cap * (double)ps->premiums_year) - ps->claims_year;
    if (now > allowed) now = allowed > 0 ? allowed : 0;
  }
  if (party->kind == PS_PARTY_INSURER) {
    ps->claims += now * n;
    ps->claims_year += now * n;
    if (account == p->layer.insurer) {
      programme_state *pg = &w->progs[p - w->m->programmes];
      pg->layer_claims += now * n;
      pg->layer_by_segment[w->m->segments[r->segment].driver] += now * n;
    }
  }
  ps->unpaid += (amount - now) * n;
  return excess_pays(w, r, p, amount - now, t) ? -1 : now;
}

/* a payer pays `amount` a loan of the record now (a pool as far as its
** balance goes: a run of defaults reaches here only when its pools can pay all
** of it, split_short_run, so what it pays divides evenly among its loans); PS_OK, or PS_ERUNTIME when
** out of memory */
static int pay(ps_path *w, default_record *r, const ps_programme *p, int account, int64_t amount, int t,
               int64_t *paid) {
  const ps_model *m = w->m;
  int64_t now = amount;
  if (account < m->nparties && (now = party_pays(w, r, p, account, amount, t)) < 0) return PS_ERUNTIME;
  if (ps_is_pool_account(m, account))
    now = ps_path_pool_pays(w, account - m->nparties, (int)(p - m->programmes), m->segments[r->segment].driver, amount,
                              r->count, t) / r->count;
  *paid += now;
  r->short_paid |= now < amount; /* what is paid never exceeds what is asked */
  ps_cost_flow(&w->cost, account, r->cohort, t, (double)(now * r->count));
  /* from account to the bank: the name 'account' only looks like the parameter 'amount' */
  return ps_ledger_post(&w->ledger, t, account, p->bank, now * r->count, PS_KIND_COMPENSATION); /* NOLINT(readability-suspicious-call-argument) */
}

/* the part of a due paid at the claim; the rest comes with the recovery */
static int64_t first_part(const ps_programme *p, int64_t due) {
  return p->first_payment >= 1 ? due : ps_round_fen((double)due * p->first_payment);
}

/* insert record j after record prev in a queue (next: which link) */
static void insert_after(queue *q, default_record *records, int prev, int j, int is_claim) {
  int *link = is_claim ? &records[prev].next_claim : &records[prev].next_recovery;
  int *own = is_claim ? &records[j].next_claim : &records[j].next_recovery;
  *own = *link;
  *link = j;
  if (q->tail == prev) q->tail = j;
}

/* A run of defaults claimed in period t is paid as one only when every pool
** it draws on can pay all of it. Otherwise the loans the pools can pay in full
** stay a run and each of the rest becomes a record of its own, queued right
** after it for the claim and the recovery: they are then paid one by one, as
** if they had never been recorded together. PS_OK, or PS_ERUNTIME when out of memory. */
static int split_short_run(ps_path *w, int idx, int t) {
  const ps_model *m = w->m;
  default_record *r = &w->records[idx];
  const ps_programme *p = &m->programmes[r->programme];
  int64_t fits = r->count;
  for (int i = 0; i < p->nshares; i++) { /* each account pays one share at most */
    int64_t per_loan = first_part(p, w->due[r->first + (size_t)i]);
    if (p->shares[i].account == p->bank || !ps_is_pool_account(m, p->shares[i].account) || per_loan <= 0) continue;
    int64_t can = pool_of(w, p->shares[i].account)->balance / per_loan;
    if (can < fits) fits = can;
  }
  if (fits == r->count) return PS_OK;
  int64_t keep = fits > 0 ? fits : 1;
  size_t extra = (size_t)(r->count - keep), n = (size_t)p->nshares;
  if (reserve_records(w, extra, p->nshares)) return PS_ERUNTIME;
  r = &w->records[idx];
  r->count = keep;
  int recover_at = r->recover_at, prev = idx;
  for (size_t k = 0; k < extra; k++) {
    int j = (int)w->nrecords++;
    default_record *c = &w->records[j];
    *c = *r;
    c->count = 1;
    c->first = w->namounts;
    memcpy(&w->due[c->first], &w->due[r->first], n * sizeof(int64_t));
    memcpy(&w->paid[c->first], &w->paid[r->first], n * sizeof(int64_t));
    w->namounts += n;
    insert_after(&w->claims[t], w->records, prev, j, 1); /* t: a queue written already (queues_hi) */
    /* recovery_lag >= recognition_lag + claim_lag (scenario_programme.c), so
    ** the recovery is not yet done: at t or later, or after the horizon */
    if (recover_at <= m->periods) insert_after(&w->recoveries[recover_at], w->records, prev, j, 0); /* the same */
    prev = j;
  }
  return PS_OK;
}

/* Is a gathered claim (record r of programme p, not paused, due now, `room` left under its programme's
** caps: cap_room) paid in full, as each of its loans would be on its own: no yearly, total or portfolio
** cap and no payer's own yearly cap cuts it, and each
** payer other than the bank can pay its due (a pool from its balance, a guarantor from its capital
** left, an insurer within its loss-ratio cap this year)? Each limit stays as it is while the claim is
** paid, less what the claim takes, so its loans one by one would all be paid in full exactly when their
** sum is (to the rounding of the split). */
static int paid_in_full(const ps_path *w, const default_record *r, const ps_programme *p, const programme_state *ps,
                        int64_t room) {
  const ps_model *m = w->m;
  const int64_t *due = &w->due[r->first];
  int64_t asked = 0;
  for (int i = 0; i < p->nshares; i++) {
    int account = p->shares[i].account;
    if (account == p->bank) continue;
    asked += due[i];
    if (p->shares[i].cap_per_year > 0 && due[i] > p->shares[i].cap_per_year - ps->share_year[i]) return 0;
    if (ps_is_pool_account(m, account)) {
      if (w->pools[account - m->nparties].balance < due[i]) return 0;
    } else if (account < m->nparties) {
      const ps_party *party = &m->parties[account];
      const party_state *pt = &w->parties[account];
      if (party->kind == PS_PARTY_GUARANTOR && ps_flows_capital_left(w, account) < due[i]) return 0;
      if (party->kind == PS_PARTY_INSURER && party->loss_ratio_cap > 0 &&
          (int64_t)floor(party->loss_ratio_cap * (double)pt->premiums_year) - pt->claims_year < due[i])
        return 0;
    }
  }
  return room == INT64_MAX || asked <= room;
}

/* Part gathered claim idx, due in period t, into its loans (docs/rules.md): the record becomes its first
** loan's, and each other loan, in the order they defaulted, a record of its own right after it in the
** claims of t and in the recoveries, its dues split from its own exposure, as if it had been recorded
** on its own (nothing has been paid on the claim yet). PS_OK, or PS_ERUNTIME when out of memory. */
static int part_claim(ps_path *w, int idx, int t) {
  const ps_model *m = w->m;
  const ps_programme *p = &m->programmes[w->records[idx].programme];
  int first = w->records[idx].gathered - 1, prev = idx, recover_at = w->records[idx].recover_at;
  size_t n = 0;
  for (int k = first; k >= 0; k = w->tape_parts[k].next) n++;
  if (reserve_records(w, n - 1, p->nshares)) return PS_ERUNTIME;
  w->records[idx].gathered = 0;
  w->records[idx].firm = -1;
  for (int k = first; k >= 0; k = w->tape_parts[k].next) {
    int j = idx;
    if (k != first) {
      j = (int)w->nrecords++;
      w->records[j] = w->records[idx];
      w->records[j].first = w->namounts;
      w->namounts += (size_t)p->nshares;
      insert_after(&w->claims[t], w->records, prev, j, 1); /* t: a queue written already (queues_hi) */
      if (recover_at <= m->periods) insert_after(&w->recoveries[recover_at], w->records, prev, j, 0); /* the same */
      prev = j;
    }
    default_record *c = &w->records[j];
    const ps_tape_part *part = &w->tape_parts[k];
    c->principal = part->principal;
    c->exposure = part->exposure;
    c->recovery = part->recovery;
    int64_t bank_keeps;
    ps_programme_fractions(p, 0, m->segments[c->segment].share_points, w->weights); /* untiered: any amount */
    c->loan_cut = ps_programme_apply(p, c->exposure, &w->due[c->first], &bank_keeps, w->weights);
    for (int i = 0; i < p->nshares; i++) w->paid[c->first + (size_t)i] = 0;
  }
  return PS_OK;
}

/* A gathered claim idx due in period t, its programme not paused and `room` left under its caps, that
** would not be paid in full is parted into its loans; the programme's claimed, which counted the claim,
** then counts its first loan (the others count as they are paid). Out of line: only gathered claims
** come here. PS_OK, or PS_ERUNTIME when out of memory */
static __attribute__((noinline)) int part_unpaid(ps_path *w, int idx, int t, int64_t room) {
  const default_record *r = &w->records[idx];
  programme_state *ps = &w->progs[r->programme];
  if (paid_in_full(w, r, &w->m->programmes[r->programme], ps, room)) return PS_OK;
  int64_t exposure = r->exposure;
  if (part_claim(w, idx, t)) return PS_ERUNTIME;
  ps->claimed -= exposure - w->records[idx].exposure;
  return PS_OK;
}

/* ps_claims_pending — the claims approved before period 1 that fall due in period t. They count in
** the pool's claims (and shortfall, when its balance cannot pay them all) but in no programme: the
** pool's programme and segment attributions leave them out (pending_paid). They are paid to
** pool->pending_to (scenario.c says whom, docs/model.md why). The sizing shadow counts them as it
** counts claims, at the discount of the end of period t - 1 (no yield has accrued in t yet). */
int ps_claims_pending(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int i = 0; i < m->npools; i++) {
    const ps_pool *pool = &m->pools[i];
    pool_state *ps = &w->pools[i];
    ps->pending_now = 0;
    if (!pool->pending || pool->pending[t] == 0) continue;
    int64_t amount = pool->pending[t], now = amount < ps->balance ? amount : ps->balance;
    ps->need += (double)amount * ps->discount;
    if (ps->need > ps->required) ps->required = ps->need;
    ps->balance -= now;
    ps->claims += amount;
    ps->paid += now;
    ps->pending_paid += now;
    ps->pending_now = now; /* year_paid: path.c, after the year's turn (refills see the year it is in) */
    ps->shortfall += amount - now;
    if (amount > now && ps->depletion == 0) ps->depletion = t;
    ps_cost_flow(&w->cost, ps_account_of_pool(m, i), 0, t, (double)now); /* the book before period 1 */
    int rc = ps_ledger_post(&w->ledger, t, ps_account_of_pool(m, i), pool->pending_to, now, PS_KIND_COMPENSATION);
    if (rc) return rc;
  }
  return PS_OK;
}

/* ps_claims_pay_due — pay the claims due in period t (some are); PS_OK, or PS_ERUNTIME when out of memory */
int ps_claims_pay_due(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int idx = w->claims[t].head; idx >= 0; idx = w->records[idx].next_claim) {
    programme_state *ps = &w->progs[w->records[idx].programme];
    if (w->records[idx].count > 1 && !ps->paused && split_short_run(w, idx, t)) return PS_ERUNTIME;
    default_record *r = &w->records[idx];
    const ps_programme *p = &m->programmes[r->programme];
    int64_t n = r->count;
    ps->claimed += r->exposure * n;
    int64_t room = ps->paused ? 0 : cap_room(p, ps);
    if (r->firm != -1 && !ps->paused) {
      if (r->firm >= 0) { /* what is left of the firm's cap (records of one loan: n = 1) */
        int64_t firm_room = p->cap_per_firm - w->firm_asked[r->firm];
        if (firm_room < room) room = firm_room > 0 ? firm_room : 0;
      } else { /* a gathered claim (firm -2): parted when not paid in full */
        if (part_unpaid(w, idx, t, room)) return PS_ERUNTIME;
        r = &w->records[idx];
      }
    }
    int64_t cut = room == INT64_MAX ? 0 : cut_claim(w, r, p, room, t); /* no cap: nothing to cut */
    if (cut < 0) return PS_ERUNTIME;
    if (ps->paused) ps->refused += cut * n;
    else ps->capped += cut * n;
    ps->capped += r->loan_cut * n; /* cap_per_loan cut it when it was recorded */
    for (int i = 0; w->share_caps[r->programme] && i < p->nshares; i++) { /* payers' own yearly caps */
      int64_t *due = &w->due[r->first + (size_t)i];
      if (p->shares[i].cap_per_year > 0 && p->shares[i].account != p->bank) {
        int64_t room = p->shares[i].cap_per_year - ps->share_year[i], over = *due - (room > 0 ? room : 0);
        if (over > 0) {
          *due -= over;
          ps->capped += over;
          if (excess_pays(w, r, p, over, t)) return PS_ERUNTIME;
        }
      }
      ps->share_year[i] += *due * n;
    }
    for (int i = 0; i < p->nshares; i++) {
      int account = p->shares[i].account;
      int64_t due = w->due[r->first + (size_t)i];
      if (account == p->bank) { /* the bank's own share stays with it */
        w->paid[r->first + (size_t)i] = due;
        continue;
      }
      ps->public_year += due * n;
      ps->public_total += due * n;
      if (r->firm >= 0) w->firm_asked[r->firm] += due * n;
      if (pay(w, r, p, account, first_part(p, due), t, &w->paid[r->first + (size_t)i])) return PS_ERUNTIME;
      /* a second payment due after the horizon is not settled within it */
      if (r->recover_at > m->periods && ps_is_pool_account(m, account))
        pool_of(w, account)->unsettled += (due - first_part(p, due)) * n;
    }
  }
  return PS_OK;
}

/* the split of split_recovery (below) computed, and kept in memo */
static const int64_t *split_recovery_new(ps_path *w, ps_split_memo *memo, const default_record *r,
                                         const ps_programme *p, const int64_t *amounts) {
  int64_t others = r->excess_paid;
  for (int i = 0; i < p->nshares; i++) {
    int is_bank = p->shares[i].account == p->bank;
    w->weights[i] = is_bank ? 0 : (double)amounts[i];
    if (!is_bank) others += amounts[i];
  }
  w->weights[p->nshares] = (double)r->excess_paid;
  w->weights[p->nshares + 1] = (double)(r->exposure - others);
  ps_split_memo_fen_keep(memo, r->segment, r->recovery, amounts, p->nshares, r->excess_paid, r->exposure);
  int64_t *parts = ps_split_memo_parts(memo, r->segment);
  ps_split_fen(r->recovery, w->weights, p->nshares + 2, parts);
  return parts;
}

/* Split a default's recovery among its payers in proportion to `amounts`
** (what each paid, or was due), excess_to by what it paid, and the bank by what
** it bore beyond them; returns the parts: the shares in share order, then excess_to's, then the
** bank's. They are the slot of the segment in `memo` (sim/split_memo.h), good until its next
** recovery split: the last one's when it was of the same recovery by the same amounts, excess paid
** and exposure, from which the weights follow (its key, in fen). Inline: most find it there. */
static inline const int64_t *split_recovery(ps_path *w, ps_split_memo *memo, const default_record *r,
                                            const ps_programme *p, const int64_t *amounts) {
  if (ps_split_memo_fen_hit(memo, r->segment, r->recovery, amounts, p->nshares, r->excess_paid, r->exposure))
    return ps_split_memo_parts(memo, r->segment);
  return split_recovery_new(w, memo, r, p, amounts);
}

/* The sizing shadow assumes every claim was paid in full, so it credits each
** pool the recovery it would get pro rata to what it was due (the same as what
** it got, the parts split by what was paid, unless the pool fell short on this loan). */
static void discount_recoveries(ps_path *w, const default_record *r, const ps_programme *p, const int64_t *parts) {
  const ps_model *m = w->m;
  if (r->short_paid) /* what was paid differs from what was due; its own memo, so that the next record's
                     ** split by what was paid stays */
    parts = split_recovery(w, &w->shadow_memo, r, p, &w->due[r->first]);
  for (int i = 0; i < p->nshares; i++) { /* each pool pays one share at most, so pool by pool ... */
    int account = p->shares[i].account;
    if (account == p->bank || !ps_is_pool_account(m, account)) continue;
    pool_state *ps = pool_of(w, account);
    double need = ps->need, part = (double)parts[i] * ps->discount;
    for (int64_t k = 0; k < r->count; k++) need -= part; /* ... loan by loan, as the shadow counts them */
    ps->need = need;
  }
}

/* ps_claims_recover_due — share the recoveries due in period t (some are); PS_OK, or PS_ERUNTIME when out
** of memory */
int ps_claims_recover_due(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int idx = w->recoveries[t].head; idx >= 0; idx = w->records[idx].next_recovery) {
    default_record *r = &w->records[idx];
    const ps_programme *p = &m->programmes[r->programme];
    int64_t n = r->count;
    w->progs[r->programme].npl -= r->principal * n;
    /* second payments: what was due beyond the first payment */
    if (p->first_payment < 1)
      for (int i = 0; i < p->nshares; i++) {
        int64_t due = w->due[r->first + (size_t)i];
        if (p->shares[i].account != p->bank &&
            pay(w, r, p, p->shares[i].account, due - first_part(p, due), t, &w->paid[r->first + (size_t)i]))
          return PS_ERUNTIME;
      }
    if (ps_ledger_post(&w->ledger, t, ps_account_firms(m), p->bank, r->recovery * n, PS_KIND_RECOVERY))
      return PS_ERUNTIME;
    const int64_t *parts = split_recovery(w, &w->recovery_memo, r, p, &w->paid[r->first]);
    for (int i = 0; i < p->nshares; i++) {
      int account = p->shares[i].account;
      if (account == p->bank || parts[i] == 0) continue;
      int64_t part = parts[i] * n;
      if (ps_ledger_post(&w->ledger, t, p->bank, account, part, PS_KIND_RECOVERY)) return PS_ERUNTIME;
      ps_cost_flow(&w->cost, account, r->cohort, t, -(double)part);
      if (ps_is_pool_account(m, account)) {
        pool_state *ps = pool_of(w, account);
        ps->balance += part;
        ps->recovered += part;
        ps->by_programme[r->programme] -= part;
        ps->by_segment[m->segments[r->segment].driver] -= part;
        ps->year_recovered += part;
      }
    }
    if (parts[p->nshares] != 0) { /* excess_to's part: without one, nothing moves or counts */
      if (ps_ledger_post(&w->ledger, t, p->bank, p->excess_to, parts[p->nshares] * n, PS_KIND_RECOVERY))
        return PS_ERUNTIME;
      ps_cost_flow(&w->cost, p->excess_to, r->cohort, t, -(double)(parts[p->nshares] * n));
    }
    discount_recoveries(w, r, p, parts);
  }
  return PS_OK;
}
