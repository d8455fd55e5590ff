/* same_outcomes.h — whether two runs left the same bytes in every outcome
** array (tests that must agree to the bit: threads, truncation, runs). */
#ifndef PS_SAME_OUTCOMES_H
#define PS_SAME_OUTCOMES_H

#include <string.h>

#include "check.h"
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

/* n doubles the same bit for bit; an array not kept (NULL) stands for zeros: two models alike may keep
** different arrays (a hooked twin keeps some the plain one has no use for) */
static inline int same_or_zeros(const double *a, const double *b, size_t n) {
  if (a && b) return memcmp(a, b, n * sizeof *a) == 0;
  for (size_t i = 0; i < n; i++) {
    double x = a ? a[i] : 0, y = b ? b[i] : 0;
    if (memcmp(&x, &y, sizeof x) != 0) return 0;
  }
  return 1;
}

/* every government's budget the same bit for bit, kind by kind (ps_budget_at: -0.0 for a kind not kept) */
static inline int same_budget(const ps_outcomes *a, const ps_outcomes *b) {
  for (int g = 0; g < a->ngovernments; g++)
    for (long p = 0; p < a->paths; p++)
      for (int y = 0; y < a->nyears; y++)
        for (int k = 0; k < PS_NBUDGET; k++) {
          double x = ps_budget_at(a, g, p, y, k), z = ps_budget_at(b, g, p, y, k);
          if (memcmp(&x, &z, sizeof x) != 0) return 0;
        }
  return 1;
}

/* check that runs of two models alike (m: the first) left every outcome the same, path by path, to
** the bit, an array one of them did not keep standing for zeros */
static inline void check_same_kept(const ps_model *m, const ps_outcomes *a, const ps_outcomes *b) {
  size_t P = (size_t)a->paths, pools = (size_t)m->npools * P, progs = (size_t)m->nprogrammes * P;
  size_t parties = (size_t)m->nparties * P, years = (size_t)a->nyears;
  CHECK(same_or_zeros(a->claims, b->claims, pools) && same_or_zeros(a->paid, b->paid, pools));
  CHECK(same_or_zeros(a->shortfall, b->shortfall, pools) && same_or_zeros(a->recovered, b->recovered, pools));
  CHECK(same_or_zeros(a->unsettled, b->unsettled, pools) && same_or_zeros(a->required, b->required, pools));
  CHECK(same_or_zeros(a->topups, b->topups, pools) && same_or_zeros(a->returned, b->returned, pools));
  CHECK(memcmp(a->depletion, b->depletion, pools * sizeof *a->depletion) == 0);
  CHECK(a->band_paths == b->band_paths &&
        same_or_zeros(a->balance, b->balance, (size_t)m->npools * (size_t)a->band_paths * (size_t)m->periods));
  CHECK(same_or_zeros(a->defaults, b->defaults, progs) && same_or_zeros(a->originated, b->originated, progs));
  CHECK(same_or_zeros(a->refused, b->refused, progs) && same_or_zeros(a->paused, b->paused, progs));
  CHECK(same_or_zeros(a->losses, b->losses, parties) && same_or_zeros(a->net_result, b->net_result, parties));
  CHECK(same_or_zeros(a->ratio, b->ratio, parties) && same_or_zeros(a->net_by_year, b->net_by_year, parties * years));
  CHECK(same_budget(a, b));
  CHECK(same_or_zeros(a->cost_pv, b->cost_pv, (size_t)a->ngovernments * P));
}

#endif
