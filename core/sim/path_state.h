/* path_state.h — the bottom of the path stage: the state of one path (its
** pools, programmes, parties, pending defaults and ledger), its workspace
** (ps_path_new, ps_path_free, ps_path_reset), and the primitives that more
** than one layer uses: top up a pool, pay from a pool, suspend a programme,
** set its shares, see a programme as hooks do.
**
** Layering of the path stage: a file may call only the files below it, and
** none calls or includes a file above it.
**   montecarlo.c, search.c  threads, workers, the sizing bisection
**   path.c        the period loop (ps_path_run): originations, default draws,
**                 the accounts check, outcomes
**   tape_defaults.c  loan-tape groups' default draws (thinning)
**   policies.c    policy segments: issue, premiums, earned premiums, claim draws
**   bridges.c     bridge funds: serve requests, unrepaid bridges, recoveries, fees
**   claims.c      one default: record, claim, pay, recover
**   policy.c      the Lua hooks: a state per path, registry refs, budgets
**   lua/ctx.c     the ctx object hooks see
**   rules.c       book, NPL, triggers, funding rules, layers, wind-down
**   flows.c       interest, fees, premiums, subsidies; guarantor capacity
**   volume.c      a period's Poisson volume
**   tape_book.h   the loan tapes' book and interest as running sums (inline; kept by tape_defaults.c,
**                 read by flows.c)
**   path_state.c  this header: the state and its primitives, and what the scenario uses of
**                 the steps a period may skip (read by path_uses.h's ps_path_quiet)
**   flow_plan, ledger, cost, outcomes, programme, split_memo, factors, params, sparse_perm, rng (sim/);
**   scenario/model.h
** Lua, below policy.c and ctx.c: lua/lua_env.c (the sandbox) calls
** lua/lua_meter.c (budgets) and lua/lua_poolsim.c (the poolsim module).
** tests/unit/test_claims.c reads the state to compare runs of defaults. */
#ifndef PS_PATH_STATE_H
#define PS_PATH_STATE_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/cost.h"
#include "sim/factors.h"
#include "sim/flow_plan.h"
#include "sim/params.h"
#include "sim/sparse_perm.h"
#include "sim/split_memo.h"
#include "sim/ledger.h"
#include "scenario/model.h"

/* ---- the workspace: made, freed and read by the layers above ---- */

typedef struct ps_path ps_path;
typedef struct ps_policy ps_policy; /* sim/policy.h */

/* ps_path_new — a workspace for m. initial (fen per pool) replaces the pools'
** initial balances when not NULL (sizing searches); audit != 0 keeps the
** posting log and checks each path's accounts in depth. NULL when out of
** memory. */
ps_path *ps_path_new(const ps_model *m, const int64_t *initial, int audit);
/* ps_path_free — destroy a workspace (NULL is fine) */
void ps_path_free(ps_path *w);

/* ps_path_model — the model the workspace runs */
const ps_model *ps_path_model(const ps_path *w);

/* ps_path_sample_by_loan — draw defaults loan by loan (one uniform per live
** loan per period) instead of one binomial per segment: the benchmarks'
** baseline; same model */
void ps_path_sample_by_loan(ps_path *w, int on);

/* ps_path_tape_per_loan — record each loan-tape default as a claim of its own (on) instead of one
** claim per programme, driver, cost cohort and recovery lag and period (claims.c): the reference the
** tests compare the gathered claims with; same draws, the splits rounded loan by loan */
void ps_path_tape_per_loan(ps_path *w, int on);

/* ps_path_ledger — the ledger of the last path run (its log when audit is on) */
const ps_ledger *ps_path_ledger(const ps_path *w);
/* ps_path_depleted — did the pool run short in the last path run? */
int ps_path_depleted(const ps_path *w, int pool);

/* ---- the state ---- */

/* one default awaiting its claim and its recovery, or a run of `count`
** identical defaults recorded together (ps_path_batchable): the amounts are
** per loan, and what moves is count times them */
typedef struct {
  int programme, period, segment;
  int gathered;               /* a claim of loan-tape defaults gathered (claims.c): 1 + its first loan in
                                 tape_parts, until it is paid as one or parted into its loans; else 0
                                 (here, where it fills what count's alignment left) */
  int64_t count;
  int64_t principal;          /* outstanding principal at default, fen */
  int64_t exposure, recovery; /* covered exposure (principal, + interest if covered), fen */
  int64_t excess_paid;        /* what excess_to paid the bank on it (when not the bank itself) */
  size_t first;               /* its payers' amounts start at due[first], paid[first] */
  int next_claim, next_recovery;
  int cohort;                 /* period its loans were originated (their cost's cohort, sim/cost.h) */
  int recover_at;             /* the period its recovery is due (may pass the horizon) */
  int firm;                   /* its firm's slot in firm_asked (a per-firm cap), -1: none, -2: none and a
                                 gathered claim not yet paid (gathered below) */
  int short_paid;             /* some payment on it was less than asked: then what was paid differs from
                                 what was due (claims.c), else they are the same */
  int64_t loan_cut;           /* per loan, fen: what cap_per_loan cut from the payers' dues (the bank
                                 keeps it), counted in the programme's capped when the claim falls due */
} default_record;

/* per pool state within a path (fen unless noted) */
typedef struct {
  int64_t balance, claims, paid, shortfall, recovered, unsettled, topups, returned;
  int64_t pending_paid; /* of the claims pending at the start (paid, not attributed to a programme) */
  int64_t pending_now;  /* ... paid this period: counted in year_paid once the fiscal year has turned */
  int64_t fees;                      /* bridge fees received (bridges.c) */
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
  double performing;         /* expected principal of loans at risk, fen (mean loan sizes); 0 in a period
                                whose book nothing reads (book_read) */
  int64_t npl;               /* principal defaulted and not yet recovered */
  double enrolled_total;     /* expected principal originated so far */
  double lent;               /* expected principal originated in the horizon, fen (seasoned loans not) */
  double year_enrolled;      /* ... this fiscal year */
  int64_t year_defaulted;    /* principal defaulted this fiscal year */
  int64_t public_year, public_total; /* what payers other than the bank were asked to pay */
  int64_t claimed;           /* exposure of the defaults claimed so far */
  int64_t refused, capped;   /* cut by pauses, by caps */
  int paused, stopped;       /* now */
  int paused_periods, stopped_periods;
  int64_t declined;          /* loans not originated for want of guarantee capacity; bridge
                                requests the fund did not serve (bridges.c) */
  int64_t requests;          /* bridge requests so far: served (originated) + declined */
  int64_t layer_premiums, layer_claims; /* this fiscal year: the layer's insurer in this programme */
  int64_t *layer_by_segment; /* ... its claims by segment slot, to attribute the layer's payment */
  double new_principal;      /* expected principal originated this period */
  double flow_book;          /* expected principal at risk after this period's defaults */
  double tape_book, tape_interest; /* of flow_book, its loan tapes' and their interest (flows.c) */
  double tape_next;          /* its loan tapes' performing at the start of the next period (flows.c),
                                for the book (rules.c) when w->tape_next_for is that period */
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

/* loan-tape defaults of one period gathered into one claim (claims.c ps_claims_tape_default): those of
** one programme, driver (segment slot), cost cohort (fiscal year of origination) and recovery lag; its
** amounts are the sums of its loans' own (each rounded to the fen as a record of its own would be) */
typedef struct {
  int segment, cohort;  /* its first loan's segment and origination period (its driver, its cohort) */
  int lag, key;         /* its recovery lag; its key in tape_slots */
  int64_t loans, principal, exposure, recovery;
  int first, last;      /* its loans in tape_parts, in the order they defaulted */
} ps_tape_claim;

/* one loan of a gathered claim, kept until the claim is paid, in case it must be parted (claims.c) */
typedef struct {
  int64_t principal, exposure, recovery;
  int next; /* the claim's next loan, -1: none */
} ps_tape_part;

/* the loan tapes' book in fixed point (tape_fix, tape_run below; sim/tape_book.h): 2^16 to a fen */
#define PS_TAPE_BOOK_ONE 65536.0

/* a FIFO of records due in one period */
typedef struct {
  int head, tail;
} queue;

/* The workspace. Who writes what: the sampler's part is path.c's (rules.c and
** flows.c read the cohorts); the pending defaults are claims.c's; the
** accounts (pools, programmes, parties, ledger) are written by
** path.c, claims.c, rules.c and flows.c, and by hooks only through the
** primitives below. */
struct ps_path {
  /* ---- the run (fixed by ps_path_new) */
  const ps_model *m;  /* the scenario's model, or params->model when parameters are drawn per path */
  ps_params *params;  /* poolsim.uncertain parameters (sim/params.h); NULL when there are none */
  const int64_t *initial;
  int audit;
  int by_loan; /* the naive loan-by-loan sampler (benchmarks' baseline) */
  /* ---- the sampler: streams, factors, loans at risk */
  gsl_rng *factor_rng, *default_rng;
  gsl_rng *volume_rng; /* poolsim.poisson volumes (sim/volume.h); NULL when there are none */
  gsl_rng *bridge_rng;        /* bridges.c: amounts, non-renewals, LGDs; NULL without bridges */
  ps_factors factors;
  int64_t **alive; /* [segment][origination period] loans still at risk; a seasoned loan-tape
                      group's period is <= 0: its array starts there (path_state.c alive_low) */
  int64_t *alive_sum; /* per segment: loans at risk now, kept as they originate, default and
                         mature, so counts and bullet books need no loop over cohorts */
  int64_t *alive_w;   /* per segment: the sum over its cohorts c of alive[c] x (tenor + c), kept with
                         alive_sum, so that an amortizing book, sum of alive[c] (tenor - (t - c)) / tenor,
                         is (alive_w - t alive_sum) / tenor without a loop (ps_path_amortizing_book).
                         Exact: at most 10^8 loans a period over a tenor of at most 10^4 periods are
                         alive, times tenor + c <= 2 x 10^4, is 2 x 10^16 < 2^63. NULL when none of the
                         scenario's own segments amortizes (loan-tape groups have one cohort each) and
                         alive_year (below) is not kept (then ps_path_alive_add need not look at it) */
  /* the same by cohort year, where a government's subsidies are spread over the cohorts of a book
  ** (sim/cost.h; NULL otherwise): [segment * ncohorts + year] the loans, and the loans times
  ** (tenor + cohort), from which an amortizing book's principal follows without a loop */
  int64_t *alive_year;
  double *alive_year_w;
  int64_t **issued; /* [segment][origination period] policies issued (policy segments; NULL for others) */
  unsigned char *batchable;   /* per segment: ps_path_batchable */
  ps_sparse_perm *tape_loans; /* per segment: which of a loan tape group's loans are left */
  int64_t *rejected;          /* scratch of the loan-tape draws (tape_defaults.c) */
  size_t caprejected;
  /* per PD bucket (tape_defaults.c): its loans at risk, and a Fenwick tree of them by group over all
  ** its groups (the groups not at risk count 0), kept as groups come at risk, default and leave;
  ** bucket b's tree at tape_tree[tape_buckets[b].tree_at .. + ngroups]. NULL without loan tapes */
  int64_t *tape_at_risk, *tape_tree;
  /* the loan tapes' book and interest as running fixed-point sums (sim/tape_book.h): per tape group its
  ** loans' constants [4 g ..], per programme the sums over its loans at risk [4 k ..]; NULL when the
  ** sums could overflow (flows.c then walks the groups) */
  int64_t *tape_fix, *tape_run;
  int64_t *tape_next_fix; /* per programme: scratch, its book of the next period in fixed point (flows.c) */
  ps_flow_plan flow_plan; /* what flows.c reads every period (sim/flow_plan.h) */
  int tape_next_for; /* the period whose book the programmes' tape_next hold (flows.c), 0: none */
  int tape_book_bad; /* audit: a period's book from tape_next differed from the groups' walk (rules.c) */
  /* ---- the accounts */
  pool_state *pools;
  programme_state *progs;
  party_state *parties;
  ps_ledger ledger;
  ps_cost cost; /* the governments' cost in present value (sim/cost.h) */
  int has_pending, has_policies; /* the model has pools' pending claims, policy segments: else their
                                    steps are skipped (fixed by ps_path_new) */
  /* what else the scenario uses (fixed by ps_path_new), so that steps with nothing to do are skipped:
  ** some programme has triggers (else, without hooks, none is ever paused or stopped); some
  ** programme's lending is limited by its leverage or its guarantors' (else no new principal need be
  ** counted); per period and party, the party is a bank and one of its programmes originates (else
  ** its NPL ratio does not count); per programme, a party that earns fees or premiums on its book, a
  ** limit on its lending, and a payer's own yearly cap (else what each share was asked this year
  ** need not be counted: claims.c); per segment, some money its book moves each period (interest, the bank's
  ** funding cost, an interest subsidy, or its programme's fees and premiums: flows.c) */
  int has_triggers, limits_any;
  int lends_until; /* the last period in which a segment originates (loans or policies; with loan tapes, the
                      horizon): after it, originate (path.c) has nothing to do but earn policies' premiums */
  int flows_any; /* some segment's book moves money (book_flows), or some programme pays a subsidy: else
                    the period's flows move and count nothing (flows.c) */
  unsigned char *bank_lends, *earns_on_book, *limits_lending, *share_caps, *book_flows;
  unsigned char *tiered; /* per programme: some share is tiered (else a loan's fractions are the shares
                            whatever its amount: claims.c) */
  unsigned char *steps; /* per period: PS_STEP_* (below) */
  unsigned char *book_read; /* per period: PS_BOOK_* (below), what reads the programmes' book at risk */
  int *quiet_to;        /* per period t: the last period u >= t - 1 with steps[t..u] all exactly
                           PS_STEP_MAY_BE_QUIET (t - 1: steps[t] is not), so that ps_path_still_until
                           need not look at them one by one past queues_hi */
  /* ---- pending defaults, and scratch for sharing losses */
  default_record *records;
  size_t nrecords, caprecords;
  int64_t *due, *paid; /* per record payer: what is owed, what was paid */
  size_t namounts, capamounts;
  queue *claims, *recoveries; /* by period */
  int queues_hi;              /* no queue past this period has been written since the last reset */
  double *weights;            /* scratch for splits */
  double *driver_weights;     /* scratch (rules.c), one per segment slot of the tail contributions */
  int64_t *driver_parts;
  /* the last fractions, dues and recovery parts of each segment's records, reused while their
  ** inputs repeat (sim/split_memo.h) */
  ps_split_memo fractions_memo, due_memo, recovery_memo;
  ps_split_memo shadow_memo; /* the sizing shadow's recovery splits, by what was due (claims.c) */
  int64_t *firm_asked; /* [firm x nprogrammes + programme]: what payers other than the bank were asked
                          on the firm's loans (cap_per_firm); NULL when no programme has the cap */
  /* loan-tape defaults gathered into one record per claim alike (claims.c, docs/rules.md): this period's
  ** claims in the order they opened (ntape_claims, emptied when the period's defaults are drawn), and
  ** per key ((programme x (ndrivers + 1) + driver) x ncohorts + cost cohort) x tape_lags + lag - recovery_lag
  ** its claim + 1 (0: none); tape_slots NULL when no loan tape's defaults are gathered */
  ps_tape_claim *tape_claims;
  int ntape_claims, tape_lags;
  int *tape_slots;
  int *tape_keys; /* per tape group: (programme x (ndrivers + 1) + driver) x ncohorts + its cost cohort */
  ps_tape_part *tape_parts;    /* the gathered claims' loans this path (emptied by the reset) */
  size_t ntape_parts, captape_parts;
  unsigned char *tape_gathers; /* per programme: its loan tapes' defaults are gathered */
  int tape_per_loan;           /* one record per loan-tape default, as before gathering (the tests' reference) */
  /* ---- bridge funds (bridges.c; NULL without bridge segments) */
  int64_t *bridge_due;        /* [segment * (periods + 1) + period]: fen of recoveries due */
  double *bridge_cash_days;   /* per pool: fen-days left this period */
  /* ---- the path being run */
  int period_now;    /* postings made now carry it */
  ps_policy *policy; /* Lua hooks of this path, or NULL */
  char error[1024];  /* why the path stopped, when it was not memory */
};

/* the steps a period may need (ps_path's steps, fixed by ps_path_new) */
enum {
  PS_STEP_FUND_POOLS = 1, /* some pool earns a yield or is topped up (else funding moves nothing) */
  PS_STEP_FUND_RULES = 2, /* a fiscal year begins, or some pool refills below a share of its loans */
  PS_STEP_MAY_BE_QUIET = 4 /* nothing of the model starts in it: no segment originates, no claim is
                              pending, no bridge, policy or hook exists; then, with nothing at risk and no
                              claim or recovery due, the period only funds, checks triggers and records
                              (ps_path_quiet, sim/path_uses.h) */
};

/* what reads the programmes' book at risk (programme_state's performing) in a period (ps_path's book_read,
** fixed by ps_path_new); in a period without PS_BOOK_READ the book only matures its loans (rules.c) */
enum {
  PS_BOOK_READ = 1, /* some bank's NPL ratio counts (PS_BOOK_NPL), some programme whose lending a leverage
                       limits originates (ps_flows_capacity), or, in every period, a pool refills below a share
                       of its loans, a trigger, a hook or a loan tape (whose book rules.c sums with the flows') */
  PS_BOOK_NPL = 2   /* some bank lends (bank_lends): ps_rules_npl has a ratio to take */
};

/* a programme as hooks see it */
typedef struct {
  double npl_ratio, performing; /* performing: yuan, expected principal at risk */
  long defaults, originated;
  int paused, stopped;
} ps_programme_view;

/* ps_path_batchable — whether a run of defaults of segment s in one period may
** be recorded as one default_record with a count: their amounts are all the
** same and every step a record goes through is linear in the count (the pools'
** balances excepted, which ps_claims_pay handles by splitting the run where a
** pool runs short) */
int ps_path_batchable(const ps_model *m, int s);

/* ps_path_reset — forget the last path: empty cohorts, queues, ledger and
** every pool, programme and party state; PS_OK, or PS_ERUNTIME when out of memory */
int ps_path_reset(ps_path *w);

/* ps_path_served_share — the share of the bridge requests of the last path run, over the
** bridge programmes lending from `pool`, that were served (1 when there were none) */
double ps_path_served_share(const ps_path *w, int pool);

/* ps_path_pool_balance — a pool's balance now, fen */
int64_t ps_path_pool_balance(const ps_path *w, int pool);

/* ps_path_topup — a top-up of fen > 0 from the pool's owner, now (posted in
** the period being run); PS_OK, PS_EINPUT when the ledger refuses it for overflow
** (ps_path_overflow says why), or PS_ERUNTIME when out of memory */
int ps_path_topup(ps_path *w, int pool, int64_t fen);

/* ps_path_overflow — the posting the ledger refused for overflow, in words, into buf: for which
** account, what money, from whom, which period (an empty string when none was refused) */
void ps_path_overflow(const ps_path *w, char *buf, size_t n);

/* ps_path_programme_view — programme `programme` as hooks see it, into *v */
void ps_path_programme_view(const ps_path *w, int programme, ps_programme_view *v);

/* ps_path_suspend — pause (on != 0) or resume a programme's compensation from
** the next claim on, on top of its triggers */
void ps_path_suspend(ps_path *w, int programme, int on);

/* ps_path_set_share — replace a programme's share fractions for later defaults
** (per share, in the programme's share order; NULL restores the scenario's) */
void ps_path_set_share(ps_path *w, int programme, const double *fractions);

/* ps_path_pool_pays — a pool pays `count` claims of `amount` fen now as far as
** its balance goes, recording the claims, any shortfall (and the period t of
** its first depletion) and the sizing shadow, by programme and by driver slot
** (driver < 0: none); returns what it paid in all (the caller posts it).
** Inline: claims are paid in the hot loop. */
/* n loans of segment s, cohort c, begin (n > 0) or stop (n < 0, by default) being at risk */
static inline void ps_path_alive_add(ps_path *w, int s, int c, int64_t n) {
  w->alive[s][c] += n;
  w->alive_sum[s] += n;
  if (!w->alive_w) return; /* nor alive_year */
  int64_t tc = w->m->segments[s].tenor + c;
  w->alive_w[s] += n * tc;
  if (!w->alive_year) return;
  size_t k = (size_t)s * (size_t)w->cost.ncohorts + (size_t)ps_cost_cohort(&w->cost, c);
  w->alive_year[k] += n;
  w->alive_year_w[k] += (double)n * (double)tc;
}

/* cohort c of segment s has matured: its loans left at risk are no longer */
static inline void ps_path_alive_mature(ps_path *w, int s, int c) {
  int64_t n = w->alive[s][c];
  w->alive_sum[s] -= n;
  if (!w->alive_w) return; /* nor alive_year */
  int64_t tc = w->m->segments[s].tenor + c;
  w->alive_w[s] -= n * tc;
  if (!w->alive_year) return;
  size_t k = (size_t)s * (size_t)w->cost.ncohorts + (size_t)ps_cost_cohort(&w->cost, c);
  w->alive_year[k] -= n;
  w->alive_year_w[k] -= (double)n * (double)tc;
}

/* ps_path_amortizing_book — the loans at risk of segment s in period t counted at their share
** outstanding, sum over its cohorts c of alive[c] (tenor - (t - c)) / tenor, for an amortizing segment
** whose cohorts at risk are those of t - tenor + 1 .. t (its loans mature at the start of period c +
** tenor): the exact integer alive_w - t alive_sum, divided once (docs/model.md) */
static inline double ps_path_amortizing_book(const ps_path *w, int s, int t) {
  return (double)(w->alive_w[s] - (int64_t)t * w->alive_sum[s]) / (double)w->m->segments[s].tenor;
}

static inline int64_t ps_path_pool_pays(ps_path *w, int pool, int programme, int driver, int64_t amount,
                                        int64_t count, int t) {
  pool_state *ps = &w->pools[pool];
  /* the sizing shadow adds claim by claim, as the claims come one at a time */
  for (int64_t k = 0; k < count; k++) ps->need += (double)amount * ps->discount;
  if (ps->need > ps->required) ps->required = ps->need;
  amount *= count;
  int64_t now = amount < ps->balance ? amount : ps->balance;
  ps->balance -= now;
  ps->claims += amount;
  ps->paid += now;
  ps->by_programme[programme] += now;
  if (driver >= 0) ps->by_segment[driver] += now;
  ps->year_paid += now;
  ps->shortfall += amount - now;
  if (amount > now && ps->depletion == 0) ps->depletion = t;
  return now;
}

#endif
