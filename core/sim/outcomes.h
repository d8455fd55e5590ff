/* outcomes.h — what each path leaves behind for the statistics stage.
**
** One slot per path, written by whichever worker ran the path and read only
** after all workers have finished; reductions then run in path order, which is
** what makes results independent of the number of threads. Amounts are yuan
** (converted once from the ledger's exact fen). */
#ifndef PS_OUTCOMES_H
#define PS_OUTCOMES_H

#include "poolsim/poolsim.h"
#include "scenario/model.h"

/* the kinds of outlay a budget shows */
typedef enum {
  PS_BUDGET_FUNDING,      /* pool funding: initial balances and top-ups, less wind-down returns */
  PS_BUDGET_COMPENSATION, /* compensation it pays directly (as a payer or excess_to), less recoveries */
  PS_BUDGET_INTEREST_SUBSIDY,
  PS_BUDGET_FEE_SUBSIDY,
  PS_BUDGET_PREMIUM_SUBSIDY,
  PS_BUDGET_LENDING_REWARD,
  PS_NBUDGET
} ps_budget_kind;

/* ps_budget_name — a budget kind's name in JSON, CSV and reports */
const char *ps_budget_name(ps_budget_kind k);

typedef struct {
  long paths;
  long first; /* the run's index of the path in slot 0: 0, but for one MPI rank's block of paths */
  int periods, npools, nprogrammes, nparties;
  /* per pool and path: index pool * paths + path */
  double *claims, *paid, *shortfall, *recovered, *unsettled, *required;
  double *topups, *returned; /* all top-ups (scheduled, rules, hooks); wind-down (each NULL where
                                the model has none: see "Arrays not kept" below) */
  double *outlay_by_programme; /* a pool's net outlay on each programme's loans:
                                  (pool * paths + path) * nprogrammes + programme */
  double *outlay_by_segment;   /* ... on each segment slot's: (pool * paths + path) * ndrivers + slot;
                                  NULL when it would repeat outlay_by_programme (one programme, one slot) */
  int *depletion;   /* first period with a shortfall, 0 when none */
  /* end-of-period balances of the first band_paths paths only, so memory does
  ** not grow with paths beyond them: (pool * band_paths + path) * periods + (t - 1) */
  long band_paths;
  double *balance;
  /* per programme and path */
  double *defaults, *originated, *defaulted_exposure;
  double *refused, *capped; /* yuan cut by pauses, by caps (refused NULL where nothing can pause) */
  double *paused, *stopped; /* periods compensation was paused, lending stopped (each NULL where
                               no trigger or hook can) */
  double *declined;         /* loans not originated for want of guarantee capacity (NULL: no
                               bridge, leverage or leverage limit) */
  double *lent;             /* yuan originated (expected principal, mean loan sizes); m->track_lent only */
  /* per party and path */
  double *losses;     /* paid on defaults less recovered */
  double *net_result; /* every flow in and out over the horizon */
  double *unpaid;     /* shares it could not or would not pay */
  double *ratio;      /* bank: highest NPL ratio; guarantor: payout rate; insurer: loss ratio */
  int *breached;      /* bank: NPL tolerance passed; guarantor: capital exhausted */
  int nyears;         /* fiscal years in the horizon */
  /* a government's outlay by fiscal year and kind of flow (the budget view), for
  ** governments only: ((budget_slot[party] * paths + path) * nyears + (y - 1)) * PS_NBUDGET + kind */
  int *budget_slot; /* per party: its place in budget, -1 when it is not a government */
  int ngovernments;
  double *budget; /* only the kinds the model can have: ... * nbudget + budget_kind[kind] (ps_budget_at) */
  int budget_kind[PS_NBUDGET]; /* a kind's place among them, -1: none of that kind (always 0) */
  int nbudget;
  double *net_by_year; /* net result per fiscal year: (party * paths + path) * nyears + (y - 1) */
  /* a government's cost in present value (sim/cost.h), per budget slot and path: gov * paths + path;
  ** by cohort (0: the book before period 1, y: fiscal year y) (gov * paths + path) * ncohorts + c */
  int ncohorts;
  double *cost_pv, *subsidy_rate; /* yuan; PV cost / PV of the lending it covers (0: none) */
  double *cost_by_cohort;         /* PV cost, yuan */
  double *volume_by_cohort;       /* the lending it covers, yuan, undiscounted */
  double *party_pv; /* per party and path: its net result in present value, yuan (m->track_party_pv) */
  int nuncertain;      /* the model's poolsim.uncertain parameters */
  double *drawn;       /* each one's draw in each path: k * paths + path */
  /* back-testing only (ps_outcomes_track; NULL otherwise, so ordinary runs keep
  ** nothing more): per tracked programme, path and period, its defaults and its
  ** claims in fen (what its payers other than the bank were asked for) up to the
  ** end of the period: (track_slot[programme] * paths + path) * periods + (t - 1) */
  double *weight; /* per path: its likelihood ratio under tail sampling (sim/sampling.h); NULL under
                     plain sampling, when every path weighs 1 */
  int *track_slot; /* per programme: its place in the two arrays, -1 when not tracked */
  int ntracked;
  double *track_defaults, *track_claims;
  /* the arrays above but the back-testing ones live in one block of ps_map_huge (hugepages.h):
  ** ps_outcomes_destroy returns it whole; never free() one of them */
  void *block;
  size_t block_bytes;
  /* a distributed run (poolsim-mpi): the paths other processes hold. Then only balance (the bands)
  ** and weight (of the band paths only) are here, the rest through host (stats/column.h), and
  ** ps_outcomes_destroy calls host_release. NULL in one process */
  struct ps_column_host *host;
  void (*host_release)(struct ps_column_host *host);
} ps_outcomes;

/* Arrays not kept. An array a model provably leaves 0 on every path is not allocated (NULL), so
** memory and the pages the kernel must zero stay with what the scenario can produce: topups with no
** scheduled top-up, refill rule or hook; returned with no pool that winds down; paused and refused
** with no pause trigger or hook; stopped with no trigger that stops lending; declined with nothing
** that limits lending (bridges, leverage); outlay_by_segment where it equals outlay_by_programme; budget kinds
** no programme pays (budget_kind -1). Their statistics are those of zeros. */

/* per-period balance bands use at most this many paths (the first ones): their
** quantiles' Monte Carlo error is already far below what a chart shows */
#define PS_BAND_PATHS 100000L
/* ... and at most this many balances (57.6 MB: 100 000 paths of 72 periods and one pool, the
** flagship's), so that a long horizon does not multiply the memory and the pages the kernel must
** zero (bench/HISTORY.md); but never fewer than PS_BAND_PATHS_MIN paths, whose 5% quantile still
** has a rank error of ±0.43 percentage points (95%) */
#define PS_BAND_VALUES 7200000L
#define PS_BAND_PATHS_MIN 10000L

/* ps_band_paths — the paths the bands of m use by default (band_paths <= 0 below):
** min(PS_BAND_PATHS, max(PS_BAND_PATHS_MIN, PS_BAND_VALUES / (pools × periods))) */
long ps_band_paths(const ps_model *m);

/* ps_outcomes_init — allocate for m and the given number of paths, keeping per-period balances
** for the first min(paths, band_paths) of them (band_paths <= 0: ps_band_paths(m));
** PS_OK, or PS_ERUNTIME when out of memory */
int ps_outcomes_init(ps_outcomes *o, const ps_model *m, long paths, long band_paths);
/* ps_outcomes_init_block — the same for the block of paths first..first+paths-1 of a run (one MPI
** rank's): slots are indexed by the run's path index, and balances are kept for those of the
** block among the run's first band_paths (band_paths <= 0: ps_band_paths(m)), maybe none */
int ps_outcomes_init_block(ps_outcomes *o, const ps_model *m, long first, long paths, long band_paths);
/* ps_outcomes_track — also keep the per-period defaults and claims of each programme k with
** track[k] != 0 (after ps_outcomes_init); PS_OK, or PS_ERUNTIME when out of memory */
int ps_outcomes_track(ps_outcomes *o, const ps_model *m, const unsigned char *track);
/* ps_outcomes_destroy — free what *o holds (a zeroed ps_outcomes is fine) */
void ps_outcomes_destroy(ps_outcomes *o);
/* one per-path array of the outcomes, as laid out: element (item * npaths + path) * inner + j,
** npaths being o->paths, or o->band_paths for the balances (band != 0); for moving the arrays
** between processes (MPI) */
typedef struct {
  void *data;  /* double * or int * */
  size_t size; /* sizeof(double) or sizeof(int) */
  size_t inner;
  long items;
  int is_int, band;
} ps_outcomes_array;
/* ps_outcomes_arrays — o's per-path arrays (not budget_slot, nor the back-testing ones) into a,
** which has room for PS_OUTCOMES_MAX_ARRAYS; returns how many */
#define PS_OUTCOMES_MAX_ARRAYS 48
int ps_outcomes_arrays(const ps_outcomes *o, const ps_model *m, ps_outcomes_array *a);
/* ps_outcomes_bytes — the bytes ps_outcomes_init takes for m and that many paths (default bands) */
double ps_outcomes_bytes(const ps_model *m, long paths);
/* ps_outcomes_truncate — keep the first `paths` paths only (an interrupted run), in place */
void ps_outcomes_truncate(ps_outcomes *o, const ps_model *m, long paths);

static inline size_t ps_slot(const ps_outcomes *o, int item, long path) {
  return (size_t)item * (size_t)o->paths + (size_t)(path - o->first);
}

/* a government's (budget slot gov's) budget of one kind in 0-based fiscal year y of a path, yuan:
** 0 for a kind not kept */
static inline double ps_budget_at(const ps_outcomes *o, int gov, long path, int y, int kind) {
  if (o->budget_kind[kind] < 0) return 0.0;
  return o->budget[(ps_slot(o, gov, path) * (size_t)o->nyears + (size_t)y) * (size_t)o->nbudget +
                   (size_t)o->budget_kind[kind]];
}

/* where a tracked programme's figures of one path start in track_defaults and track_claims */
static inline size_t ps_track_slot(const ps_outcomes *o, int programme, long path) {
  return ((size_t)o->track_slot[programme] * (size_t)o->paths + (size_t)(path - o->first)) * (size_t)o->periods;
}

/* where a pool's closing balances of one path (path - first < band_paths) start in balance */
static inline size_t ps_band_slot(const ps_outcomes *o, int pool, long path) {
  return ((size_t)pool * (size_t)o->band_paths + (size_t)(path - o->first)) * (size_t)o->periods;
}

#endif
