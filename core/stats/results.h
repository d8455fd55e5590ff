/* results.h — the statistics stage: per-path outcomes -> what reports show. */
#ifndef PS_RESULTS_H
#define PS_RESULTS_H

#include <stdint.h>

#include "poolsim/poolsim.h"
#include "scenario/model.h"
#include "sim/outcomes.h"
#include "stats/sizing.h"
#include "stats/stats.h"

typedef struct {
  double initial; /* yuan, the balance this run started from */
  ps_stats claims, paid, shortfall, recovered, net_outlay, unsettled, required_initial, topups, returned;
  ps_estimate depletion;          /* within the horizon */
  int nyears;
  ps_estimate *depletion_by_year; /* cumulative: depleted by the end of fiscal year y */
  double *band_p05, *band_p50, *band_p95; /* closing balance by period */
  long band_paths;                        /* the paths behind them (outcomes.h: PS_BAND_PATHS) */
  double *sorted_required;        /* ascending: the sizing curve (sizing.h); NULL in a distributed run,
                                     whose curve is asked from the ranks (ps_results_sizing) */
  double *sorted_weight;          /* tail sampling: each one's weight, in that order; NULL: plain */
  /* who drives the tail: the mean of each programme's part of the net outlay
  ** over the paths of the outlay's ES95 / ES99 tail (Euler allocation; they sum
  ** to the pool's ES) */
  double *es95_by_programme, *es99_by_programme;
  double *es95_by_segment, *es99_by_segment; /* by segment slot (model.h: segment driver) */
} ps_pool_result;

typedef struct {
  ps_stats defaults, originated, defaulted_exposure, refused, capped, paused, stopped, declined;
} ps_programme_result;

typedef struct {
  ps_stats losses, net_result, unpaid, ratio;
  ps_estimate breached;
  int nyears;
  ps_stats *net_by_year;    /* net result in each fiscal year */
  ps_stats *outlay_by_year; /* minus that: what it pays out, the budget view of a government */
  ps_stats *budget;         /* outlay by year and kind: [(y - 1) * PS_NBUDGET + kind] */
  /* a government's cost in public-finance terms (sim/cost.h): its present value, over the PV of the
  ** lending it covers, and by cohort (0: the book before period 1, y: fiscal year y) */
  ps_stats cost_pv, subsidy_rate;
  int ncohorts;
  ps_stats *cost_by_cohort;
  double *volume_by_cohort; /* the mean lending (or cover) it backs, yuan, undiscounted */
} ps_party_result;

/* a poolsim.uncertain parameter's draws over the paths (stats/uncertainty.h) */
typedef struct {
  double mean, p05, p95;
} ps_uncertain_result;

struct ps_results {
  const ps_model *m;
  long paths;           /* paths the statistics use */
  long paths_requested; /* more than paths when the run was interrupted */
  double effective_paths; /* (sum w)^2 / sum w^2 under tail sampling (stats/weighted.h); paths under plain */
  int stop_signal;      /* the signal that interrupted it, 0 when complete */
  unsigned long long seed;
  int threads;
  int ranks;                 /* MPI ranks the paths were spread over (poolsim-mpi); 0: not distributed */
  double seconds;            /* simulation and statistics */
  double statistics_seconds; /* the statistics stage alone (one thread) */
  int searched;        /* required balances found by bisection (core/search.h) */
  double serve;        /* > 0: they also serve this share of the bridge requests (size --serve) */
  ps_pool_result *pools;
  ps_programme_result *programmes;
  ps_party_result *parties;
  ps_outcomes outcomes; /* the per-path outcomes behind them (per-path CSV); owned */
  ps_uncertain_result *uncertain; /* per m->uncertain; NULL when the model has none */
  double *point_required; /* the run at point values (stats/uncertainty.h): each pool's required
                             balances, pool * paths + path, ascending; NULL when not run */
  double *point_weight;   /* under tail sampling, their paths' weights in the same order; else NULL */
  ps_outcomes point_outcomes; /* a distributed run's run at point values (sim/outcomes.h: host), its
                                 required balances asked from the ranks; zeroed otherwise */
};
typedef struct ps_results ps_results;

/* Summarise outcomes (initial: fen per pool that ran, or NULL for the
** scenario's) over `threads` threads into a new *out; the results do not
** depend on the threads. Returns PS_OK, or PS_ERUNTIME (out of memory; *out NULL). The
** outcomes stay the caller's; ps_results_keep_outcomes hands them over.
** ps_results_free (poolsim.h) frees *out. */
int ps_results_new(const ps_model *m, const ps_outcomes *o, const int64_t *initial, int threads, ps_results **out);
/* move *o into r (freed with it) and zero *o */
void ps_results_keep_outcomes(ps_results *r, ps_outcomes *o);

/* Pool p's (a member of r->pools) sizing curve: read off its sorted required balances
** (sorted_required, sorted_weight), or in a distributed run (r->outcomes.host) asked from the
** holders of the column, the same bits (stats/column.h). */
/* ps_sizing_initial of the pool: the smallest initial balance with P(depletion) <= alpha */
ps_estimate ps_results_sizing(const ps_results *r, const ps_pool_result *p, double alpha);
/* ps_sizing_depletion_at of the pool: P(depletion) at initial balance x */
ps_estimate ps_results_depletion_at(const ps_results *r, const ps_pool_result *p, double x);
/* the type-1 q-quantile of the pool's required balances (ps_quantile_sorted), and the smallest */
double ps_results_required_quantile(const ps_results *r, const ps_pool_result *p, double q);
double ps_results_required_min(const ps_results *r, const ps_pool_result *p);
/* whether r has the convergence of its sizing answers (its required balances in path order), and
** ps_sizing_convergence of pool i's: the points made, or -1 when out of memory */
int ps_results_has_convergence(const ps_results *r);
int ps_results_convergence(const ps_results *r, int pool, const double *alphas, int nalphas, ps_convergence_point *out);
/* whether r has the run at point values (stats/uncertainty.h), and pool i's sizing answer there */
int ps_results_has_point(const ps_results *r);
ps_estimate ps_results_point_sizing(const ps_results *r, int pool, double alpha);

#endif
