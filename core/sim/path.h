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

#include "scenario/model.h"
#include "sim/outcomes.h"
#include "sim/path_state.h"

/* ps_path_run — run path `index` of the run with this seed and store its
** outcomes in out (NULL: keep nothing, as a sizing search does). policy may be NULL. Returns PS_OK;
** PS_EINPUT when a hook of the scenario failed (the scenario's fault, not the engine's); PS_ERUNTIME
** otherwise (an account check failed, or memory ran out); with a message in err. */
int ps_path_run(ps_path *w, uint64_t seed, long index, ps_policy *policy, ps_outcomes *out, char *err,
                size_t errlen);

#endif
