/* tape_defaults.h — a loan-tape group's defaults in one period (tape_defaults.c), below path.c
** and above claims.c in the path stage's layering (sim/path_state.h). */
#ifndef PS_TAPE_DEFAULTS_H
#define PS_TAPE_DEFAULTS_H

#include <math.h>

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
** audit each group's place in its tree and each programme's book sums (tape_book.h), agree with the
** groups' own counts, did every period's book from the last flows (rules.c) agree with the groups'
** walk, and were the defaults gathered into claims all recorded? 1 when they do */
int ps_tape_check(const ps_path *w);

/* A PD bucket's bounds on its loans' conditional PDs in a period, for thinning: p_low <= p_i <= p_max.
** With no stress on the PDs and x_max < 0, each p_i is Phi(x_i) with x_low <= x_i <= x_max
** (ps_factors_pd_arg), where Phi is convex: p_i lies below the chord through (x_low, p_low) and
** (x_max, p_max), and above the tangent at x_max, whose slope is phi(x_max). */
typedef struct {
  double p_low, p_max;
  int convex; /* the chord and the tangent bound p_i (else only p_low and p_max) */
  double x_low, x_max, chord, slope; /* chord: (p_max - p_low) / (x_max - x_low) */
} ps_thin_bounds;

/* ps_thin_convex — the chord and the tangent of o from x_low < x_max < 0 (o->p_low = Phi(x_low) and
** o->p_max = Phi(x_max) set) */
static inline void ps_thin_convex(ps_thin_bounds *o, double x_low, double x_max) {
  o->convex = 1;
  o->x_low = x_low;
  o->x_max = x_max;
  o->chord = (o->p_max - o->p_low) / (x_max - x_low);
  o->slope = 0.39894228040143267794 * exp(-0.5 * x_max * x_max); /* phi(x_max): 1 / sqrt(2 pi) */
}

/* ps_thin_decide — is y < Phi(x) (1) or not (0), as the chord and the tangent tell when y is farther
** than 1e-9 p_max from them (far beyond the error of the engine's Phi, 5e-16 relative: sim/phi.h, and of the
** bounds' arithmetic, so exactly as Phi(x) itself would), else -1: compute Phi(x). o->convex, and
** x_low <= x <= x_max. */
static inline int ps_thin_decide(const ps_thin_bounds *o, double x, double y) {
  double margin = 1e-9 * o->p_max;
  if (y >= o->p_low + o->chord * (x - o->x_low) + margin) return 0;
  if (y < o->p_max - o->slope * (o->x_max - x) - margin) return 1;
  return -1;
}

#endif
