/* study_parties.c — what every study shows of every party (stats/study.h): a government's total
** outlay and PV cost, an insurer's loss ratio, a guarantor's payout rate, a bank's NPL breach
** probability, each as a per-path series of a run and, between two runs on common random numbers,
** the paired difference with its 95% interval. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/model.h"
#include "stats/column.h"
#include "stats/paired.h"
#include "stats/results.h"
#include "stats/study.h"

#define MAX_PER_PARTY 2

/* the measures a party of kind p shows; their number */
static int measures_of(const ps_party *p, const char **out) {
  switch (p->kind) {
  case PS_PARTY_GOVERNMENT:
    out[0] = "outlay";
    out[1] = "cost_pv";
    return 2;
  case PS_PARTY_INSURER:
    out[0] = "loss_ratio";
    return 1;
  case PS_PARTY_GUARANTOR:
    out[0] = "payout_rate";
    return 1;
  case PS_PARTY_BANK:
    if (p->npl_tolerance <= 0) return 0; /* without a tolerance it never breaches */
    out[0] = "npl_breach";
    return 1;
  default:
    return 0;
  }
}

static int party_of(const ps_model *m, const char *id) {
  for (int i = 0; i < m->nparties; i++)
    if (strcmp(m->parties[i].id, id) == 0) return i;
  return -1;
}

/* ps_study_figures_init — the figures of m's parties (only those b has too, of the same kind, when b
** is not NULL); PS_OK, or PS_ERUNTIME when out of memory */
int ps_study_figures_init(ps_study_figures *f, const ps_model *m, const ps_model *b) {
  size_t cap = (size_t)m->nparties * MAX_PER_PARTY + 1;
  f->n = 0;
  f->party = calloc(cap, sizeof *f->party);
  f->measure = calloc(cap, sizeof *f->measure);
  if (!f->party || !f->measure) return PS_ERUNTIME;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party *p = &m->parties[i];
    int j = b ? party_of(b, p->id) : i;
    if (j < 0 || (b && b->parties[j].kind != p->kind)) continue;
    const char *names[MAX_PER_PARTY];
    int k = measures_of(p, names);
    for (int q = 0; q < k; q++) {
      size_t len = strlen(p->id) + 1;
      if (!(f->party[f->n] = malloc(len))) return PS_ERUNTIME;
      memcpy(f->party[f->n], p->id, len);
      f->measure[f->n++] = names[q];
    }
  }
  return PS_OK;
}

/* ps_study_figures_destroy — free what f holds (a zeroed one is fine) */
void ps_study_figures_destroy(ps_study_figures *f) {
  for (int i = 0; f->party && i < f->n; i++) free(f->party[i]);
  free(f->party);
  free((void *)f->measure);
}

/* ps_study_figures_of — each figure of r as a series (stats/paired.h) over r's block of outcomes: its
** own, or this process's block of a run held in blocks, weighted under tail sampling; a party r's
** model lacks gives zeros */
void ps_study_figures_of(const ps_study_figures *f, const ps_results *r, ps_series *out) {
  const ps_outcomes *o = r->outcomes.host ? r->outcomes.host->block : &r->outcomes;
  for (int k = 0; k < f->n; k++) {
    int i = party_of(r->m, f->party[k]);
    const char *what = f->measure[k];
    if (i < 0) out[k] = (ps_series){PS_SERIES_ZERO, NULL, NULL, NULL};
    else if (strcmp(what, "outlay") == 0) out[k] = (ps_series){PS_SERIES_NEGATED, o->net_result + ps_slot(o, i, o->first), NULL, NULL};
    else if (strcmp(what, "cost_pv") == 0)
      out[k] = (ps_series){PS_SERIES_VALUE, o->cost_pv + ps_slot(o, o->budget_slot[i], o->first), NULL, NULL};
    else if (strcmp(what, "npl_breach") == 0) out[k] = (ps_series){PS_SERIES_NONZERO, o->breached + ps_slot(o, i, o->first), NULL, NULL};
    else /* loss ratio, payout rate */
      out[k] = (ps_series){PS_SERIES_VALUE, o->ratio + ps_slot(o, i, o->first), NULL, NULL};
    out[k].w = o->weight; /* under tail sampling (NULL: plain) */
  }
}

/* ps_study_figures_series — each figure's value in each path of r (in one process), times the path's
** weight under tail sampling: series[f * paths + path] */
int ps_study_figures_series(const ps_study_figures *f, const ps_results *r, double *series) {
  ps_series *of = malloc((size_t)(f->n > 0 ? f->n : 1) * sizeof *of);
  if (!of) return PS_ERUNTIME;
  ps_study_figures_of(f, r, of);
  long n = r->paths;
  for (int k = 0; k < f->n; k++)
    for (long t = 0; t < n; t++) series[(size_t)k * (size_t)n + (size_t)t] = ps_series_at(&of[k], (size_t)t);
  free(of);
  return PS_OK;
}
