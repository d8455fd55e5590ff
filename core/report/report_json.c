/* report_json.c — the versioned JSON result (docs/json-schema.md) as a walk
** (report/doc.h) of a run's results: printed by ps_report_json, built as Lua
** tables for the drivers (lua/script.c). Amounts in yuan. */
#include <stdlib.h>

#include "report/doc.h"
#include "report/report.h"
#include "stats/sizing.h"

static const char *const step_names[] = {"month", "quarter", "year"};
static const char *const kind_names[] = {"government", "bank", "guarantor", "reguarantor", "insurer"};

/* the statistics object, left open for more members; key NULL: an array element */
static void stats_doc(ps_doc_sink *s, const char *key, const ps_stats *st) {
  const struct {
    const char *name;
    double v;
  } f[] = {{"mean", st->mean}, {"sd", st->sd},     {"se", st->se},       {"min", st->min},   {"max", st->max},
           {"p50", st->p50},   {"p90", st->p90},   {"p95", st->p95},     {"p99", st->p99},   {"p995", st->p995},
           {"p999", st->p999}, {"es95", st->es95}, {"es99", st->es99}};
  ps_doc_object(s, key);
  for (size_t i = 0; i < sizeof f / sizeof *f; i++) ps_doc_number(s, f[i].name, f[i].v);
}

static void interval_doc(ps_doc_sink *s, const char *key, const ps_estimate *e) {
  double ci[2] = {e->lo, e->hi};
  ps_doc_numbers(s, key, ci, 2);
}

/* a probability: {value, ci: [lo, hi]}, left open for more members */
static void prob_doc(ps_doc_sink *s, const char *key, const ps_estimate *e) {
  ps_doc_object(s, key);
  ps_doc_number(s, "value", e->value);
  interval_doc(s, "ci", e);
}

/* scenario.uncertain: each poolsim.uncertain parameter with the mean, p05 and p95 of its draws */
static void uncertain_doc(ps_doc_sink *s, const ps_results *r) {
  const ps_model *m = r->m;
  ps_doc_array(s, "uncertain", r->uncertain ? m->nuncertain : 0);
  for (int k = 0; r->uncertain && k < m->nuncertain; k++) {
    ps_doc_object(s, NULL);
    ps_doc_string(s, "key", m->uncertain[k].key);
    ps_doc_number(s, "mean", r->uncertain[k].mean);
    ps_doc_number(s, "p05", r->uncertain[k].p05);
    ps_doc_number(s, "p95", r->uncertain[k].p95);
    ps_doc_end(s);
  }
  ps_doc_end(s);
}

static void scenario_doc(ps_doc_sink *s, const ps_results *r) {
  const ps_model *m = r->m;
  ps_doc_object(s, "scenario");
  ps_doc_string(s, "name", m->name);
  ps_doc_string(s, "file", m->file);
  ps_doc_string(s, "sha256", m->sha256);
  ps_doc_number(s, "periods", m->periods);
  ps_doc_string(s, "step", step_names[m->step]);
  ps_doc_number(s, "discount_rate", m->discount_rate);
  ps_doc_array(s, "data_files", m->ndata);
  for (int i = 0; i < m->ndata; i++) {
    ps_doc_object(s, NULL);
    ps_doc_string(s, "file", m->data_files[i]);
    ps_doc_string(s, "sha256", m->data_sha256[i]);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  ps_doc_array(s, "overrides", m->nsets);
  for (int i = 0; i < m->nsets; i++) {
    ps_doc_object(s, NULL);
    ps_doc_string(s, "key", m->set_keys[i]);
    ps_doc_string(s, "value", m->set_values[i]);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  if (m->nuncertain) uncertain_doc(s, r);
  ps_doc_end(s);
}

/* {total, programmes: {id: part}, segments: {id: part}, banks: {id: part}}: an Euler allocation of ES;
** with pending claims (SPEC 2.3a), which are no programme's, their part is "pending" and the others
** sum to total less it */
static void drivers_doc(ps_doc_sink *s, const char *key, const ps_model *m, double total, const double *by_programme,
                        const double *by_segment, int pending) {
  ps_doc_object(s, key);
  ps_doc_number(s, "total", total);
  if (pending) {
    double rest = total;
    for (int g = 0; g < m->nprogrammes; g++) rest -= by_programme[g];
    ps_doc_number(s, "pending", rest);
  }
  ps_doc_object(s, "programmes");
  for (int g = 0; g < m->nprogrammes; g++) ps_doc_number(s, m->programmes[g].id, by_programme[g]);
  ps_doc_end(s);
  ps_doc_object(s, "segments");
  for (int i = 0; i < m->ndrivers; i++)
    ps_doc_number(s, i < m->nown_segments ? m->segments[i].id : "(loan tapes without a segment)", by_segment[i]);
  ps_doc_end(s);
  ps_doc_object(s, "banks");
  for (int b = 0; b < m->nparties; b++) {
    if (m->parties[b].kind != PS_PARTY_BANK) continue;
    double sum = 0;
    int any = 0;
    for (int g = 0; g < m->nprogrammes; g++)
      if (m->programmes[g].bank == b) {
        sum += by_programme[g];
        any = 1;
      }
    if (any) ps_doc_number(s, m->parties[b].id, sum);
  }
  ps_doc_end(s);
  ps_doc_end(s);
}

static void pool_doc(ps_doc_sink *s, const ps_results *r, int i, const ps_report_options *o) {
  const ps_model *m = r->m;
  const ps_pool_result *p = &r->pools[i];
  ps_doc_object(s, m->pools[i].id);
  ps_doc_string(s, "owner", m->parties[m->pools[i].owner].id);
  ps_doc_number(s, "initial", p->initial);
  const struct {
    const char *name;
    const ps_stats *st;
  } f[] = {{"claims", &p->claims},       {"paid", &p->paid},         {"shortfall", &p->shortfall},
           {"recovered", &p->recovered}, {"net_outlay", &p->net_outlay}, {"unsettled", &p->unsettled},
           {"required_initial", &p->required_initial}, {"topups", &p->topups}, {"returned", &p->returned}};
  for (size_t k = 0; k < sizeof f / sizeof *f; k++) {
    stats_doc(s, f[k].name, f[k].st);
    ps_doc_end(s);
  }
  prob_doc(s, "depletion", &p->depletion);
  ps_doc_end(s);
  ps_doc_array(s, "depletion_by_year", p->nyears);
  for (int y = 0; y < p->nyears; y++) {
    prob_doc(s, NULL, &p->depletion_by_year[y]);
    ps_doc_number(s, "year", y + 1);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  ps_doc_object(s, "tail_drivers");
  drivers_doc(s, "es95", m, p->net_outlay.es95, p->es95_by_programme, p->es95_by_segment, m->pools[i].pending != NULL);
  drivers_doc(s, "es99", m, p->net_outlay.es99, p->es99_by_programme, p->es99_by_segment, m->pools[i].pending != NULL);
  ps_doc_end(s);
  ps_doc_object(s, "balance_bands");
  ps_doc_number(s, "paths", (double)p->band_paths);
  ps_doc_numbers(s, "p05", p->band_p05, m->periods);
  ps_doc_numbers(s, "p50", p->band_p50, m->periods);
  ps_doc_numbers(s, "p95", p->band_p95, m->periods);
  ps_doc_end(s);
  if (o->nat) {
    ps_doc_array(s, "depletion_at", o->nat);
    for (int k = 0; k < o->nat; k++) {
      ps_estimate e = ps_results_depletion_at(r, p, o->at[k]);
      prob_doc(s, NULL, &e);
      ps_doc_number(s, "initial", o->at[k]);
      ps_doc_end(s);
    }
    ps_doc_end(s);
  }
  ps_doc_end(s);
}

/* pool i's sizing answer (stats/results.h): the sizing object's, or the run at point values' (point:
** sizing_point_values); for the sizing object, with how it settles when r has the balances in path
** order */
static void sizing_doc(ps_doc_sink *s, const ps_results *r, int i, int point, const ps_report_options *o) {
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int n = o->alphas ? o->nalphas : PS_NALPHAS;
  int in_order = !point && ps_results_has_convergence(r);
  /* the answers from the first n/16 ... n paths (none when out of memory: the answer still stands) */
  ps_estimate *at = calloc((size_t)(PS_CONVERGENCE_STEPS * n + 1), sizeof *at);
  ps_convergence_point steps[PS_CONVERGENCE_STEPS];
  for (int k = 0; at && k < PS_CONVERGENCE_STEPS; k++) steps[k].initial = at + (size_t)k * (size_t)n;
  int nsteps = at && in_order ? ps_results_convergence(r, i, alphas, n, steps) : 0;
  ps_doc_array(s, r->m->pools[i].id, n);
  for (int a = 0; a < n; a++) {
    ps_estimate e = point ? ps_results_point_sizing(r, i, alphas[a]) : ps_results_sizing(r, &r->pools[i], alphas[a]);
    ps_doc_object(s, NULL);
    ps_doc_number(s, "alpha", alphas[a]);
    ps_doc_number(s, "initial", e.value);
    if (r->serve > 0 && ps_pool_lends_bridges(r->m, i)) ps_doc_number(s, "serve", r->serve); /* size --serve: the share of bridge requests served */
    interval_doc(s, "ci", &e);
    if (in_order) {
      ps_doc_array(s, "convergence", nsteps > 0 ? nsteps : 0);
      for (int k = 0; k < nsteps; k++) {
        ps_doc_object(s, NULL);
        ps_doc_number(s, "paths", (double)steps[k].paths);
        ps_doc_number(s, "initial", steps[k].initial[a].value);
        interval_doc(s, "ci", &steps[k].initial[a]);
        ps_doc_end(s);
      }
      ps_doc_end(s);
    }
    ps_doc_end(s);
  }
  ps_doc_end(s);
  free(at);
}

/* a statistics object for each year, with its year */
static void years_doc(ps_doc_sink *s, const char *key, const ps_stats *by_year, int nyears) {
  ps_doc_array(s, key, nyears);
  for (int y = 0; y < nyears; y++) {
    stats_doc(s, NULL, &by_year[y]);
    ps_doc_number(s, "year", y + 1);
    ps_doc_end(s);
  }
  ps_doc_end(s);
}

/* a government's cost in public-finance terms: its PV, subsidy rate and cohorts (the book before
** period 1, year 0, only when there is one) */
static void cost_doc(ps_doc_sink *s, const ps_party_result *pr) {
  ps_doc_object(s, "cost");
  stats_doc(s, "pv", &pr->cost_pv);
  ps_doc_end(s);
  stats_doc(s, "subsidy_rate", &pr->subsidy_rate);
  ps_doc_end(s);
  int first = pr->volume_by_cohort[0] != 0 || pr->cost_by_cohort[0].max != 0 || pr->cost_by_cohort[0].min != 0 ? 0 : 1;
  ps_doc_array(s, "by_cohort", pr->ncohorts - first);
  for (int c = first; c < pr->ncohorts; c++) {
    ps_doc_object(s, NULL);
    ps_doc_number(s, "year", c);
    stats_doc(s, "pv", &pr->cost_by_cohort[c]);
    ps_doc_end(s);
    ps_doc_number(s, "volume", pr->volume_by_cohort[c]);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  ps_doc_end(s);
}

static void party_doc(ps_doc_sink *s, const ps_results *r, int i) {
  const ps_model *m = r->m;
  const ps_party_result *pr = &r->parties[i];
  ps_doc_object(s, m->parties[i].id);
  ps_doc_string(s, "kind", kind_names[m->parties[i].kind]);
  ps_doc_string(s, "name", m->parties[i].name);
  stats_doc(s, "losses", &pr->losses);
  ps_doc_end(s);
  stats_doc(s, "net_result", &pr->net_result);
  ps_doc_end(s);
  years_doc(s, "net_result_by_year", pr->net_by_year, pr->nyears);
  if (m->parties[i].kind == PS_PARTY_GOVERNMENT) {
    years_doc(s, "outlay_by_year", pr->outlay_by_year, pr->nyears);
    ps_doc_array(s, "budget", pr->nyears);
    for (int y = 0; y < pr->nyears; y++) {
      ps_doc_object(s, NULL);
      ps_doc_number(s, "year", y + 1);
      for (int k = 0; k < PS_NBUDGET; k++) {
        stats_doc(s, ps_budget_name((ps_budget_kind)k), &pr->budget[y * PS_NBUDGET + k]);
        ps_doc_end(s);
      }
      ps_doc_end(s);
    }
    ps_doc_end(s);
    cost_doc(s, pr);
  }
  const char *ratio = NULL, *breach = NULL;
  int unpaid = 0;
  switch (m->parties[i].kind) {
  case PS_PARTY_BANK:
    ratio = "npl_ratio_max";
    if (m->parties[i].npl_tolerance > 0) breach = "npl_breach";
    break;
  case PS_PARTY_GUARANTOR:
    ratio = "payout_rate";
    unpaid = 1;
    if (m->parties[i].capital > 0) breach = "capital_breach";
    break;
  case PS_PARTY_INSURER:
    ratio = "loss_ratio";
    unpaid = 1;
    break;
  default:
    break;
  }
  if (ratio) {
    stats_doc(s, ratio, &pr->ratio);
    ps_doc_end(s);
  }
  if (unpaid) {
    stats_doc(s, "unpaid", &pr->unpaid);
    ps_doc_end(s);
  }
  if (breach) {
    prob_doc(s, breach, &pr->breached);
    ps_doc_end(s);
  }
  ps_doc_end(s);
}

/* ps_results_doc — the run's document (report.h): scenario, run, parties, pools, programmes, sizing */
void ps_results_doc(const void *run, ps_doc_sink *s) {
  const ps_run_doc *d = run;
  const ps_results *r = d->r;
  const ps_model *m = r->m;
  ps_doc_object(s, NULL);
  ps_doc_number(s, "schema", PS_JSON_SCHEMA);
  ps_doc_string(s, "poolsim", PS_VERSION);
  scenario_doc(s, r);
  ps_doc_object(s, "run");
  ps_doc_number(s, "paths", (double)r->paths);
  ps_doc_number(s, "paths_requested", (double)r->paths_requested);
  ps_doc_bool(s, "partial", r->stop_signal != 0);
  ps_doc_number(s, "seed", (double)r->seed);
  ps_doc_number(s, "threads", r->threads);
  if (r->ranks) ps_doc_number(s, "ranks", r->ranks); /* poolsim-mpi only */
  ps_doc_number(s, "seconds", r->seconds);
  ps_doc_number(s, "statistics_seconds", r->statistics_seconds);
  ps_doc_string(s, "sampling", r->outcomes.weight ? "importance" : "plain");
  ps_doc_number(s, "effective_paths", r->effective_paths); /* the paths under plain sampling */
  ps_doc_string(s, "sizing_method", r->searched           ? "search"
                                    : m->balance_feedback ? "running_max_with_feedback"
                                                          : "running_max");
  ps_doc_end(s);
  ps_doc_object(s, "parties");
  for (int i = 0; i < m->nparties; i++) party_doc(s, r, i);
  ps_doc_end(s);
  ps_doc_object(s, "pools");
  for (int i = 0; i < m->npools; i++) pool_doc(s, r, i, d->o);
  ps_doc_end(s);
  ps_doc_object(s, "programmes");
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *g = &r->programmes[i];
    ps_doc_object(s, m->programmes[i].id);
    const ps_programme *pg = &m->programmes[i];
    if (pg->insurer >= 0) ps_doc_string(s, "insurer", m->parties[pg->insurer].id);
    else if (pg->lender >= 0) ps_doc_string(s, "lender", m->pools[pg->lender].id); /* a bridge fund */
    else ps_doc_string(s, "bank", m->parties[pg->bank].id);
    long seasoned = ps_model_seasoned(m, i); /* SPEC 2.3a; the key only when there are some */
    if (seasoned > 0) ps_doc_number(s, "seasoned", (double)seasoned);
    const struct {
      const char *name;
      const ps_stats *st;
    } f[] = {{"originated", &g->originated}, {"defaults", &g->defaults}, {"defaulted_exposure", &g->defaulted_exposure},
             {"refused", &g->refused},       {"capped", &g->capped},     {"paused_periods", &g->paused},
             {"stopped_periods", &g->stopped}, {"declined", &g->declined}};
    for (size_t k = 0; k < sizeof f / sizeof *f; k++) {
      stats_doc(s, f[k].name, f[k].st);
      ps_doc_end(s);
    }
    if (pg->lender >= 0) { /* bridges served: its originated */
      stats_doc(s, "served", &g->originated);
      ps_doc_end(s);
    }
    ps_doc_end(s);
  }
  ps_doc_end(s);
  ps_doc_object(s, "sizing");
  for (int i = 0; i < m->npools; i++) sizing_doc(s, r, i, 0, d->o);
  ps_doc_end(s);
  if (ps_results_has_point(r)) {
    ps_doc_object(s, "sizing_point_values");
    for (int i = 0; i < m->npools; i++) sizing_doc(s, r, i, 1, d->o);
    ps_doc_end(s);
  }
  ps_doc_end(s);
}

/* ps_report_json — the run's document as JSON text to free(), NULL when out of memory */
char *ps_report_json(const ps_results *r, const ps_report_options *o) {
  ps_run_doc d = {r, o};
  return ps_doc_json(ps_results_doc, &d);
}
