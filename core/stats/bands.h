/* bands.h — the balance bands of a run: each pool's closing balance by period, its 5%, 50% and
** 95% quantiles over the first band_paths paths (weighted under tail sampling). */
#ifndef PS_BANDS_H
#define PS_BANDS_H

#include "sim/outcomes.h"

/* where a pool's bands go: one value a period each (ps_pool_result's band_p05, band_p50, band_p95) */
typedef struct {
  double *p05, *p50, *p95;
} ps_bands;

/* ps_bands_mark — before the periods' ps_bands_period: NaN in pr.p05/p50/p95 of each period
** (after the first) in which no band path's balance changed, to the bit (balances are finite, so NaN
** is no band). One pass over the balances in memory order (the periods of a path lie together),
** where comparing period by period would read every band path's row once a period. PS_OK, or
** PS_ERUNTIME when out of memory */
int ps_bands_mark(const ps_outcomes *o, int pool, ps_bands pr);

/* ps_bands_period — the bands of pool `pool` in period `period` (from 0) into pr.p05/p50/p95;
** column is scratch for o->band_paths doubles. A period ps_bands_mark marked is left to ps_bands_fill:
** the periods are independent tasks, and those in which nothing moved cost nothing. PS_OK, or
** PS_ERUNTIME when out of memory */
int ps_bands_period(const ps_outcomes *o, int pool, int period, ps_bands pr, double *column);

/* ps_bands_fill — after every period's ps_bands_period: each marked period takes the bands of the
** period before (the same column, so the same quantiles; in order, so a run of them takes those of
** the run's start) */
void ps_bands_fill(ps_bands pr, int periods);

#endif
