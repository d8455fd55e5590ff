/* montecarlo.h — run all paths of a scenario over worker threads.
**
** Workers take paths in chunks from a shared counter; each path draws only
** from its own streams (seed, path) and writes only its own outcome slots, so
** the outcomes are the same bytes whatever the number of threads. */
#ifndef PS_MONTECARLO_H
#define PS_MONTECARLO_H

#include <stddef.h>
#include <stdint.h>

#include "poolsim/poolsim.h"
#include "scenario/model.h"
#include "sim/outcomes.h"

typedef struct {
  long paths;
  uint64_t seed;
  int threads;            /* >= 1 */
  int audit;              /* keep and replay each path's posting log */
  const int64_t *initial; /* fen per pool replacing the scenario's, or NULL */
  ps_progress_fn *progress; /* called about five times a second while paths run, or NULL */
  void *progress_arg;
  int by_loan;            /* the naive loan-by-loan default sampler (benchmarks) */
  int search;             /* find each path's required initial balance by bisection
                             (rules that feed back on the balance; core/search.h) */
  long band_paths;        /* balance bands from the first this many paths; 0: PS_BAND_PATHS */
  const unsigned char *track; /* per programme: keep its defaults and claims by period (back-testing,
                                 ps_outcomes_track); NULL: none */
  double serve;           /* with search, in (0, 1]: a path's required balance also serves at least
                             this share of its bridge requests (poolsim size --serve); 0: none */
  long first;             /* run paths first..first+paths-1 only (one MPI rank's block; outcomes
                             indexed by path, ps_outcomes_init_block); 0: the whole run */
  double sampling_alpha;  /* under tail sampling (m->sampling), the depletion target the shift aims
                             at (sim/sampling.h); 0: PS_SAMPLING_ALPHA */
  const double *shift;    /* under tail sampling, the shift mu[0..nshift - 1] to take (a study's; later
                             periods unshifted) instead of choosing one; NULL: choose */
  int nshift;
} ps_run_options;

/* ps_default_threads — the number of online processors (at least 1) */
int ps_default_threads(void);

/* ps_request_stop and ps_stop_signal (poolsim.h): workers finish the chunk
** they hold and take no more, so the paths done are always a prefix 0..n-1,
** the same results as a run of n paths. A hook under way is stopped too (its
** state checks the flag): the path it was in is not finished, and a path that
** fails once the stop is asked for is taken as cut short, not as an error;
** the prefix then ends before the lowest such path. */

/* ps_simulate — fill out (allocated here; free with ps_outcomes_destroy). Returns PS_OK, or, with
** the message of the failing path with the lowest index, PS_EINPUT when that path failed in one of
** the scenario's hooks and PS_ERUNTIME otherwise. After ps_request_stop, out holds the prefix of
** paths finished (out->paths fewer than o->paths), or PS_ERUNTIME when none finished. */
int ps_simulate(const ps_model *m, const ps_run_options *o, ps_outcomes *out, char *err, size_t errlen);

/* Distributed runs (poolsim-mpi, core/mpi/): a front end may hand every ps_simulate of the process
** to `fn`, which runs the paths where it likes and must leave in out exactly what ps_simulate_here
** would (the same codes and messages); `ranks` is what the results report as run.ranks. NULL: none.
** Not thread-safe: set it once, before any run. */
typedef int ps_simulate_fn(const ps_model *m, const ps_run_options *o, ps_outcomes *out, char *err, size_t errlen);
void ps_simulate_distribute(ps_simulate_fn *fn, int ranks);
/* the ranks set by ps_simulate_distribute, 0 when runs are not distributed */
int ps_simulate_ranks(void);
/* ps_simulate_node_share — the share of a run's per-path outcomes this machine holds at once: 1 (the
** default) in one process or when rank 0 gathers them; the ranks on this node / all the ranks when each
** keeps its own block (poolsim-mpi run and size). ps_scenario_run refuses a run whose share would not
** fit in this machine's memory. Set once, before any run. */
void ps_simulate_node_share(double share);
double ps_simulate_share(void);
/* ps_simulate_here — ps_simulate in this process alone, whatever ps_simulate_distribute set */
int ps_simulate_here(const ps_model *m, const ps_run_options *o, ps_outcomes *out, char *err, size_t errlen);

#endif
