/* cost.h — the governments' cost of a path in public-finance terms: the present value at the
** scenario's discount_rate of what each government pays for the programmes (compensation from
** its pools and from itself, less recoveries; subsidies; lending rewards), by cohort (the fiscal
** year in which the loans concerned were originated), and the present value of the lending it
** covers. Funding its own pools and their yield are transfers within the government, not a
** cost of the programmes (docs/model.md, "Cost in public-finance terms").
**
** Amounts are fen as doubles: a present value is not money that moves, so it stays outside the
** ledger. Cohort 0 is the book on hand before period 1. */
#ifndef PS_COST_H
#define PS_COST_H

#include <stdint.h>

#include "poolsim/poolsim.h"
#include "scenario/model.h"
#include "sim/ledger.h"

typedef struct {
  int ngov, ncohorts, per_year, nprogrammes;
  int *cohort_of;        /* [periods + 1]: ps_cost_cohort of each period (a division a posting otherwise) */
  int *gov_of_account;   /* per ledger account: the government whose cost its flows are, or -1 */
  double *discount;      /* [periods + 1]: (1 + r)^(-t dt), a flow at the end of period t */
  unsigned char *covers; /* [gov * nprogrammes + k]: the government pays into programme k */
  double *pv;            /* [gov * ncohorts + cohort]: present value of its cost */
  double *lending;       /* [gov * ncohorts + cohort]: present value of the lending it covers */
  double *volume;        /* [gov * ncohorts + cohort]: that lending, undiscounted */
  double *book;          /* [k * ncohorts + cohort]: programme k's book this period, to spread flows on it (a fee or
                            premium subsidy: flows.c keeps it for the programmes that pay one) */
  double *segment_book;  /* [cohort]: scratch, one segment's book this period, in its cohorts */
  int segment_lo, segment_hi; /* ... segment_lo..segment_hi (none when lo > hi) */
  double segment_total;  /* ... their sum, added in cohort order (ps_cost_spread_over's total) */
  /* with m->track_party_pv: each party's net result (every flow of its ledger account) in present
  ** value, and its ledger balance when last counted */
  int nparties;
  double *party_pv;
  int64_t *party_counted;
} ps_cost;

/* ps_cost_init — for m, nothing yet; PS_OK, or PS_ERUNTIME (out of memory; destroy still fine) */
int ps_cost_init(ps_cost *c, const ps_model *m);
void ps_cost_destroy(ps_cost *c);
/* ps_cost_reset — the start of a path */
void ps_cost_reset(ps_cost *c);

/* the cohort of loans originated in period t: 1 + its fiscal year, 0 before period 1 */
static inline int ps_cost_cohort(const ps_cost *c, int t) { return t <= 0 ? 0 : c->cohort_of[t]; } /* t <= periods */

/* ps_cost_flow — account pays fen in period t (negative: receives) on loans originated in period
** `origination`; it counts when the account is a government's or its pool's */
static inline void ps_cost_flow(ps_cost *c, int account, int origination, int t, double fen) {
  int g = c->gov_of_account[account];
  if (g >= 0) c->pv[g * c->ncohorts + ps_cost_cohort(c, origination)] += fen * c->discount[t];
}

/* ps_cost_spread — ps_cost_flow for a flow on a whole book (a fee subsidy on a programme's book):
** spread over the cohorts lo..hi in proportion to book[cohort], their principal at risk */
/* ps_cost_spread_over — the same, given total, the sum of book[lo..hi] added in that order (a caller that
** has just written the book has it). Inline, as ps_cost_spread: one a subsidised segment and period */
static inline void ps_cost_spread_over(ps_cost *c, int account, const double *book, int lo, int hi, int t, double fen,
                                       double total) {
  int g = c->gov_of_account[account];
  if (g < 0 || fen == 0 || total <= 0) return; /* no book, no flow on it */
  double per = fen * c->discount[t] / total, *pv = c->pv + (size_t)g * (size_t)c->ncohorts;
  for (int y = lo; y <= hi; y++) pv[y] += book[y] * per;
}
static inline void ps_cost_spread(ps_cost *c, int account, const double *book, int lo, int hi, int t, double fen) {
  double total = 0;
  for (int y = lo; y <= hi; y++) total += book[y];
  ps_cost_spread_over(c, account, book, lo, hi, t, fen, total);
}

/* ps_cost_count_parties — add each party's net flows since the last count, which fall in period t,
** to its present value (only with m->track_party_pv) */
void ps_cost_count_parties(ps_cost *c, const ps_ledger *l, int t);

/* ps_cost_lending — programme k originates fen of principal in period t: covered lending of the
** governments that pay into it, discounted from the start of the period */
static inline void ps_cost_lending(ps_cost *c, int k, int t, double fen) { /* inline: one a segment and period */
  int y = ps_cost_cohort(c, t);
  for (int g = 0; g < c->ngov; g++) {
    if (!c->covers[(size_t)g * (size_t)c->nprogrammes + (size_t)k]) continue;
    c->lending[g * c->ncohorts + y] += fen * c->discount[t - 1];
    c->volume[g * c->ncohorts + y] += fen;
  }
}

#endif
