/* study.h — the studies' results as C values: the structs behind the opaque
** types of include/poolsim/study.h, for the renderers in core/report/ to read.
** Every string and array is owned by its study object and freed with it. */
#ifndef PS_STUDY_H
#define PS_STUDY_H

#include "poolsim/study.h"
#include "scenario/model.h"
#include "stats/stats.h"

struct ps_series; /* stats/paired.h */

/* a scenario as the studies name it: copies of the model's name, file, sha256; and how the study's
** runs sampled (the same in every run): under tail sampling (importance), the effective paths of
** `paths` (stats/weighted.h; the runs share their weights), else paths and paths */
typedef struct {
  char *name, *file, *sha256;
  int importance;
  double effective_paths;
  long paths;
} ps_study_scenario;

/* ps_study_scenario_ran — what s says of its run r: its paths and effective paths */
struct ps_results;
void ps_study_scenario_ran(ps_study_scenario *s, const struct ps_results *r);

/* copy m's name, file and sha256 into s; PS_OK, or PS_ERUNTIME when out of memory */
int ps_study_scenario_init(ps_study_scenario *s, const ps_model *m);
void ps_study_scenario_destroy(ps_study_scenario *s);

/* ps_study_runs — the options of a study's runs: the caller's, without the run at point values of a
** scenario with uncertain parameters, which no study reports (it would double every variant's cost),
** and with two runs held at once for the memory check */
ps_options ps_study_runs(const ps_options *opt);

/* Tail sampling in a study (docs/model.md, "Tail sampling"): every run takes the shift its first run
** would choose, so path i draws the same innovations and carries the same weight in every run, and
** the paired differences keep their common random numbers.
** ps_study_sampling — under first's sampling = "importance", that shift into *o (o->sampling_shift,
** owned by *shift: free it after the runs); else *shift NULL. PS_OK, or as ps_sampling_choose. */
int ps_study_sampling(const ps_model *first, ps_options *o, double **shift, char *err, size_t errlen);
/* ps_study_same_sampling — PS_EINPUT with a message when m does not sample as the study's first run
** (`first`, described by first_is) does (`what`: the study); else PS_OK */
int ps_study_same_sampling(ps_sampling first, const char *first_is, const ps_model *m, const char *what, char *err,
                           size_t errlen);

/* the figures a study shows for every party (study_parties.c, docs/json-schema.md): a government's
** total outlay ("outlay") and PV cost ("cost_pv"), an insurer's loss ratio ("loss_ratio"), a
** guarantor's payout rate ("payout_rate"), a bank's NPL breach probability ("npl_breach", banks
** with an npl_tolerance); in the model's order of parties */
typedef struct {
  int n;
  char **party;         /* [n] ids */
  const char **measure; /* [n] static names */
} ps_study_figures;

/* the figures of m's parties (and, when b is not NULL, only those b has too, of the same kind);
** PS_OK, or PS_ERUNTIME when out of memory */
int ps_study_figures_init(ps_study_figures *f, const ps_model *m, const ps_model *b);
void ps_study_figures_destroy(ps_study_figures *f);
/* each figure of r as a series over r's block of outcomes (stats/paired.h): out[f->n] */
void ps_study_figures_of(const ps_study_figures *f, const ps_results *r, struct ps_series *out);
/* each figure's value in each path of r (in one process): series[f * paths + path] (f->n x r->paths
** doubles); PS_OK, or PS_ERUNTIME when out of memory */
int ps_study_figures_series(const ps_study_figures *f, const ps_results *r, double *series);

typedef struct {
  char *id;
  ps_difference net_outlay_mean, depletion;
  ps_estimate *size_a, *size_b; /* [nalphas]: the smallest initial balance for each alpha */
} ps_compare_entry;

struct ps_compare {
  ps_study_scenario a, b;
  long paths;
  unsigned long long seed;
  int nalphas;
  double *alphas;
  int npools;
  ps_compare_entry *pools; /* the pools A and B share, in A's order */
  ps_study_figures figures; /* the parties' figures A and B share */
  ps_difference *parties;   /* [figures.n]: B - A */
};

typedef struct {
  char *id;
  ps_estimate depletion;
  double net_outlay_mean, net_outlay_p95;
  ps_estimate *sizing; /* [nalphas] */
} ps_sweep_cell;

typedef struct {
  char *values[PS_MAX_VARY]; /* one per key, as given */
  int npools;
  ps_sweep_cell *pools;
  ps_difference *parties; /* [figures.n]: a the first row's, b this row's */
} ps_sweep_row;

struct ps_sweep {
  ps_study_scenario scenario; /* the first row's, as run */
  int nkeys;
  char *keys[PS_MAX_VARY];
  int nalphas;
  double *alphas;
  long nrows;
  ps_sweep_row *rows; /* the last key varies fastest */
  ps_study_figures figures; /* the first row's parties */
};

typedef struct {
  double p95, depletion; /* a pool's p95 net outlay (yuan) and P(depletion) */
} ps_tornado_point;

typedef struct {
  char *key;
  double base, low, high; /* the key's value: the scenario's, moved down, moved up */
  double swing;           /* the widest |high p95 - low p95| over the pools */
  ps_tornado_point *lo, *hi; /* [npools] */
  ps_difference *parties;    /* [figures.n]: a moved down, b moved up, diff the swing b - a */
  /* a programme's share (stats/tornado_share.h): the key of the payer that balances it (NULL:
  ** not a share), whether that payer takes the "rest", its part at low and high, and whether
  ** low or high was clipped to the room the other shares leave */
  char *partner;
  int partner_rest, clipped;
  double partner_low, partner_high;
} ps_tornado_bar;

struct ps_tornado {
  ps_study_scenario scenario;
  double by;
  int npools;
  char **pools;           /* ids, the scenario's order */
  ps_tornado_point *base; /* [npools]: the scenario as given */
  int nkeys;
  ps_tornado_bar *keys;   /* widest swing first, then by key */
  ps_study_figures figures;
  double *base_parties;   /* [figures.n]: the scenario as given */
};

/* what stops the covered lending from growing: the pool (P(depletion) reaches the target), or a
** limit on lending that binds first */
typedef enum {
  PS_VOLUME_POOL,      /* the pool: P(depletion) passes the target above k */
  PS_VOLUME_LEVERAGE,  /* a programme's leverage (放大倍数): loans at risk <= leverage x allocation */
  PS_VOLUME_GUARANTOR, /* a guarantor's leverage_limit x capital */
  PS_VOLUME_STOPPED,   /* a trigger stops lending */
  PS_VOLUME_OTHER,     /* lending stops growing for another reason (a loan tape does not scale) */
  PS_VOLUME_SEARCH     /* neither binds up to the search's end (k = 512) */
} ps_volume_limit;

typedef struct {
  double alpha, scale, lending; /* the target, the largest k, the covered lending originated at k (yuan) */
  ps_estimate depletion;        /* P(depletion) at k */
  ps_difference *parties;       /* [figures.n]: a at k = 1, b at k */
  double loans_per_period, lending_per_year; /* the lending as loans a period and yuan a year */
  double declined;              /* the share of the loans wanted at k that were declined */
  ps_volume_limit binds;
  /* a binding leverage: the programme (id), the party whose cap it is (name; the pool's owner for a
  ** programme's leverage), the multiple, what it multiplies (yuan) and their product (yuan at risk) */
  char *programme, *party;
  double multiple, of, cap;
} ps_volume_row;

struct ps_volume {
  ps_study_scenario scenario;
  char *pool;
  double base_lending, base_depletion; /* at k = 1 */
  int nrows;
  ps_volume_row *rows; /* one per alpha */
  ps_study_figures figures;
};

/* one run of a break-even search: the field's value, the figure's mean and standard error */
typedef struct {
  double value, mean, se;
} ps_breakeven_run_point;

struct ps_breakeven {
  ps_study_scenario scenario;
  char *field, *party;
  const char *measure; /* a static string */
  double target, lo, hi;
  long paths;
  unsigned long long seed;
  double value, ci[2];
  int open[2];
  ps_breakeven_run_point at;    /* the run at the value found */
  int nruns;
  ps_breakeven_run_point *runs; /* every run, in the order made */
};

#endif
