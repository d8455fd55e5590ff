/* sizing.c — the sizing curve read off the sorted required balances. */
#include "stats/sizing.h"

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
