/* path.h — one Monte Carlo path, period by period:
**   fund (yield, top-ups, on_period) -> originate -> default -> claim -> recover.
**
** A ps_path is a worker's reusable workspace: it owns the random streams, the
** cohort counts, the pending claims and recoveries, and the ledger of the path
** being run. Nothing in it is shared between workers. ps_path_run (path.c) is
** the period loop; the workspace and its state are path_state.c's
** (sim/path_state.h, which also gives the layering of the path stage). */
#ifndef PS_PATH_H
#define PS_PATH_H

#include <stddef.h>
#include <stdint.h>

#include "sim/ledger.h"
#include "scenario/model.h"
#include "sim/outcomes.h"

typedef struct ps_path ps_path;
typedef struct ps_policy ps_policy;

/* ps_path_new — a workspace for m. initial (fen per pool) replaces the pools'
** initial balances when not NULL (sizing searches); audit != 0 keeps the
** posting log and checks each path's accounts in depth. NULL when out of
** memory. */
ps_path *ps_path_new(const ps_model *m, const int64_t *initial, int audit);
/* ps_path_free — destroy a workspace (NULL is fine) */
void ps_path_free(ps_path *w);

/* a hook of the scenario failed: the scenario's fault, not the engine's */
#define PS_PATH_EHOOK (-2)

/* ps_path_run — run path `index` of the run with this seed and store its
** outcomes in out (NULL: keep nothing, as a sizing search does). policy may be NULL. Returns 0,
** PS_PATH_EHOOK, or -1 (an account check failed, or memory ran out), with a
** message in err. */
int ps_path_run(ps_path *w, uint64_t seed, long index, ps_policy *policy, ps_outcomes *out, char *err,
                size_t errlen);

/* ps_path_model — the model the workspace runs */
const ps_model *ps_path_model(const ps_path *w);

/* ps_path_sample_by_loan — draw defaults loan by loan (one uniform per live
** loan per period) instead of one binomial per segment: the benchmarks'
** baseline; same model */
void ps_path_sample_by_loan(ps_path *w, int on);

/* ps_path_ledger — the ledger of the last path run (its log when audit is on) */
const ps_ledger *ps_path_ledger(const ps_path *w);
/* ps_path_depleted — did the pool run short in the last path run? */
int ps_path_depleted(const ps_path *w, int pool);

#endif
