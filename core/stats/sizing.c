/* sizing.c — the sizing curve read off the sorted required balances. */
#include "stats/sizing.h"

#include <stdlib.h>
#include <string.h>

#include "sim/hugepages.h"
#include "stats/column.h"
#include "stats/select.h"
#include "stats/weighted.h"

const double ps_alphas[PS_NALPHAS] = {0.10, 0.05, 0.01};

/* the sorted required balances as a column of one part in memory (stats/column.h): the sizing
** answers are the column's, as they would be of the ranks' blocks (a part in memory answers
** without allocating: no error to report) */
static void column_of(ps_column_local *c, ps_column_part *part, const double *sorted_required,
                      const double *sorted_weight, size_t n) {
  *part = (ps_column_part){sorted_required, sorted_weight, n, n ? sorted_required[0] : 0};
  ps_column_local_init(c, part, 1);
}

ps_estimate ps_sizing_initial(const double *sorted_required, const double *sorted_weight, size_t n, double alpha) {
  ps_column_local c;
  ps_column_part part;
  ps_estimate e;
  column_of(&c, &part, sorted_required, sorted_weight, n);
  ps_column_quantile_ci(&c.src, 1 - alpha, PS_CI_LEVEL, &e);
  return e;
}

ps_estimate ps_sizing_depletion_at(const double *sorted_required, const double *sorted_weight, size_t n,
                                   double initial) {
  ps_column_local c;
  ps_column_part part;
  ps_estimate e;
  column_of(&c, &part, sorted_required, sorted_weight, n);
  ps_column_beyond(&c.src, initial, &e);
  return e;
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
    out[made].paths = (long)m;
    if (!weight && 3 * nalphas <= PS_SELECT_RANKS) { /* plain: the answers and their bounds, order statistics,
                                                       by one selection (stats/select.h), no sort */
      size_t ks[PS_SELECT_RANKS];
      double v[PS_SELECT_RANKS];
      for (size_t a = 0; a < (size_t)nalphas; a++) { /* as ps_column_quantile_ci asks them */
        size_t lo, hi;
        ps_quantile_ci_ranks(m, 1 - alphas[a], PS_CI_LEVEL, &lo, &hi);
        ks[3 * a] = ps_quantile_rank(m, 1 - alphas[a]) - 1;
        ks[3 * a + 1] = lo - 1;
        ks[3 * a + 2] = hi - 1;
      }
      memcpy(sorted, required, m * sizeof *sorted);
      if (ps_select_ranks(sorted, m, ks, 3 * (size_t)nalphas, v)) {
        free(sorted);
        return -1;
      }
      for (size_t a = 0; a < (size_t)nalphas; a++) out[made].initial[a] = (ps_estimate){v[3 * a], v[3 * a + 1], v[3 * a + 2]};
      made++;
      continue;
    }
    if (ps_sort_copy(required, weight, m, sorted, sorted_weight)) {
      free(sorted);
      return -1;
    }
    for (int a = 0; a < nalphas; a++) out[made].initial[a] = ps_sizing_initial(sorted, sorted_weight, m, alphas[a]);
    made++;
  }
  free(sorted);
  return made;
}
