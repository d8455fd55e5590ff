/* flows.c — the money that moves every period on the loans still at risk:
** interest (borrowers -> bank), the bank's funding cost, guarantee fees,
** re-guarantee fees, insurance premiums, and the subsidies the government pays
** borrowers towards them; and a guarantor's capacity for new guarantees.
**
** Loans are not drawn one by one unless they default, so these flows use the
** expected principal of the loans alive (loans alive x mean loan size x share
** outstanding): exact for fixed loan sizes, the conditional mean otherwise. */
#include "sim/flows.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "sim/tape_book.h"

/* post amount (rounded to the fen) unless it is zero; ps_ledger_post's PS_OK / PS_EINPUT / PS_ERUNTIME */
static int post(ps_path *w, int t, int from, int to, double amount, ps_kind kind) {
  return ps_ledger_post(&w->ledger, t, from, to, ps_round_fen(amount), kind);
}

/* ps_flows_capital_left — what a guarantor can still pay: its capital plus everything it has received
** less everything it has paid (fen); INT64_MAX when its capital is unlimited */
int64_t ps_flows_capital_left(const ps_path *w, int party) {
  const ps_party *p = &w->m->parties[party];
  if (p->kind != PS_PARTY_GUARANTOR || p->capital == 0) return INT64_MAX;
  int64_t left, balance = ps_ledger_balance(&w->ledger, party);
  /* the ledger keeps every balance within int64, not capital + balance: saturate (it only caps) */
  if (__builtin_add_overflow(p->capital, balance, &left)) return balance > 0 ? INT64_MAX : 0;
  return left > 0 ? left : 0;
}

/* ps_flows_capacity — how many of a segment's `wanted` new loans its guarantors (and the programme's
** leverage) have room for, this period */
int64_t ps_flows_capacity(ps_path *w, int s, int64_t wanted) {
  const ps_model *m = w->m;
  const ps_segment *seg = &m->segments[s];
  const ps_programme *p = &m->programmes[seg->programme];
  double mean = seg->loan.mean * PS_FEN_PER_YUAN;
  int64_t loans = wanted;
  for (int i = 0; i < p->nshares; i++) {
    int g = p->shares[i].account;
    if (g >= m->nparties || m->parties[g].kind != PS_PARTY_GUARANTOR || m->parties[g].leverage_limit <= 0) continue;
    /* what g already guarantees: the book of every programme it pays into (once a share: sim/flow_plan.h),
    ** plus this period's new loans */
    double outstanding = w->parties[g].new_principal;
    for (int j = w->flow_plan.pays_at[g]; j < w->flow_plan.pays_at[g + 1]; j++)
      outstanding += w->progs[w->flow_plan.pays_into[j]].performing;
    double room = m->parties[g].leverage_limit * (double)ps_flows_capital_left(w, g) - outstanding;
    int64_t fit = room <= 0 ? 0 : (int64_t)floor(room / mean);
    if (fit < loans) loans = fit;
  }
  if (p->leverage > 0) { /* 放大倍数: the programme's loans at risk stay within leverage x allocation */
    const programme_state *ps = &w->progs[seg->programme];
    double room = p->leverage * (double)p->allocation - ps->performing - ps->new_principal;
    int64_t fit = room <= 0 ? 0 : (int64_t)floor(room / mean);
    if (fit < loans) loans = fit;
  }
  return loans;
}

/* the segment's principal at risk in period t by cohort into cost->segment_book, added to its
** programme's in cost->book when the programme subsidises a share of its fees or premiums (which
** alone read it) */
static void book_by_cohort(ps_path *w, int s, int t) {
  const ps_flow_seg *f = &w->flow_plan.segs[s];
  ps_cost *cost = &w->cost;
  double *mine = cost->segment_book, *programme = cost->book + (size_t)f->programme * (size_t)cost->ncohorts;
  int lo = t - f->tenor + 1 > f->first ? t - f->tenor + 1 : f->first;
  int hi = t < f->last ? t : f->last;
  cost->segment_lo = lo <= hi ? ps_cost_cohort(cost, lo) : 1;
  cost->segment_hi = lo <= hi ? ps_cost_cohort(cost, hi) : 0;
  /* the loans at risk by cohort year (path_state.h): a bullet book is its loans; an amortizing one
  ** owes (tenor - (t - c)) / tenor of each, which summed over a year's cohorts is (W - t N) / tenor */
  const int64_t *n = w->alive_year + (size_t)s * (size_t)cost->ncohorts;
  const double *wsum = w->alive_year_w + (size_t)s * (size_t)cost->ncohorts;
  double total = 0;
  for (int y = cost->segment_lo; y <= cost->segment_hi; y++) {
    double book = f->amortizing ? (wsum[y] - (double)t * (double)n[y]) / f->tenor : (double)n[y];
    mine[y] = book;
    total += book;
    if (f->whole) programme[y] += book;
  }
  cost->segment_total = total;
}

/* the cost of a plain share of segment s's interest, `fen` paid in period t, spread over the cohort
** years of the segment's book: by ps_cost_spread_over on book_by_cohort's book, which segment_flows has
** written when the programme subsidises its whole book or the segment amortizes. It counts only when a
** government pays something: then a bullet book, whose years' books are their loans, is spread from
** alive_year as it stands, in the same operations */
static void spread_segment(ps_path *w, int s, int t, int64_t fen) {
  const ps_flow_seg *f = &w->flow_plan.segs[s];
  ps_cost *cost = &w->cost;
  if (f->gov < 0 || fen == 0) return;
  if (f->whole || f->amortizing) {
    ps_cost_spread_over(cost, f->payer, cost->segment_book, cost->segment_lo, cost->segment_hi, t, (double)fen,
                        cost->segment_total);
    return;
  }
  /* the cohort years of t - tenor + 1 .. t (some loans are at risk), whose loans add up to all the
  ** segment's at risk: their sum in doubles, added year by year as ps_cost_spread_over's total is, is
  ** that integer exactly (whole numbers below 2^53) */
  int lo = ps_cost_cohort(cost, t - f->tenor + 1 > f->first ? t - f->tenor + 1 : f->first);
  int hi = ps_cost_cohort(cost, t < f->last ? t : f->last);
  const int64_t *n = w->alive_year + (size_t)s * (size_t)cost->ncohorts;
  double total = (double)w->alive_sum[s];
  if (total <= 0) return;
  double per = (double)fen * cost->discount[t] / total, *pv = cost->pv + (size_t)f->gov * (size_t)cost->ncohorts;
  for (int y = lo; y <= hi; y++) pv[y] += (double)n[y] * per;
}

/* the interest subsidy of segment s in period t paid loan by loan (PS_FLOW_PER_LOAN): a rate on principal,
** a per-loan cap or payment at repayment, from each loan's subsidy by age (sim/flow_plan.h) */
static int subsidy_per_loan(ps_path *w, int s, int t) {
  const ps_flow_seg *f = &w->flow_plan.segs[s];
  int lo = t - f->tenor + 1 > f->first ? t - f->tenor + 1 : f->first;
  int hi = t < f->last ? t : f->last;
  const int64_t *alive = w->alive[s];
  double amount = 0;
  for (int c = lo; c <= hi; c++) {
    double part = 0;
    if (!f->after_repayment) part = (double)alive[c] * f->by_age[t - c];
    else if (c + f->tenor - 1 == t) part = (double)alive[c] * f->life; /* repaid in full this period */
    amount += part;
    ps_cost_flow(&w->cost, f->payer, c, t, part);
  }
  return post(w, t, f->payer, ps_account_firms(w->m), amount, PS_KIND_INTEREST_SUBSIDY);
}

/* interest, funding cost and the interest subsidy of one segment in period t, on its expected principal
** at risk after the period's defaults (loans alive x mean loan size x share outstanding), which it adds
** to *book */
static int segment_flows(ps_path *w, int s, int t, double *book) {
  const ps_flow_seg *f = &w->flow_plan.segs[s];
  double sum = (double)w->alive_sum[s];
  if (f->amortizing) /* a loan-tape group's one cohort at its share outstanding; else the exact sums (path_state.h) */
    sum = f->tape ? sum * ((double)(f->tenor - (t - f->first)) / (double)f->tenor) : ps_path_amortizing_book(w, s, t);
  double perf = sum * f->mean * PS_FEN_PER_YUAN, dt = w->m->dt;
  *book += perf;
  int64_t interest = ps_round_fen(perf * f->rate * dt);
  int firms = ps_account_firms(w->m), rc;
  if ((rc = ps_ledger_post(&w->ledger, t, firms, f->bank, interest, PS_KIND_INTEREST)) ||
      (f->funding_cost != 0 && /* none: nothing to round, nothing posted */
       (rc = post(w, t, f->bank, ps_account_outside(w->m), perf * f->funding_cost * dt, PS_KIND_FUNDING_COST))))
    return rc;
  /* a plain share of interest is a share of the interest posted */
  int64_t amount = f->subsidy == PS_FLOW_SHARE ? ps_round_fen((double)interest * f->share) : 0;
  /* the book by cohort: the programme's, for its fee or premium subsidy, or where an amortizing segment's
  ** interest subsidy costs a government something (spread_segment) */
  if (f->whole || (f->amortizing && f->gov >= 0 && amount != 0)) book_by_cohort(w, s, t);
  if (f->subsidy == PS_FLOW_NO_SUBSIDY) return PS_OK;
  if (f->subsidy == PS_FLOW_PER_LOAN) return subsidy_per_loan(w, s, t);
  spread_segment(w, s, t, amount);
  return ps_ledger_post(&w->ledger, t, f->payer, firms, amount, PS_KIND_INTEREST_SUBSIDY);
}

/* segment_flows of the segments list[0 .. n - 1] that have loans at risk (in the loop, inlined) */
static int segments_flows(ps_path *w, int t, const int *list, int n) {
  int rc;
  for (int j = 0; j < n; j++) {
    int s = list[j];
    if (w->alive_sum[s] != 0 && w->book_flows[s] &&
        (rc = segment_flows(w, s, t, &w->progs[w->flow_plan.segs[s].programme].flow_book)))
      return rc;
  }
  return PS_OK;
}

/* a subsidy of programme k on its whole book (a share of its fees or premiums): payer -> the
** borrowers, its cost spread over the book's cohorts */
static int subsidy(ps_path *w, int k, int t, int payer, double amount, ps_kind kind) {
  int64_t fen = ps_round_fen(amount);
  ps_cost_spread(&w->cost, payer, w->cost.book + (size_t)k * (size_t)w->cost.ncohorts, 0, w->cost.ncohorts - 1, t,
                 (double)fen);
  return ps_ledger_post(&w->ledger, t, payer, ps_account_firms(w->m), fen, kind);
}

/* fees and premiums of one programme on its book */
static int programme_flows(ps_path *w, int k, int t, double book) {
  const ps_model *m = w->m;
  const ps_programme *p = &m->programmes[k];
  int firms = ps_account_firms(m), rc;
  for (int i = 0; i < p->nshares; i++) {
    int a = p->shares[i].account;
    if (a >= m->nparties) continue;
    const ps_party *party = &m->parties[a];
    if (party->kind == PS_PARTY_GUARANTOR && party->guarantee_fee > 0) {
      int64_t fee = ps_round_fen(book * party->guarantee_fee * m->dt);
      if ((rc = ps_ledger_post(&w->ledger, t, firms, a, fee, PS_KIND_FEE))) return rc;
      if (p->fee_subsidy.payer >= 0 &&
          (rc = subsidy(w, k, t, p->fee_subsidy.payer, (double)fee * p->fee_subsidy.share, PS_KIND_FEE_SUBSIDY)))
        return rc;
    } else if (party->kind == PS_PARTY_INSURER && party->premium > 0) {
      int64_t premium = ps_round_fen(book * party->premium * m->dt);
      if ((rc = ps_ledger_post(&w->ledger, t, firms, a, premium, PS_KIND_PREMIUM))) return rc;
      w->parties[a].premiums += premium;
      w->parties[a].premiums_year += premium;
      if (a == p->layer.insurer) w->progs[k].layer_premiums += premium;
      if (p->premium_subsidy.payer >= 0 &&
          (rc = subsidy(w, k, t, p->premium_subsidy.payer, (double)premium * p->premium_subsidy.share,
                        PS_KIND_PREMIUM_SUBSIDY)))
        return rc;
    } else if (party->kind == PS_PARTY_REGUARANTOR && party->reguarantee_fee > 0) {
      /* on its share of the loans (a tiered or "rest" share counts as none),
      ** paid by the programme's (first) guarantor, or by the bank when there is none */
      int payer = p->bank;
      for (int j = 0; j < p->nshares; j++)
        if (p->shares[j].account < m->nparties && m->parties[p->shares[j].account].kind == PS_PARTY_GUARANTOR) {
          payer = p->shares[j].account;
          break;
        }
      double fee = book * p->shares[i].share * party->reguarantee_fee * m->dt;
      if ((rc = post(w, t, payer, a, fee, PS_KIND_REGUARANTEE_FEE))) return rc;
    }
  }
  return PS_OK;
}

static void store_sums(programme_state *ps, double book, double interest, double next) {
  ps->tape_book = book;
  ps->tape_interest = interest;
  ps->tape_next = next;
}

/* tape_flows' sums from the programmes' running sums (tape_book.h): each programme's book and
** interest in period t, and its book at the start of period t + 1, that of its loans at risk less
** the groups whose last period is t (the next period's leavers), all in fixed point, exact, then
** divided to fen */
static void tape_sums(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int k = 0; k < m->nprogrammes; k++) {
    const int64_t *run = w->tape_run + 4 * (size_t)k;
    programme_state *ps = &w->progs[k];
    ps->tape_book = (double)ps_tape_book_at(run, 0, t) / PS_TAPE_BOOK_ONE;
    ps->tape_interest = (double)ps_tape_book_at(run, 2, t) / PS_TAPE_BOOK_ONE;
    w->tape_next_fix[k] = ps_tape_book_at(run, 0, t + 1);
  }
  /* the groups whose last period is t: those leaving in t + 1, or in the last period those at risk
  ** that mature then (the lists stop at the horizon) */
  const ps_tape_periods *p = &m->tape_periods;
  const int *list = t < m->periods ? p->leave : p->live;
  int lo = t < m->periods ? p->leave_at[t + 1] : p->live_at[t], hi = t < m->periods ? p->leave_at[t + 2] : p->live_at[t + 1];
  for (int j = lo; j < hi; j++) {
    int g = list[j];
    const ps_tape_group *tg = &m->tape_groups[g];
    if (tg->first + tg->tenor != t + 1) continue; /* at risk in t + 1 (the last period's list) */
    const int64_t *fix = w->tape_fix + 4 * (size_t)g;
    w->tape_next_fix[tg->programme] -= w->alive[tg->segment][tg->first] * (fix[0] - (int64_t)(t + 1) * fix[1]);
  }
  for (int k = 0; k < m->nprogrammes; k++) w->progs[k].tape_next = (double)w->tape_next_fix[k] / PS_TAPE_BOOK_ONE;
}

/* tape_flows' sums walking the groups at risk in period t (m->tape_periods' lists), without the running
** sums (the naive sampler, or sums too large for them); tape_next in the order the book would add them
** (rules.c's ps_rules_book) */
static void tape_walk(ps_path *w, int t) {
  const ps_model *m = w->m;
  for (int k = 0; k < m->nprogrammes; k++) w->progs[k].tape_book = w->progs[k].tape_interest = w->progs[k].tape_next = 0;
  const int *live = m->tape_periods.live;
  const ps_tape_group *groups = m->tape_groups;
  int64_t *const *alive = w->alive;
  /* the sums of the programme of the groups being walked, held here while it does not change */
  int k = -1;
  double book = 0, interest = 0, next = 0;
  for (int j = m->tape_periods.live_at[t], end = m->tape_periods.live_at[t + 1]; j < end; j++) {
    const ps_tape_group *g = &groups[live[j]]; /* one cohort: performing() of it */
    if (g->programme != k) {
      if (k >= 0) store_sums(&w->progs[k], book, interest, next);
      k = g->programme;
      book = w->progs[k].tape_book, interest = w->progs[k].tape_interest, next = w->progs[k].tape_next;
    }
    double n = (double)alive[g->segment][g->first], perf = n;
    if (g->amortizing) perf *= (double)(g->tenor - (t - g->first)) / (double)g->tenor; /* its share outstanding */
    perf *= g->mean_fen;
    book += perf;
    interest += perf * g->rate;
    if (g->first + g->tenor == t + 1) continue; /* matures at the start of period t + 1 */
    if (g->amortizing) /* its share outstanding in period t + 1, as rules.c's book_tape_group has it */
      perf = n * ((double)(g->tenor - (t + 1 - g->first)) / (double)g->tenor) * g->mean_fen;
    next += perf;
  }
  if (k >= 0) store_sums(&w->progs[k], book, interest, next);
}

/* The loan-tape groups when no programme pays a subsidy (whose cost is spread by cohort, group by
** group: segment_flows): interest and the bank's funding cost as one posting each per programme,
** on its groups' performing principal and interest (each group at its amount-weighted mean rate) in
** period t: from the running sums (tape_sums), or walking the groups at risk (tape_walk). Each
** programme's tape book at the start of period t + 1 goes into tape_next for rules.c's ps_rules_book.
** PS_OK / PS_EINPUT / PS_ERUNTIME as ps_ledger_post. */
static int tape_flows(ps_path *w, int t) {
  const ps_model *m = w->m;
  if (w->tape_fix && !w->by_loan) tape_sums(w, t);
  else tape_walk(w, t);
  w->tape_next_for = t + 1; /* nothing changes the loans at risk before the next period's book */
  int firms = ps_account_firms(m), rc;
  for (int k = 0; k < m->nprogrammes; k++) {
    programme_state *ps = &w->progs[k];
    const ps_programme *p = &m->programmes[k];
    if (ps->tape_book == 0) continue;
    ps->flow_book += ps->tape_book;
    int64_t interest = ps_round_fen(ps->tape_interest * m->dt),
            funding = ps_round_fen(ps->tape_book * m->parties[p->bank].funding_cost * m->dt);
    if ((rc = ps_ledger_post(&w->ledger, t, firms, p->bank, interest, PS_KIND_INTEREST)) ||
        (rc = ps_ledger_post(&w->ledger, t, p->bank, ps_account_outside(m), funding, PS_KIND_FUNDING_COST)))
      return rc;
  }
  return PS_OK;
}

/* ps_flows_moved — interest, funding cost, fees, premiums and subsidies of period t, on the loans
** still at risk after the period's defaults (flows_any: the scenario has some); PS_OK, PS_EINPUT (the
** ledger refused a posting for overflow) or PS_ERUNTIME (out of memory) */
int ps_flows_moved(ps_path *w, int t) {
  const ps_model *m = w->m;
  int rc;
  /* every segment, its scenario's own and those of loan tapes, in order */
  for (int k = 0; k < m->nprogrammes; k++) {
    w->progs[k].flow_book = 0;
    if (ps_programme_subsidises_book(&m->programmes[k]))
      memset(w->cost.book + (size_t)k * (size_t)w->cost.ncohorts, 0, (size_t)w->cost.ncohorts * sizeof(double));
  }
  /* a segment with no loan at risk or whose book moves no money (path_state.h, book_flows), and a
  ** programme with no book or no party earning on it, move nothing (every amount is zero, and a zero
  ** posts and costs nothing): skipped. Loan-tape groups (after the own segments): one by one, those at
  ** risk in period t, when some programme pays a subsidy (sim/flow_plan.h tape_live); else tape_flows */
  const ps_flow_plan *plan = &w->flow_plan;
  if ((rc = segments_flows(w, t, plan->own, plan->nown))) return rc;
  if (plan->tape_live) {
    int lo = m->tape_periods.live_at[t], hi = m->tape_periods.live_at[t + 1];
    if ((rc = segments_flows(w, t, plan->tape_live + lo, hi - lo))) return rc;
  } else if (m->ntape_buckets && (rc = tape_flows(w, t)))
    return rc;
  for (int k = 0; k < m->nprogrammes; k++)
    if (m->programmes[k].insurer < 0 && w->earns_on_book[k] && w->progs[k].flow_book != 0 &&
        (rc = programme_flows(w, k, t, w->progs[k].flow_book)))
      return rc;
  return PS_OK;
}
