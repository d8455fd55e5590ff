/* bridges.c — the bridge-loan funds of a path (SPEC 2.3b).
**
** Within a period of D days a lender pool with balance B offers B·D cash-days;
** a bridge of amount a out for d days uses a·d of them and needs a <= B.
** Requests are served in segment order while both hold; the first that does
** not fit and every later one of the segment are declined. A bridge out and
** back within the period moves no money in the ledger (it is not a cost). One
** the bank does not renew (probability pd given the factors) is the pool's
** claim: it keeps its amount out for the rest of the period (a·D cash-days in
** all), its amount leaves the pool at once (kind principal_loss, to the
** borrowers), so B falls, and (1 - lgd) of it comes back after the programme's
** recovery_lag (kind recovery). A repaid bridge pays the pool fee·days·amount
** (kind fee), received at the end of the period's service. With a fixed amount
** the repaid bridges before each unrepaid one are a geometric run served with
** one division: the cost grows with unrepaid bridges, not with requests. */
#include "sim/bridges.h"

#include <gsl/gsl_rng.h>
#include <math.h>

#include "sim/claims.h"
#include "sim/factors.h"
#include "sim/volume.h"

/* the fee of one repaid bridge of `amount` fen */
static int64_t fee_of(const ps_segment *seg, int64_t amount) {
  return ps_round_fen(seg->fee * seg->days * (double)amount);
}

/* a bridge of `amount` fen is not repaid: the pool bears it now (it fits the balance: a bridge is
** lent only then) and books what is recovered for later; PS_OK, or PS_EINPUT (overflow) */
static int unrepaid(ps_path *w, int s, int t, int64_t amount) {
  const ps_model *m = w->m;
  const ps_segment *seg = &m->segments[s];
  const ps_programme *p = &m->programmes[seg->programme];
  programme_state *prog = &w->progs[seg->programme];
  prog->defaults++;
  prog->exposure += amount;
  prog->year_defaulted += amount;
  int64_t now = ps_path_pool_pays(w, p->lender, seg->programme, seg->driver, amount, 1, t);
  int rc = ps_ledger_post(&w->ledger, t, ps_account_of_pool(m, p->lender), ps_account_firms(m), now,
                          PS_KIND_PRINCIPAL_LOSS);
  if (rc) return rc;
  ps_cost_flow(&w->cost, ps_account_of_pool(m, p->lender), t, t, (double)now); /* its owner's cost (sim/cost.h) */
  double lgd = seg->lgd.kind == PS_DIST_FIXED ? seg->lgd.mean : ps_claims_draw(&seg->lgd, w->bridge_rng);
  int at = t + p->recovery_lag; /* after the horizon: not in this run, as for loans */
  if (at <= m->periods)
    w->bridge_due[(size_t)s * ((size_t)m->periods + 1) + (size_t)at] += ps_round_fen((1 - lgd) * (double)now);
  return PS_OK;
}

/* the fees of repaid bridges, `fees` fen in all, into the lender pool */
static int receive_fees(ps_path *w, int pool, int t, int64_t fees) {
  pool_state *ps = &w->pools[pool];
  int rc = ps_ledger_post(&w->ledger, t, ps_account_firms(w->m), ps_account_of_pool(w->m, pool), fees, PS_KIND_FEE);
  if (rc) return rc;
  ps_cost_flow(&w->cost, ps_account_of_pool(w->m, pool), t, t, -(double)fees);
  ps->balance += fees;
  ps->fees += fees;
  ps->need -= (double)fees * ps->discount;
  return PS_OK;
}

/* one bridge of `amount` fen out for the segment's days: does it fit the pool now? */
static int fits(const ps_path *w, const ps_segment *seg, int pool, int64_t amount) {
  return amount <= w->pools[pool].balance && (double)amount * seg->days <= w->bridge_cash_days[pool];
}

/* a bridge that was lent and is not repaid keeps its amount out for the whole period: it uses
** amount x D cash-days in all (amount x days were taken when it was lent) */
static void keeps_out(ps_path *w, const ps_segment *seg, int pool, int64_t amount, double period_days) {
  double *cash = &w->bridge_cash_days[pool];
  *cash -= (double)amount * (period_days - seg->days);
  if (*cash < 0) *cash = 0;
}

/* bridges of one amount, served in order: the repaid bridges before the next unrepaid one are a
** geometric run, served with one division; each unrepaid one is then taken out of the pool */
static int serve_fixed(ps_path *w, int s, int t, int64_t n, double pd, double period_days, int64_t *served) {
  const ps_segment *seg = &w->m->segments[s];
  int pool = w->m->programmes[seg->programme].lender;
  int64_t amount = ps_round_fen(seg->loan.mean * PS_FEN_PER_YUAN), repaid = 0;
  double use = (double)amount * seg->days, *cash = &w->bridge_cash_days[pool];
  *served = 0;
  while (*served < n && fits(w, seg, pool, amount)) {
    double room = fmin((double)(n - *served), floor(*cash / use)); /* >= 1: it fits */
    /* repaid bridges before the next unrepaid one: Geometric(pd) - 1, by inversion in double (GSL's
    ** geometric returns an unsigned int, too small for a tiny pd) */
    double gap = pd <= 0 ? room : pd >= 1 ? 0 : floor(log(gsl_rng_uniform_pos(w->bridge_rng)) / log1p(-pd));
    int64_t run = (int64_t)fmin(room, gap);
    *cash -= (double)run * use;
    *served += run;
    repaid += run;
    if (gap >= room) break; /* every request served, or the cash-days used, all repaid */
    *cash -= use;           /* the unrepaid one: it fits, as gap < room */
    ++*served;
    keeps_out(w, seg, pool, amount, period_days);
    int rc = unrepaid(w, s, t, amount);
    if (rc) return rc;
  }
  ps_cost_lending(&w->cost, seg->programme, t, (double)*served * (double)amount);
  int64_t fees; /* past int64 only for absurd balances: the ledger then refuses it as an overflow */
  if (__builtin_mul_overflow(fee_of(seg, amount), repaid, &fees)) fees = INT64_MAX;
  return receive_fees(w, pool, t, fees);
}

/* bridges of drawn amounts: request by request until one does not fit */
static int serve_drawn(ps_path *w, int s, int t, int64_t n, double pd, double period_days, int64_t *served) {
  const ps_segment *seg = &w->m->segments[s];
  int pool = w->m->programmes[seg->programme].lender, rc;
  int64_t fees = 0;
  double lent = 0;
  for (*served = 0; *served < n; ++*served) {
    double drawn = ps_claims_draw(&seg->loan, w->bridge_rng) * PS_FEN_PER_YUAN;
    if (!(drawn < 0x1p62)) break; /* more than any balance: it does not fit */
    int64_t amount = ps_round_fen(drawn);
    if (!fits(w, seg, pool, amount)) break;
    w->bridge_cash_days[pool] -= (double)amount * seg->days;
    lent += (double)amount;
    if (gsl_rng_uniform(w->bridge_rng) >= pd) {
      if (__builtin_add_overflow(fees, fee_of(seg, amount), &fees)) fees = INT64_MAX; /* refused as above */
      continue;
    }
    keeps_out(w, seg, pool, amount, period_days);
    if ((rc = unrepaid(w, s, t, amount))) return rc;
  }
  ps_cost_lending(&w->cost, seg->programme, t, lent);
  return receive_fees(w, pool, t, fees);
}

int ps_bridges_period(ps_path *w, int t) {
  const ps_model *m = w->m;
  if (!w->bridge_due) return PS_OK;
  double days = ps_days_per_period(m->step);
  for (int i = 0; i < m->npools; i++) w->bridge_cash_days[i] = (double)w->pools[i].balance * days;
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    if (seg->kind != PS_SEGMENT_BRIDGE || t < seg->first || t > seg->last) continue;
    programme_state *prog = &w->progs[seg->programme];
    int64_t n = ps_volume_draw(w, &seg->volume, seg->requests, t), served = 0; /* sim/volume.h */
    prog->requests += n;
    if (!prog->paused && !prog->stopped) {
      double pd = ps_factors_pd(&w->factors, m, seg, t, 0);
      int rc = seg->loan.kind == PS_DIST_FIXED ? serve_fixed(w, s, t, n, pd, days, &served)
                                               : serve_drawn(w, s, t, n, pd, days, &served);
      if (rc) return rc;
    }
    prog->originated += served;
    prog->declined += n - served;
  }
  return PS_OK;
}

int ps_bridges_recover(ps_path *w, int t) {
  const ps_model *m = w->m;
  if (!w->bridge_due) return PS_OK;
  for (int s = 0; s < m->nsegments; s++) {
    int64_t fen = w->bridge_due[(size_t)s * ((size_t)m->periods + 1) + (size_t)t];
    if (fen == 0) continue;
    const ps_segment *seg = &m->segments[s];
    int lender = m->programmes[seg->programme].lender;
    pool_state *ps = &w->pools[lender];
    int rc = ps_ledger_post(&w->ledger, t, ps_account_firms(m), ps_account_of_pool(m, lender), fen, PS_KIND_RECOVERY);
    if (rc) return rc;
    /* due recovery_lag periods after the bridge that was not repaid: its cohort */
    ps_cost_flow(&w->cost, ps_account_of_pool(m, lender), t - m->programmes[seg->programme].recovery_lag, t, -(double)fen);
    ps->balance += fen;
    ps->recovered += fen;
    ps->year_recovered += fen;
    ps->by_programme[seg->programme] -= fen;
    ps->by_segment[seg->driver] -= fen;
    ps->need -= (double)fen * ps->discount;
  }
  return PS_OK;
}
