/* test_thin_bounds.c — the thinning's bounds on a loan-tape loan's conditional PD
** (sim/tape_defaults.h: ps_thin_convex, ps_thin_decide). Left of 0, the engine's Phi (sim/phi.h, as
** the engine computes p_low, p_max and a candidate's PD with it) must lie between the
** tangent at x_max and the chord through (x_low, Phi(x_low)) and (x_max, Phi(x_max)), to within
** the decision's margin (1e-9 p_max), so that a decision the bounds make is the one Phi(x) makes:
**   1. on 200 000 random (x_low < x <= x_max < 0), x_max down to -8 and widths from 1e-6 to 3, with
**      y drawn uniformly on [p_low, p_max) and within 1e-12 of Phi(x) (relative) on either side,
**      ps_thin_decide never contradicts y < Phi(x);
**   2. it decides most uniform y (the bounds are of use: at least half on a bucket's width, x_max
**      near -2.9 and a PD ratio of 1.6) and leaves y within 1e-12 of Phi(x) undecided. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>

#include "check.h"
#include "sim/phi.h"
#include "sim/tape_defaults.h"

static ps_thin_bounds bounds(double x_low, double x_max) {
  ps_thin_bounds o = {.p_low = ps_phi(x_low), .p_max = ps_phi(x_max)};
  ps_thin_convex(&o, x_low, x_max);
  return o;
}

int main(void) {
  gsl_set_error_handler_off();
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  long wrong = 0, near_decided = 0, decided = 0, uniform = 0;
  for (int i = 0; i < 200000; i++) {
    double x_max = -8 * gsl_rng_uniform_pos(r), width = pow(10, -6 + 6.5 * gsl_rng_uniform(r));
    double x_low = x_max - (width > 3 ? 3 : width), x = x_low + (x_max - x_low) * gsl_rng_uniform(r);
    ps_thin_bounds o = bounds(x_low, x_max);
    double p = ps_phi(x);
    double ys[3] = {o.p_low + (o.p_max - o.p_low) * gsl_rng_uniform(r), p * (1 - 1e-12 * gsl_rng_uniform(r)),
                    p * (1 + 1e-12 * gsl_rng_uniform(r))};
    for (int k = 0; k < 3; k++) {
      int in = ps_thin_decide(&o, x, ys[k]);
      if (in >= 0 && in != (ys[k] < p)) wrong++;
      if (k > 0) near_decided += in >= 0;
    }
  }
  CHECK_EQ_INT(wrong, 0);
  CHECK_EQ_INT(near_decided, 0);
  /* a bucket of B7's: PDs within a ratio of 1.6 near Phi(-2.9) */
  double x_max = -2.9, x_low = gsl_cdf_ugaussian_Pinv(ps_phi(x_max) / 1.6);
  ps_thin_bounds o = bounds(x_low, x_max);
  for (int i = 0; i < 100000; i++, uniform++) {
    double x = x_low + (x_max - x_low) * gsl_rng_uniform(r), y = o.p_low + (o.p_max - o.p_low) * gsl_rng_uniform(r);
    int in = ps_thin_decide(&o, x, y);
    decided += in >= 0;
    if (in >= 0 && in != (y < ps_phi(x))) wrong++;
  }
  CHECK_EQ_INT(wrong, 0);
  CHECK(decided > uniform / 2);
  printf("decided %.1f%% of uniform candidates in a B7-like bucket\n", 100.0 * (double)decided / (double)uniform);
  gsl_rng_free(r);
  return check_summary("test_thin_bounds");
}
