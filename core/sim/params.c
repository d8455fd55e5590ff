/* params.c — parameters drawn once per path (layering: sim/params.h). */
#include "sim/params.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/copula.h"
#include "sim/rng.h"

/* ps_params_new — the copy for m (m->nuncertain > 0); NULL when out of memory */
ps_params *ps_params_new(const ps_model *m) {
  ps_params *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  size_t cells = 0, n = (size_t)m->nuncertain;
  for (int k = 0; k < m->nuncertain; k++)
    if (m->uncertain[k].field == PS_UNCERTAIN_PD) cells += 2 * (size_t)m->segments[m->uncertain[k].segment].tenor;
  if (!(p->segments = malloc((size_t)m->nsegments * sizeof *p->segments)) ||
      !(p->tables = malloc((cells + 1) * sizeof(double))) || !(p->uplift = calloc(n, sizeof(double))) ||
      !(p->drawn = calloc(n, sizeof(double))) || !(p->rng = ps_rng_new())) {
    ps_params_free(p);
    return NULL;
  }
  memcpy(p->segments, m->segments, (size_t)m->nsegments * sizeof *p->segments);
  p->model = *m;
  p->model.segments = p->segments;
  double *cell = p->tables;
  for (int k = 0; k < m->nuncertain; k++) {
    if (m->uncertain[k].field != PS_UNCERTAIN_PD) continue;
    ps_segment *seg = &p->segments[m->uncertain[k].segment];
    p->uplift[k] = ps_segment_uplift(m, seg);
    seg->hazard = cell;
    seg->threshold = cell + seg->tenor;
    cell += 2 * (size_t)seg->tenor;
  }
  return p;
}

/* ps_params_free — destroy it (NULL is fine) */
void ps_params_free(ps_params *p) {
  if (!p) return;
  if (p->rng) gsl_rng_free(p->rng);
  free(p->segments);
  free(p->tables);
  free(p->uplift);
  free(p->drawn);
  free(p);
}

static double draw(const ps_dist *d, gsl_rng *r) {
  switch (d->kind) {
  case PS_DIST_BETA: return gsl_ran_beta(r, d->p1, d->p2);
  case PS_DIST_UNIFORM: return gsl_ran_flat(r, d->p1, d->p2);
  case PS_DIST_LOGNORMAL: return gsl_ran_lognormal(r, d->p1, d->p2);
  default: return d->mean;
  }
}

/* ps_params_draw — draw path `index`'s parameters into p->model (and p->drawn) from its stream */
void ps_params_draw(ps_params *p, uint64_t seed, long index) {
  ps_model *m = &p->model;
  ps_rng_seed_stream(p->rng, seed, (uint64_t)index, PS_STREAM_PARAMS);
  for (int k = 0; k < m->nuncertain; k++) {
    const ps_uncertain *u = &m->uncertain[k];
    double x = p->drawn[k] = draw(&u->dist, p->rng);
    if (u->field == PS_UNCERTAIN_CYCLE) { /* the scenario's; every other field is a segment's */
      m->cycle = x;
      continue;
    }
    ps_segment *seg = &p->segments[u->segment];
    switch (u->field) {
    case PS_UNCERTAIN_PD: { /* a flat PD: one hazard for every age, as ps_derive_hazards has it */
      seg->pd = x;
      double h = 1 - pow(1 - fmin(1, x * p->uplift[k]), m->dt), c = ps_copula_threshold(m, h);
      for (int a = 0; a < seg->tenor; a++) {
        seg->hazard[a] = h;
        seg->threshold[a] = c;
      }
      break;
    }
    case PS_UNCERTAIN_LGD: seg->lgd.mean = x; break;
    case PS_UNCERTAIN_RHO: /* the segment, and the loan-tape groups it is the template of */
      for (int s = 0; s < m->nsegments; s++)
        if (s == u->segment || (s >= m->nown_segments && p->segments[s].driver == u->segment)) p->segments[s].rho = x;
      break;
    case PS_UNCERTAIN_CYCLE: break; /* above */
    }
  }
}
