/* phi.h — the standard normal distribution function Phi, from a table of Taylor polynomials, with a
** proven error bound (docs/model.md §3, "Phi"). The engine takes Phi of every conditional PD and of
** the LGD downturn link through ps_phi; gsl_cdf_ugaussian_P costs about 250 instructions a call, this
** about 55.
**
** For |x| < PS_PHI_RANGE, with y = |x|, Phi(-y) is the degree-PS_PHI_DEGREE Taylor polynomial of
** Phi(-y) about the centre c_k = k / PS_PHI_CELLS_PER_UNIT nearest y (k = 0 .. 288), in powers of
** e = PS_PHI_CELLS_PER_UNIT (y - c_k), |e| <= 1/2 and exact; its coefficients, a_j / 32^j with a_j
** = (-1)^j He_{j-1}(c_k) phi(c_k) / j! (a_0 = Phi(-c_k)), are constants in sim/phi_table.c, computed
** in long double and rounded once to double by tests/unit/test_phi.c
** (`build/release/tests/unit/test_phi --table > core/sim/phi_table.c`), which also checks them. For
** x > 0, Phi(x) = 1 - Phi(-x). Outside the range (and for NaN), gsl_cdf_ugaussian_P.
**
** The bound: |ps_phi(x) - Phi(x)| <= PS_PHI_REL_ERROR * Phi(x) for every double x with |x| <
** PS_PHI_RANGE: the Taylor remainder, the rounding of the coefficients and of the evaluation, and (x >
** 0) the rounding of 1 - Phi(-x). tests/unit/test_phi.c computes the bound cell by cell and checks
** it against a long-double reference and gsl_cdf_ugaussian_P. */
#ifndef PS_PHI_H
#define PS_PHI_H

#define PS_PHI_DEGREE 10         /* the Taylor polynomials' degree */
#define PS_PHI_CELLS_PER_UNIT 32 /* cells of width h = 1/32, centred on the multiples of h */
#define PS_PHI_RANGE 9           /* the table covers |x| < 9 (Phi(-9) = 1.13e-19) */
#define PS_PHI_CELLS (PS_PHI_RANGE * PS_PHI_CELLS_PER_UNIT + 1)
#define PS_PHI_REL_ERROR 5e-16   /* the proven relative error bound inside the range: 4.5 units in the last place */

/* ps_phi — Phi(x), within PS_PHI_REL_ERROR relative of the exact value for |x| < PS_PHI_RANGE;
** gsl_cdf_ugaussian_P(x) outside */
double ps_phi(double x);

/* the table: [k][j], the j-th Taylor coefficient of Phi(-y) about y = k / PS_PHI_CELLS_PER_UNIT, in powers
** of e = PS_PHI_CELLS_PER_UNIT (y - k / PS_PHI_CELLS_PER_UNIT) */
extern const double ps_phi_table[PS_PHI_CELLS][PS_PHI_DEGREE + 1];

#endif
