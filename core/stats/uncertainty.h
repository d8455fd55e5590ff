/* uncertainty.h — how much of the answer comes from parameter uncertainty (SPEC 2.3a).
**
** A scenario with poolsim.uncertain parameters draws them once per path. Its results then list
** each parameter's draws (mean, p05, p95 over the paths: results.c) and carry the sizing curve of a second
** run at point values: every uncertain parameter at its distribution's mean, on common random
** numbers (the same seed and the same streams for everything else; the parameters' own stream
** is simply not used), which is the plain scenario with the means written in. */
#ifndef PS_UNCERTAINTY_H
#define PS_UNCERTAINTY_H

#include <stddef.h>

#include "sim/montecarlo.h"
#include "stats/results.h"

/* ps_uncertainty_point_run — run r's model at point values with the options of r's run and keep
** each pool's sorted required balances in r->point_required (nothing when r's model has no
** uncertain parameter, or the run was cut short: then the comparison is left out). PS_OK, or
** ps_simulate's code with its message */
int ps_uncertainty_point_run(ps_results *r, const ps_run_options *ro, char *err, size_t errlen);

#endif
