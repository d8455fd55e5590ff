/* poolsim.h — the public C API: load a scenario, run it, read the results.
**
** For programs that embed the engine. A scenario is still a Lua file (the
** scenario format is the contract, docs/scenario.md); the caller chooses paths,
** seed and threads, and reads results as numbers or as the JSON document of
** docs/json-schema.md. Every function is thread-safe on distinct objects.
**
**   ps_model *m; ps_results *r; char err[1024];
**   if (ps_model_new("scenarios/mianyang_2022.lua", NULL, 0, &m, err, sizeof err)) ...
**   ps_options o = {.paths = 20000, .seed = 1, .threads = 2};
**   if (ps_scenario_run(m, &o, &r, err, sizeof err)) ...
**   double p = ps_results_depletion(r, "fund");          // P(depletion) within the horizon
**   double b = ps_results_required_initial(r, "fund", 0.05); // pool size for 5%
**   ps_results_free(r); ps_model_free(m);
**
** Heap objects are made by a _new or _run function and freed by the matching
** _free; errors are an int status (PS_OK, PS_EINPUT, PS_ERUNTIME) with the
** message in the caller's buffer. Studies (poolsim/study.h) and renderers
** (poolsim/report.h) are included below. Build against an installed poolsim
** with `cc prog.c $(pkg-config --cflags --libs poolsim)`. */
#ifndef POOLSIM_H
#define POOLSIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ps_model ps_model;
typedef struct ps_results ps_results;

/* the engine's version, as the JSON's "poolsim" field and the reports' footers give it */
#define PS_VERSION "0.1.0"
const char *ps_version(void);

/* status codes (also the CLI's exit codes) */
enum { PS_OK = 0, PS_ERUNTIME = 1, PS_EINPUT = 2 };

/* the most Monte Carlo paths one run takes (--paths, a scenario's paths); a
** run is also refused when its per-path results would not fit in memory */
#define PS_MAX_PATHS 100000000L

/* one scenario override, as --set KEY=VALUE: key "pools.fund.initial", value "2.5e8" */
typedef struct {
  const char *key, *value;
} ps_override;

/* Progress of a run, for a front end's progress bar: called on the thread that
** called ps_scenario_run, about five times a second while paths run (not at
** all for runs shorter than that), with the paths finished so far and the
** seconds since the paths started. It must not call back into poolsim. */
typedef void ps_progress_fn(long done, long total, double seconds, void *arg);

/* run settings; 0 means the scenario's paths / seed, and all cores */
typedef struct {
  long paths;
  unsigned long long seed;
  int use_seed; /* non-zero: use seed instead of the scenario's */
  int threads;
  int audit;    /* non-zero: keep and replay every path's posting log (slower) */
  int search;   /* non-zero: when rules feed back on a pool's balance, find each
                   path's required balance by bisection (slower; docs/rules.md) */
  ps_progress_fn *progress; /* NULL: none */
  void *progress_arg;       /* passed to progress */
  double serve; /* (0, 1]: size each pool lending to bridge funds to serve at least this share of
                   their requests as well, by bisection (poolsim size --serve); 0: none */
  int no_point_values; /* non-zero: with uncertain parameters, skip the second run at point values
                          (sizing_point_values): the studies, which do not report it, set this */
  int runs_held;       /* how many runs' results the caller keeps at once, this one included, which
                          the memory check weighs (a study: 2, its base and a variant); 0: 1 */
  double sampling_alpha; /* under sampling = "importance", the depletion target the tail shift aims
                            at (docs/model.md, "Tail sampling"); 0: 0.01 */
  const double *sampling_shift; /* under sampling = "importance", the shift mu[0..sampling_shift_n - 1]
                                   to take instead of choosing one (a study's runs share their first
                                   run's, so their paths pair); periods past it are not shifted.
                                   NULL: the run chooses its own */
  int sampling_shift_n;
} ps_options;

/* Load and validate a scenario file into a new model. PS_OK, or PS_EINPUT /
** PS_ERUNTIME with a message ("FILE:LINE: ...") in err. The first call into
** poolsim switches GSL's default error handler (which aborts the program) off,
** once for the process: poolsim checks GSL's statuses itself. */
int ps_model_new(const char *file, const ps_override *sets, int nsets, ps_model **out, char *err, size_t errlen);
void ps_model_free(ps_model *m); /* NULL is fine */

/* what a loaded model is: its name, the paths and seed it asks for, its
** periods, and how many of each part it has */
typedef enum { PS_PARTIES, PS_POOLS, PS_SEGMENTS, PS_PROGRAMMES } ps_model_part;
const char *ps_model_name(const ps_model *m);
long ps_model_paths(const ps_model *m);
unsigned long long ps_model_seed(const ps_model *m);
int ps_model_periods(const ps_model *m);
int ps_model_count(const ps_model *m, ps_model_part part);
/* the id of pool i (0 <= i < ps_model_count(m, PS_POOLS)), NULL out of range */
const char *ps_model_pool_id(const ps_model *m, int i);
/* every key --set can change in a scenario file as written (with sets
** applied), sorted, one a line, in *out (free() it); PS_OK, or PS_EINPUT /
** PS_ERUNTIME with a message (poolsim check FILE --keys; bash completion) */
int ps_model_keys(const char *file, const ps_override *sets, int nsets, char **out, char *err, size_t errlen);

/* Simulate and summarise. PS_OK; PS_EINPUT when the paths asked for are more
** than PS_MAX_PATHS or than memory holds (refused before anything is
** allocated), or when one of the scenario's Lua hooks failed (an error, its
** instruction or memory budget); PS_ERUNTIME otherwise; with a message. The
** results refer to m: close m only after destroying them. */
int ps_scenario_run(const ps_model *m, const ps_options *o, ps_results **out, char *err, size_t errlen);
void ps_results_free(ps_results *r); /* NULL is fine */

/* Stopping runs from a SIGINT/SIGTERM handler (async-signal-safe): the run
** under way, in any thread, finishes the paths it holds and takes no more, so
** its results cover a prefix of the paths, the same as a shorter run (marked
** partial). Stays set for the rest of the process. */
void ps_request_stop(int sig);
/* the signal given to ps_request_stop, 0 when none */
int ps_stop_signal(void);

/* the paths the results cover, and the paths asked for (more when the run was
** stopped); the signal that stopped it, 0 when complete */
long ps_results_paths(const ps_results *r);
long ps_results_paths_requested(const ps_results *r);
int ps_results_stop_signal(const ps_results *r);

/* P(the pool runs short within the horizon); -1 for an unknown pool id */
double ps_results_depletion(const ps_results *r, const char *pool);
/* smallest initial balance (yuan) with P(depletion) <= alpha; -1 for an unknown pool */
double ps_results_required_initial(const ps_results *r, const char *pool, double alpha);
/* the JSON document (schema 1), to free(); NULL when out of memory */
char *ps_results_json(const ps_results *r);

/* Earlier names, kept for existing callers: ps_scenario_open is ps_model_new,
** ps_scenario_close is ps_model_free, ps_results_destroy is ps_results_free. */
int ps_scenario_open(const char *file, const ps_override *sets, int nsets, ps_model **out, char *err,
                     size_t errlen);
void ps_scenario_close(ps_model *m);
void ps_results_destroy(ps_results *r);

#ifdef __cplusplus
}
#endif

#include "poolsim/report.h" /* renderers: results -> JSON, text, Markdown, CSV, HTML */
#include "poolsim/study.h"  /* studies: compare, sweep, tornado, largest volume */
#include "poolsim/script.h" /* drivers: studies written in Lua */
#include "poolsim/backtest.h" /* back-testing: actual figures in the forecast distribution */

#endif
