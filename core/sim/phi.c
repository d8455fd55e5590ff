/* phi.c — Phi from a table of Taylor polynomials (phi.h; the bound in docs/model.md §3, "Phi"). */
#include "sim/phi.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

/* ps_phi — Phi(x): the table (sim/phi_table.c) inside its range, gsl_cdf_ugaussian_P outside (phi.h) */
double ps_phi(double x) {
  if (!(x > -PS_PHI_RANGE && x < PS_PHI_RANGE)) return gsl_cdf_ugaussian_P(x); /* NaN too */
  /* s = 32 |x| is exact; adding and taking away 1.5 2^52 rounds it to the nearest integer k (round to
  ** nearest, the default), the cell whose centre k / 32 is nearest; e = s - k is exact, |e| <= 1/2 */
  double s = fabs(x) * PS_PHI_CELLS_PER_UNIT, k = (s + 0x1.8p52) - 0x1.8p52, e = s - k;
  const double *b = ps_phi_table[(int)k];
  _Static_assert(PS_PHI_DEGREE == 10, "the evaluation below is written out for degree 10");
  /* b0 + e (b1 + e u), u = b2 + ... + b10 e^8 in pairs (Estrin's scheme): a chain of about 12 operations
  ** rather than Horner's 20, the same rounding as Horner's for the two terms that carry it */
  double e2 = e * e, e4 = e2 * e2;
  double u = (((b[2] + b[3] * e) + e2 * (b[4] + b[5] * e)) + e4 * ((b[6] + b[7] * e) + e2 * (b[8] + b[9] * e))) +
             (e4 * e4) * b[10];
  double p = b[0] + e * (b[1] + e * u);
  return x > 0 ? 1 - p : p;
}
