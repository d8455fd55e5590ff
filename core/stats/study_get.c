/* study_get.c — the getters of include/poolsim/study.h: a study's numbers for
** an embedding program, read from the values of stats/study.h. Indices are
** not checked (GSL's getters do not either): pool, row and k run from 0 to
** the counts the same study gives. */
#include "stats/study.h"

/* ps_compare_* — a compare's paths, seed, shared pools, differences and sizes */
long ps_compare_paths(const ps_compare *c) { return c->paths; }
unsigned long long ps_compare_seed(const ps_compare *c) { return c->seed; }
int ps_compare_npools(const ps_compare *c) { return c->npools; }
const char *ps_compare_pool(const ps_compare *c, int pool) { return c->pools[pool].id; }
ps_difference ps_compare_net_outlay(const ps_compare *c, int pool) { return c->pools[pool].net_outlay_mean; }
ps_difference ps_compare_depletion(const ps_compare *c, int pool) { return c->pools[pool].depletion; }
int ps_compare_nalphas(const ps_compare *c) { return c->nalphas; }
double ps_compare_alpha(const ps_compare *c, int k) { return c->alphas[k]; }
double ps_compare_required_initial(const ps_compare *c, int pool, int k, int side) {
  return side ? c->pools[pool].size_b[k].value : c->pools[pool].size_a[k].value;
}

/* ps_sweep_* — a sweep's keys, rows (their values) and each row's pools' figures */
int ps_sweep_nkeys(const ps_sweep *s) { return s->nkeys; }
const char *ps_sweep_key(const ps_sweep *s, int k) { return s->keys[k]; }
long ps_sweep_nrows(const ps_sweep *s) { return s->nrows; }
const char *ps_sweep_value(const ps_sweep *s, long row, int k) { return s->rows[row].values[k]; }
int ps_sweep_npools(const ps_sweep *s, long row) { return s->rows[row].npools; }
const char *ps_sweep_pool(const ps_sweep *s, long row, int pool) { return s->rows[row].pools[pool].id; }
double ps_sweep_depletion(const ps_sweep *s, long row, int pool) { return s->rows[row].pools[pool].depletion.value; }
double ps_sweep_net_outlay_mean(const ps_sweep *s, long row, int pool) {
  return s->rows[row].pools[pool].net_outlay_mean;
}
double ps_sweep_net_outlay_p95(const ps_sweep *s, long row, int pool) { return s->rows[row].pools[pool].net_outlay_p95; }
int ps_sweep_nalphas(const ps_sweep *s) { return s->nalphas; }
double ps_sweep_alpha(const ps_sweep *s, int k) { return s->alphas[k]; }
double ps_sweep_required_initial(const ps_sweep *s, long row, int pool, int k) {
  return s->rows[row].pools[pool].sizing[k].value;
}

/* ps_tornado_* — a tornado's step, keys (widest swing first), pools and the points of each side */
double ps_tornado_by(const ps_tornado *t) { return t->by; }
int ps_tornado_nkeys(const ps_tornado *t) { return t->nkeys; }
const char *ps_tornado_key(const ps_tornado *t, int k) { return t->keys[k].key; }
int ps_tornado_npools(const ps_tornado *t) { return t->npools; }
const char *ps_tornado_pool(const ps_tornado *t, int pool) { return t->pools[pool]; }
double ps_tornado_value(const ps_tornado *t, int k, int side) {
  return side < 0 ? t->keys[k].low : side > 0 ? t->keys[k].high : t->keys[k].base;
}
/* the point of pool at one side of key k */
static const ps_tornado_point *point(const ps_tornado *t, int k, int side, int pool) {
  return side < 0 ? &t->keys[k].lo[pool] : side > 0 ? &t->keys[k].hi[pool] : &t->base[pool];
}
double ps_tornado_p95(const ps_tornado *t, int k, int side, int pool) { return point(t, k, side, pool)->p95; }
double ps_tornado_depletion(const ps_tornado *t, int k, int side, int pool) {
  return point(t, k, side, pool)->depletion;
}

/* ps_volume_* — the largest volume's pool, its base (k = 1) and a row per target */
const char *ps_volume_pool(const ps_volume *v) { return v->pool; }
double ps_volume_base_lending(const ps_volume *v) { return v->base_lending; }
double ps_volume_base_depletion(const ps_volume *v) { return v->base_depletion; }
int ps_volume_nalphas(const ps_volume *v) { return v->nrows; }
double ps_volume_alpha(const ps_volume *v, int k) { return v->rows[k].alpha; }
double ps_volume_scale(const ps_volume *v, int k) { return v->rows[k].scale; }
double ps_volume_lending(const ps_volume *v, int k) { return v->rows[k].lending; }
double ps_volume_depletion(const ps_volume *v, int k) { return v->rows[k].depletion.value; }

/* ps_<study>_figure* — every study's party figures (stats/study_parties.c) */
int ps_compare_nfigures(const ps_compare *c) { return c->figures.n; }
const char *ps_compare_figure_party(const ps_compare *c, int f) { return c->figures.party[f]; }
const char *ps_compare_figure_measure(const ps_compare *c, int f) { return c->figures.measure[f]; }
ps_difference ps_compare_figure(const ps_compare *c, int f) { return c->parties[f]; }
int ps_sweep_nfigures(const ps_sweep *s) { return s->figures.n; }
const char *ps_sweep_figure_party(const ps_sweep *s, int f) { return s->figures.party[f]; }
const char *ps_sweep_figure_measure(const ps_sweep *s, int f) { return s->figures.measure[f]; }
ps_difference ps_sweep_figure(const ps_sweep *s, long row, int f) { return s->rows[row].parties[f]; }
int ps_tornado_nfigures(const ps_tornado *t) { return t->figures.n; }
const char *ps_tornado_figure_party(const ps_tornado *t, int f) { return t->figures.party[f]; }
const char *ps_tornado_figure_measure(const ps_tornado *t, int f) { return t->figures.measure[f]; }
double ps_tornado_figure_base(const ps_tornado *t, int f) { return t->base_parties[f]; }
ps_difference ps_tornado_figure(const ps_tornado *t, int k, int f) { return t->keys[k].parties[f]; }
int ps_volume_nfigures(const ps_volume *v) { return v->figures.n; }
const char *ps_volume_figure_party(const ps_volume *v, int f) { return v->figures.party[f]; }
const char *ps_volume_figure_measure(const ps_volume *v, int f) { return v->figures.measure[f]; }
ps_difference ps_volume_figure(const ps_volume *v, int k, int f) { return v->rows[k].parties[f]; }
double ps_volume_loans_per_period(const ps_volume *v, int k) { return v->rows[k].loans_per_period; }
double ps_volume_lending_per_year(const ps_volume *v, int k) { return v->rows[k].lending_per_year; }
const char *ps_volume_binds(const ps_volume *v, int k) {
  static const char *const names[] = {[PS_VOLUME_POOL] = "pool",         [PS_VOLUME_LEVERAGE] = "leverage",
                                      [PS_VOLUME_GUARANTOR] = "guarantor", [PS_VOLUME_STOPPED] = "stopped",
                                      [PS_VOLUME_OTHER] = "other",       [PS_VOLUME_SEARCH] = "search"};
  return names[v->rows[k].binds];
}
