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
} ps_party;

typedef struct {
  char *id;
  int owner;               /* party index (a government) */
  int64_t initial;         /* fen */
  int64_t *topups;         /* fen, indexed by period 1..periods ([0] unused) */
  double yield;            /* annual */
  double yield_per_period; /* (1+yield)^dt - 1 */
} ps_pool;

/* a number, or a distribution drawn per loan / per default */
typedef enum { PS_DIST_FIXED, PS_DIST_LOGNORMAL, PS_DIST_BETA } ps_dist_kind;
typedef struct {
  ps_dist_kind kind;
  double mean, sd; /* as the user gave them (sd = 0 when fixed) */
  double p1, p2;   /* lognormal: mu, sigma of log; beta: alpha, beta */
} ps_dist;

typedef struct {
  char *id, *name;
  int new_loans;      /* loans originated per period in [first, last] */
  int first, last;    /* origination window, periods */
  ps_dist loan;       /* amount in yuan */
  int tenor;          /* periods at risk */
  int amortizing;     /* 0: bullet */
  double rate;        /* annual interest rate */
  double pd;          /* annual default probability */
  double rho;         /* loading on the systemic factor */
  ps_dist lgd;
  int programme;      /* the one programme that covers it */
  /* derived */
  double hazard;      /* per-period PD: 1 - (1-pd)^dt */
  double threshold;   /* Phi^-1(hazard) */
} ps_segment;

/* a payer of part of each loss: a pool or a party (ledger account index) */
typedef struct {
  int account;
  double share;
} ps_share;

typedef struct {
  char *id;
  int *segments, nsegments;
  int bank;                /* party index of the lending bank */
  ps_share *shares;        /* sorted by account; the bank may appear */
  int nshares;
  int64_t cap_per_loan;    /* fen; 0 = no cap. Caps what all payers other
                              than the bank pay on one loan together */
  int claim_lag, recovery_lag;
} ps_programme;

struct ps_model {
  char *name;
  char *file;               /* path as given */
  char sha256[65];          /* of the scenario file */
  int periods;
  ps_step step;
  double dt;                /* step in years */
  uint64_t seed;
  long paths;
  double cycle;             /* AR(1) phi of the systemic factor */
  ps_party *parties; int nparties;
  ps_pool *pools; int npools;
  ps_segment *segments; int nsegments;
  ps_programme *programmes; int nprogrammes;
  int has_on_period;        /* the scenario defines on_period(ctx) */
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

void ps_model_free(ps_model *m);

#endif
