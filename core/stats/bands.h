/* bands.h — the balance bands of a run: each pool's closing balance by period, its 5%, 50% and
** 95% quantiles over the first band_paths paths (weighted under tail sampling). */
#ifndef PS_BANDS_H
#define PS_BANDS_H

#include "sim/outcomes.h"
#include "stats/results.h"

/* ps_bands_period — the bands of pool `pool` in period `period` (from 0) into pr->band_p05/p50/p95;
** column is scratch for o->band_paths doubles. A period in which no band path's balance changed
** (after the first) gets NaN in all three instead, which ps_bands_fill replaces by the bands of the
** period before (the same column, so the same quantiles): a run's periods are independent tasks, and
** those where nothing moved cost one comparison a path. PS_OK, or PS_ERUNTIME when out of memory */
int ps_bands_period(const ps_outcomes *o, int pool, int period, ps_pool_result *pr, double *column);

/* ps_bands_fill — after every period's ps_bands_period: each period marked as unchanged takes the
** bands of the period before (in order, so a run of such periods takes those of the run's start) */
void ps_bands_fill(ps_pool_result *pr, int periods);

#endif
