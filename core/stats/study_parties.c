/* study_parties.c — what every study shows of every party (stats/study.h): a government's total
** outlay and PV cost, an insurer's loss ratio, a guarantor's payout rate, a bank's NPL breach
** probability, each as a per-path series of a run and, between two runs on common random numbers,
** the paired difference with its 95% interval. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/model.h"
#include "stats/results.h"
#include "stats/study.h"

#define Z95 1.959964 /* the two-sided 95% normal quantile of the paired intervals */
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

/* ps_study_figures_series — each figure's value in each path of r: series[f * paths + path]; a party
** r's model lacks gives zeros */
void ps_study_figures_series(const ps_study_figures *f, const ps_results *r, double *series) {
  const ps_outcomes *o = &r->outcomes;
  long n = r->paths;
  for (int k = 0; k < f->n; k++) {
    double *x = series + (size_t)k * (size_t)n;
    int i = party_of(r->m, f->party[k]);
    if (i < 0) {
      memset(x, 0, (size_t)n * sizeof *x);
      continue;
    }
    const char *what = f->measure[k];
    size_t at = ps_slot(o, i, 0);
    if (strcmp(what, "outlay") == 0)
      for (long t = 0; t < n; t++) x[t] = -o->net_result[at + (size_t)t];
    else if (strcmp(what, "cost_pv") == 0)
      for (long t = 0; t < n; t++) x[t] = o->cost_pv[ps_slot(o, o->budget_slot[i], t)];
    else if (strcmp(what, "npl_breach") == 0)
      for (long t = 0; t < n; t++) x[t] = o->breached[at + (size_t)t] != 0;
    else /* loss ratio, payout rate */
      for (long t = 0; t < n; t++) x[t] = o->ratio[at + (size_t)t];
  }
}

/* ps_study_figures_diff — per figure: the means of a and b, the paired difference b - a, its
** standard error and 95% interval, over the paths both have (an interrupted run has fewer) */
void ps_study_figures_diff(const ps_study_figures *f, const double *a, long na, const double *b, long nb,
                           ps_difference *out) {
  long n = na < nb ? na : nb;
  for (int k = 0; k < f->n; k++) {
    const double *x = a + (size_t)k * (size_t)na, *y = b + (size_t)k * (size_t)nb;
    double sa = 0, sb = 0, sd = 0, ss = 0;
    for (long t = 0; t < n; t++) {
      sa += x[t];
      sb += y[t];
      sd += y[t] - x[t];
    }
    double mean = n > 0 ? sd / (double)n : 0;
    for (long t = 0; t < n; t++) ss += (y[t] - x[t] - mean) * (y[t] - x[t] - mean);
    double se = n > 1 ? sqrt(ss / (double)(n - 1) / (double)n) : 0;
    out[k] = (ps_difference){n > 0 ? sa / (double)n : 0, n > 0 ? sb / (double)n : 0, mean, se, mean - Z95 * se,
                             mean + Z95 * se};
  }
}
