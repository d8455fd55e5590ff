/* phi.c — Phi from a table of Taylor polynomials (phi.h; the bound in docs/model.md §3, "Phi"). */
#include "sim/phi.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>

#define H (1.0 / PS_PHI_CELLS_PER_UNIT)

/* [j][k]: the k-th Taylor coefficient of Phi(-y) about y = c_j = (j + 1/2) h. Built once, by the first
** call (pthread_once), and read-only after: no state a run could change. */
static double table[PS_PHI_CELLS][PS_PHI_DEGREE + 1];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int built; /* the table is built: the fast test before pthread_once */

/* The derivatives of G(y) = Phi(-y): G'(y) = -phi(y) and G^(k)(y) = (-1)^k He_{k-1}(y) phi(y), with He
** the probabilists' Hermite polynomials (He_0 = 1, He_1 = y, He_{k+1} = y He_k - k He_{k-1}); so the
** coefficients are G(c), then (-1)^k He_{k-1}(c) phi(c) / k!. In long double (64 bits or more on
** the platforms poolsim builds on: x86-64, aarch64), then rounded once to double. */
static void build(void) {
  const long double inv_sqrt2pi = 0.398942280401432677939946059934381868L, sqrt2 = 1.41421356237309504880168872420969808L;
  for (int j = 0; j < PS_PHI_CELLS; j++) {
    long double c = ((long double)j + 0.5L) / PS_PHI_CELLS_PER_UNIT; /* exact: a few bits */
    long double density = inv_sqrt2pi * expl(-c * c / 2), he_prev = 0, he = 1, factorial = 1;
    table[j][0] = (double)(0.5L * erfcl(c / sqrt2));
    for (int k = 1; k <= PS_PHI_DEGREE; k++) {
      factorial *= k;
      table[j][k] = (double)((k % 2 ? -he : he) * density / factorial); /* He_{k-1}(c) */
      long double next = c * he - (long double)(k - 1) * he_prev;     /* He_k(c) */
      he_prev = he;
      he = next;
    }
  }
  atomic_store_explicit(&built, 1, memory_order_release);
}

/* ps_phi — Phi(x): the table inside its range, gsl_cdf_ugaussian_P outside (phi.h) */
double ps_phi(double x) {
  if (!(x > -PS_PHI_RANGE && x < PS_PHI_RANGE)) return gsl_cdf_ugaussian_P(x); /* NaN too */
  if (!atomic_load_explicit(&built, memory_order_acquire)) (void)pthread_once(&once, build);
  double y = fabs(x);
  int j = (int)(y * PS_PHI_CELLS_PER_UNIT);     /* y * 32 is exact: the cell [j h, (j + 1) h) holds y */
  double d = y - ((double)j + 0.5) * H;         /* exact for j >= 1 (Sterbenz) */
  const double *a = table[j];
  _Static_assert(PS_PHI_DEGREE == 10, "Horner's rule below is written out for degree 10");
  double p = ((((((((((a[10] * d + a[9]) * d + a[8]) * d + a[7]) * d + a[6]) * d + a[5]) * d + a[4]) * d + a[3]) * d +
                 a[2]) * d + a[1]) * d + a[0]);
  return x > 0 ? 1 - p : p;
}

/* ps_phi_coefficients — cell j's coefficients (phi.h) */
const double *ps_phi_coefficients(int j) {
  if (!atomic_load_explicit(&built, memory_order_acquire)) (void)pthread_once(&once, build);
  return table[j];
}
