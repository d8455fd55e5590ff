/* sizing.c — the sizing curve read off the sorted required balances. */
#include "stats/sizing.h"

#include <stdlib.h>
#include <string.h>

#include "sim/hugepages.h"

const double ps_alphas[PS_NALPHAS] = {0.10, 0.05, 0.01};

ps_estimate ps_sizing_initial(const double *sorted_required, size_t n, double alpha) {
  return ps_quantile_ci_sorted(sorted_required, n, 1 - alpha, PS_CI_LEVEL);
}

ps_estimate ps_sizing_depletion_at(const double *sorted_required, size_t n, double initial) {
  /* first index with R > initial */
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sorted_required[mid] > initial) hi = mid;
    else lo = mid + 1;
  }
  return ps_prob_wilson(n - lo, n, PS_CI_LEVEL);
}

int ps_sizing_convergence(const double *required, size_t n, const double *alphas, int nalphas,
                          ps_convergence_point *out) {
  double *sorted = ps_malloc_huge((n > 0 ? n : 1) * sizeof *sorted);
  if (!sorted) return -1;
  int made = 0;
  for (int k = PS_CONVERGENCE_STEPS - 1; k >= 0; k--) {
    size_t m = n >> k;
    if (m < PS_CONVERGENCE_MIN) continue;
    memcpy(sorted, required, m * sizeof *sorted);
    if (ps_sort_doubles(sorted, m)) {
      free(sorted);
      return -1;
    }
    out[made].paths = (long)m;
    for (int a = 0; a < nalphas; a++) out[made].initial[a] = ps_sizing_initial(sorted, m, alphas[a]);
    made++;
  }
  free(sorted);
  return made;
}
