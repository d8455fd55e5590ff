/* model.h — the validated scenario as plain C structs.
**
** core/scenario.c is the only code that reads scenario tables; everything after it
** (paths, ledger, statistics, reports) reads these structs. Amounts are integer
** fen (1 yuan = 100 fen); rates are annual as given, with per-period versions
** precomputed at load. Indices, not pointers, link the parts together. */
#ifndef PS_MODEL_H
#define PS_MODEL_H

#include <stddef.h>
#include <stdint.h>

#define PS_FEN_PER_YUAN 100
#define PS_MAX_SHARES 64 /* payers in one programme */

typedef enum { PS_STEP_MONTH, PS_STEP_QUARTER, PS_STEP_YEAR } ps_step;

typedef enum {
  PS_PARTY_GOVERNMENT,
  PS_PARTY_BANK,
  PS_PARTY_GUARANTOR,
  PS_PARTY_REGUARANTOR,
  PS_PARTY_INSURER
} ps_party_kind;

typedef struct {
  char *id, *name;
  ps_party_kind kind;
  /* bank */
  double npl_tolerance;   /* NPL ratio it may carry (0: none); breaches are reported */
  double funding_cost;    /* annual cost of the money it lends */
  /* guarantor */
  int64_t capital;        /* fen; payouts come out of it (0: unlimited) */
  double leverage_limit;  /* outstanding guarantees <= limit x capital (0: none) */
  double guarantee_fee;   /* annual, on the loans it guarantees, paid by borrowers */
  /* reguarantor */
  double reguarantee_fee; /* annual, on its share of the loans, paid by the guarantor */
  /* insurer */
  double premium;         /* annual, on the loans it insures, paid by borrowers */
  double loss_ratio_cap;  /* stops paying in a year once claims exceed this x premiums (0: none) */
} ps_party;

/* a subsidy the government pays borrowers: a share of what they pay */
typedef struct {
  int payer;              /* party index; -1: none */
  double share;           /* of interest, fees or premiums */
  double of_principal;    /* interest subsidy only: a rate on principal instead */
  int64_t cap_per_loan;   /* fen a loan a year (0: none) */
  int after_repayment;    /* paid only to loans repaid in full, at maturity */
} ps_subsidy;

/* 财政金融互动奖补: a government pays the lending bank `rate` of the principal it originates */
typedef struct {
  int payer;   /* party index (a government); -1: none */
  double rate;
} ps_reward;

typedef struct {
  char *id;
  int owner;               /* party index (a government) */
  int64_t initial;         /* fen */
  int64_t *topups;         /* fen, indexed by period 1..periods ([0] unused) */
  double yield;            /* annual */
  double yield_per_period; /* (1+yield)^dt - 1 */
  int refill_last_year;    /* each new fiscal year, the owner refills last year's net outlay */
  double refill_below;     /* top up to this fraction of the covered loans outstanding when
                              the balance falls below it (0: no such rule) */
  int wind_down;           /* at the horizon the balance returns to the owner */
  int64_t *pending;        /* fen, by period 1..periods: compensation approved before period 1 and
                              due then, paid first in the period (NULL: none) */
  int pending_to;          /* the account it is paid to: the one bank of the pool's programmes, or
                              the outside world (scenario.c) */
} ps_pool;

/* a number, or a distribution drawn per loan / per default */
/* PS_DIST_LIST: the amounts of the loans of a loan-tape group, one per loan,
** drawn without replacement as its loans default */
typedef enum { PS_DIST_FIXED, PS_DIST_LOGNORMAL, PS_DIST_BETA, PS_DIST_UNIFORM, PS_DIST_LIST } ps_dist_kind;
typedef struct {
  ps_dist_kind kind;
  double mean, sd; /* as the user gave them (sd = 0 when fixed; a uniform's own); a list's mean */
  double p1, p2;   /* lognormal: mu, sigma of log; beta: alpha, beta; uniform: min, max */
  int64_t *items;  /* list: fen */
  long nitems;
} ps_dist;

/* a volume a period: a whole number, or poolsim.poisson{mean =} drawn each period with its mean
** scaled by exp(b Z_t - b^2/2), b = demand_rho (SPEC 2.3a; sim/volume.h) */
typedef struct {
  int poisson;       /* 0: the fixed count the field beside it holds */
  double mean;       /* Poisson mean a period */
  double demand_rho; /* b */
  int64_t bound;     /* the most a period may draw: a Poisson quantile no path reaches (scenario_uncertain.c) */
} ps_demand;

/* what a segment generates: loans (SPEC 2.3), or insurance policies or bridge loans (2.3b) */
typedef enum { PS_SEGMENT_LOAN, PS_SEGMENT_POLICY, PS_SEGMENT_BRIDGE } ps_segment_kind;

typedef struct {
  char *id, *name;
  ps_segment_kind kind;
  int new_loans;      /* loans originated per period in [first, last] (0 with a Poisson volume) */
  ps_demand volume;   /* new_loans = poolsim.poisson{}: the draw each period (volume.poisson) */
  int first, last;    /* origination window, periods */
  ps_dist loan;       /* amount in yuan */
  int tenor;          /* periods at risk */
  int amortizing;     /* 0: bullet */
  double rate;        /* annual interest rate */
  double pd;          /* annual default probability */
  double rho;         /* loading on the systemic factor */
  ps_dist lgd;
  char **flags; int nflags; /* e.g. "first_loan", "ip_pledge": points in tiered shares */
  int programme;      /* the one programme that covers it */
  double *share_points; /* per share of its programme: the flag points that apply */
  double *pd_by_year; int npd_years; /* pd = {y1, y2, ...}: annual PD by year of age (the last
                                         repeats); NULL: the flat pd above */
  int sector;         /* index into the scenario's sectors, -1: none */
  int driver;         /* the segment its tail contributions are reported under: itself; a
                         loan-tape group its template segment, or the last slot (no template) */
  double rho_sector;  /* loading on its sector factor */
  double lgd_downturn;/* LGD rises when the systemic factor falls: mean Phi(Phi^-1(m) - k z) */
  /* kind = "policy" (scenario_policy.c, sim/policies.c): new_loans holds new_policies, loan the
  ** cover, tenor the term, pd the annual probability of a claim event, lgd the severity (a
  ** fraction of cover); and these two */
  double premium;     /* annual rate on cover, paid at issue for the whole term */
  int64_t deductible; /* fen per claim: a claim pays max(0, severity x cover - deductible) */
  /* a loan-tape group: each loan's own PD, LGD and rate, parallel to loan.items;
  ** NULL when all its loans share one. With loan_pd, pd is the group's largest (its
  ** hazard is the thinning sampler's bound); with loan_lgd, lgd is fixed at their
  ** mean (for reports only); with loan_rate, rate is their amount-weighted mean, which
  ** the performing book's interest and subsidies use (as they use the mean amount),
  ** while a default's covered interest uses the loan's own rate */
  double *loan_pd, *loan_lgd, *loan_rate;
  int *loan_firm;     /* a loan-tape group with a firm column: each loan's firm (index into the
                         model's firms), NULL otherwise. A group with first <= 0 is seasoned:
                         its loans are on the books at the start (docs/model.md) */
  /* derived */
  double *hazard;     /* per-period PD by age 0..tenor-1: 1 - (1 - pd(year of age))^dt, with moral hazard */
  double *threshold;  /* the copula's inverse CDF of hazard, by age */
  double *loan_hazard, *loan_threshold; /* the same per loan of loan_pd (its PD is flat in age) */
  /* kind bridge (应急转贷, SPEC 2.3b): `loan` is the amount of a bridge, `pd` the probability per
  ** bridge that the bank declines to renew (hazard[0] = pd, tenor 1), `lgd` as for a loan */
  int requests;       /* bridge requests a period, in [first, last] */
  double days;        /* days a bridge is out, 0 < days <= the period's days */
  double fee;         /* rate per day on the amount, paid to the fund when repaid */
} ps_segment;

typedef struct {
  char *id;
} ps_sector;

/* A PD bucket of loan-tape groups (scenario/tape_buckets.c, sim/tape_defaults.c): the groups that
** share a template (so rho), a sector and a PD bucket, whose defaults in a period are one binomial
** at the bucket's bound, thinned to each loan's own PD (docs/model.md) */
typedef struct {
  int *live;          /* the groups (segment indices) at risk in period t = 0..periods (0: seasoned
                         groups), live[live_at[t] .. live_at[t+1]) */
  int *live_at;       /* [periods + 2] */
  double hazard, threshold;         /* the bound: the largest per-period hazard of its loans */
  double hazard_low, threshold_low; /* the smallest */
  int *groups, ngroups; /* all its groups (tape group indices, below), in the order of live */
  int tree_at;          /* where its Fenwick tree over them starts in a path's (sim/tape_defaults.c) */
} ps_tape_bucket;

/* a loan-tape group (segment nown_segments + g) as the per-period loops read it (tape_buckets.c):
** copies of its segment's fields, side by side */
typedef struct {
  int segment, programme, first, tenor, amortizing;
  int bucket, slot; /* its bucket, and its place among the bucket's groups */
  double mean_fen;  /* its mean loan, fen (loan.mean x PS_FEN_PER_YUAN) */
  double rate;
} ps_tape_group;

/* the loan-tape groups by period (tape_buckets.c), so a period visits only its own: lists of tape
** group indices, list[at[t] .. at[t + 1]) */
typedef struct {
  int *live, *live_at;   /* at risk in period t = 0..periods (0: seasoned), bucket by bucket, each
                            bucket's in the order of its groups */
  int *enter, *enter_at; /* coming at risk in period t = 1..periods: lent in t, or seasoned (t = 1);
                            in index (so segment) order */
  int *leave, *leave_at; /* whose last period at risk was t - 1, t = 1..periods */
} ps_tape_periods;

/* poolsim.uncertain(dist) for a parameter (SPEC 2.3a): drawn once per path from dist
** (scenario_uncertain.c reads it, sim/params.c draws it); the model holds its mean, the
** point value, where the number would be */
typedef enum { PS_UNCERTAIN_PD, PS_UNCERTAIN_LGD, PS_UNCERTAIN_RHO, PS_UNCERTAIN_CYCLE } ps_uncertain_field;
typedef struct {
  char *key;                /* "segments.<id>.pd", "cycle" */
  ps_uncertain_field field;
  int segment;              /* -1 for the cycle */
  ps_dist dist;             /* beta, uniform or lognormal */
} ps_uncertain;

typedef enum { PS_COPULA_GAUSSIAN, PS_COPULA_T } ps_copula;
/* how the systemic factor is drawn: as it is, or shifted toward the tail and weighted (sim/sampling.h) */
typedef enum { PS_SAMPLING_PLAIN, PS_SAMPLING_IMPORTANCE } ps_sampling;

/* a band of a tiered share: the ratio for loans up to `upto` fen */
typedef struct {
  int64_t upto;
  double ratio;
} ps_tier;

/* points added to a tiered ratio for loans with a flag */
typedef struct {
  char *flag;
  double points;
} ps_bonus;

/* A payer of part of each loss: a pool or a party (ledger account index).
** Its part is a fixed fraction; or a tiered ratio by loan amount, plus flag
** points, at most `ceiling`; or the rest once the others are taken. */
typedef struct {
  int account;
  double share;              /* fixed fraction (no tiers, not rest) */
  ps_tier *tiers; int ntiers;
  ps_bonus *bonus; int nbonus;
  double ceiling;
  int rest;
  int64_t cap_per_year;      /* fen this payer pays a fiscal year in the programme (0: none) */
} ps_share;

/* A public excess-of-loss layer, settled at the end of each fiscal year: when
** the insurer's claims paid in the programme that year exceed `above` x the
** premiums it earned there, `payer` reimburses it `share` of the excess. */
typedef struct {
  int insurer;   /* party index; -1: no layer */
  int payer;     /* ledger account: a pool or a party */
  double above, share;
} ps_layer;

typedef enum {
  PS_TRIGGER_NPL_RATIO,
  PS_TRIGGER_ANNUAL_LOSS_RATE,
  PS_TRIGGER_POOL_FLOOR,
  PS_TRIGGER_PAYOUT_RATE, /* the programme's guarantor: payouts / principal it guaranteed */
  PS_TRIGGER_LOSS_RATIO   /* the programme's insurer: claims paid / premiums earned */
} ps_trigger_kind;
typedef enum { PS_ACTION_PAUSE, PS_ACTION_STOP_LENDING } ps_trigger_action;

/* A rule checked at the start of every period: when its measure passes
** `above` (for a floor: falls below `below`) the action starts; it ends when
** the measure is back past `resume` (default: the same threshold). */
typedef struct {
  ps_trigger_kind kind;
  ps_trigger_action action;
  double threshold, resume; /* ratios; for a pool floor, yuan */
  int pool;                 /* pool_floor: which pool */
  int party;                /* payout_rate, loss_ratio: the guarantor or insurer watched */
  int run_off;              /* npl_ratio: also watched after the programme's lending has ended
                               (during = "always"); 0: only while its segments originate */
} ps_trigger;

typedef struct { /* NOLINT(clang-analyzer-optin.performance.Padding): one per programme, fields grouped as the scenario reads them */
  char *id;
  int *segments, nsegments;
  int bank;                /* party index of the lending bank; an insurer programme's: the firms'
                              ledger account (the insured, whom its claims are paid to) */
  int insurer;             /* an insurer programme (policy segments): the insurer party that
                              earns the premiums; -1: a loan programme */
  ps_share *shares;        /* sorted by account; the bank may appear */
  int nshares;
  int64_t cap_per_loan;    /* fen; 0 = no cap. Caps what all payers other
                              than the bank pay on one loan together */
  int64_t cap_per_year;    /* fen; 0 = none: the same, per fiscal year */
  int64_t cap_total;       /* fen; 0 = none: the same, over the horizon */
  double cap_rate;         /* 0 = none: the same, as a fraction of principal enrolled so far */
  double cap_loss_share;   /* 0 = none: the same, as a fraction of the losses claimed so far
                              (the bank always keeps at least 1 - this of them) */
  int excess_to;           /* party that bears what caps and pauses cut (default the bank) */
  int covers_interest;     /* exposure includes interest accrued until the claim */
  int recognition_lag;     /* periods of arrears before a default can be claimed */
  double first_payment;    /* fraction of each due paid at the claim; the rest with the recovery */
  int claim_lag, recovery_lag;
  int recovery_lag_max;    /* > recovery_lag: each default's lag is uniform on the whole periods
                              recovery_lag..recovery_lag_max; else recovery_lag is fixed */
  int64_t cap_per_firm;    /* fen; 0 = none: what payers other than the bank pay on all of one
                              firm's loan-tape loans together, over the horizon */
  ps_trigger *triggers; int ntriggers;
  ps_subsidy interest_subsidy, fee_subsidy, premium_subsidy;
  ps_reward lending_reward;
  ps_layer layer;
  int has_split;           /* split = function(loss, loan, ctx): a custom split per loan */
  double leverage;         /* 放大倍数: loans at risk <= leverage x allocation (0: none) */
  int64_t allocation;      /* fen of pool money set aside for the programme */
  int first_loss_share;    /* share index of the first-loss payer; -1: none */
  int64_t first_loss;      /* fen: it bears losses in full up to this, before the shares */
  double moral_hazard;     /* PD x (1 + this x the share of a loss others cover) */
  int lender;              /* a bridge programme: the pool that lends (its one share; bank and
                              excess_to are -1); -1 for a loan programme */
} ps_programme;

struct ps_model { /* NOLINT(clang-analyzer-optin.performance.Padding): one per run, fields in the scenario's order */
  char *name;
  char *file;               /* path as given */
  char sha256[65];          /* of the scenario file */
  int periods;
  ps_step step;
  double dt;                /* step in years */
  ps_uncertain *uncertain; int nuncertain; /* parameters drawn once per path */
  int has_volumes;          /* some segment draws its volume (ps_demand.poisson) */
  uint64_t seed;
  long paths;
  double cycle;             /* AR(1) phi of the systemic factor (and of the sector factors) */
  double discount_rate;     /* annual: the present value of the governments' cost */
  ps_copula copula;
  double nu;                /* t copula degrees of freedom */
  ps_sampling sampling;     /* sampling = "importance": tail sampling of the systemic factor */
  ps_sector *sectors; int nsectors;
  double *sector_chol;      /* lower Cholesky factor of the sector correlation, nsectors^2 */
  double *stress_shift;     /* [periods + 1]: added to the systemic factor (0: none) */
  double *stress_pd;        /* [periods + 1]: PD multiplier (1: none) */
  ps_party *parties; int nparties;
  ps_pool *pools; int npools;
  ps_segment *segments; int nsegments;
  int nown_segments;        /* the scenario's own segments come first; loan-tape groups follow */
  int ndrivers;             /* slots for tail contributions by segment: the own segments, plus
                               one for tape loans without a segment when there are any */
  ps_programme *programmes; int nprogrammes;
  char **firms; int nfirms; /* the firms of the loan tapes' firm columns */
  ps_tape_bucket *tape_buckets; int ntape_buckets; /* the loan-tape groups by PD bucket */
  ps_tape_group *tape_groups; /* [nsegments - nown_segments] */
  ps_tape_periods tape_periods;
  struct ps_ids *ids;       /* the ids of the four lists above (scenario/ids.h) */
  int has_on_period;        /* the scenario defines on_period(ctx) */
  int has_on_default;       /* ... on_default(loan, ctx) */
  int has_hooks;            /* any Lua hook at all: paths then need a Lua state */
  int track_party_pv;       /* the break-even study sets it: keep every party's net result in
                               present value (sim/cost.h), at a cost per period */
  int track_lent;           /* size --volume sets it: keep each programme's principal originated
                               (outcomes lent) */
  int balance_feedback;     /* some rule may react to a pool's balance (a hook,
                               a refill, a pool_floor trigger): see sizing */
  char **data_files;        /* data files read (loan tapes), as given */
  char (*data_sha256)[65];
  int ndata;
  char **set_keys, **set_values; /* the --set overrides applied, kept for the report */
  int nsets;
  char *source;             /* the scenario text, re-run by each worker's Lua state */
  size_t source_len;
};
typedef struct ps_model ps_model;

/* Ledger accounts: parties first, then pools, then the borrowers in aggregate,
** then the outside world (source of deposit yield). */
static inline int ps_account_of_pool(const ps_model *m, int pool) { return m->nparties + pool; }
static inline int ps_account_firms(const ps_model *m) { return m->nparties + m->npools; }
static inline int ps_account_outside(const ps_model *m) { return m->nparties + m->npools + 1; }
static inline int ps_naccounts(const ps_model *m) { return m->nparties + m->npools + 2; }
static inline int ps_is_pool_account(const ps_model *m, int a) {
  return a >= m->nparties && a < m->nparties + m->npools;
}

/* periods per fiscal year for the step */
static inline int ps_periods_per_year(ps_step s) {
  return s == PS_STEP_MONTH ? 12 : s == PS_STEP_QUARTER ? 4 : 1;
}

/* the party a programme runs with: its bank, or an insurer programme's insurer */
static inline int ps_programme_party(const ps_programme *p) { return p->insurer >= 0 ? p->insurer : p->bank; }
/* does programme p subsidise a share of the fees or premiums on its whole book (whose cost flows.c
** spreads over the book's cohorts; an interest subsidy's spreads over one segment's)? */
static inline int ps_programme_subsidises_book(const ps_programme *p) {
  return p->fee_subsidy.payer >= 0 || p->premium_subsidy.payer >= 0;
}
/* does programme p pay any subsidy (interest, fees or premiums)? */
static inline int ps_programme_subsidises(const ps_programme *p) {
  return p->interest_subsidy.payer >= 0 || ps_programme_subsidises_book(p);
}

/* the seasoned loans of a programme: its loan-tape loans on the books at the start (start <= 0) */
static inline long ps_model_seasoned(const ps_model *m, int programme) {
  long n = 0;
  for (int s = m->nown_segments; s < m->nsegments; s++)
    if (m->segments[s].programme == programme && m->segments[s].first <= 0) n += m->segments[s].new_loans;
  return n;
}

/* does the pool lend to a bridge fund (a programme with lender = it)? */
static inline int ps_pool_lends_bridges(const ps_model *m, int pool) {
  for (int i = 0; i < m->nprogrammes; i++)
    if (m->programmes[i].lender == pool) return 1;
  return 0;
}

/* days in a period, for the cash-days of bridge funds (SPEC 2.3b) */
static inline double ps_days_per_period(ps_step s) {
  return s == PS_STEP_MONTH ? 30.4 : s == PS_STEP_QUARTER ? 91.3 : 365;
}

void ps_model_destroy(ps_model *m);

#endif
