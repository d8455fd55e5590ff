/* outcomes.c — the per-path result arrays. */
#include "outcomes.h"

#include <stdlib.h>
#include <string.h>

const char *ps_budget_name(ps_budget_kind k) {
  static const char *const names[PS_NBUDGET] = {"pool_funding", "compensation", "interest_subsidy", "fee_subsidy",
                                                "premium_subsidy"};
  return k < PS_NBUDGET ? names[k] : "?";
}

int ps_outcomes_alloc(ps_outcomes *o, const ps_model *m, long paths, long band_paths) {
  memset(o, 0, sizeof *o);
  o->paths = paths;
  o->periods = m->periods;
  o->npools = m->npools;
  o->nprogrammes = m->nprogrammes;
  o->nparties = m->nparties;
  size_t np = (size_t)paths * (size_t)m->npools, ng = (size_t)paths * (size_t)m->nprogrammes;
  size_t nq = (size_t)paths * (size_t)m->nparties;
  double **pool_arrays[] = {&o->claims,    &o->paid,     &o->shortfall, &o->recovered,
                            &o->unsettled, &o->required, &o->topups,    &o->returned};
  for (size_t i = 0; i < sizeof pool_arrays / sizeof *pool_arrays; i++)
    if (!(*pool_arrays[i] = calloc(np, sizeof(double)))) goto fail;
  if (!(o->depletion = calloc(np, sizeof(int)))) goto fail;
  if (!(o->outlay_by_programme = calloc(np * (size_t)(m->nprogrammes + 1), sizeof(double)))) goto fail;
  if (!(o->outlay_by_segment = calloc(np * (size_t)(m->ndrivers + 1), sizeof(double)))) goto fail;
  if (band_paths <= 0) band_paths = PS_BAND_PATHS;
  o->band_paths = paths < band_paths ? paths : band_paths;
  if (!(o->balance = calloc((size_t)o->band_paths * (size_t)m->npools * (size_t)m->periods, sizeof(double))))
    goto fail;
  double **programme_arrays[] = {&o->defaults, &o->originated, &o->defaulted_exposure, &o->refused,
                                 &o->capped,   &o->paused,     &o->stopped,            &o->declined};
  for (size_t i = 0; i < sizeof programme_arrays / sizeof *programme_arrays; i++)
    if (!(*programme_arrays[i] = calloc(ng, sizeof(double)))) goto fail;
  double **party_arrays[] = {&o->losses, &o->net_result, &o->unpaid, &o->ratio};
  for (size_t i = 0; i < sizeof party_arrays / sizeof *party_arrays; i++)
    if (!(*party_arrays[i] = calloc(nq, sizeof(double)))) goto fail;
  if (!(o->breached = calloc(nq, sizeof(int)))) goto fail;
  int per_year = ps_periods_per_year(m->step);
  o->nyears = (m->periods + per_year - 1) / per_year;
  if (!(o->net_by_year = calloc(nq * (size_t)o->nyears, sizeof(double)))) goto fail;
  if (!(o->budget_slot = malloc(((size_t)m->nparties + 1) * sizeof(int)))) goto fail;
  for (int i = 0; i < m->nparties; i++)
    o->budget_slot[i] = m->parties[i].kind == PS_PARTY_GOVERNMENT ? o->ngovernments++ : -1;
  if (!(o->budget = calloc((size_t)paths * (size_t)o->ngovernments * (size_t)o->nyears * PS_NBUDGET + 1,
                           sizeof(double))))
    goto fail;
  return 0;
fail:
  ps_outcomes_free(o);
  return -1;
}

double ps_outcomes_bytes(const ps_model *m, long paths) {
  int per_year = ps_periods_per_year(m->step), nyears = (m->periods + per_year - 1) / per_year, ngov = 0;
  for (int k = 0; k < m->nparties; k++) ngov += m->parties[k].kind == PS_PARTY_GOVERNMENT;
  double d = sizeof(double), i = sizeof(int);
  double pool = 8 * d + i + d * (m->nprogrammes + 1) + d * (m->ndrivers + 1);
  double programme = 8 * d, party = 4 * d + i + d * nyears, government = d * nyears * PS_NBUDGET;
  double per_path = pool * m->npools + programme * m->nprogrammes + party * m->nparties + government * ngov;
  double bands = d * m->periods * m->npools * (double)(paths < PS_BAND_PATHS ? paths : PS_BAND_PATHS);
  return (double)paths * per_path + bands;
}

/* an array laid out (item * paths + path) * inner + j: move each item's block
** down to the new stride; blocks only move to lower addresses, in item order */
static void shrink(void *a, size_t size, int items, size_t inner, long old_paths, long new_paths) {
  char *base = a;
  size_t block = size * inner;
  for (int k = 0; k < items; k++)
    memmove(base + (size_t)k * (size_t)new_paths * block, base + (size_t)k * (size_t)old_paths * block,
            (size_t)new_paths * block);
}

void ps_outcomes_truncate(ps_outcomes *o, const ps_model *m, long paths) {
  long old = o->paths;
  if (paths >= old) return;
  double *pool_arrays[] = {o->claims, o->paid, o->shortfall, o->recovered, o->unsettled, o->required, o->topups,
                           o->returned};
  for (size_t i = 0; i < sizeof pool_arrays / sizeof *pool_arrays; i++)
    shrink(pool_arrays[i], sizeof(double), o->npools, 1, old, paths);
  shrink(o->depletion, sizeof(int), o->npools, 1, old, paths);
  shrink(o->outlay_by_programme, sizeof(double), o->npools, (size_t)o->nprogrammes, old, paths);
  shrink(o->outlay_by_segment, sizeof(double), o->npools, (size_t)m->ndrivers, old, paths);
  if (paths < o->band_paths) {
    shrink(o->balance, sizeof(double), o->npools, (size_t)o->periods, o->band_paths, paths);
    o->band_paths = paths;
  }
  double *programme_arrays[] = {o->defaults, o->originated, o->defaulted_exposure, o->refused,
                                o->capped,   o->paused,     o->stopped,            o->declined};
  for (size_t i = 0; i < sizeof programme_arrays / sizeof *programme_arrays; i++)
    shrink(programme_arrays[i], sizeof(double), o->nprogrammes, 1, old, paths);
  double *party_arrays[] = {o->losses, o->net_result, o->unpaid, o->ratio};
  for (size_t i = 0; i < sizeof party_arrays / sizeof *party_arrays; i++)
    shrink(party_arrays[i], sizeof(double), o->nparties, 1, old, paths);
  shrink(o->breached, sizeof(int), o->nparties, 1, old, paths);
  shrink(o->net_by_year, sizeof(double), o->nparties, (size_t)o->nyears, old, paths);
  shrink(o->budget, sizeof(double), o->ngovernments, (size_t)o->nyears * PS_NBUDGET, old, paths);
  o->paths = paths;
}

void ps_outcomes_free(ps_outcomes *o) {
  free(o->claims);
  free(o->paid);
  free(o->shortfall);
  free(o->recovered);
  free(o->unsettled);
  free(o->required);
  free(o->topups);
  free(o->outlay_by_programme);
  free(o->outlay_by_segment);
  free(o->returned);
  free(o->refused);
  free(o->capped);
  free(o->paused);
  free(o->stopped);
  free(o->declined);
  free(o->net_result);
  free(o->unpaid);
  free(o->ratio);
  free(o->breached);
  free(o->net_by_year);
  free(o->budget);
  free(o->budget_slot);
  free(o->depletion);
  free(o->balance);
  free(o->defaults);
  free(o->originated);
  free(o->defaulted_exposure);
  free(o->losses);
  memset(o, 0, sizeof *o);
}
