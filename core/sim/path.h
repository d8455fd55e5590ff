/* path.h — one Monte Carlo path, period by period:
**   fund (yield, top-ups, on_period) -> originate -> default -> claim -> recover.
**
** A ps_path is a worker's reusable workspace: it owns the random streams, the
** cohort counts, the pending claims and recoveries, and the ledger of the path
** being run. Nothing in it is shared between workers. */
#ifndef PS_PATH_H
#define PS_PATH_H

#include <stddef.h>
#include <stdint.h>

#include "sim/ledger.h"
#include "scenario/model.h"
#include "sim/outcomes.h"

typedef struct ps_path ps_path;
typedef struct ps_policy ps_policy;

/* A workspace for m. initial (fen per pool) replaces the pools' initial
** balances when not NULL (sizing searches); audit != 0 keeps the posting log
** and checks each path's accounts in depth. NULL when out of memory. */
ps_path *ps_path_new(const ps_model *m, const int64_t *initial, int audit);
void ps_path_free(ps_path *w);

/* a hook of the scenario failed: the scenario's fault, not the engine's */
#define PS_PATH_EHOOK (-2)

/* Run path `index` of the run with this seed and store its outcomes in out
** (NULL: keep nothing, as a sizing search does). policy may be NULL. Returns 0,
** PS_PATH_EHOOK, or -1 (an account check failed, or memory ran out), with a
** message in err. */
int ps_path_run(ps_path *w, uint64_t seed, long index, ps_policy *policy, ps_outcomes *out, char *err,
                size_t errlen);

/* ---- what a policy hook may read and do (core/policy.c) ---- */
const ps_model *ps_path_model(const ps_path *w);
int64_t ps_path_pool_balance(const ps_path *w, int pool);
/* a top-up of fen > 0 from the pool's owner, now; 0 or -1 (out of memory) */
int ps_path_topup(ps_path *w, int pool, int64_t fen);

/* a programme as hooks see it */
typedef struct {
  double npl_ratio, performing; /* performing: yuan, expected principal at risk */
  long defaults, originated;
  int paused, stopped;
} ps_programme_view;
void ps_path_programme_view(const ps_path *w, int programme, ps_programme_view *v);
/* pause (on != 0) or resume a programme's compensation from the next claim on,
** on top of its triggers */
void ps_path_suspend(ps_path *w, int programme, int on);
/* replace a programme's share fractions for later defaults (per share, in the
** programme's share order; NULL restores the scenario's) */
void ps_path_set_share(ps_path *w, int programme, const double *fractions);

/* a default as hooks see it */
typedef struct {
  int programme, segment, period, age;
  double amount, exposure, lgd; /* yuan, yuan, fraction */
} ps_loan_view;

/* draw defaults loan by loan (one uniform per live loan per period) instead of
** one binomial per segment: the benchmarks' baseline; same model */
void ps_path_sample_by_loan(ps_path *w, int on);

/* the ledger of the last path run (its log when audit is on) */
const ps_ledger *ps_path_ledger(const ps_path *w);
/* did the pool run short in the last path run? */
int ps_path_depleted(const ps_path *w, int pool);

#endif
