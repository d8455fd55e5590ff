/* sizing.h — pool size from the per-path required initial balance.
**
** For a pool whose flows do not depend on its own balance, a path depletes the
** pool exactly when its required initial balance R (the running maximum of the
** discounted cumulative net outflow, docs/model.md) exceeds the initial
** balance B. So P(depletion | B) = P(R > B), and the smallest B with
** P(depletion) <= alpha is the type-1 (1 - alpha) quantile of R: one run gives
** the whole sizing curve. */
#ifndef PS_SIZING_H
#define PS_SIZING_H

#include <stddef.h>

#include "stats/stats.h"

/* the targets every report shows */
#define PS_NALPHAS 3
extern const double ps_alphas[PS_NALPHAS]; /* 0.10, 0.05, 0.01 */

/* smallest initial balance with P(depletion) <= alpha, with the order-statistic
** interval; sorted_required ascending. sorted_weight: the paths' weights in the same order under
** tail sampling (the weighted quantile and its interval, stats/weighted.h), NULL under plain. */
ps_estimate ps_sizing_initial(const double *sorted_required, const double *sorted_weight, size_t n, double alpha);

/* P(depletion) for an initial balance: the share of paths with R > initial,
** with its Wilson interval (weighted, with the normal-approximation one, under tail sampling) */
ps_estimate ps_sizing_depletion_at(const double *sorted_required, const double *sorted_weight, size_t n,
                                   double initial);

/* How the sizing answer settles as paths are added: the answers from the first n/16, n/8, n/4,
** n/2 and n paths (a run of m paths is the first m of a longer one), those of at least
** PS_CONVERGENCE_MIN paths. */
#define PS_CONVERGENCE_STEPS 5
#define PS_CONVERGENCE_MIN 16
typedef struct {
  long paths;
  ps_estimate *initial; /* [nalphas], filled by the caller's array */
} ps_convergence_point;

/* ps_sizing_convergence — for required[0..n) in path order (weight[0..n): their weights under tail
** sampling, NULL under plain) and each alpha: into out[] (room for PS_CONVERGENCE_STEPS points, each
** with its initial[nalphas]); returns the points made (smallest prefix first), or -1 when out of memory */
int ps_sizing_convergence(const double *required, const double *weight, size_t n, const double *alphas, int nalphas,
                          ps_convergence_point *out);

#endif
