/* path_uses.h — whether a period is quiet, from the flags of what a scenario uses of the steps a
** period may skip (after has_pending in sim/path_state.h; ps_path_new fixes them once for a
** workspace from the model's structure, which drawn parameters do not change). */
#ifndef PS_PATH_USES_H
#define PS_PATH_USES_H

#include "sim/path_state.h"

/* ps_path_quiet — is period t quiet: nothing of the model starts in it (PS_STEP_MAY_BE_QUIET), no
** loan is at risk and no claim or recovery falls due? Then the book, NPL ratios, originations,
** defaults, flows, claims and recoveries have nothing to do (each would move and draw nothing), and
** the book at risk is nil (set here). Called at the start of period t, before the book. */
static inline int ps_path_quiet(ps_path *w, int t) {
  if (!(w->steps[t] & PS_STEP_MAY_BE_QUIET) || w->claims[t].head >= 0 || w->recoveries[t].head >= 0) return 0;
  for (int s = 0; s < w->m->nsegments; s++)
    if (w->alive_sum[s] != 0) return 0;
  for (int k = 0; k < w->m->nprogrammes; k++) w->progs[k].performing = 0;
  return 1;
}

#endif
