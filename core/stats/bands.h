/* bands.h — the balance bands of a run: each pool's closing balance by period, its 5%, 50% and
** 95% quantiles over the first band_paths paths (weighted under tail sampling). */
#ifndef PS_BANDS_H
#define PS_BANDS_H

#include "sim/outcomes.h"
#include "stats/results.h"

/* ps_bands_period — the bands of pool `pool` in period `period` (from 0) into pr->band_p05/p50/p95;
** column is scratch for o->band_paths doubles. PS_OK, or PS_ERUNTIME when out of memory */
int ps_bands_period(const ps_outcomes *o, int pool, int period, ps_pool_result *pr, double *column);

#endif
