/* same_outcomes.h — whether two runs left the same bytes in every outcome
** array (tests that must agree to the bit: threads, truncation, runs). */
#ifndef PS_SAME_OUTCOMES_H
#define PS_SAME_OUTCOMES_H

#include <string.h>

#include "sim/outcomes.h"

/* an array of n elements of each run's outcomes (both not kept, NULL, is the same) */
#define SAME(field, n) \
  (!a->field || !b->field ? a->field == b->field : memcmp(a->field, b->field, (n) * sizeof *a->field) == 0)

/* compare every outcome array of two runs byte for byte */
static inline int same_outcomes(const ps_model *m, const ps_outcomes *a, const ps_outcomes *b) {
  size_t np = (size_t)a->paths * (size_t)a->npools, ng = (size_t)a->paths * (size_t)a->nprogrammes;
  size_t nq = (size_t)a->paths * (size_t)a->nparties, ny = nq * (size_t)a->nyears;
  size_t nb = (size_t)a->band_paths * (size_t)a->npools * (size_t)a->periods;
  size_t ngy = (size_t)a->paths * (size_t)a->ngovernments * (size_t)a->nyears;
  return a->paths == b->paths && a->band_paths == b->band_paths && SAME(claims, np) && SAME(paid, np) && SAME(shortfall, np) && SAME(recovered, np) &&
         SAME(unsettled, np) && SAME(required, np) && SAME(topups, np) && SAME(returned, np) &&
         SAME(depletion, np) && SAME(balance, nb) &&
         SAME(outlay_by_programme, np * (size_t)a->nprogrammes) &&
         SAME(outlay_by_segment, np * (size_t)m->ndrivers) && SAME(defaults, ng) && SAME(originated, ng) &&
         SAME(defaulted_exposure, ng) && SAME(refused, ng) && SAME(capped, ng) && SAME(paused, ng) &&
         SAME(stopped, ng) && SAME(declined, ng) && SAME(losses, nq) && SAME(net_result, nq) && SAME(unpaid, nq) &&
         SAME(ratio, nq) && SAME(breached, nq) && SAME(net_by_year, ny) && SAME(budget, ngy * (size_t)a->nbudget);
}

#endif
