/* test_phi.c — Phi from the table (sim/phi.h) and its proven error bound (docs/model.md §3, "Phi"):
**   0. every coefficient of the table (sim/phi_table.c) is within 1.01 units in the last place (of its
**      size bound, below) of its value computed in long double, as the bound assumes (on x86-64, where
**      the table was made, each is that value rounded: the same bits); `test_phi --table` prints the
**      table's source from that computation. Long double must have 64 bits or more (not under valgrind,
**      which computes it in double);
**   1. the bound, computed cell by cell from the table's own coefficients (Taylor remainder, rounding
**      of the coefficients, of d and of Horner's rule, over the cell's smallest Phi), plus one rounding
**      for 1 - Phi(-x), is at most PS_PHI_REL_ERROR in every cell;
**   2. on more than 10^6 points — uniform on (-9, 9), uniform in the left tail, every cell's ends and
**      centre and the doubles next to them, tiny |x| near 0, the range's edges — |ps_phi(x) - Phi(x)|
**      <= PS_PHI_REL_ERROR Phi(x), against a long-double reference (erfcl: about 1e-18 relative, far
**      below the bound), and |ps_phi(x) - gsl| <= (PS_PHI_REL_ERROR + 1e-15) gsl, gsl's own error
**      measured at the same points (it is not proven: gsl documents none);
**   3. outside the range, and for NaN and infinities, ps_phi is gsl_cdf_ugaussian_P, bit for bit;
**   4. the bound is no looser than it must be to be of use: every error seen is within it, and the
**      largest is more than a tenth of it (a bound of 1e-12 would pass 2. but not this). */
#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "sim/phi.h"

/* Phi(x) in long double: half erfcl of -x / sqrt 2 */
static long double reference(double x) {
  const long double sqrt2 = 1.41421356237309504880168872420969808L;
  return x <= 0 ? 0.5L * erfcl(-(long double)x / sqrt2) : 1 - 0.5L * erfcl((long double)x / sqrt2);
}

/* the j-th Taylor coefficient of Phi(-y) about c = k / 32 in long double, in powers of y - c: Phi(-c)
** (erfcl), then (-1)^j He_{j-1}(c) phi(c) / j!, He by its recurrence He_{i+1} = c He_i - i He_{i-1} */
static long double coefficient(int k, int j) {
  const long double inv_sqrt2pi = 0.398942280401432677939946059934381868L, sqrt2 = 1.41421356237309504880168872420969808L;
  long double c = (long double)k / PS_PHI_CELLS_PER_UNIT; /* exact */
  if (j == 0) return 0.5L * erfcl(c / sqrt2);
  long double he_prev = 0, he = 1, factorial = 1;
  for (int i = 1; i < j; i++) {
    long double next = c * he - (long double)(i - 1) * he_prev;
    he_prev = he;
    he = next;
    factorial *= i;
  }
  factorial *= j;
  return (j % 2 ? -he : he) * (inv_sqrt2pi * expl(-c * c / 2)) / factorial;
}

/* the table's entry [k][j]: the coefficient in powers of e = 32 (y - c), so divided by 32^j (exact) */
static long double scaled(int k, int j) { return ldexpl(coefficient(k, j), -5 * j); }

/* the table's source, from scaled() */
static void print_table(void) {
  printf("/* phi_table.c — the Taylor coefficients of Phi(-y) about y = c_k = k / %d, k = 0 .. %d, in powers of\n"
         "** e = %d (y - c_k) (sim/phi.h): [k][j] = (-1)^j He_{j-1}(c_k) phi(c_k) / j! / %d^j, [k][0] = Phi(-c_k),\n"
         "** in long double, rounded to double. Made by `build/release/tests/unit/test_phi --table >\n"
         "** core/sim/phi_table.c` (x86-64); test_phi checks it. */\n"
         "#include \"sim/phi.h\"\n\nconst double ps_phi_table[PS_PHI_CELLS][PS_PHI_DEGREE + 1] = {\n",
         PS_PHI_CELLS_PER_UNIT, PS_PHI_CELLS - 1, PS_PHI_CELLS_PER_UNIT, PS_PHI_CELLS_PER_UNIT);
  for (int k = 0; k < PS_PHI_CELLS; k++)
    for (int j = 0; j <= PS_PHI_DEGREE; j++)
      printf("%s%a%s", j == 0 ? "    {" : j % 4 == 0 ? "     " : " ", (double)scaled(k, j),
             j == PS_PHI_DEGREE ? (k + 1 < PS_PHI_CELLS ? "},\n" : "}};\n") : j % 4 == 3 ? ",\n" : ",");
}

/* sum |coefficient| y^i of He_n: the polynomial with its coefficients' absolute values, which bounds
** |He_n| on [-y, y]; from the recurrence of the absolute polynomials, Ĥe_{i+1} = y Ĥe_i + i Ĥe_{i-1} */
static long double he_abs(int n, long double y) {
  long double prev = 0, cur = 1;
  for (int i = 0; i < n; i++) {
    long double next = y * cur + (long double)i * prev;
    prev = cur;
    cur = next;
  }
  return cur;
}

/* the size bound of coefficient j of cell k (unscaled), which the bound's rounding term uses: |a_0|,
** else Ĥe_{j-1}(c) phi(c) / j! */
static long double size_of(int k, int j) {
  const long double inv_sqrt2pi = 0.398942280401432677939946059934381868L;
  long double c = (long double)k / PS_PHI_CELLS_PER_UNIT, factorial = 1;
  if (j == 0) return fabsl((long double)ps_phi_table[k][0]);
  for (int i = 2; i <= j; i++) factorial *= i;
  return he_abs(j - 1, c) * inv_sqrt2pi * expl(-c * c / 2) / factorial;
}

/* the roundings sim/phi.c's evaluation applies to term j (e is exact): Horner's 2j + 1 for b0 and b1,
** at most 2j + 4 for a term of u (4 in the outer chain, 4 to 11 in u with e^2's, e^4's and e^8's own) */
static int roundings(int j) { return j <= 1 ? 2 * j + 1 : 2 * j + 4; }

/* the bound on |ps_phi(x) - Phi(x)| / Phi(x) for x <= 0 with -x in cell k (docs/model.md) */
static double cell_bound(int k) {
  const long double u = 1.01L * DBL_EPSILON / 2, inv_sqrt2pi = 0.398942280401432677939946059934381868L;
  const int n = PS_PHI_DEGREE;
  long double r = 0.5L / PS_PHI_CELLS_PER_UNIT, c = (long double)k / PS_PHI_CELLS_PER_UNIT, factorial = 1,
              rounding = 0, rj = 1;
  for (int j = 0; j <= n; j++) { /* each term: its coefficient's rounding and the evaluation's */
    rounding += (long double)(1 + roundings(j)) * u * size_of(k, j) * rj;
    rj *= r;
  }
  for (int i = 2; i <= n + 1; i++) factorial *= i;
  long double low = c > r ? c - r : 0;
  long double remainder = he_abs(n, c + r) * inv_sqrt2pi * expl(-low * low / 2) * rj / factorial; /* rj = r^(n+1) */
  long double smallest = reference((double)-(c + r)) * (1 - 1e-15L); /* Phi at the cell's far end */
  return (double)((remainder + rounding) / smallest);
}

typedef struct {
  long n, outside_bound, outside_gsl, unlike_gsl;
  double worst, worst_x, worst_gsl, from_gsl;
} tally;

static void at(tally *t, double x) {
  if (!(fabs(x) < PS_PHI_RANGE)) return;
  long double want = reference(x);
  double got = ps_phi(x), gsl = gsl_cdf_ugaussian_P(x);
  double err = (double)(fabsl((long double)got - want) / want), gsl_err = (double)(fabsl((long double)gsl - want) / want);
  t->n++;
  if (err > PS_PHI_REL_ERROR) {
    if (t->outside_bound++ < 5) fprintf(stderr, "ps_phi(%.17g) = %.17g, Phi = %.20Lg: relative error %.3g\n", x, got, want, err);
  }
  if (fabs(got - gsl) > (PS_PHI_REL_ERROR + 1e-15) * gsl) t->outside_gsl++;
  if (got != gsl) t->unlike_gsl++;
  if (fabs(got - gsl) / gsl > t->from_gsl) t->from_gsl = fabs(got - gsl) / gsl;
  if (err > t->worst) t->worst = err, t->worst_x = x;
  if (gsl_err > t->worst_gsl) t->worst_gsl = gsl_err;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--table") == 0) {
    print_table();
    return 0;
  }
  CHECK(LDBL_MANT_DIG >= 64); /* the table and the reference need long double's extra bits */
  /* 0. the table's coefficients */
  long double u = DBL_EPSILON / 2;
  int off = 0, same_bits = 0;
  for (int k = 0; k < PS_PHI_CELLS; k++)
    for (int j = 0; j <= PS_PHI_DEGREE; j++) {
      long double want = scaled(k, j);
      off += fabsl((long double)ps_phi_table[k][j] - want) > 1.01L * u * ldexpl(size_of(k, j), -5 * j);
      same_bits += ps_phi_table[k][j] == (double)want;
    }
  printf("table: %d of %d coefficients are their long-double values rounded, %d further off than the bound allows\n",
         same_bits, PS_PHI_CELLS * (PS_PHI_DEGREE + 1), off);
  CHECK_EQ_INT(off, 0);
  /* 1. the bound, cell by cell */
  double bound = 0;
  int worst_cell = 0;
  for (int j = 0; j < PS_PHI_CELLS; j++) {
    double b = cell_bound(j);
    if (b > bound) bound = b, worst_cell = j;
  }
  double total = bound + 1.0001 * DBL_EPSILON / 2; /* x > 0: the rounding of 1 - Phi(-x) */
  printf("proven bound: %.3g relative (cell %d, -x near %.3f), %.3g with 1 - Phi(-x)\n", bound, worst_cell,
         (double)worst_cell / PS_PHI_CELLS_PER_UNIT, total);
  CHECK(total <= PS_PHI_REL_ERROR);

  /* 2. the points */
  tally t = {0};
  gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
  for (int i = 0; i < 500000; i++) at(&t, PS_PHI_RANGE * (2 * gsl_rng_uniform(g) - 1));
  for (int i = 0; i < 200000; i++) at(&t, -5 - 4 * gsl_rng_uniform(g)); /* PDs from 3e-7 down */
  for (int i = 0; i < 100000; i++) at(&t, -4 * gsl_rng_uniform(g));
  for (int j = 0; j <= PS_PHI_CELLS; j++) /* each cell's ends and centre, and their neighbours */
    for (int e = 0; e < 3; e++) {
      double x0 = -((double)j + 0.5 * e) / PS_PHI_CELLS_PER_UNIT;
      for (int s = -1; s <= 1; s += 2) {
        double x = x0, y = -x0;
        for (int step = 0; step < 200; step++) {
          at(&t, x), at(&t, y);
          x = nextafter(x, s * INFINITY), y = nextafter(y, s * INFINITY);
        }
      }
    }
  for (int i = 0; i < 1000; i++) { /* tiny |x|, down to the subnormals, and the smallest cells */
    double x = pow(10, -320 + 318.0 * i / 1000);
    at(&t, x), at(&t, -x);
  }
  at(&t, 0), at(&t, -0.0);
  printf("%ld points: largest relative error %.3g (x = %.17g), gsl's %.3g; %ld beyond the bound, %ld beyond gsl's\n",
         t.n, t.worst, t.worst_x, t.worst_gsl, t.outside_bound, t.outside_gsl);
  printf("ps_phi differs from gsl_cdf_ugaussian_P at %.1f%% of the points, by at most %.3g relative\n",
         100.0 * (double)t.unlike_gsl / (double)t.n, t.from_gsl);
  CHECK(t.n >= 1000000);
  CHECK_EQ_INT(t.outside_bound, 0);
  CHECK_EQ_INT(t.outside_gsl, 0);
  /* 4. the bound is of the size of the errors */
  CHECK(t.worst > PS_PHI_REL_ERROR / 10);

  /* 3. outside the range: gsl's */
  double outside[] = {-PS_PHI_RANGE, PS_PHI_RANGE, -9.5, 12, -40, 40, -INFINITY, INFINITY, NAN};
  int same = 0;
  for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
    double a = ps_phi(outside[i]), b = gsl_cdf_ugaussian_P(outside[i]);
    same += (a == b) || (isnan(a) && isnan(b));
  }
  CHECK_EQ_INT(same, (int)(sizeof outside / sizeof *outside));
  gsl_rng_free(g);
  return check_summary("test_phi");
}
