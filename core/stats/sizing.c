/* sizing.c — the sizing curve read off the sorted required balances. */
#include "stats/sizing.h"

#include <stdlib.h>
#include <string.h>

#include "sim/hugepages.h"
#include "stats/exact_sum.h"
#include "stats/weighted.h"

const double ps_alphas[PS_NALPHAS] = {0.10, 0.05, 0.01};

ps_estimate ps_sizing_initial(const double *sorted_required, const double *sorted_weight, size_t n, double alpha) {
  if (sorted_weight) return ps_wquantile_ci_sorted(sorted_required, sorted_weight, n, 1 - alpha, PS_CI_LEVEL);
  return ps_quantile_ci_sorted(sorted_required, n, 1 - alpha, PS_CI_LEVEL);
}

ps_estimate ps_sizing_depletion_at(const double *sorted_required, const double *sorted_weight, size_t n,
                                   double initial) {
  /* first index with R > initial */
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sorted_required[mid] > initial) hi = mid;
    else lo = mid + 1;
  }
  if (sorted_weight) {
    ps_exact_sum s1, s2;
    ps_exact_init(&s1);
    ps_exact_init(&s2);
    for (size_t i = lo; i < n; i++) {
      ps_exact_add(&s1, sorted_weight[i]);
      ps_exact_add(&s2, sorted_weight[i] * sorted_weight[i]);
    }
    return ps_wprob(ps_exact_value(&s1), ps_exact_value(&s2), n, PS_CI_LEVEL);
  }
  return ps_prob_wilson(n - lo, n, PS_CI_LEVEL);
}

int ps_sizing_convergence(const double *required, const double *weight, size_t n, const double *alphas, int nalphas,
                          ps_convergence_point *out) {
  size_t copies = weight ? 2 : 1;
  double *sorted = ps_malloc_huge((n > 0 ? n : 1) * copies * sizeof *sorted);
  if (!sorted) return -1;
  double *sorted_weight = weight ? sorted + (n > 0 ? n : 1) : NULL;
  int made = 0;
  for (int k = PS_CONVERGENCE_STEPS - 1; k >= 0; k--) {
    size_t m = n >> k;
    if (m < PS_CONVERGENCE_MIN) continue;
    memcpy(sorted, required, m * sizeof *sorted);
    if (weight) memcpy(sorted_weight, weight, m * sizeof *sorted_weight);
    if (weight ? ps_sort_weighted(sorted, sorted_weight, m) : ps_sort_doubles(sorted, m)) {
      free(sorted);
      return -1;
    }
    out[made].paths = (long)m;
    for (int a = 0; a < nalphas; a++) out[made].initial[a] = ps_sizing_initial(sorted, sorted_weight, m, alphas[a]);
    made++;
  }
  free(sorted);
  return made;
}
