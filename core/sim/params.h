/* params.h — parameters drawn once per path: poolsim.uncertain(dist) in place of a segment's pd,
** lgd or rho or the scenario's cycle (SPEC 2.3a, docs/model.md).
**
** A workspace of a model with such parameters runs its paths on its own copy of the model: the
** same scenario with its own segments, whose drawn fields each path overwrites, and its own
** hazards and thresholds for the segments whose PD is drawn. Everything else stays shared. The
** draws come from the path's PS_STREAM_PARAMS stream only, in the order of m->uncertain, so
** they are the same whatever the threads, and the other streams are untouched. */
#ifndef PS_PARAMS_H
#define PS_PARAMS_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

#include "scenario/model.h"

typedef struct {
  ps_model model;       /* the path's copy: the scenario's, pointing at `segments` */
  ps_segment *segments; /* the model's segments, copied */
  double *tables;       /* per drawn PD: its segment's hazard then threshold by age (2 x tenor) */
  double *uplift;       /* per uncertain parameter: its segment's moral-hazard factor (PDs) */
  double *drawn;        /* per uncertain parameter: the last path's draw */
  gsl_rng *rng;
} ps_params;

/* ps_params_new — the copy for m (m->nuncertain > 0); NULL when out of memory */
ps_params *ps_params_new(const ps_model *m);
/* ps_params_free — destroy it (NULL is fine) */
void ps_params_free(ps_params *p);
/* ps_params_draw — draw path `index`'s parameters into p->model (and p->drawn) from its stream */
void ps_params_draw(ps_params *p, uint64_t seed, long index);

#endif
