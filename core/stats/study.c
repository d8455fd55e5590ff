/* study.c — several runs on common random numbers: compare two scenarios,
** sweep a scenario over a grid of values, a tornado of sensitivities, the
** largest lending a pool supports. Every run uses the same seed and paths, so
** path i of one run sees the same factors as path i of another and differences
** come from the policy, not from noise; the paired differences carry their own
** (smaller) Monte Carlo error. The results are values (stats/study.h); nothing
** here reads or writes a file or prints. */
#include "stats/study.h"
#include "stats/tornado_share.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario.h"
#include "sim/sampling.h"
#include "stats/column.h"
#include "stats/paired.h"
#include "stats/results.h"
#include "stats/sizing.h"

#define Z95 1.959964 /* the two-sided 95% normal quantile of the paired intervals */

/* ps_study_runs — see stats/study.h */
ps_options ps_study_runs(const ps_options *opt) {
  ps_options o = *opt;
  o.no_point_values = 1;
  o.runs_held = 2; /* a study keeps a run (or its figures) while it runs the next */
  return o;
}

static int out_of_memory(char *err, size_t errlen) {
  snprintf(err, errlen, "out of memory");
  return PS_ERUNTIME;
}

/* ps_study_sampling — see stats/study.h */
int ps_study_sampling(const ps_model *first, ps_options *o, double **shift, char *err, size_t errlen) {
  *shift = NULL;
  if (first->sampling != PS_SAMPLING_IMPORTANCE) return PS_OK;
  double *mu = malloc(((size_t)first->periods + 1) * sizeof *mu);
  if (!mu) return out_of_memory(err, errlen);
  uint64_t seed = o->use_seed ? (uint64_t)o->seed : first->seed;
  int rc = ps_sampling_choose(first, seed, NULL, o->sampling_alpha, mu, err, errlen);
  if (rc) {
    free(mu);
    return rc;
  }
  o->sampling_shift = mu;
  o->sampling_shift_n = first->periods + 1;
  *shift = mu;
  return PS_OK;
}

static const char *sampling_name(ps_sampling s) { return s == PS_SAMPLING_IMPORTANCE ? "importance" : "plain"; }

/* ps_study_same_sampling — see stats/study.h */
int ps_study_same_sampling(ps_sampling first, const char *first_is, const ps_model *m, const char *what, char *err,
                           size_t errlen) {
  if (m->sampling == first) return PS_OK;
  snprintf(err, errlen,
           "%s: sampling = \"%s\", but %s samples %s: the runs of %s pair path by path, so they take one "
           "sampling: set it the same, or give --sampling",
           m->file, sampling_name(m->sampling), first_is, sampling_name(first), what);
  return PS_EINPUT;
}

/* a copy of s to free(), NULL when out of memory */
static char *copy_string(const char *s) {
  size_t n = strlen(s) + 1;
  char *c = malloc(n);
  if (c) memcpy(c, s, n);
  return c;
}

/* the sizing targets of so: its own, or ps_alphas */
static const double *targets(const ps_study_options *so, int *n) {
  if (so && so->alphas) {
    *n = so->nalphas;
    return so->alphas;
  }
  *n = PS_NALPHAS;
  return ps_alphas;
}

/* a heap copy of n targets (at least one element, so that 0 is not NULL) */
static double *copy_targets(const double *alphas, int n) {
  double *c = malloc((size_t)(n > 0 ? n : 1) * sizeof *c);
  if (c && n > 0) memcpy(c, alphas, (size_t)n * sizeof *c);
  return c;
}

/* ps_study_scenario_init — copy m's name, file and sha256 into s; PS_OK, or PS_ERUNTIME when out of memory */
int ps_study_scenario_init(ps_study_scenario *s, const ps_model *m) {
  s->name = copy_string(m->name);
  s->file = copy_string(m->file);
  s->sha256 = copy_string(m->sha256);
  s->importance = m->sampling == PS_SAMPLING_IMPORTANCE;
  return s->name && s->file && s->sha256 ? PS_OK : PS_ERUNTIME;
}

/* ps_study_scenario_ran — see stats/study.h */
void ps_study_scenario_ran(ps_study_scenario *s, const ps_results *r) {
  s->paths = r->paths;
  s->effective_paths = r->effective_paths;
}

void ps_study_scenario_destroy(ps_study_scenario *s) {
  free(s->name);
  free(s->file);
  free(s->sha256);
}

static int pool_of(const ps_model *m, const char *id) {
  for (int i = 0; i < m->npools; i++)
    if (strcmp(m->pools[i].id, id) == 0) return i;
  return -1;
}

/* ---- compare ---------------------------------------------------------------- */

/* the party figures of one run: in one process a copy per path (series), so that the run's outcomes can
** go; a run held in blocks (stats/column.h) is kept (held) until the study is done with it */
typedef struct {
  const ps_study_figures *f;
  double *series;   /* [f->n * paths] */
  ps_results *held; /* a run held in blocks, and its figures' series name its blocks */
  ps_model *model;  /* held's, when pr took it */
  long paths;
} party_run;

/* keep the figures of pr->f in *r into pr: a copy, or *r itself (then NULL) when held in blocks, with
** its model *m (then NULL; m NULL: the caller keeps the model until pr is freed); PS_OK, or PS_ERUNTIME
** when out of memory */
static int party_keep(party_run *pr, ps_results **r, ps_model **m) {
  pr->paths = (*r)->paths;
  if ((*r)->outcomes.host) {
    pr->held = *r;
    *r = NULL;
    if (m) {
      pr->model = *m;
      *m = NULL;
    }
    return PS_OK;
  }
  pr->series = malloc((size_t)pr->paths * (size_t)(pr->f->n > 0 ? pr->f->n : 1) * sizeof *pr->series);
  return pr->series ? ps_study_figures_series(pr->f, *r, pr->series) : PS_ERUNTIME;
}

static void party_free(party_run *pr) {
  free(pr->series);
  ps_results_free(pr->held);
  ps_model_free(pr->model);
  pr->series = NULL;
  pr->held = NULL;
  pr->model = NULL;
}

/* the host of a run's outcomes: NULL in one process */
static ps_column_host *host_of(const ps_results *r) { return r ? r->outcomes.host : NULL; }

/* the figures of b against those of a, paired over the paths both have: out[f->n]; PS_OK, or
** PS_ERUNTIME when out of memory */
static int party_diff(const party_run *a, const party_run *b, ps_difference *out) {
  const ps_study_figures *f = a->f;
  size_t n = (size_t)(f->n > 0 ? f->n : 1);
  ps_series *sa = calloc(2 * n, sizeof *sa), *sb = sa ? sa + n : NULL;
  if (!sa) return PS_ERUNTIME;
  if (a->held) {
    ps_study_figures_of(f, a->held, sa);
    ps_study_figures_of(f, b->held, sb);
  } else {
    for (int k = 0; k < f->n; k++) {
      sa[k] = (ps_series){PS_SERIES_VALUE, a->series + (size_t)k * (size_t)a->paths, NULL, NULL}; /* already weighted */
      sb[k] = (ps_series){PS_SERIES_VALUE, b->series + (size_t)k * (size_t)b->paths, NULL, NULL};
    }
  }
  int rc = ps_pair_runs(host_of(a->held), host_of(b->held), sa, sb, f->n, a->paths < b->paths ? a->paths : b->paths,
                        out);
  free(sa);
  return rc;
}

static ps_difference difference(double a, double b, double mean, double se) {
  return (ps_difference){a, b, mean, se, mean - Z95 * se, mean + Z95 * se};
}

/* pool p's per-path net outlay (paid - recovered) and whether it ran short, as series of r's block
** (weighted under tail sampling) */
static void pool_series(const ps_results *r, int p, ps_series *outlay, ps_series *depleted) {
  const ps_outcomes *o = r->outcomes.host ? r->outcomes.host->block : &r->outcomes;
  size_t at = ps_slot(o, p, o->first);
  *outlay = (ps_series){PS_SERIES_DIFF, o->paid + at, o->recovered + at, o->weight};
  *depleted = (ps_series){PS_SERIES_POSITIVE, o->depletion + at, NULL, o->weight};
}

/* fill c's pools from the two runs: the paired net outlay and depletion of every pool both have
** (series: room for 4 x A's pools); PS_OK, or PS_ERUNTIME when out of memory */
static int compare_pools(ps_compare *c, const ps_results *ra, const ps_results *rb, ps_series *series) {
  const ps_model *a = ra->m, *b = rb->m;
  long n = ra->paths < rb->paths ? ra->paths : rb->paths;
  int *in_b = malloc((size_t)(a->npools > 0 ? a->npools : 1) * sizeof *in_b);
  ps_difference *d = malloc((size_t)(a->npools > 0 ? a->npools : 1) * 2 * sizeof *d);
  int rc = in_b && d ? PS_OK : PS_ERUNTIME;
  size_t np = 0;
  ps_series *sa = series, *sb = series + 2 * (size_t)(a->npools > 0 ? a->npools : 1);
  for (int pa = 0; rc == PS_OK && pa < a->npools; pa++) {
    if ((in_b[pa] = pool_of(b, a->pools[pa].id)) < 0) continue;
    pool_series(ra, pa, &sa[2 * np], &sa[2 * np + 1]);
    pool_series(rb, in_b[pa], &sb[2 * np], &sb[2 * np + 1]);
    np++;
  }
  if (rc == PS_OK) rc = ps_pair_runs(host_of(ra), host_of(rb), sa, sb, (int)(2 * np), n, d);
  size_t k = 0;
  for (int pa = 0; rc == PS_OK && pa < a->npools; pa++) {
    int pb = in_b[pa];
    if (pb < 0) continue;
    ps_compare_entry *cp = &c->pools[c->npools++];
    cp->id = copy_string(a->pools[pa].id);
    cp->size_a = malloc((size_t)(c->nalphas > 0 ? c->nalphas : 1) * sizeof *cp->size_a);
    cp->size_b = malloc((size_t)(c->nalphas > 0 ? c->nalphas : 1) * sizeof *cp->size_b);
    if (!cp->id || !cp->size_a || !cp->size_b) rc = PS_ERUNTIME;
    const ps_pool_result *A = &ra->pools[pa], *B = &rb->pools[pb];
    const ps_difference *out = &d[2 * k], *dep = &d[2 * k + 1];
    k++;
    cp->net_outlay_mean = difference(A->net_outlay.mean, B->net_outlay.mean, out->diff, out->se);
    cp->depletion = difference(A->depletion.value, B->depletion.value, dep->diff, dep->se);
    for (int q = 0; rc == PS_OK && q < c->nalphas; q++) {
      cp->size_a[q] = ps_results_sizing(ra, A, c->alphas[q]);
      cp->size_b[q] = ps_results_sizing(rb, B, c->alphas[q]);
    }
  }
  free(in_b);
  free(d);
  return rc;
}

/* a's and b's party figures and B - A paired path by path; PS_OK, or PS_ERUNTIME when out of memory */
static int compare_parties(ps_compare *c, const ps_results *ra, const ps_results *rb) {
  if (ps_study_figures_init(&c->figures, ra->m, rb->m) ||
      !(c->parties = calloc((size_t)c->figures.n + 1, sizeof *c->parties)))
    return PS_ERUNTIME;
  size_t n = (size_t)c->figures.n + 1;
  ps_series *sa = malloc(2 * n * sizeof *sa);
  if (!sa) return PS_ERUNTIME;
  ps_study_figures_of(&c->figures, ra, sa);
  ps_study_figures_of(&c->figures, rb, sa + n);
  int rc = ps_pair_runs(host_of(ra), host_of(rb), sa, sa + n, c->figures.n,
                        ra->paths < rb->paths ? ra->paths : rb->paths, c->parties);
  free(sa);
  return rc;
}

/* ps_compare_run — a and b on the same options, paired path by path; *out a
** new compare to ps_compare_free, NULL on failure (PS_EINPUT: no pool and no party figure in
** common, or more paths than memory holds; PS_ERUNTIME), with a message */
int ps_compare_run(const ps_model *a, const ps_model *b, const ps_options *opt, const ps_study_options *so,
                   ps_compare **out, char *err, size_t errlen) {
  ps_options runs = ps_study_runs(opt);
  opt = &runs;
  *out = NULL;
  ps_results *ra = NULL, *rb = NULL;
  double *shift = NULL;
  int rc = ps_study_same_sampling(a->sampling, a->file, b, "compare", err, errlen);
  if (!rc) rc = ps_study_sampling(a, &runs, &shift, err, errlen);
  if (!rc) rc = ps_scenario_run(a, opt, &ra, err, errlen);
  if (!rc) rc = ps_scenario_run(b, opt, &rb, err, errlen);
  free(shift);
  if (rc) { /* PS_EINPUT: more paths than memory holds */
    ps_results_free(ra);
    return rc;
  }
  int nalphas;
  const double *alphas = targets(so, &nalphas);
  ps_compare *c = calloc(1, sizeof *c);
  ps_series *series = malloc((size_t)(a->npools > 0 ? a->npools : 1) * 4 * sizeof *series);
  if (c) {
    c->paths = ra->paths;
    c->seed = ra->seed;
    c->nalphas = nalphas;
    c->alphas = copy_targets(alphas, nalphas);
    c->pools = calloc((size_t)(a->npools > 0 ? a->npools : 1), sizeof *c->pools);
  }
  if (!c || !series || !c->alphas || !c->pools || ps_study_scenario_init(&c->a, a) || ps_study_scenario_init(&c->b, b) ||
      compare_pools(c, ra, rb, series) || compare_parties(c, ra, rb))
    rc = out_of_memory(err, errlen);
  if (rc == PS_OK) {
    ps_study_scenario_ran(&c->a, ra);
    ps_study_scenario_ran(&c->b, rb);
  }
  if (rc == PS_OK && !c->npools && !c->figures.n) { /* schemes without pools (insurance) compare their parties */
    snprintf(err, errlen, "%s and %s have no pool id and no party figure in common to compare", a->file, b->file);
    rc = PS_EINPUT;
  }
  free(series);
  ps_results_free(ra);
  ps_results_free(rb);
  if (rc) ps_compare_free(c);
  else *out = c;
  return rc;
}

/* ps_compare_free — free c and all it holds; NULL is fine */
void ps_compare_free(ps_compare *c) {
  if (!c) return;
  for (int p = 0; c->pools && p < c->npools; p++) {
    free(c->pools[p].id);
    free(c->pools[p].size_a);
    free(c->pools[p].size_b);
  }
  free(c->pools);
  free(c->alphas);
  ps_study_figures_destroy(&c->figures);
  free(c->parties);
  ps_study_scenario_destroy(&c->a);
  ps_study_scenario_destroy(&c->b);
  free(c);
}

/* ---- sweep ------------------------------------------------------------------ */

/* the i-th combination of the grid: one value per key */
static void combination(const ps_vary *vary, int nvary, long i, int *pick) {
  for (int k = nvary - 1; k >= 0; k--) {
    pick[k] = (int)(i % vary[k].nvalues);
    i /= vary[k].nvalues;
  }
}

/* fill one row from a run: its values and the pools pool (NULL: all) names; PS_OK, or PS_ERUNTIME when
** out of memory */
static int sweep_row(ps_sweep_row *row, const ps_results *r, const ps_vary *vary, int nvary, const int *pick,
                     const char *pool, const double *alphas, int nalphas) {
  const ps_model *m = r->m;
  for (int k = 0; k < nvary; k++)
    if (!(row->values[k] = copy_string(vary[k].values[pick[k]]))) return PS_ERUNTIME;
  if (!(row->pools = calloc((size_t)(m->npools > 0 ? m->npools : 1), sizeof *row->pools))) return PS_ERUNTIME;
  for (int p = 0; p < m->npools; p++) {
    if (pool && strcmp(pool, m->pools[p].id) != 0) continue;
    const ps_pool_result *pr = &r->pools[p];
    ps_sweep_cell *sp = &row->pools[row->npools++];
    sp->id = copy_string(m->pools[p].id);
    sp->sizing = malloc((size_t)(nalphas > 0 ? nalphas : 1) * sizeof *sp->sizing);
    if (!sp->id || !sp->sizing) return PS_ERUNTIME;
    sp->depletion = pr->depletion;
    sp->net_outlay_mean = pr->net_outlay.mean;
    sp->net_outlay_p95 = pr->net_outlay.p95;
    for (int a = 0; a < nalphas; a++) sp->sizing[a] = ps_results_sizing(r, pr, alphas[a]);
  }
  return PS_OK;
}

/* row i's party figures against the first row's (kept in *first from row 0, which may take *r and *m);
** PS_OK, or PS_ERUNTIME when out of memory */
static int sweep_parties(ps_sweep *s, long i, ps_results **r, ps_model **m, party_run *first) {
  if (i == 0 && (ps_study_figures_init(&s->figures, (*r)->m, NULL) || party_keep(first, r, m))) return PS_ERUNTIME;
  party_run now = {&s->figures, NULL, NULL, NULL, 0};
  ps_sweep_row *row = &s->rows[i];
  int rc = (i == 0 || party_keep(&now, r, m) == PS_OK) &&
                   (row->parties = calloc((size_t)s->figures.n + 1, sizeof *row->parties))
               ? PS_OK
               : PS_ERUNTIME;
  if (rc == PS_OK) rc = party_diff(first, i == 0 ? first : &now, row->parties);
  party_free(&now);
  return rc;
}

/* sweep_fill — run every combination into s (its keys and targets set) */
static int sweep_fill(ps_sweep *s, const char *file, const ps_override *sets, int nsets, const ps_vary *vary,
                      int nvary, const ps_options *opt, const char *pool, char *err, size_t errlen) {
  ps_override *all = malloc(((size_t)nsets + (size_t)nvary) * sizeof *all);
  if (!all) return out_of_memory(err, errlen);
  if (nsets) memcpy(all, sets, (size_t)nsets * sizeof *all);
  int rc = PS_OK;
  party_run first = {&s->figures, NULL, NULL, NULL, 0};
  ps_options runs = *opt; /* with row 0's tail shift, if it samples so */
  ps_sampling sampling = PS_SAMPLING_PLAIN; /* row 0's */
  double *shift = NULL;
  for (long i = 0; rc == PS_OK && i < s->nrows; i++) {
    int pick[PS_MAX_VARY];
    combination(vary, nvary, i, pick);
    for (int k = 0; k < nvary; k++) all[nsets + k] = (ps_override){vary[k].key, vary[k].values[pick[k]]};
    ps_model *m = NULL;
    ps_results *r = NULL;
    if ((rc = ps_model_new(file, all, nsets + nvary, &m, err, errlen))) break;
    if (i == 0) sampling = m->sampling;
    if ((rc = i == 0 ? ps_study_sampling(m, &runs, &shift, err, errlen)
                     : ps_study_same_sampling(sampling, "the sweep's first row", m, "a sweep", err, errlen))) {
      ps_model_free(m);
      break;
    }
    if (!(rc = ps_scenario_run(m, &runs, &r, err, errlen)) && i == 0) {
      if (ps_study_scenario_init(&s->scenario, m)) rc = out_of_memory(err, errlen);
      ps_study_scenario_ran(&s->scenario, r);
    }
    if (rc == PS_OK && (sweep_row(&s->rows[i], r, vary, nvary, pick, pool, s->alphas, s->nalphas) ||
                        sweep_parties(s, i, &r, &m, &first)))
      rc = out_of_memory(err, errlen);
    ps_results_free(r);
    ps_model_free(m);
  }
  party_free(&first);
  free(shift);
  free(all);
  return rc;
}

/* ps_sweep_run — the scenario once per combination of the varied values; *out
** a new sweep to ps_sweep_free, NULL on failure (the first run's status and
** message) */
int ps_sweep_run(const char *file, const ps_override *sets, int nsets, const ps_vary *vary, int nvary,
                 const ps_options *opt, const ps_study_options *so, ps_sweep **out, char *err, size_t errlen) {
  ps_options runs = ps_study_runs(opt);
  opt = &runs;
  *out = NULL;
  if (nvary < 0 || nvary > PS_MAX_VARY) {
    snprintf(err, errlen, "a sweep varies 0 to %d keys, got %d", PS_MAX_VARY, nvary);
    return PS_EINPUT;
  }
  int nalphas;
  const double *alphas = targets(so, &nalphas);
  ps_sweep *s = calloc(1, sizeof *s);
  if (!s) return out_of_memory(err, errlen);
  s->nrows = 1;
  for (int k = 0; k < nvary; k++) s->nrows *= vary[k].nvalues;
  s->nkeys = nvary;
  s->nalphas = nalphas;
  s->alphas = copy_targets(alphas, nalphas);
  s->rows = calloc((size_t)(s->nrows > 0 ? s->nrows : 1), sizeof *s->rows);
  int rc = s->alphas && s->rows ? PS_OK : out_of_memory(err, errlen);
  for (int k = 0; rc == PS_OK && k < nvary; k++)
    if (!(s->keys[k] = copy_string(vary[k].key))) rc = out_of_memory(err, errlen);
  if (rc == PS_OK) rc = sweep_fill(s, file, sets, nsets, vary, nvary, opt, so ? so->pool : NULL, err, errlen);
  if (rc) ps_sweep_free(s);
  else *out = s;
  return rc;
}

/* ps_sweep_free — free s and all it holds; NULL is fine */
void ps_sweep_free(ps_sweep *s) {
  if (!s) return;
  for (long i = 0; s->rows && i < s->nrows; i++) {
    ps_sweep_row *row = &s->rows[i];
    for (int k = 0; k < s->nkeys; k++) free(row->values[k]);
    for (int p = 0; row->pools && p < row->npools; p++) {
      free(row->pools[p].id);
      free(row->pools[p].sizing);
    }
    free(row->pools);
    free(row->parties);
  }
  free(s->rows);
  for (int k = 0; k < s->nkeys; k++) free(s->keys[k]);
  free(s->alphas);
  ps_study_figures_destroy(&s->figures);
  ps_study_scenario_destroy(&s->scenario);
  free(s);
}

/* ---- tornado ---------------------------------------------------------------- */

/* one run with overrides; fills the p95 net outlay and depletion of each pool, and the party
** figures' series into pr (and its paths into sc, unless NULL) */
static int measure(const char *file, const ps_override *all, int n, const ps_options *opt, ps_tornado_point *points,
                   int npools, party_run *pr, ps_study_scenario *sc, char *err, size_t errlen) {
  ps_model *m = NULL;
  ps_results *r = NULL;
  int rc = ps_model_new(file, all, n, &m, err, errlen);
  if (rc) return rc;
  rc = ps_scenario_run(m, opt, &r, err, errlen);
  if (rc == PS_OK && sc) ps_study_scenario_ran(sc, r);
  for (int p = 0; rc == PS_OK && p < npools && p < m->npools; p++)
    points[p] = (ps_tornado_point){r->pools[p].net_outlay.p95, r->pools[p].depletion.value};
  if (rc == PS_OK && party_keep(pr, &r, &m)) rc = out_of_memory(err, errlen);
  ps_results_free(r);
  ps_model_free(m);
  return rc;
}

static int by_swing(const void *a, const void *b) {
  const ps_tornado_bar *x = a, *y = b;
  if (x->swing != y->swing) return x->swing < y->swing ? 1 : -1;
  return strcmp(x->key, y->key);
}

/* the overrides of key b at its low or high value (all: the overrides with two free slots at nsets; text:
** two buffers of 32 for the values); how many */
static int side(const ps_tornado_bar *b, int high, ps_override *all, int nsets, char (*text)[32]) {
  snprintf(text[0], sizeof text[0], "%.17g", high ? b->high : b->low);
  all[nsets] = (ps_override){b->key, text[0]};
  if (!b->partner || b->partner_rest) return nsets + 1; /* the "rest" balances by itself */
  snprintf(text[1], sizeof text[1], "%.17g", high ? b->partner_high : b->partner_low);
  all[nsets + 1] = (ps_override){b->partner, text[1]};
  return nsets + 2;
}

/* key k of t moved down and up: its values, and both scenarios loaded (not run), so that a value the
** scenario refuses stops the tornado before any path runs */
static int tornado_values(ps_tornado *t, int k, const ps_model *base, const char *file, ps_override *all, int nsets,
                          char *err, size_t errlen) {
  ps_tornado_bar *b = &t->keys[k];
  int rc = ps_scenario_number(file, all, nsets, b->key, &b->base, err, errlen);
  if (rc) return rc;
  b->low = b->base * (1 - t->by);
  b->high = b->base * (1 + t->by);
  if (b->base == floor(b->base) && fabs(b->base) >= 1) { /* a count or a lag stays whole */
    b->low = floor(b->low);
    b->high = ceil(b->high);
  }
  ps_share_move mv;
  if ((rc = ps_tornado_share(base, b->key, b->base, t->by, &mv, err, errlen))) return rc;
  if (mv.partner) { /* a share: its partner balances it */
    b->low = mv.low, b->high = mv.high;
    b->partner = mv.partner, b->partner_rest = mv.partner_rest, b->clipped = mv.clipped;
    b->partner_low = mv.partner_low, b->partner_high = mv.partner_high;
  }
  for (int high = 0; high < 2; high++) {
    char text[2][32];
    ps_model *m = NULL;
    if ((rc = ps_model_new(file, all, side(b, high, all, nsets, text), &m, err, errlen))) return rc;
    ps_model_free(m);
  }
  return PS_OK;
}

/* measure key k of t moved down and up, and the party figures' swing */
static int tornado_key(ps_tornado *t, int k, const char *file, ps_override *all, int nsets, const ps_options *opt,
                       char *err, size_t errlen) {
  ps_tornado_bar *b = &t->keys[k];
  int np = t->npools, rc;
  char text[2][32];
  party_run lo = {&t->figures, NULL, NULL, NULL, 0}, hi = {&t->figures, NULL, NULL, NULL, 0};
  rc = measure(file, all, side(b, 0, all, nsets, text), opt, b->lo, np, &lo, NULL, err, errlen);
  if (rc == PS_OK) rc = measure(file, all, side(b, 1, all, nsets, text), opt, b->hi, np, &hi, NULL, err, errlen);
  if (rc == PS_OK && party_diff(&lo, &hi, b->parties)) rc = out_of_memory(err, errlen);
  party_free(&lo);
  party_free(&hi);
  if (rc) return rc;
  for (int p = 0; p < np; p++) b->swing = fmax(b->swing, fabs(b->hi[p].p95 - b->lo[p].p95));
  return PS_OK;
}

/* tornado_alloc — t's arrays for base's pools and nkeys keys; PS_OK, or PS_ERUNTIME when out of memory */
static int tornado_alloc(ps_tornado *t, const ps_model *base, const char *const *keys, int nkeys) {
  int np = base->npools;
  t->npools = np;
  t->nkeys = nkeys;
  t->pools = calloc((size_t)(np > 0 ? np : 1), sizeof *t->pools);
  t->base = calloc((size_t)(np > 0 ? np : 1), sizeof *t->base);
  t->keys = calloc((size_t)(nkeys > 0 ? nkeys : 1), sizeof *t->keys);
  if (!t->pools || !t->base || !t->keys || ps_study_scenario_init(&t->scenario, base) ||
      ps_study_figures_init(&t->figures, base, NULL) ||
      !(t->base_parties = calloc((size_t)t->figures.n + 1, sizeof *t->base_parties)))
    return PS_ERUNTIME;
  for (int p = 0; p < np; p++)
    if (!(t->pools[p] = copy_string(base->pools[p].id))) return PS_ERUNTIME;
  for (int k = 0; k < nkeys; k++) {
    ps_tornado_bar *b = &t->keys[k];
    b->key = copy_string(keys[k]);
    b->lo = calloc((size_t)(np > 0 ? np : 1), sizeof *b->lo);
    b->hi = calloc((size_t)(np > 0 ? np : 1), sizeof *b->hi);
    b->parties = calloc((size_t)t->figures.n + 1, sizeof *b->parties);
    if (!b->key || !b->lo || !b->hi || !b->parties) return PS_ERUNTIME;
  }
  return PS_OK;
}

/* each figure's mean over the paths of pr: out[f->n]; PS_OK, or PS_ERUNTIME when out of memory */
static int base_means(const ps_study_figures *f, const party_run *pr, double *out) {
  ps_difference *d = calloc((size_t)f->n + 1, sizeof *d);
  int rc = d ? party_diff(pr, pr, d) : PS_ERUNTIME;
  for (int k = 0; rc == PS_OK && k < f->n; k++) out[k] = d[k].a;
  free(d);
  return rc;
}

/* ps_tornado_run — the scenario as given and each key moved down and up; *out
** a new tornado to ps_tornado_free, NULL on failure (status and message of the
** first run or key that failed) */
int ps_tornado_run(const char *file, const ps_override *sets, int nsets, const char *const *keys, int nkeys,
                   double by, const ps_options *opt, ps_tornado **out, char *err, size_t errlen) {
  ps_options runs = ps_study_runs(opt);
  opt = &runs;
  *out = NULL;
  ps_model *base = NULL;
  int rc = ps_model_new(file, sets, nsets, &base, err, errlen);
  if (rc) return rc;
  double *shift = NULL;
  if ((rc = ps_study_sampling(base, &runs, &shift, err, errlen))) {
    ps_model_free(base);
    return rc;
  }
  ps_tornado *t = calloc(1, sizeof *t);
  ps_override *all = malloc(((size_t)nsets + 2) * sizeof *all);
  if (!t || !all || tornado_alloc(t, base, keys, nkeys)) rc = out_of_memory(err, errlen);
  if (rc == PS_OK) {
    t->by = by;
    if (nsets) memcpy(all, sets, (size_t)nsets * sizeof *all);
  }
  for (int k = 0; rc == PS_OK && k < nkeys; k++) rc = tornado_values(t, k, base, file, all, nsets, err, errlen);
  if (rc == PS_OK) {
    party_run pr = {&t->figures, NULL, NULL, NULL, 0};
    rc = measure(file, all, nsets, opt, t->base, t->npools, &pr, &t->scenario, err, errlen);
    if (rc == PS_OK && base_means(&t->figures, &pr, t->base_parties)) rc = out_of_memory(err, errlen);
    party_free(&pr);
  }
  for (int k = 0; rc == PS_OK && k < nkeys; k++) rc = tornado_key(t, k, file, all, nsets, opt, err, errlen);
  if (rc == PS_OK) qsort(t->keys, (size_t)nkeys, sizeof *t->keys, by_swing);
  free(all);
  free(shift);
  ps_model_free(base);
  if (rc) ps_tornado_free(t);
  else *out = t;
  return rc;
}

/* ps_tornado_free — free t and all it holds; NULL is fine */
void ps_tornado_free(ps_tornado *t) {
  if (!t) return;
  for (int k = 0; t->keys && k < t->nkeys; k++) {
    free(t->keys[k].key);
    free(t->keys[k].partner);
    free(t->keys[k].lo);
    free(t->keys[k].hi);
    free(t->keys[k].parties);
  }
  free(t->keys);
  for (int p = 0; t->pools && p < t->npools; p++) free(t->pools[p]);
  free(t->pools);
  free(t->base);
  free(t->base_parties);
  ps_study_figures_destroy(&t->figures);
  ps_study_scenario_destroy(&t->scenario);
  free(t);
}

/* ---- largest volume ------------------------------------------------------------ */

/* does programme g pay into pool account a (as a share or an excess layer)? */
static int feeds(const ps_programme *g, int a) {
  for (int i = 0; i < g->nshares; i++)
    if (g->shares[i].account == a) return 1;
  return g->layer.insurer >= 0 && g->layer.payer == a;
}

/* the new loans of each of the model's segments before scaling (and the means of Poisson
** volumes): n of them */
typedef struct {
  const int *loans;
  const double *means;
  int n;
} base_lending;

/* one run at scale k: the covered programmes' lending actually originated (means over paths) */
typedef struct {
  double lent, loans, declined, stopped; /* yuan, loans, loans declined, periods lending stopped */
  ps_estimate prob;                      /* the pool's P(depletion) */
  long paths;
  double effective_paths; /* the run's (stats/weighted.h) */
} at_scale;

/* the covered lending of r: what the programmes paying into pool account a originated, means over the
** paths (in one process: size --volume is not distributed). Under tail sampling each path weighs its
** likelihood ratio and the sum is divided by the weights' sum, not by the paths: lending that does not
** depend on the path (no Poisson volume, nothing that stops or declines lending) is then its own value
** exactly, not that value times the weights' mean */
static at_scale covered(const ps_results *r, int a) {
  const ps_model *m = r->m;
  const ps_outcomes *o = &r->outcomes;
  at_scale x = {0};
  double n = 0;
  for (long i = 0; i < r->paths; i++) n += o->weight ? o->weight[i] : 1;
  for (int g = 0; g < m->nprogrammes; g++) {
    if (!feeds(&m->programmes[g], a)) continue;
    for (long i = 0; i < r->paths; i++) {
      size_t k = ps_slot(o, g, i);
      double w = o->weight ? o->weight[i] : 1;
      x.lent += w * o->lent[k];
      x.loans += w * o->originated[k];
      if (o->declined) x.declined += w * o->declined[k]; /* NULL: none (sim/outcomes.h) */
      if (o->stopped) x.stopped += w * o->stopped[k];
    }
  }
  if (!(n > 0)) n = 1;
  x.lent /= n;
  x.loans /= n;
  x.declined /= n;
  x.stopped /= n;
  return x;
}

/* the pool p's P(depletion) and the covered lending when the covered segments want k times their loans
** (and the party figures' series into pr, unless NULL) */
static int depletion_at_scale(ps_model *m, base_lending base, int p, double k, const ps_options *opt, at_scale *x,
                              party_run *pr, char *err, size_t errlen) {
  int a = ps_account_of_pool(m, p);
  for (int s = 0; s < base.n; s++) {
    ps_segment *seg = &m->segments[s];
    if (!feeds(&m->programmes[seg->programme], a)) continue;
    seg->new_loans = (int)llround(base.loans[s] * k);
    if (seg->volume.poisson) ps_scenario_scale_volume(m, &seg->volume, base.means[s] * k);
  }
  ps_results *r = NULL;
  int failed = ps_scenario_run(m, opt, &r, err, errlen);
  if (failed) return failed;
  *x = covered(r, a);
  x->prob = r->pools[p].depletion;
  x->paths = r->paths;
  x->effective_paths = r->effective_paths;
  int rc = pr && party_keep(pr, &r, NULL) ? out_of_memory(err, errlen) : PS_OK;
  ps_results_free(r);
  return rc;
}

/* the periods in which the covered segments lend (first to last, at least one) */
static int lending_periods(const ps_model *m, base_lending base, int a) {
  int first = 0, last = -1;
  for (int s = 0; s < base.n; s++) {
    const ps_segment *seg = &m->segments[s];
    if (!feeds(&m->programmes[seg->programme], a)) continue;
    if (last < first || seg->first < first) first = seg->first < 1 ? 1 : seg->first;
    if (seg->last > last) last = seg->last;
  }
  return last >= first ? last - first + 1 : 1;
}

/* the cap a covered programme that declined loans lends within: its own leverage or a guarantor's,
** whichever is smaller, into row */
static int name_leverage(const ps_model *m, int a, ps_volume_row *row) {
  double best = INFINITY;
  const char *programme = NULL, *party = NULL;
  for (int g = 0; g < m->nprogrammes; g++) {
    const ps_programme *pg = &m->programmes[g];
    if (!feeds(pg, a)) continue;
    if (pg->leverage > 0 && pg->leverage * (double)pg->allocation < best) {
      best = pg->leverage * (double)pg->allocation;
      programme = pg->id;
      party = m->parties[m->pools[a - m->nparties].owner].name;
      row->binds = PS_VOLUME_LEVERAGE;
      row->multiple = pg->leverage;
      row->of = (double)pg->allocation / PS_FEN_PER_YUAN;
    }
    for (int i = 0; i < pg->nshares; i++) {
      int q = pg->shares[i].account;
      if (q >= m->nparties || m->parties[q].kind != PS_PARTY_GUARANTOR || m->parties[q].leverage_limit <= 0) continue;
      double cap = m->parties[q].leverage_limit * (double)m->parties[q].capital;
      if (cap < best) {
        best = cap;
        programme = pg->id;
        party = m->parties[q].name;
        row->binds = PS_VOLUME_GUARANTOR;
        row->multiple = m->parties[q].leverage_limit;
        row->of = (double)m->parties[q].capital / PS_FEN_PER_YUAN;
      }
    }
  }
  if (!programme) return PS_OK;
  row->cap = best / PS_FEN_PER_YUAN;
  row->programme = copy_string(programme);
  row->party = copy_string(party);
  return row->programme && row->party ? PS_OK : PS_ERUNTIME;
}

/* fill row from the run at k; binds: the pool, the search's end, or PS_VOLUME_OTHER when lending
** stopped growing, made precise here (a leverage that declined loans, a trigger that stopped lending) */
static int volume_row(const ps_model *m, int a, int periods, double k, const at_scale *x, ps_volume_limit binds,
                      ps_volume_row *row) {
  row->scale = k;
  row->lending = x->lent;
  row->loans_per_period = x->loans / periods;
  row->lending_per_year = x->lent / (periods * m->dt);
  row->declined = x->loans + x->declined > 0 ? x->declined / (x->loans + x->declined) : 0;
  row->depletion = x->prob;
  row->binds = binds;
  if (binds != PS_VOLUME_OTHER) return PS_OK;
  if (x->declined > 0) {
    int rc = name_leverage(m, a, row);
    if (rc || row->binds != PS_VOLUME_OTHER) return rc;
  }
  if (x->stopped > 0) row->binds = PS_VOLUME_STOPPED;
  return PS_OK;
}

/* lending has stopped growing when k twice as large lends less than 0.5% more */
#define PS_VOLUME_FLAT 1.005

/* the largest k for alpha: grow k until the pool runs short too often, or until lending stops
** growing (a limit other than the pool binds: the answer stops there), then bisect to 1%; the
** party figures there against those at k = 1 (at) */
static int largest_scale(ps_model *m, base_lending base, int p, double alpha, const ps_options *opt,
                         ps_volume_row *row, const party_run *at, char *err, size_t errlen) {
  int a = ps_account_of_pool(m, p), periods = lending_periods(m, base, a);
  double lo = 0, hi = 1;
  at_scale x, at_lo = {0};
  ps_volume_limit binds = PS_VOLUME_POOL;
  row->alpha = alpha;
  int rc = PS_OK, searching = 1;
  while (searching && (rc = depletion_at_scale(m, base, p, hi, opt, &x, NULL, err, errlen)) == PS_OK &&
         x.prob.value <= alpha) {
    if (lo > 0 && x.lent <= at_lo.lent * PS_VOLUME_FLAT) { /* a limit binds before the pool */
      binds = PS_VOLUME_OTHER;
      searching = 0;
    } else if (hi >= 512) {
      lo = hi;
      binds = PS_VOLUME_SEARCH;
      searching = 0;
    } else {
      lo = hi;
      at_lo = x;
      hi *= 2;
    }
  }
  while (rc == PS_OK && searching && hi - lo > 0.01 * hi) {
    double mid = (lo + hi) / 2;
    if ((rc = depletion_at_scale(m, base, p, mid, opt, &x, NULL, err, errlen))) break;
    if (x.prob.value <= alpha) lo = mid;
    else hi = mid;
  }
  /* the answer's run again, on the same paths, with the parties' figures */
  party_run pr = {at->f, NULL, NULL, NULL, 0};
  if (rc == PS_OK) rc = depletion_at_scale(m, base, p, lo, opt, &x, &pr, err, errlen);
  if (rc == PS_OK) rc = volume_row(m, a, periods, lo, &x, binds, row);
  if (rc == PS_OK && !(row->parties = calloc((size_t)at->f->n + 1, sizeof *row->parties))) rc = out_of_memory(err, errlen);
  if (rc == PS_OK && party_diff(at, &pr, row->parties)) rc = out_of_memory(err, errlen);
  party_free(&pr);
  return rc;
}

/* ps_volume_run — the largest k for each target by bisection; *out a new
** volume to ps_volume_free, NULL on failure (PS_EINPUT: a bad file or pool id) */
int ps_volume_run(const char *file, const ps_override *sets, int nsets, const ps_options *opt,
                  const ps_study_options *so, ps_volume **out, char *err, size_t errlen) {
  ps_options runs = ps_study_runs(opt);
  opt = &runs;
  *out = NULL;
  ps_model *m = NULL;
  int rc = ps_model_new(file, sets, nsets, &m, err, errlen);
  if (rc) return rc;
  double *shift = NULL;
  if ((rc = ps_study_sampling(m, &runs, &shift, err, errlen))) {
    ps_model_free(m);
    return rc;
  }
  const char *pool = so ? so->pool : NULL;
  int p = pool ? pool_of(m, pool) : 0;
  m->track_lent = 1; /* the answer is the lending originated */
  int nalphas;
  const double *alphas = targets(so, &nalphas);
  int *base_loans = calloc((size_t)(m->nsegments > 0 ? m->nsegments : 1), sizeof *base_loans);
  double *base_means = calloc((size_t)(m->nsegments > 0 ? m->nsegments : 1), sizeof *base_means);
  ps_volume *v = calloc(1, sizeof *v);
  if (v) v->rows = calloc((size_t)(nalphas > 0 ? nalphas : 1), sizeof *v->rows);
  if (p < 0) {
    snprintf(err, errlen, "--pool %s: the scenario has no pool with that id", pool);
    rc = PS_EINPUT;
  } else if (ps_pool_lends_bridges(m, p)) { /* it declines requests rather than running short */
    snprintf(err, errlen, "--volume: pool '%s' lends to a bridge fund, which declines requests rather than running "
             "short: size it with --serve", m->pools[p].id);
    rc = PS_EINPUT;
  } else if (!base_loans || !base_means || !v || !v->rows || ps_study_scenario_init(&v->scenario, m) ||
             !(v->pool = copy_string(m->pools[p].id))) {
    rc = out_of_memory(err, errlen);
  }
  for (int s = 0; rc == PS_OK && s < m->nsegments; s++) {
    base_loans[s] = m->segments[s].new_loans;
    base_means[s] = m->segments[s].volume.mean;
  }
  /* only the scenario's own segments scale: a loan tape's groups are the book as it is (a group's
  ** new_loans is the count of its rows; scaled past it, it would read beyond its amounts) */
  base_lending lending = {base_loans, base_means, m->nown_segments};
  at_scale now;
  party_run at = {&v->figures, NULL, NULL, NULL, 0};
  if (rc == PS_OK && ps_study_figures_init(&v->figures, m, NULL)) rc = out_of_memory(err, errlen);
  if (rc == PS_OK) rc = depletion_at_scale(m, lending, p, 1, opt, &now, &at, err, errlen);
  if (rc == PS_OK) {
    v->base_lending = now.lent;
    v->base_depletion = now.prob.value;
    v->scenario.paths = now.paths;
    v->scenario.effective_paths = now.effective_paths;
  }
  for (int a = 0; rc == PS_OK && a < nalphas; a++) {
    rc = largest_scale(m, lending, p, alphas[a], opt, &v->rows[a], &at, err, errlen);
    v->nrows = a + 1;
  }
  party_free(&at);
  free(shift);
  free(base_loans);
  free(base_means);
  ps_model_free(m);
  if (rc) ps_volume_free(v);
  else *out = v;
  return rc;
}

/* ps_volume_free — free v and all it holds; NULL is fine */
void ps_volume_free(ps_volume *v) {
  if (!v) return;
  for (int a = 0; v->rows && a < v->nrows; a++) {
    free(v->rows[a].programme);
    free(v->rows[a].party);
    free(v->rows[a].parties);
  }
  free(v->rows);
  ps_study_figures_destroy(&v->figures);
  free(v->pool);
  ps_study_scenario_destroy(&v->scenario);
  free(v);
}
