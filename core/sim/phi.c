/* phi.c — Phi from a table of Taylor polynomials (phi.h; the bound in docs/model.md §3, "Phi"). */
#include "sim/phi.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

/* ps_phi — Phi(x): the table (sim/phi_table.c) inside its range, gsl_cdf_ugaussian_P outside (phi.h) */
double ps_phi(double x) {
  if (!(x > -PS_PHI_RANGE && x < PS_PHI_RANGE)) return gsl_cdf_ugaussian_P(x); /* NaN too */
  double y = fabs(x);
  int j = (int)(y * PS_PHI_CELLS_PER_UNIT); /* y * 32 is exact: the cell [j h, (j + 1) h) holds y */
  double d = y - ((double)j + 0.5) * (1.0 / PS_PHI_CELLS_PER_UNIT); /* exact for j >= 1 (Sterbenz) */
  const double *a = ps_phi_table[j];
  _Static_assert(PS_PHI_DEGREE == 10, "Horner's rule below is written out for degree 10");
  double p = ((((((((((a[10] * d + a[9]) * d + a[8]) * d + a[7]) * d + a[6]) * d + a[5]) * d + a[4]) * d + a[3]) * d +
                 a[2]) * d + a[1]) * d + a[0]);
  return x > 0 ? 1 - p : p;
}
