/* results.c — statistics of each pool, programme and party over paths. */
#include "results.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* closing-balance bands: the 5%, 50% and 95% quantiles across the first
** band_paths paths, per period */
static int balance_bands(const ps_outcomes *o, int pool, ps_pool_result *pr, double *column) {
  size_t T = (size_t)o->periods, n = (size_t)o->band_paths;
  pr->band_paths = o->band_paths;
  if (!(pr->band_p05 = calloc(T, sizeof(double))) || !(pr->band_p50 = calloc(T, sizeof(double))) ||
      !(pr->band_p95 = calloc(T, sizeof(double))))
    return -1;
  for (size_t t = 0; t < T; t++) {
    for (size_t i = 0; i < n; i++) column[i] = o->balance[((size_t)pool * n + i) * T + t];
    pr->band_p05[t] = ps_quantile_select(column, n, 0.05);
    pr->band_p50[t] = ps_quantile_select(column, n, 0.50);
    pr->band_p95[t] = ps_quantile_select(column, n, 0.95);
  }
  return 0;
}

/* order paths by net outlay, ties by path index (deterministic) */
typedef struct {
  double x;
  long path;
} ranked;

static int compare_ranked(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->x != y->x) return x->x < y->x ? -1 : 1;
  return (x->path > y->path) - (x->path < y->path);
}

/* Euler allocation of ES_q of the net outlay: the mean of each programme's part
** over the same tail paths ps_es_sorted averages (the largest round(n(1-q))) */
static int tail_drivers(const ps_model *m, const ps_outcomes *o, int pool, const double *outlay, double q, double **out,
                        double **by_segment) {
  size_t n = (size_t)o->paths, G = (size_t)m->nprogrammes, D = (size_t)m->ndrivers;
  ranked *r = malloc(n * sizeof *r);
  if (!r || !(*out = calloc(G + 1, sizeof(double))) || !(*by_segment = calloc(D + 1, sizeof(double)))) {
    free(r);
    return -1;
  }
  for (size_t i = 0; i < n; i++) r[i] = (ranked){outlay[i], (long)i};
  qsort(r, n, sizeof *r, compare_ranked);
  size_t tail = (size_t)llround((double)n * (1 - q));
  if (tail < 1) tail = 1;
  if (tail > n) tail = n;
  for (size_t j = n - tail; j < n; j++) {
    size_t k = ps_slot(o, pool, r[j].path);
    for (size_t g = 0; g < G; g++) (*out)[g] += o->outlay_by_programme[k * G + g];
    for (size_t d = 0; d < D; d++) (*by_segment)[d] += o->outlay_by_segment[k * D + d];
  }
  for (size_t g = 0; g < G; g++) (*out)[g] /= (double)tail;
  for (size_t d = 0; d < D; d++) (*by_segment)[d] /= (double)tail;
  free(r);
  return 0;
}

static int pool_result(const ps_model *m, const ps_outcomes *o, int pool, ps_pool_result *pr, double *scratch) {
  size_t n = (size_t)o->paths, base = ps_slot(o, pool, 0);
  if (ps_stats_compute(o->claims + base, n, &pr->claims) || ps_stats_compute(o->paid + base, n, &pr->paid) ||
      ps_stats_compute(o->shortfall + base, n, &pr->shortfall) ||
      ps_stats_compute(o->recovered + base, n, &pr->recovered) ||
      ps_stats_compute(o->unsettled + base, n, &pr->unsettled) ||
      ps_stats_compute(o->required + base, n, &pr->required_initial) ||
      ps_stats_compute(o->topups + base, n, &pr->topups) || ps_stats_compute(o->returned + base, n, &pr->returned))
    return -1;
  for (size_t i = 0; i < n; i++) scratch[i] = o->paid[base + i] - o->recovered[base + i];
  if (ps_stats_compute(scratch, n, &pr->net_outlay) ||
      tail_drivers(m, o, pool, scratch, 0.95, &pr->es95_by_programme, &pr->es95_by_segment) ||
      tail_drivers(m, o, pool, scratch, 0.99, &pr->es99_by_programme, &pr->es99_by_segment))
    return -1;

  size_t depleted = 0;
  for (size_t i = 0; i < n; i++) depleted += o->depletion[base + i] > 0;
  pr->depletion = ps_prob_wilson(depleted, n, PS_CI_LEVEL);
  int per_year = ps_periods_per_year(m->step);
  pr->nyears = (m->periods + per_year - 1) / per_year;
  if (!(pr->depletion_by_year = calloc((size_t)pr->nyears, sizeof *pr->depletion_by_year))) return -1;
  for (int y = 1; y <= pr->nyears; y++) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += o->depletion[base + i] > 0 && o->depletion[base + i] <= y * per_year;
    pr->depletion_by_year[y - 1] = ps_prob_wilson(k, n, PS_CI_LEVEL);
  }

  if (!(pr->sorted_required = malloc(n * sizeof(double)))) return -1;
  memcpy(pr->sorted_required, o->required + base, n * sizeof(double));
  if (ps_sort_doubles(pr->sorted_required, n)) return -1;
  return balance_bands(o, pool, pr, scratch);
}

int ps_results_compute(const ps_model *m, const ps_outcomes *o, const int64_t *initial, ps_results *r) {
  memset(r, 0, sizeof *r);
  r->m = m;
  r->paths = o->paths;
  size_t n = (size_t)o->paths;
  double *scratch = malloc(n * sizeof(double));
  r->pools = calloc((size_t)m->npools, sizeof *r->pools);
  r->programmes = calloc((size_t)m->nprogrammes, sizeof *r->programmes);
  r->parties = calloc((size_t)m->nparties, sizeof *r->parties);
  int rc = scratch && r->pools && r->programmes && r->parties ? 0 : -1;
  for (int i = 0; rc == 0 && i < m->npools; i++) {
    r->pools[i].initial = (double)(initial ? initial[i] : m->pools[i].initial) / PS_FEN_PER_YUAN;
    rc = pool_result(m, o, i, &r->pools[i], scratch);
  }
  for (int i = 0; rc == 0 && i < m->nprogrammes; i++) {
    size_t base = ps_slot(o, i, 0);
    ps_programme_result *pr = &r->programmes[i];
    rc = ps_stats_compute(o->defaults + base, n, &pr->defaults) ||
         ps_stats_compute(o->originated + base, n, &pr->originated) ||
         ps_stats_compute(o->defaulted_exposure + base, n, &pr->defaulted_exposure) ||
         ps_stats_compute(o->refused + base, n, &pr->refused) || ps_stats_compute(o->capped + base, n, &pr->capped) ||
         ps_stats_compute(o->paused + base, n, &pr->paused) || ps_stats_compute(o->stopped + base, n, &pr->stopped) ||
         ps_stats_compute(o->declined + base, n, &pr->declined);
  }
  for (int i = 0; rc == 0 && i < m->nparties; i++) {
    size_t base = ps_slot(o, i, 0), k = 0;
    ps_party_result *pr = &r->parties[i];
    rc = ps_stats_compute(o->losses + base, n, &pr->losses) ||
         ps_stats_compute(o->net_result + base, n, &pr->net_result) ||
         ps_stats_compute(o->unpaid + base, n, &pr->unpaid) || ps_stats_compute(o->ratio + base, n, &pr->ratio);
    for (size_t j = 0; j < n; j++) k += o->breached[base + j] != 0;
    pr->breached = ps_prob_wilson(k, n, PS_CI_LEVEL);
    pr->nyears = o->nyears;
    if (rc == 0 && (!(pr->net_by_year = calloc((size_t)o->nyears, sizeof(ps_stats))) ||
                    !(pr->outlay_by_year = calloc((size_t)o->nyears, sizeof(ps_stats)))))
      rc = -1;
    for (int y = 0; rc == 0 && y < o->nyears; y++) {
      for (size_t j = 0; j < n; j++) scratch[j] = o->net_by_year[(base + j) * (size_t)o->nyears + (size_t)y];
      rc = ps_stats_compute(scratch, n, &pr->net_by_year[y]);
      for (size_t j = 0; rc == 0 && j < n; j++) scratch[j] = -scratch[j];
      if (rc == 0) rc = ps_stats_compute(scratch, n, &pr->outlay_by_year[y]);
    }
    if (rc == 0 && !(pr->budget = calloc((size_t)o->nyears * PS_NBUDGET, sizeof(ps_stats)))) rc = -1;
    /* the budget view is a government's; other parties' outlay by kind is not reported */
    size_t gov = o->budget_slot[i] >= 0 ? ps_slot(o, o->budget_slot[i], 0) : 0;
    for (int y = 0; rc == 0 && o->budget_slot[i] >= 0 && y < o->nyears; y++)
      for (int k = 0; rc == 0 && k < PS_NBUDGET; k++) {
        for (size_t j = 0; j < n; j++)
          scratch[j] = o->budget[((gov + j) * (size_t)o->nyears + (size_t)y) * PS_NBUDGET + (size_t)k];
        rc = ps_stats_compute(scratch, n, &pr->budget[y * PS_NBUDGET + k]);
      }
  }
  free(scratch);
  if (rc) ps_results_free(r);
  return rc ? -1 : 0;
}

void ps_results_keep_outcomes(ps_results *r, ps_outcomes *o) {
  r->outcomes = *o;
  memset(o, 0, sizeof *o);
}

void ps_results_free(ps_results *r) {
  ps_outcomes_free(&r->outcomes);
  for (int i = 0; r->pools && i < r->m->npools; i++) {
    ps_pool_result *pr = &r->pools[i];
    free(pr->depletion_by_year);
    free(pr->band_p05);
    free(pr->band_p50);
    free(pr->band_p95);
    free(pr->sorted_required);
    free(pr->es95_by_programme);
    free(pr->es99_by_programme);
    free(pr->es95_by_segment);
    free(pr->es99_by_segment);
  }
  for (int i = 0; r->parties && i < r->m->nparties; i++) {
    free(r->parties[i].net_by_year);
    free(r->parties[i].outlay_by_year);
    free(r->parties[i].budget);
  }
  free(r->pools);
  free(r->programmes);
  free(r->parties);
  memset(r, 0, sizeof *r);
}
