/* volume.h — the volume of a period: how many loans (policies, requests) a segment
** originates, a whole number or poolsim.poisson{mean =} with demand_rho (SPEC 2.3a,
** docs/model.md). A Poisson volume draws from the path's PS_STREAM_VOLUMES stream only, so
** the default draws of every scenario stay as they were. */
#ifndef PS_VOLUME_H
#define PS_VOLUME_H

#include <stdint.h>

#include "sim/path_state.h"

/* ps_volume_poisson — a Poisson volume of period t of the path w runs: mean v->mean·exp(b·Z_t −
** b²/2), b = v->demand_rho, Z_t the period's systemic factor (stress shift included); at most
** v->bound (a quantile no path reaches) */
int64_t ps_volume_poisson(ps_path *w, const ps_demand *v, int t);

/* ps_volume_draw — the volume of period t: `fixed` when v is not Poisson (no draw: inline, as every
** segment asks every period), else ps_volume_poisson */
static inline int64_t ps_volume_draw(ps_path *w, const ps_demand *v, int fixed, int t) {
  return v->poisson ? ps_volume_poisson(w, v, t) : fixed;
}

#endif
