/* path.c — one path of the model. The order of events inside a period is
** fixed and documented in docs/model.md:
**   1. each pool earns yield on its opening balance, then receives scheduled top-ups;
**   2. on_period(ctx) runs (it may top up);
**   3. segments originate this period's cohorts;
**   4. defaults are drawn for every loan at risk;
**   5. claims due this period are paid (pools pay what their balance allows);
**   6. recoveries due this period come in and are shared back pro rata;
**   7. the closing balance is recorded. */
#include "path.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "programme.h"
#include "rng.h"

/* one default awaiting its claim and its recovery */
typedef struct {
  int programme, period;
  int64_t exposure, recovery; /* fen */
  size_t first;               /* its payers' amounts start at amounts[first] */
  int next_claim, next_recovery;
} default_record;

/* per pool state within a path */
typedef struct {
  int64_t balance, claims, paid, shortfall, recovered, unsettled;
  int depletion;
  double discount; /* prod (1 + yield)^-1 up to this period */
  double need;     /* initial balance needed so far, in fen (see docs/model.md, sizing) */
  double required; /* running maximum of need */
} pool_state;

/* a FIFO of records due in one period */
typedef struct {
  int head, tail;
} queue;

struct ps_path {
  const ps_model *m;
  const int64_t *initial;
  int audit;
  gsl_rng *factor_rng, *default_rng;
  double *z;          /* systemic factor by period */
  int64_t **alive;    /* [segment][origination period] loans still at risk */
  pool_state *pools;
  int64_t *defaults, *originated, *exposure; /* per programme */
  default_record *records;
  size_t nrecords, caprecords;
  int64_t *due, *paid; /* per record payer: what is owed, what was paid */
  size_t namounts, capamounts;
  queue *claims, *recoveries; /* by period */
  double *weights;            /* scratch for splits */
  int64_t *parts;
  int maxshares;
  int period_now; /* the period being run: postings made now carry it */
  ps_ledger ledger;
};

ps_path *ps_path_new(const ps_model *m, const int64_t *initial, int audit) {
  ps_path *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->m = m;
  w->initial = initial;
  w->audit = audit;
  for (int i = 0; i < m->nprogrammes; i++)
    if (m->programmes[i].nshares > w->maxshares) w->maxshares = m->programmes[i].nshares;
  size_t T = (size_t)m->periods + 1;
  int ok = (w->factor_rng = ps_rng_alloc()) && (w->default_rng = ps_rng_alloc()) &&
           (w->z = calloc(T, sizeof *w->z)) && (w->alive = calloc((size_t)m->nsegments, sizeof *w->alive)) &&
           (w->pools = calloc((size_t)m->npools, sizeof *w->pools)) &&
           (w->defaults = calloc((size_t)m->nprogrammes, sizeof(int64_t))) &&
           (w->originated = calloc((size_t)m->nprogrammes, sizeof(int64_t))) &&
           (w->exposure = calloc((size_t)m->nprogrammes, sizeof(int64_t))) &&
           (w->claims = calloc(T, sizeof *w->claims)) && (w->recoveries = calloc(T, sizeof *w->recoveries)) &&
           (w->weights = calloc((size_t)w->maxshares + 1, sizeof *w->weights)) &&
           (w->parts = calloc((size_t)w->maxshares + 1, sizeof *w->parts)) &&
           ps_ledger_init(&w->ledger, ps_naccounts(m), audit) == 0;
  for (int s = 0; ok && s < m->nsegments; s++) ok = (w->alive[s] = calloc(T, sizeof(int64_t))) != NULL;
  if (!ok) {
    ps_path_free(w);
    return NULL;
  }
  return w;
}

void ps_path_free(ps_path *w) {
  if (!w) return;
  if (w->factor_rng) gsl_rng_free(w->factor_rng);
  if (w->default_rng) gsl_rng_free(w->default_rng);
  for (int s = 0; w->alive && s < w->m->nsegments; s++) free(w->alive[s]);
  free(w->alive);
  free(w->z);
  free(w->pools);
  free(w->defaults);
  free(w->originated);
  free(w->exposure);
  free(w->records);
  free(w->due);
  free(w->paid);
  free(w->claims);
  free(w->recoveries);
  free(w->weights);
  free(w->parts);
  ps_ledger_free(&w->ledger);
  free(w);
}

const ps_model *ps_path_model(const ps_path *w) { return w->m; }
int64_t ps_path_pool_balance(const ps_path *w, int pool) { return w->pools[pool].balance; }
const ps_ledger *ps_path_ledger(const ps_path *w) { return &w->ledger; }

int ps_path_topup(ps_path *w, int pool, int64_t fen) {
  pool_state *ps = &w->pools[pool];
  if (ps_ledger_post(&w->ledger, w->period_now, w->m->pools[pool].owner, ps_account_of_pool(w->m, pool), fen,
                     PS_KIND_TOPUP))
    return -1;
  ps->balance += fen;
  ps->need -= (double)fen * ps->discount;
  return 0;
}

/* ---- growing the record arrays ---- */

static int reserve_record(ps_path *w, int nshares) {
  if (w->nrecords == w->caprecords) {
    size_t cap = w->caprecords ? 2 * w->caprecords : 256;
    default_record *r = realloc(w->records, cap * sizeof *r);
    if (!r) return -1;
    w->records = r;
    w->caprecords = cap;
  }
  if (w->namounts + (size_t)nshares > w->capamounts) {
    size_t cap = w->capamounts ? 2 * w->capamounts : 1024;
    while (cap < w->namounts + (size_t)nshares) cap *= 2;
    int64_t *d = realloc(w->due, cap * sizeof *d);
    if (!d) return -1;
    w->due = d;
    int64_t *p = realloc(w->paid, cap * sizeof *p);
    if (!p) return -1;
    w->paid = p;
    w->capamounts = cap;
  }
  return 0;
}

static void enqueue(queue *q, default_record *records, int idx, int is_claim) {
  if (q->tail < 0) q->head = idx;
  else if (is_claim) records[q->tail].next_claim = idx;
  else records[q->tail].next_recovery = idx;
  q->tail = idx;
}

/* ---- the steps of a period ---- */

/* systemic factor path: stationary AR(1), Z_1 ~ N(0,1) */
static void draw_factors(ps_path *w) {
  double phi = w->m->cycle, innovation_sd = sqrt(1 - phi * phi);
  w->z[1] = gsl_ran_gaussian_ziggurat(w->factor_rng, 1.0);
  for (int t = 2; t <= w->m->periods; t++)
    w->z[t] = phi * w->z[t - 1] + innovation_sd * gsl_ran_gaussian_ziggurat(w->factor_rng, 1.0);
}

static int fund_pools(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int i = 0; i < m->npools; i++) {
    const ps_pool *pool = &m->pools[i];
    pool_state *ps = &w->pools[i];
    ps->discount /= 1 + pool->yield_per_period;
    int64_t yield = (int64_t)llround((double)ps->balance * pool->yield_per_period);
    /* the ledger rounds yield to the fen (at most half a fen a period); the
    ** sizing shadow compounds it exactly, so it counts half a fen against the
    ** pool each period to stay on the safe side of that rounding */
    if (pool->yield_per_period > 0) ps->need += 0.5 * ps->discount;
    if (ps_ledger_post(&w->ledger, t, ps_account_outside(m), ps_account_of_pool(m, i), yield, PS_KIND_YIELD))
      return -1;
    ps->balance += yield;
    if (pool->topups[t] > 0 && ps_path_topup(w, i, pool->topups[t])) return -1;
  }
  return 0;
}

/* conditional default probability of one period given the factor */
static double conditional_pd(const ps_segment *s, double z) {
  if (s->hazard <= 0) return 0;
  if (s->hazard >= 1) return 1;
  return gsl_cdf_ugaussian_P((s->threshold - sqrt(s->rho) * z) / sqrt(1 - s->rho));
}

/* outstanding principal (fen) of a loan of amount a at the start of its period of age `age` */
static int64_t outstanding(const ps_segment *s, int64_t amount, int age) {
  if (!s->amortizing) return amount;
  return (int64_t)llround((double)amount * (double)(s->tenor - age) / (double)s->tenor);
}

static double draw(const ps_dist *d, gsl_rng *r) {
  switch (d->kind) {
  case PS_DIST_LOGNORMAL: return gsl_ran_lognormal(r, d->p1, d->p2);
  case PS_DIST_BETA: return gsl_ran_beta(r, d->p1, d->p2);
  default: return d->mean;
  }
}

/* record one default of a loan of segment s originated in period `cohort` */
static int record_default(ps_path *w, int s, int cohort, int t) {
  const ps_model *m = w->m;
  const ps_segment *seg = &m->segments[s];
  const ps_programme *p = &m->programmes[seg->programme];
  if (reserve_record(w, p->nshares)) return -1;
  int64_t amount = (int64_t)llround(draw(&seg->loan, w->default_rng) * PS_FEN_PER_YUAN);
  int64_t exposure = outstanding(seg, amount, t - cohort);
  double lgd = draw(&seg->lgd, w->default_rng);
  int idx = (int)w->nrecords++;
  default_record *r = &w->records[idx];
  *r = (default_record){seg->programme, t, exposure, (int64_t)llround((1 - lgd) * (double)exposure),
                        w->namounts, -1, -1};
  int64_t bank_keeps;
  ps_programme_split(p, exposure, &w->due[r->first], &bank_keeps, w->weights);
  memset(&w->paid[r->first], 0, (size_t)p->nshares * sizeof(int64_t));
  w->namounts += (size_t)p->nshares;
  w->defaults[seg->programme]++;
  w->exposure[seg->programme] += exposure;
  if (ps_ledger_post(&w->ledger, t, p->bank, ps_account_firms(m), exposure, PS_KIND_PRINCIPAL_LOSS)) return -1;

  int claim_at = t + p->claim_lag, recover_at = t + p->recovery_lag;
  if (claim_at <= m->periods) enqueue(&w->claims[claim_at], w->records, idx, 1);
  else
    for (int i = 0; i < p->nshares; i++)
      if (ps_is_pool_account(m, p->shares[i].account))
        w->pools[p->shares[i].account - m->nparties].unsettled += w->due[r->first + (size_t)i];
  if (recover_at <= m->periods) enqueue(&w->recoveries[recover_at], w->records, idx, 0);
  return 0;
}

/* Draw the period's defaults. Loans of a segment alive in period t share one
** conditional PD, so their default count is one binomial draw; each default is
** then placed in a cohort with probability proportional to the cohort's loans
** still alive (sampling without replacement), which is exact for exchangeable
** loans and costs one draw per default, not per loan. */
static int draw_defaults(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    int64_t *alive = w->alive[s];
    if (t >= seg->first && t <= seg->last) {
      alive[t] = seg->new_loans;
      w->originated[seg->programme] += seg->new_loans;
    }
    int lo = t - seg->tenor + 1 > seg->first ? t - seg->tenor + 1 : seg->first;
    int hi = t < seg->last ? t : seg->last;
    int64_t n = 0;
    for (int c = lo; c <= hi; c++) n += alive[c];
    if (n == 0) continue;
    double p = conditional_pd(seg, w->z[t]);
    int64_t d = p >= 1 ? n : p <= 0 ? 0 : (int64_t)gsl_ran_binomial(w->default_rng, p, (unsigned)n);
    for (; d > 0; d--, n--) {
      int64_t k = (int64_t)gsl_rng_uniform_int(w->default_rng, (unsigned long)n);
      int c = lo;
      while (k >= alive[c]) k -= alive[c++];
      alive[c]--;
      if (record_default(w, s, c, t)) return -1;
    }
  }
  return 0;
}

/* pay the claims due in period t, in the order the defaults happened */
static int pay_claims(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int idx = w->claims[t].head; idx >= 0; idx = w->records[idx].next_claim) {
    const default_record *r = &w->records[idx];
    const ps_programme *p = &m->programmes[r->programme];
    for (int i = 0; i < p->nshares; i++) {
      int account = p->shares[i].account;
      int64_t due = w->due[r->first + (size_t)i], pay = due;
      if (account == p->bank) { /* the bank's own share stays with it */
        w->paid[r->first + (size_t)i] = due;
        continue;
      }
      if (ps_is_pool_account(m, account)) {
        pool_state *ps = &w->pools[account - m->nparties];
        if (pay > ps->balance) pay = ps->balance;
        ps->balance -= pay;
        ps->claims += due;
        ps->paid += pay;
        ps->shortfall += due - pay;
        ps->need += (double)due * ps->discount;
        if (due > pay && ps->depletion == 0) ps->depletion = t;
      }
      w->paid[r->first + (size_t)i] = pay;
      if (ps_ledger_post(&w->ledger, t, account, p->bank, pay, PS_KIND_COMPENSATION)) return -1;
    }
  }
  for (int i = 0; i < m->npools; i++)
    if (w->pools[i].need > w->pools[i].required) w->pools[i].required = w->pools[i].need;
  return 0;
}

/* Split a default's recovery among its payers in proportion to `amounts`
** (what each paid, or was due), the bank weighing what it bore beyond them;
** the parts land in w->parts, in share order. */
static void split_recovery(ps_path *w, const default_record *r, const ps_programme *p, const int64_t *amounts) {
  int64_t others = 0;
  for (int i = 0; i < p->nshares; i++) {
    int is_bank = p->shares[i].account == p->bank;
    w->weights[i] = is_bank ? 0 : (double)amounts[i];
    if (!is_bank) others += amounts[i];
  }
  w->weights[p->nshares] = (double)(r->exposure - others);
  ps_split_fen(r->recovery, w->weights, p->nshares + 1, w->parts);
}

/* The sizing shadow assumes every claim was paid in full, so it credits each
** pool the recovery it would get pro rata to what it was due (the same as what
** it got, unless the pool fell short on this loan). */
static void discount_recoveries(ps_path *w, const default_record *r, const ps_programme *p) {
  const ps_model *m = w->m;
  int short_paid = 0;
  for (int i = 0; i < p->nshares; i++) short_paid |= w->paid[r->first + (size_t)i] != w->due[r->first + (size_t)i];
  if (short_paid) split_recovery(w, r, p, &w->due[r->first]);
  for (int i = 0; i < p->nshares; i++) {
    int account = p->shares[i].account;
    if (account == p->bank || !ps_is_pool_account(m, account)) continue;
    pool_state *ps = &w->pools[account - m->nparties];
    ps->need -= (double)w->parts[i] * ps->discount;
  }
}

/* Recoveries due in period t come back to the bank, which passes each payer
** its part pro rata to what that payer actually paid on the loan. */
static int share_recoveries(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int idx = w->recoveries[t].head; idx >= 0; idx = w->records[idx].next_recovery) {
    const default_record *r = &w->records[idx];
    const ps_programme *p = &m->programmes[r->programme];
    if (ps_ledger_post(&w->ledger, t, ps_account_firms(m), p->bank, r->recovery, PS_KIND_RECOVERY)) return -1;
    split_recovery(w, r, p, &w->paid[r->first]);
    for (int i = 0; i < p->nshares; i++) {
      int account = p->shares[i].account;
      if (account == p->bank || w->parts[i] == 0) continue;
      if (ps_ledger_post(&w->ledger, t, p->bank, account, w->parts[i], PS_KIND_RECOVERY)) return -1;
      if (ps_is_pool_account(m, account)) {
        pool_state *ps = &w->pools[account - m->nparties];
        ps->balance += w->parts[i];
        ps->recovered += w->parts[i];
      }
    }
    discount_recoveries(w, r, p);
  }
  return 0;
}

/* ---- a whole path ---- */

static void reset(ps_path *w) {
  const ps_model *m = w->m;
  ps_ledger_reset(&w->ledger);
  w->nrecords = w->namounts = 0;
  for (int t = 0; t <= m->periods; t++) w->claims[t] = w->recoveries[t] = (queue){-1, -1};
  for (int s = 0; s < m->nsegments; s++) memset(w->alive[s], 0, ((size_t)m->periods + 1) * sizeof(int64_t));
  memset(w->defaults, 0, (size_t)m->nprogrammes * sizeof(int64_t));
  memset(w->originated, 0, (size_t)m->nprogrammes * sizeof(int64_t));
  memset(w->exposure, 0, (size_t)m->nprogrammes * sizeof(int64_t));
  for (int i = 0; i < m->npools; i++) w->pools[i] = (pool_state){.discount = 1};
}

static int open_pools(ps_path *w) {
  const ps_model *m = w->m;
  for (int i = 0; i < m->npools; i++) {
    int64_t initial = w->initial ? w->initial[i] : m->pools[i].initial;
    if (ps_ledger_post(&w->ledger, 0, m->pools[i].owner, ps_account_of_pool(m, i), initial, PS_KIND_INITIAL))
      return -1;
    w->pools[i].balance = initial;
  }
  return 0;
}

/* Cross-check the path's accounts: each pool's ledger balance equals its
** running balance and its flows add up; with audit, the posting log replays
** to the ledger's totals. Returns 0 or -1 with a message. */
static int check_accounts(const ps_path *w, long index, char *err, size_t errlen) {
  const ps_model *m = w->m;
  const ps_ledger *l = &w->ledger;
  for (int i = 0; i < m->npools; i++) {
    const pool_state *ps = &w->pools[i];
    int a = ps_account_of_pool(m, i);
    int64_t flows = ps_ledger_net(l, a, PS_KIND_INITIAL) + ps_ledger_net(l, a, PS_KIND_TOPUP) +
                    ps_ledger_net(l, a, PS_KIND_YIELD) - ps->paid + ps->recovered;
    if (ps->balance < 0 || ps_ledger_balance(l, a) != ps->balance || flows != ps->balance ||
        ps->claims != ps->paid + ps->shortfall) {
      snprintf(err, errlen, "internal error: pool '%s' accounts do not add up in path %ld", m->pools[i].id, index);
      return -1;
    }
  }
  if (ps_ledger_check_balanced(l)) {
    snprintf(err, errlen, "internal error: the ledger of path %ld does not balance", index);
    return -1;
  }
  if (!w->audit) return 0;
  int64_t *replay = calloc((size_t)l->naccounts * PS_NKINDS, sizeof *replay);
  if (!replay) {
    snprintf(err, errlen, "out of memory");
    return -1;
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
  return bad ? -1 : 0;
}

static void store_outcomes(const ps_path *w, long index, ps_outcomes *out) {
  const ps_model *m = w->m;
  for (int i = 0; i < m->npools; i++) {
    const pool_state *ps = &w->pools[i];
    size_t k = ps_slot(out, i, index);
    out->claims[k] = (double)ps->claims / PS_FEN_PER_YUAN;
    out->paid[k] = (double)ps->paid / PS_FEN_PER_YUAN;
    out->shortfall[k] = (double)ps->shortfall / PS_FEN_PER_YUAN;
    out->recovered[k] = (double)ps->recovered / PS_FEN_PER_YUAN;
    out->unsettled[k] = (double)ps->unsettled / PS_FEN_PER_YUAN;
    out->required[k] = ceil(ps->required) / PS_FEN_PER_YUAN;
    out->depletion[k] = ps->depletion;
  }
  for (int i = 0; i < m->nprogrammes; i++) {
    size_t k = ps_slot(out, i, index);
    out->defaults[k] = (double)w->defaults[i];
    out->originated[k] = (double)w->originated[i];
    out->defaulted_exposure[k] = (double)w->exposure[i] / PS_FEN_PER_YUAN;
  }
  for (int i = 0; i < m->nparties; i++) {
    int64_t net = ps_ledger_net(&w->ledger, i, PS_KIND_PRINCIPAL_LOSS) +
                  ps_ledger_net(&w->ledger, i, PS_KIND_COMPENSATION) + ps_ledger_net(&w->ledger, i, PS_KIND_RECOVERY);
    out->losses[ps_slot(out, i, index)] = (double)-net / PS_FEN_PER_YUAN;
  }
}

int ps_path_run(ps_path *w, uint64_t seed, long index, ps_policy *policy, ps_outcomes *out, char *err,
                size_t errlen) {
  const ps_model *m = w->m;
  reset(w);
  if (policy && ps_policy_begin_path(policy, seed, index, err, errlen)) return -1;
  ps_rng_seed_stream(w->factor_rng, seed, (uint64_t)index, PS_STREAM_FACTORS);
  ps_rng_seed_stream(w->default_rng, seed, (uint64_t)index, PS_STREAM_DEFAULTS);
  draw_factors(w);
  w->period_now = 0;
  if (open_pools(w)) goto oom;
  for (int t = 1; t <= m->periods; t++) {
    w->period_now = t;
    if (fund_pools(w, t)) goto oom;
    if (policy && ps_policy_on_period(policy, w, index, t, err, errlen)) return -1;
    if (draw_defaults(w, t) || pay_claims(w, t) || share_recoveries(w, t)) goto oom;
    for (int i = 0; i < m->npools; i++)
      out->balance[ps_slot(out, i, index) * (size_t)m->periods + (size_t)(t - 1)] =
          (double)w->pools[i].balance / PS_FEN_PER_YUAN;
  }
  if (check_accounts(w, index, err, errlen)) return -1;
  store_outcomes(w, index, out);
  return 0;
oom:
  snprintf(err, errlen, "out of memory in path %ld", index);
  return -1;
}
