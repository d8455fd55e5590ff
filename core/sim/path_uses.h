/* path_uses.h — what a scenario uses of the steps a period may skip, fixed once for a workspace
** (the flags after has_pending in sim/path_state.h), and whether a period is quiet. Part of the path
** state: path_state.c makes and frees the flags, the layers above read them. They depend on the
** model's structure only, which drawn parameters do not change. */
#ifndef PS_PATH_USES_H
#define PS_PATH_USES_H

#include "sim/path_state.h"

/* ps_path_uses_init — fill the flags of w for m (w->has_policies already set); PS_OK, or PS_ERUNTIME
** when out of memory (ps_path_uses_free still fine) */
int ps_path_uses_init(ps_path *w, const ps_model *m);
/* ps_path_uses_free — free the flags (NULL ones too) */
void ps_path_uses_free(ps_path *w);

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
