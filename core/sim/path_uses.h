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

/* ps_path_still_until — after quiet period t has run (its records too): the last period u >= t such
** that periods t+1..u would each do nothing but record the balances, u ending at a fiscal year's
** close: each may be quiet and needs no funding step (steps[] exactly PS_STEP_MAY_BE_QUIET: no yield,
** top-up or year's turn), no claim or recovery falls due, and nothing comes to be at risk (quiet
** periods originate nothing). The caller makes sure that nothing else runs each period: no pending
** claims, triggers, hook, tracked programme or party present values. */
static inline int ps_path_still_until(const ps_path *w, int t, int per_year) {
  if (t % per_year == 0) return t; /* the year closed with t */
  int end = (t / per_year + 1) * per_year, u = t;
  if (end > w->m->periods) end = w->m->periods;
  const unsigned char *steps = w->steps;
  const queue *claims = w->claims, *recoveries = w->recoveries;
  /* both heads negative (empty queues) when their AND is */
  while (u < end && u < w->queues_hi && steps[u + 1] == PS_STEP_MAY_BE_QUIET &&
         (claims[u + 1].head & recoveries[u + 1].head) < 0)
    u++;
  if (u < end && u >= w->queues_hi) { /* no queue past queues_hi was written: the steps alone tell */
    int q = w->quiet_to[u + 1];
    u = q < end ? q : end;
  }
  return u;
}

#endif
