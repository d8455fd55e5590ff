/* path_state.h — the inside of a path workspace, shared by the files that
** run one path: path.c (the period loop, originations, defaults), claims.c
** (sharing each default: claims, caps, pauses, recoveries) and rules.c (the
** loan book, triggers and pool funding rules); tests/unit/test_runs.c reads it
** to record defaults one by one. Nothing else includes it. */
#ifndef PS_PATH_STATE_H
#define PS_PATH_STATE_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/factors.h"
#include "sim/sparse_perm.h"
#include "sim/ledger.h"
#include "scenario/model.h"
#include "sim/path.h"

/* one default awaiting its claim and its recovery, or a run of `count`
** identical defaults recorded together (ps_claims_batchable): the amounts are
** per loan, and what moves is count times them */
typedef struct {
  int programme, period, segment;
  int64_t count;
  int64_t principal;          /* outstanding principal at default, fen */
  int64_t exposure, recovery; /* covered exposure (principal, + interest if covered), fen */
  int64_t excess_paid;        /* what excess_to paid the bank on it (when not the bank itself) */
  size_t first;               /* its payers' amounts start at due[first], paid[first] */
  int next_claim, next_recovery;
} default_record;

/* per pool state within a path (fen unless noted) */
typedef struct {
  int64_t balance, claims, paid, shortfall, recovered, unsettled, topups, returned;
  int64_t year_paid, year_recovered; /* this fiscal year, for refills */
  int depletion;
  double discount; /* prod (1 + yield)^-1 up to this period */
  double need;     /* initial balance needed so far (docs/model.md, sizing) */
  double required; /* running maximum of need */
  int64_t *by_programme; /* net outlay (paid - recovered) on each programme's loans */
  int64_t *by_segment;   /* ... and by segment (its driver slot) */
} pool_state;

/* per programme state within a path */
typedef struct {
  int64_t defaults, originated, exposure;
  double performing;         /* expected principal of loans at risk, fen (mean loan sizes) */
  int64_t npl;               /* principal defaulted and not yet recovered */
  double enrolled_total;     /* expected principal originated so far */
  double year_enrolled;      /* ... this fiscal year */
  int64_t year_defaulted;    /* principal defaulted this fiscal year */
  int64_t public_year, public_total; /* what payers other than the bank were asked to pay */
  int64_t claimed;           /* exposure of the defaults claimed so far */
  int64_t refused, capped;   /* cut by pauses, by caps */
  int paused, stopped;       /* now */
  int paused_periods, stopped_periods;
  int64_t declined;          /* loans not originated for want of guarantee capacity */
  int64_t layer_premiums, layer_claims; /* this fiscal year: the layer's insurer in this programme */
  int64_t *layer_by_segment; /* ... its claims by segment slot, to attribute the layer's payment */
  double new_principal;      /* expected principal originated this period */
  double flow_book;          /* expected principal at risk after this period's defaults */
  int64_t first_loss_used;   /* of the first-loss limit */
  int64_t *share_year;       /* per share: what it was asked this fiscal year (payer caps) */
  int suspended;             /* paused by ctx:suspend() */
  double *share_override;    /* fractions set by ctx:set_share() (in share_buf), or NULL */
  double *share_buf;
  unsigned char *active;     /* per trigger: in effect now */
} programme_state;

/* per party state within a path */
typedef struct {
  int64_t unpaid;                     /* shares it did not pay (capital gone, loss-ratio breaker) */
  int64_t premiums_year, claims_year; /* insurer, this fiscal year: premiums, claims paid */
  int64_t premiums, claims;           /* insurer, over the horizon */
  int64_t payouts;                    /* guarantor: compensation paid */
  double npl_max;                     /* bank: highest NPL ratio of its programmes together */
  int breached;                       /* bank: NPL above tolerance; guarantor: capital exhausted */
  double new_principal;               /* guarantor: new loans guaranteed this period (expected) */
  int64_t year_start;                 /* its ledger balance when the fiscal year began */
  int64_t year_start_kind[PS_NKINDS]; /* ... and by kind */
} party_state;

/* a FIFO of records due in one period */
typedef struct {
  int head, tail;
} queue;

struct ps_path {
  const ps_model *m;
  const int64_t *initial;
  int audit;
  gsl_rng *factor_rng, *default_rng;
  ps_factors factors;
  int64_t **alive; /* [segment][origination period] loans still at risk */
  int64_t *alive_sum; /* per segment: loans at risk now, kept as they originate, default and
                         mature, so counts and bullet books need no loop over cohorts */
  unsigned char *batchable;   /* per segment: ps_claims_batchable */
  ps_sparse_perm *tape_loans; /* per segment: which of a loan tape group's loans are left */
  int64_t *rejected;          /* scratch: thinning candidates that did not default */
  size_t caprejected;
  pool_state *pools;
  programme_state *progs;
  party_state *parties;
  default_record *records;
  size_t nrecords, caprecords;
  int64_t *due, *paid; /* per record payer: what is owed, what was paid */
  size_t namounts, capamounts;
  queue *claims, *recoveries; /* by period */
  double *weights;            /* scratch for splits */
  double *driver_weights;     /* scratch, one per segment slot of the tail contributions */
  int64_t *driver_parts;
  int64_t *parts;
  int period_now; /* the period being run: postings made now carry it */
  ps_ledger ledger;
  ps_policy *policy;  /* Lua hooks of this path, or NULL */
  int by_loan;        /* the naive loan-by-loan sampler (benchmarks' baseline) */
  long index;         /* the path being run */
  char error[1024];   /* why the path stopped, when it was not memory */
};

/* ---- claims.c ---- */
/* record `count` defaults of loans of segment s, originated in `cohort`, in
** period t: loan `item` of a loan-tape group (its own amount and LGD), or -1 for
** loans of a segment, whose amount and LGD are drawn; count > 1 only where
** ps_claims_batchable says so */
int ps_claims_record_default(ps_path *w, int s, int cohort, int t, int64_t item, int64_t count);
/* whether a run of defaults of segment s in one period may be recorded as one
** record with a count: their amounts are all the same and every step a record
** goes through is linear in the count (the pools' balances excepted, which
** ps_claims_pay handles by splitting the run where a pool runs short) */
int ps_claims_batchable(const ps_model *m, int s);
/* a pool pays `count` claims of `amount` now as far as its balance goes,
** recording the claims, any shortfall and the sizing shadow; returns what it
** paid in all (the caller posts it) */
int64_t ps_claims_pool_pays(ps_path *w, int pool, int programme, int driver, int64_t amount, int64_t count, int t);
/* pay the claims due in period t; share the recoveries due in t */
int ps_claims_pay(ps_path *w, int t);
int ps_claims_recover(ps_path *w, int t);

/* ---- rules.c ---- */
/* expected principal at risk in period t from cohorts originated before t, per programme */
void ps_rules_book(ps_path *w, int t);
/* the triggers of every programme, checked at the start of each period */
void ps_rules_triggers(ps_path *w);
/* pool funding rules at the start of period t (after yield and scheduled top-ups) */
int ps_rules_fund(ps_path *w, int t);
/* settle each programme's excess-of-loss layer for the fiscal year just ended */
int ps_rules_settle_layers(ps_path *w, int t);
/* wind-down at the end of the horizon */
int ps_rules_wind_down(ps_path *w);
/* a guarantor's payouts / principal it guaranteed; an insurer's claims / premiums (so far) */
double ps_rules_payout_rate(const ps_path *w, int party);
double ps_rules_loss_ratio(const ps_path *w, int party);
/* bank NPL ratios against their tolerance, at the start of period t (after
** the book), while the bank is lending */
void ps_rules_npl(ps_path *w, int t);

/* ---- flows.c ---- */
/* how many of a segment's new loans its guarantors have room for, this period */
int64_t ps_flows_capacity(ps_path *w, int s);
/* interest, funding cost, fees, premiums and subsidies of period t, on the
** loans still at risk after the period's defaults */
int ps_flows_period(ps_path *w, int t);
/* what a guarantor can still pay: its capital plus everything it has received
** less everything it has paid (fen); INT64_MAX when its capital is unlimited */
int64_t ps_flows_capital_left(const ps_path *w, int party);

#endif
