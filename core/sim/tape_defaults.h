/* tape_defaults.h — a loan-tape group's defaults in one period (tape_defaults.c), below path.c
** and above claims.c in the path stage's layering (sim/path_state.h). */
#ifndef PS_TAPE_DEFAULTS_H
#define PS_TAPE_DEFAULTS_H

#include "sim/path_state.h"

/* ps_tape_draw_defaults — the defaults of every loan-tape group in period t, one PD bucket
** (m->tape_buckets) at a time, by thinning (docs/model.md §3). PS_OK, PS_EINPUT (a hook failed)
** or PS_ERUNTIME (out of memory). */
int ps_tape_draw_defaults(ps_path *w, int t);
/* ps_tape_draw_by_loan — the defaults of group s (segment s, its one cohort c) in period t by the
** naive sampler (the benchmarks' baseline): one uniform per live loan against its own conditional
** PD; same model, other random numbers */
int ps_tape_draw_by_loan(ps_path *w, int s, int c, int t);
/* ps_tape_check — after a path drawn by bucket: does each bucket's count of loans at risk, and with
** audit each group's place in its tree, agree with the groups' own counts, and did every period's book
** from the last flows (rules.c) agree with the groups' walk? 1 when they do */
int ps_tape_check(const ps_path *w);

#endif
