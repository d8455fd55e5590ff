/* study.c — several runs on common random numbers: compare two scenarios, or
** sweep a scenario over a grid of values. Every run uses the same seed and
** paths, so path i of one run sees the same factors as path i of another and
** differences come from the policy, not from noise; the paired differences
** carry their own (smaller) Monte Carlo error. */
#include "stats/study.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/format.h"
#include "report/output.h"
#include "report/report.h"
#include "stats/sizing.h"

static int pool_of(const ps_model *m, const char *id) {
  for (int i = 0; i < m->npools; i++)
    if (strcmp(m->pools[i].id, id) == 0) return i;
  return -1;
}

/* mean and standard error of b_i - a_i over paths */
static void paired(const double *a, const double *b, long n, double *mean, double *se) {
  double s = 0, ss = 0;
  for (long i = 0; i < n; i++) s += b[i] - a[i];
  *mean = s / (double)n;
  for (long i = 0; i < n; i++) ss += (b[i] - a[i] - *mean) * (b[i] - a[i] - *mean);
  *se = n > 1 ? sqrt(ss / (double)(n - 1) / (double)n) : 0;
}

static cJSON *diff_json(double a, double b, double mean, double se) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "a", a);
  cJSON_AddNumberToObject(o, "b", b);
  cJSON_AddNumberToObject(o, "diff", mean);
  cJSON_AddNumberToObject(o, "se", se);
  double ci[2] = {mean - 1.959964 * se, mean + 1.959964 * se};
  cJSON_AddItemToObject(o, "ci", cJSON_CreateDoubleArray(ci, 2));
  return o;
}

static int write_json(cJSON *doc, const char *path, char *err, size_t errlen) {
  char *text = cJSON_Print(doc);
  int rc = text ? ps_write_file_atomic(path, text, strlen(text), err, errlen) : -1;
  if (!text) snprintf(err, errlen, "out of memory writing JSON");
  free(text);
  return rc;
}

/* the page of ps_report_study_html for the same document */
static int write_html(const cJSON *doc, const char *path, const ps_report_options *ro, char *err, size_t errlen) {
  char *text = ps_report_study_html(doc, ro->lang);
  int rc = text ? ps_write_file_atomic(path, text, strlen(text), err, errlen) : -1;
  if (!text) snprintf(err, errlen, "out of memory writing HTML");
  free(text);
  return rc;
}

static cJSON *document(void) {
  cJSON *doc = cJSON_CreateObject();
  cJSON_AddNumberToObject(doc, "schema", PS_JSON_SCHEMA);
  cJSON_AddStringToObject(doc, "poolsim", PS_VERSION);
  return doc;
}

static cJSON *scenario_json(const ps_model *m) {
  cJSON *s = cJSON_CreateObject();
  cJSON_AddStringToObject(s, "name", m->name);
  cJSON_AddStringToObject(s, "file", m->file);
  cJSON_AddStringToObject(s, "sha256", m->sha256);
  return s;
}

/* per-path net outlay and depletion indicator of pool p */
static void pool_series(const ps_results *r, int p, double *outlay, double *depleted) {
  const ps_outcomes *o = &r->outcomes;
  for (long i = 0; i < r->paths; i++) {
    size_t k = ps_slot(o, p, i);
    outlay[i] = o->paid[k] - o->recovered[k];
    depleted[i] = o->depletion[k] > 0;
  }
}

int ps_study_compare(const ps_model *a, const ps_model *b, const ps_options *opt, const ps_report_options *ro,
                     const char *json, const char *html, FILE *text, char **doc_text, char *err, size_t errlen) {
  ps_results *ra = NULL, *rb = NULL;
  int failed = ps_scenario_run(a, opt, &ra, err, errlen);
  if (!failed) failed = ps_scenario_run(b, opt, &rb, err, errlen);
  if (failed) { /* PS_EINPUT: more paths than memory holds */
    ps_results_destroy(ra);
    return failed;
  }
  long n = ra->paths;
  double *xa = malloc((size_t)n * 4 * sizeof(double));
  if (!xa) {
    snprintf(err, errlen, "out of memory");
    ps_results_destroy(ra);
    ps_results_destroy(rb);
    return PS_ERUNTIME;
  }
  double *da = xa + n, *xb = xa + 2 * n, *db = xa + 3 * n;
  const double *alphas = ro->alphas ? ro->alphas : ps_alphas;
  int nalphas = ro->alphas ? ro->nalphas : PS_NALPHAS;
  cJSON *doc = document();
  cJSON *cmp = cJSON_AddObjectToObject(doc, "compare");
  cJSON_AddItemToObject(cmp, "a", scenario_json(a));
  cJSON_AddItemToObject(cmp, "b", scenario_json(b));
  cJSON_AddNumberToObject(cmp, "paths", (double)n);
  cJSON_AddNumberToObject(cmp, "seed", (double)ra->seed);
  cJSON *pools = cJSON_AddObjectToObject(cmp, "pools");
  if (text)
    fprintf(text, "A: %s (%s)\nB: %s (%s)\n%ld paths each, seed %llu, common random numbers; B − A with its 95%% CI\n",
            a->name, a->file, b->name, b->file, n, ra->seed);
  int shared = 0;
  for (int pa = 0; pa < a->npools; pa++) {
    int pb = pool_of(b, a->pools[pa].id);
    if (pb < 0) continue;
    shared++;
    pool_series(ra, pa, xa, da);
    pool_series(rb, pb, xb, db);
    double m_out, se_out, m_dep, se_dep;
    paired(xa, xb, n, &m_out, &se_out);
    paired(da, db, n, &m_dep, &se_dep);
    const ps_pool_result *A = &ra->pools[pa], *B = &rb->pools[pb];
    cJSON *j = cJSON_AddObjectToObject(pools, a->pools[pa].id);
    cJSON_AddItemToObject(j, "net_outlay_mean", diff_json(A->net_outlay.mean, B->net_outlay.mean, m_out, se_out));
    cJSON_AddItemToObject(j, "depletion", diff_json(A->depletion.value, B->depletion.value, m_dep, se_dep));
    cJSON *sz = cJSON_AddArrayToObject(j, "sizing");
    char s1[32], s2[32], s3[32], s4[32], s5[32], s6[32];
    if (text) {
      fprintf(text, "\nPool '%s'\n", a->pools[pa].id);
      fprintf(text, "  net outlay (mean)   A %s   B %s   B−A %s ± %s\n", ps_money(A->net_outlay.mean, s1, sizeof s1),
              ps_money(B->net_outlay.mean, s2, sizeof s2), ps_money(m_out, s3, sizeof s3), ps_money(1.959964 * se_out, s4, sizeof s4));
      fprintf(text, "  P(depletion)        A %.2f%%   B %.2f%%   B−A %+.2f ± %.2f points\n", 100 * A->depletion.value,
              100 * B->depletion.value, 100 * m_dep, 100 * 1.959964 * se_dep);
    }
    for (int k = 0; k < nalphas; k++) {
      ps_estimate ea = ps_sizing_initial(A->sorted_required, (size_t)n, alphas[k]);
      ps_estimate eb = ps_sizing_initial(B->sorted_required, (size_t)n, alphas[k]);
      cJSON *row = cJSON_CreateObject();
      cJSON_AddNumberToObject(row, "alpha", alphas[k]);
      double ca[2] = {ea.lo, ea.hi}, cb[2] = {eb.lo, eb.hi};
      cJSON_AddNumberToObject(row, "a", ea.value);
      cJSON_AddItemToObject(row, "a_ci", cJSON_CreateDoubleArray(ca, 2));
      cJSON_AddNumberToObject(row, "b", eb.value);
      cJSON_AddItemToObject(row, "b_ci", cJSON_CreateDoubleArray(cb, 2));
      cJSON_AddItemToArray(sz, row);
      if (text) {
        char target[40];
        snprintf(target, sizeof target, "size for P<=%g%%", 100 * alphas[k]);
        fprintf(text, "  %-19s A %s (%s – %s)   B %s (%s – %s)\n", target, ps_money(ea.value, s1, sizeof s1),
                ps_money(ea.lo, s2, sizeof s2), ps_money(ea.hi, s3, sizeof s3), ps_money(eb.value, s4, sizeof s4),
                ps_money(eb.lo, s5, sizeof s5), ps_money(eb.hi, s6, sizeof s6));
      }
    }
  }
  int rc = PS_OK;
  if (!shared) {
    snprintf(err, errlen, "%s and %s have no pool id in common to compare", a->file, b->file);
    rc = PS_EINPUT;
  } else if ((json && write_json(doc, json, err, errlen)) || (html && write_html(doc, html, ro, err, errlen))) {
    rc = PS_ERUNTIME;
  } else if (doc_text && !(*doc_text = cJSON_Print(doc))) {
    snprintf(err, errlen, "out of memory");
    rc = PS_ERUNTIME;
  }
  cJSON_Delete(doc);
  free(xa);
  ps_results_destroy(ra);
  ps_results_destroy(rb);
  return rc;
}

/* the i-th combination of the grid: one value per key */
static void combination(const ps_vary *vary, int nvary, long i, int *pick) {
  for (int k = nvary - 1; k >= 0; k--) {
    pick[k] = (int)(i % vary[k].nvalues);
    i /= vary[k].nvalues;
  }
}

int ps_study_sweep(const char *file, const ps_override *sets, int nsets, const ps_vary *vary, int nvary,
                   const ps_options *opt, const ps_report_options *ro, const char *json, const char *html, FILE *text,
                   char *err, size_t errlen) {
  long rows = 1;
  for (int k = 0; k < nvary; k++) rows *= vary[k].nvalues;
  ps_override *all = malloc(((size_t)nsets + (size_t)nvary) * sizeof *all);
  if (!all) {
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  if (nsets) memcpy(all, sets, (size_t)nsets * sizeof *all);
  const double *alphas = ro->alphas ? ro->alphas : ps_alphas;
  int nalphas = ro->alphas ? ro->nalphas : PS_NALPHAS;
  cJSON *doc = document();
  cJSON *sw = cJSON_AddObjectToObject(doc, "sweep");
  cJSON *keys = cJSON_AddArrayToObject(sw, "keys");
  for (int k = 0; k < nvary; k++) cJSON_AddItemToArray(keys, cJSON_CreateString(vary[k].key));
  cJSON *list = cJSON_AddArrayToObject(sw, "rows");
  int rc = PS_OK;
  cJSON *scenario = NULL; /* the first run's scenario, for the audit */
  char s1[32], s2[32], s3[32];
  if (text) {
    for (int k = 0; k < nvary; k++) fprintf(text, "%-28s ", vary[k].key);
    fprintf(text, "%-10s %-20s %-12s %-12s", "pool", "P(depletion)", "net outlay", "p95 outlay");
    for (int a = 0; a < nalphas; a++) {
      char head[24];
      snprintf(head, sizeof head, "size@%g%%", 100 * alphas[a]);
      fprintf(text, " %-11s", head);
    }
    fprintf(text, "\n");
  }
  for (long i = 0; rc == PS_OK && i < rows; i++) {
    int pick[PS_MAX_VARY];
    combination(vary, nvary, i, pick);
    for (int k = 0; k < nvary; k++) all[nsets + k] = (ps_override){vary[k].key, vary[k].values[pick[k]]};
    ps_model *m = NULL;
    ps_results *r = NULL;
    if ((rc = ps_scenario_open(file, all, nsets + nvary, &m, err, errlen))) break;
    if ((rc = ps_scenario_run(m, opt, &r, err, errlen))) {
      ps_scenario_close(m);
      break;
    }
    if (!scenario) scenario = scenario_json(m);
    cJSON *row = cJSON_CreateObject();
    cJSON *vals = cJSON_AddObjectToObject(row, "values");
    for (int k = 0; k < nvary; k++) cJSON_AddStringToObject(vals, vary[k].key, vary[k].values[pick[k]]);
    cJSON *pools = cJSON_AddObjectToObject(row, "pools");
    for (int p = 0; p < m->npools; p++) {
      if (ro->pool && strcmp(ro->pool, m->pools[p].id) != 0) continue;
      const ps_pool_result *pr = &r->pools[p];
      cJSON *pj = cJSON_AddObjectToObject(pools, m->pools[p].id);
      cJSON *dep = cJSON_AddObjectToObject(pj, "depletion");
      cJSON_AddNumberToObject(dep, "value", pr->depletion.value);
      double ci[2] = {pr->depletion.lo, pr->depletion.hi};
      cJSON_AddItemToObject(dep, "ci", cJSON_CreateDoubleArray(ci, 2));
      cJSON_AddNumberToObject(pj, "net_outlay_mean", pr->net_outlay.mean);
      cJSON_AddNumberToObject(pj, "net_outlay_p95", pr->net_outlay.p95);
      cJSON *sz = cJSON_AddArrayToObject(pj, "sizing");
      if (text) {
        for (int k = 0; k < nvary; k++) fprintf(text, "%-28s ", vary[k].values[pick[k]]);
        char dep_text[40];
        snprintf(dep_text, sizeof dep_text, "%.2f%% (%.2f–%.2f)", 100 * pr->depletion.value, 100 * pr->depletion.lo,
                 100 * pr->depletion.hi);
        fprintf(text, "%-10s %-20s %-12s %-12s", m->pools[p].id, dep_text, ps_money(pr->net_outlay.mean, s1, sizeof s1),
                ps_money(pr->net_outlay.p95, s2, sizeof s2));
      }
      for (int a = 0; a < nalphas; a++) {
        ps_estimate e = ps_sizing_initial(pr->sorted_required, (size_t)r->paths, alphas[a]);
        cJSON *s = cJSON_CreateObject();
        cJSON_AddNumberToObject(s, "alpha", alphas[a]);
        cJSON_AddNumberToObject(s, "initial", e.value);
        double eci[2] = {e.lo, e.hi};
        cJSON_AddItemToObject(s, "ci", cJSON_CreateDoubleArray(eci, 2));
        cJSON_AddItemToArray(sz, s);
        if (text) fprintf(text, " %-11s", ps_money(e.value, s3, sizeof s3));
      }
      if (text) fprintf(text, "\n");
    }
    cJSON_AddItemToArray(list, row);
    ps_results_destroy(r);
    ps_scenario_close(m);
  }
  if (scenario) cJSON_AddItemToObject(sw, "scenario", scenario); /* the first row's, as run */
  if (rc == PS_OK && json && write_json(doc, json, err, errlen)) rc = PS_ERUNTIME;
  if (rc == PS_OK && html && write_html(doc, html, ro, err, errlen)) rc = PS_ERUNTIME;
  cJSON_Delete(doc);
  free(all);
  return rc;
}

/* one run with an extra override; fills the p95 net outlay and depletion of each pool */
static int measure(const char *file, ps_override *all, int n, const ps_options *opt, double *p95, double *depletion,
                   int npools, char *err, size_t errlen) {
  ps_model *m = NULL;
  ps_results *r = NULL;
  int rc = ps_scenario_open(file, all, n, &m, err, errlen);
  if (rc) return rc;
  rc = ps_scenario_run(m, opt, &r, err, errlen);
  for (int p = 0; rc == PS_OK && p < npools && p < m->npools; p++) {
    p95[p] = r->pools[p].net_outlay.p95;
    depletion[p] = r->pools[p].depletion.value;
  }
  ps_results_destroy(r);
  ps_scenario_close(m);
  return rc;
}

typedef struct {
  const char *key;
  double base, lo_value, hi_value, swing;
  double *lo_p95, *hi_p95, *lo_dep, *hi_dep;
} tornado_bar;

static int by_swing(const void *a, const void *b) {
  const tornado_bar *x = a, *y = b;
  if (x->swing != y->swing) return x->swing < y->swing ? 1 : -1;
  return strcmp(x->key, y->key);
}

int ps_study_tornado(const char *file, const ps_override *sets, int nsets, const char *const *keys, int nkeys,
                     double by, const ps_options *opt, const ps_report_options *ro, const char *json,
                     const char *html, FILE *text, char *err, size_t errlen) {
  ps_model *base_model = NULL;
  int rc = ps_scenario_open(file, sets, nsets, &base_model, err, errlen);
  if (rc) return rc;
  int np = base_model->npools;
  ps_override *all = malloc(((size_t)nsets + 1) * sizeof *all);
  tornado_bar *bars = calloc((size_t)nkeys, sizeof *bars);
  double *values = calloc((size_t)(4 * nkeys + 2) * (size_t)np, sizeof(double));
  if (!all || !bars || !values) {
    snprintf(err, errlen, "out of memory");
    rc = PS_ERUNTIME;
  }
  if (all && nsets) memcpy(all, sets, (size_t)nsets * sizeof *all);
  double *base_p95 = values, *base_dep = values + np;
  if (rc == PS_OK) rc = measure(file, all, nsets, opt, base_p95, base_dep, np, err, errlen);
  char lo_text[64], hi_text[64];
  for (int k = 0; rc == PS_OK && k < nkeys; k++) {
    tornado_bar *b = &bars[k];
    b->key = keys[k];
    b->lo_p95 = values + (size_t)(2 + 4 * k) * (size_t)np;
    b->hi_p95 = b->lo_p95 + np;
    b->lo_dep = b->hi_p95 + np;
    b->hi_dep = b->lo_dep + np;
    if ((rc = ps_scenario_number(file, sets, nsets, keys[k], &b->base, err, errlen))) break;
    b->lo_value = b->base * (1 - by);
    b->hi_value = b->base * (1 + by);
    if (b->base == floor(b->base) && fabs(b->base) >= 1) { /* a count or a lag stays whole */
      b->lo_value = floor(b->lo_value);
      b->hi_value = ceil(b->hi_value);
    }
    snprintf(lo_text, sizeof lo_text, "%.17g", b->lo_value);
    snprintf(hi_text, sizeof hi_text, "%.17g", b->hi_value);
    all[nsets] = (ps_override){keys[k], lo_text};
    if ((rc = measure(file, all, nsets + 1, opt, b->lo_p95, b->lo_dep, np, err, errlen))) break;
    all[nsets] = (ps_override){keys[k], hi_text};
    if ((rc = measure(file, all, nsets + 1, opt, b->hi_p95, b->hi_dep, np, err, errlen))) break;
    for (int p = 0; p < np; p++) b->swing = fmax(b->swing, fabs(b->hi_p95[p] - b->lo_p95[p]));
  }
  if (rc == PS_OK) {
    qsort(bars, (size_t)nkeys, sizeof *bars, by_swing);
    cJSON *doc = document();
    cJSON *t = cJSON_AddObjectToObject(doc, "tornado");
    cJSON_AddItemToObject(t, "scenario", scenario_json(base_model));
    cJSON_AddNumberToObject(t, "by", by);
    cJSON *base = cJSON_AddObjectToObject(t, "base");
    for (int p = 0; p < np; p++) {
      cJSON *pj = cJSON_AddObjectToObject(base, base_model->pools[p].id);
      cJSON_AddNumberToObject(pj, "net_outlay_p95", base_p95[p]);
      cJSON_AddNumberToObject(pj, "depletion", base_dep[p]);
    }
    cJSON *list = cJSON_AddArrayToObject(t, "keys");
    char s1[32], s2[32], s3[32];
    for (int k = 0; k < nkeys; k++) {
      const tornado_bar *b = &bars[k];
      cJSON *row = cJSON_CreateObject();
      cJSON_AddStringToObject(row, "key", b->key);
      cJSON_AddNumberToObject(row, "base_value", b->base);
      cJSON *lo = cJSON_AddObjectToObject(row, "low"), *hi = cJSON_AddObjectToObject(row, "high");
      cJSON_AddNumberToObject(lo, "value", b->lo_value);
      cJSON_AddNumberToObject(hi, "value", b->hi_value);
      cJSON *lop = cJSON_AddObjectToObject(lo, "pools"), *hip = cJSON_AddObjectToObject(hi, "pools");
      for (int p = 0; p < np; p++) {
        cJSON *a = cJSON_AddObjectToObject(lop, base_model->pools[p].id);
        cJSON_AddNumberToObject(a, "net_outlay_p95", b->lo_p95[p]);
        cJSON_AddNumberToObject(a, "depletion", b->lo_dep[p]);
        cJSON *c = cJSON_AddObjectToObject(hip, base_model->pools[p].id);
        cJSON_AddNumberToObject(c, "net_outlay_p95", b->hi_p95[p]);
        cJSON_AddNumberToObject(c, "depletion", b->hi_dep[p]);
      }
      cJSON_AddItemToArray(list, row);
      for (int p = 0; text && p < np; p++)
        fprintf(text, "%-40s %-8s -%g%%: p95 %s (P %.2f%%)   base %s   +%g%%: p95 %s (P %.2f%%)\n", b->key,
                base_model->pools[p].id, 100 * by, ps_money(b->lo_p95[p], s1, sizeof s1), 100 * b->lo_dep[p],
                ps_money(base_p95[p], s2, sizeof s2), 100 * by, ps_money(b->hi_p95[p], s3, sizeof s3), 100 * b->hi_dep[p]);
    }
    if ((json && write_json(doc, json, err, errlen)) || (html && write_html(doc, html, ro, err, errlen))) rc = PS_ERUNTIME;
    cJSON_Delete(doc);
  }
  free(values);
  free(bars);
  free(all);
  ps_scenario_close(base_model);
  return rc;
}

/* does programme g pay into pool account a (as a share or an excess layer)? */
static int feeds(const ps_programme *g, int a) {
  for (int i = 0; i < g->nshares; i++)
    if (g->shares[i].account == a) return 1;
  return g->layer.insurer >= 0 && g->layer.payer == a;
}

/* P(depletion) of pool p when the covered segments lend k times their loans */
static int depletion_at_scale(ps_model *m, const int *base_loans, int p, double k, const ps_options *opt, double *prob,
                              double *volume, ps_estimate *ci, char *err, size_t errlen) {
  *volume = 0;
  for (int s = 0; s < m->nsegments; s++) {
    ps_segment *seg = &m->segments[s];
    if (!feeds(&m->programmes[seg->programme], ps_account_of_pool(m, p))) continue;
    seg->new_loans = (int)llround(base_loans[s] * k);
    *volume += (double)seg->new_loans * (seg->last - seg->first + 1) * seg->loan.mean;
  }
  ps_results *r = NULL;
  int failed = ps_scenario_run(m, opt, &r, err, errlen);
  if (failed) return failed;
  *prob = r->pools[p].depletion.value;
  *ci = r->pools[p].depletion;
  ps_results_destroy(r);
  return PS_OK;
}

int ps_study_max_volume(const char *file, const ps_override *sets, int nsets, const char *pool,
                        const ps_options *opt, const ps_report_options *ro, const char *json, const char *html,
                        FILE *text, char *err, size_t errlen) {
  ps_model *m = NULL;
  int rc = ps_scenario_open(file, sets, nsets, &m, err, errlen);
  if (rc) return rc;
  int p = pool ? pool_of(m, pool) : 0;
  int *base_loans = malloc((size_t)m->nsegments * sizeof *base_loans);
  if (p < 0) {
    snprintf(err, errlen, "--pool %s: the scenario has no pool with that id", pool);
    rc = PS_EINPUT;
  } else if (!base_loans) {
    snprintf(err, errlen, "out of memory");
    rc = PS_ERUNTIME;
  }
  for (int s = 0; rc == PS_OK && s < m->nsegments; s++) base_loans[s] = m->segments[s].new_loans;
  const double *alphas = ro->alphas ? ro->alphas : ps_alphas;
  int nalphas = ro->alphas ? ro->nalphas : PS_NALPHAS;
  cJSON *doc = document();
  cJSON *v = cJSON_AddObjectToObject(doc, "max_volume");
  cJSON_AddItemToObject(v, "scenario", scenario_json(m));
  if (p >= 0) cJSON_AddStringToObject(v, "pool", m->pools[p].id);
  cJSON *rows = cJSON_AddArrayToObject(v, "rows");
  double prob, volume, base_volume = 0;
  ps_estimate ci;
  if (rc == PS_OK) rc = depletion_at_scale(m, base_loans, p, 1, opt, &prob, &base_volume, &ci, err, errlen);
  if (rc == PS_OK && text)
    fprintf(text, "Pool '%s' with its initial balance; the scenario's covered lending is %.3f亿 (k = 1), P(depletion) %.2f%%\n",
            m->pools[p].id, base_volume / 1e8, 100 * prob);
  for (int a = 0; rc == PS_OK && a < nalphas; a++) {
    double lo = 0, hi = 1;
    /* grow hi until the pool runs short too often */
    while (rc == PS_OK && hi < 1024 && (rc = depletion_at_scale(m, base_loans, p, hi, opt, &prob, &volume, &ci, err, errlen)) == PS_OK &&
           prob <= alphas[a]) {
      lo = hi;
      hi *= 2;
    }
    while (rc == PS_OK && hi - lo > 0.01 * hi) {
      double mid = (lo + hi) / 2;
      if ((rc = depletion_at_scale(m, base_loans, p, mid, opt, &prob, &volume, &ci, err, errlen))) break;
      if (prob <= alphas[a]) lo = mid;
      else hi = mid;
    }
    if (rc == PS_OK) rc = depletion_at_scale(m, base_loans, p, lo, opt, &prob, &volume, &ci, err, errlen);
    if (rc) break;
    cJSON *row = cJSON_CreateObject();
    cJSON_AddNumberToObject(row, "alpha", alphas[a]);
    cJSON_AddNumberToObject(row, "scale", lo);
    cJSON_AddNumberToObject(row, "lending", volume);
    cJSON *dep = cJSON_AddObjectToObject(row, "depletion");
    cJSON_AddNumberToObject(dep, "value", ci.value);
    double c2[2] = {ci.lo, ci.hi};
    cJSON_AddItemToObject(dep, "ci", cJSON_CreateDoubleArray(c2, 2));
    cJSON_AddItemToArray(rows, row);
    if (text)
      fprintf(text, "  P(depletion) <= %g%%: lending up to k = %.2f x the scenario's, %.3f亿 (P %.2f%%, 95%% CI %.2f%% – %.2f%%)\n",
              100 * alphas[a], lo, volume / 1e8, 100 * ci.value, 100 * ci.lo, 100 * ci.hi);
  }
  if (rc == PS_OK && json && write_json(doc, json, err, errlen)) rc = PS_ERUNTIME;
  if (rc == PS_OK && html && write_html(doc, html, ro, err, errlen)) rc = PS_ERUNTIME;
  cJSON_Delete(doc);
  free(base_loans);
  ps_scenario_close(m);
  return rc;
}
