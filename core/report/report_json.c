/* report_json.c — the versioned JSON result (docs/json-schema.md). Amounts in yuan. */
#include <cJSON.h>
#include <stdlib.h>

#include "report/report.h"
#include "stats/sizing.h"

static const char *const step_names[] = {"month", "quarter", "year"};
static const char *const kind_names[] = {"government", "bank", "guarantor", "reguarantor", "insurer"};

static cJSON *stats_json(const ps_stats *s) {
  cJSON *o = cJSON_CreateObject();
  const struct {
    const char *name;
    double v;
  } f[] = {{"mean", s->mean}, {"sd", s->sd},     {"se", s->se},       {"min", s->min},   {"max", s->max},
           {"p50", s->p50},   {"p90", s->p90},   {"p95", s->p95},     {"p99", s->p99},   {"p995", s->p995},
           {"p999", s->p999}, {"es95", s->es95}, {"es99", s->es99}};
  for (size_t i = 0; i < sizeof f / sizeof *f; i++) cJSON_AddNumberToObject(o, f[i].name, f[i].v);
  return o;
}

static cJSON *interval_json(const ps_estimate *e) {
  double ci[2] = {e->lo, e->hi};
  return cJSON_CreateDoubleArray(ci, 2);
}

/* a probability: {value, ci: [lo, hi]} */
static cJSON *prob_json(const ps_estimate *e) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "value", e->value);
  cJSON_AddItemToObject(o, "ci", interval_json(e));
  return o;
}

static cJSON *scenario_json(const ps_model *m) {
  cJSON *s = cJSON_CreateObject();
  cJSON_AddStringToObject(s, "name", m->name);
  cJSON_AddStringToObject(s, "file", m->file);
  cJSON_AddStringToObject(s, "sha256", m->sha256);
  cJSON_AddNumberToObject(s, "periods", m->periods);
  cJSON_AddStringToObject(s, "step", step_names[m->step]);
  cJSON *files = cJSON_AddArrayToObject(s, "data_files");
  for (int i = 0; i < m->ndata; i++) {
    cJSON *f = cJSON_CreateObject();
    cJSON_AddStringToObject(f, "file", m->data_files[i]);
    cJSON_AddStringToObject(f, "sha256", m->data_sha256[i]);
    cJSON_AddItemToArray(files, f);
  }
  cJSON *sets = cJSON_AddArrayToObject(s, "overrides");
  for (int i = 0; i < m->nsets; i++) {
    cJSON *kv = cJSON_CreateObject();
    cJSON_AddStringToObject(kv, "key", m->set_keys[i]);
    cJSON_AddStringToObject(kv, "value", m->set_values[i]);
    cJSON_AddItemToArray(sets, kv);
  }
  return s;
}

/* {total, programmes: {id: part}, banks: {id: part}}: an Euler allocation of ES */
static cJSON *drivers_json(const ps_model *m, double total, const double *by_programme, const double *by_segment) {
  cJSON *d = cJSON_CreateObject();
  cJSON_AddNumberToObject(d, "total", total);
  cJSON *progs = cJSON_AddObjectToObject(d, "programmes");
  for (int g = 0; g < m->nprogrammes; g++) cJSON_AddNumberToObject(progs, m->programmes[g].id, by_programme[g]);
  cJSON *segments = cJSON_AddObjectToObject(d, "segments");
  for (int s = 0; s < m->ndrivers; s++)
    cJSON_AddNumberToObject(segments, s < m->nown_segments ? m->segments[s].id : "(loan tapes without a segment)",
                            by_segment[s]);
  cJSON *banks = cJSON_AddObjectToObject(d, "banks");
  for (int b = 0; b < m->nparties; b++) {
    if (m->parties[b].kind != PS_PARTY_BANK) continue;
    double sum = 0;
    int any = 0;
    for (int g = 0; g < m->nprogrammes; g++)
      if (m->programmes[g].bank == b) {
        sum += by_programme[g];
        any = 1;
      }
    if (any) cJSON_AddNumberToObject(banks, m->parties[b].id, sum);
  }
  return d;
}

static cJSON *pool_json(const ps_results *r, int i, const ps_report_options *o) {
  const ps_model *m = r->m;
  const ps_pool_result *p = &r->pools[i];
  cJSON *j = cJSON_CreateObject();
  cJSON_AddStringToObject(j, "owner", m->parties[m->pools[i].owner].id);
  cJSON_AddNumberToObject(j, "initial", p->initial);
  cJSON_AddItemToObject(j, "claims", stats_json(&p->claims));
  cJSON_AddItemToObject(j, "paid", stats_json(&p->paid));
  cJSON_AddItemToObject(j, "shortfall", stats_json(&p->shortfall));
  cJSON_AddItemToObject(j, "recovered", stats_json(&p->recovered));
  cJSON_AddItemToObject(j, "net_outlay", stats_json(&p->net_outlay));
  cJSON_AddItemToObject(j, "unsettled", stats_json(&p->unsettled));
  cJSON_AddItemToObject(j, "required_initial", stats_json(&p->required_initial));
  cJSON_AddItemToObject(j, "topups", stats_json(&p->topups));
  cJSON_AddItemToObject(j, "returned", stats_json(&p->returned));
  cJSON_AddItemToObject(j, "depletion", prob_json(&p->depletion));
  cJSON *by_year = cJSON_AddArrayToObject(j, "depletion_by_year");
  for (int y = 0; y < p->nyears; y++) {
    cJSON *e = prob_json(&p->depletion_by_year[y]);
    cJSON_AddNumberToObject(e, "year", y + 1);
    cJSON_AddItemToArray(by_year, e);
  }
  cJSON *drivers = cJSON_AddObjectToObject(j, "tail_drivers");
  cJSON_AddItemToObject(drivers, "es95", drivers_json(m, p->net_outlay.es95, p->es95_by_programme, p->es95_by_segment));
  cJSON_AddItemToObject(drivers, "es99", drivers_json(m, p->net_outlay.es99, p->es99_by_programme, p->es99_by_segment));
  cJSON *bands = cJSON_AddObjectToObject(j, "balance_bands");
  cJSON_AddNumberToObject(bands, "paths", (double)p->band_paths);
  cJSON_AddItemToObject(bands, "p05", cJSON_CreateDoubleArray(p->band_p05, m->periods));
  cJSON_AddItemToObject(bands, "p50", cJSON_CreateDoubleArray(p->band_p50, m->periods));
  cJSON_AddItemToObject(bands, "p95", cJSON_CreateDoubleArray(p->band_p95, m->periods));
  if (o->nat) {
    cJSON *at = cJSON_AddArrayToObject(j, "depletion_at");
    for (int k = 0; k < o->nat; k++) {
      ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, o->at[k]);
      cJSON *row = prob_json(&e);
      cJSON_AddNumberToObject(row, "initial", o->at[k]);
      cJSON_AddItemToArray(at, row);
    }
  }
  return j;
}

static cJSON *sizing_json(const ps_results *r, int i, const ps_report_options *o) {
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int n = o->alphas ? o->nalphas : PS_NALPHAS;
  cJSON *list = cJSON_CreateArray();
  for (int a = 0; a < n; a++) {
    ps_estimate e = ps_sizing_initial(r->pools[i].sorted_required, (size_t)r->paths, alphas[a]);
    cJSON *row = cJSON_CreateObject();
    cJSON_AddNumberToObject(row, "alpha", alphas[a]);
    cJSON_AddNumberToObject(row, "initial", e.value);
    cJSON_AddItemToObject(row, "ci", interval_json(&e));
    cJSON_AddItemToArray(list, row);
  }
  return list;
}

/* ps_report_json — the JSON document as a string to free(), or NULL (poolsim/report.h) */
char *ps_report_json(const ps_results *r, const ps_report_options *o) {
  const ps_model *m = r->m;
  cJSON *doc = cJSON_CreateObject();
  cJSON_AddNumberToObject(doc, "schema", PS_JSON_SCHEMA);
  cJSON_AddStringToObject(doc, "poolsim", PS_VERSION);
  cJSON_AddItemToObject(doc, "scenario", scenario_json(m));
  cJSON *run = cJSON_AddObjectToObject(doc, "run");
  cJSON_AddNumberToObject(run, "paths", (double)r->paths);
  cJSON_AddNumberToObject(run, "paths_requested", (double)r->paths_requested);
  cJSON_AddBoolToObject(run, "partial", r->stop_signal != 0);
  cJSON_AddNumberToObject(run, "seed", (double)r->seed);
  cJSON_AddNumberToObject(run, "threads", r->threads);
  cJSON_AddNumberToObject(run, "seconds", r->seconds);
  cJSON_AddNumberToObject(run, "statistics_seconds", r->statistics_seconds);
  cJSON_AddStringToObject(run, "sizing_method", r->searched           ? "search"
                                                : m->balance_feedback ? "running_max_with_feedback"
                                                                      : "running_max");

  cJSON *parties = cJSON_AddObjectToObject(doc, "parties");
  for (int i = 0; i < m->nparties; i++) {
    cJSON *p = cJSON_AddObjectToObject(parties, m->parties[i].id);
    cJSON_AddStringToObject(p, "kind", kind_names[m->parties[i].kind]);
    cJSON_AddStringToObject(p, "name", m->parties[i].name);
    const ps_party_result *pr = &r->parties[i];
    cJSON_AddItemToObject(p, "losses", stats_json(&pr->losses));
    cJSON_AddItemToObject(p, "net_result", stats_json(&pr->net_result));
    cJSON *by_year = cJSON_AddArrayToObject(p, "net_result_by_year");
    for (int y = 0; y < pr->nyears; y++) {
      cJSON *e = stats_json(&pr->net_by_year[y]);
      cJSON_AddNumberToObject(e, "year", y + 1);
      cJSON_AddItemToArray(by_year, e);
    }
    if (m->parties[i].kind == PS_PARTY_GOVERNMENT) {
      cJSON *outlay = cJSON_AddArrayToObject(p, "outlay_by_year");
      for (int y = 0; y < pr->nyears; y++) {
        cJSON *e = stats_json(&pr->outlay_by_year[y]);
        cJSON_AddNumberToObject(e, "year", y + 1);
        cJSON_AddItemToArray(outlay, e);
      }
      cJSON *budget = cJSON_AddArrayToObject(p, "budget");
      for (int y = 0; y < pr->nyears; y++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "year", y + 1);
        for (int k = 0; k < PS_NBUDGET; k++)
          cJSON_AddItemToObject(e, ps_budget_name((ps_budget_kind)k), stats_json(&pr->budget[y * PS_NBUDGET + k]));
        cJSON_AddItemToArray(budget, e);
      }
    }
    switch (m->parties[i].kind) {
    case PS_PARTY_BANK:
      cJSON_AddItemToObject(p, "npl_ratio_max", stats_json(&pr->ratio));
      if (m->parties[i].npl_tolerance > 0) cJSON_AddItemToObject(p, "npl_breach", prob_json(&pr->breached));
      break;
    case PS_PARTY_GUARANTOR:
      cJSON_AddItemToObject(p, "payout_rate", stats_json(&pr->ratio));
      cJSON_AddItemToObject(p, "unpaid", stats_json(&pr->unpaid));
      if (m->parties[i].capital > 0) cJSON_AddItemToObject(p, "capital_breach", prob_json(&pr->breached));
      break;
    case PS_PARTY_INSURER:
      cJSON_AddItemToObject(p, "loss_ratio", stats_json(&pr->ratio));
      cJSON_AddItemToObject(p, "unpaid", stats_json(&pr->unpaid));
      break;
    default:
      break;
    }
  }
  cJSON *pools = cJSON_AddObjectToObject(doc, "pools");
  for (int i = 0; i < m->npools; i++) cJSON_AddItemToObject(pools, m->pools[i].id, pool_json(r, i, o));
  cJSON *programmes = cJSON_AddObjectToObject(doc, "programmes");
  for (int i = 0; i < m->nprogrammes; i++) {
    cJSON *p = cJSON_AddObjectToObject(programmes, m->programmes[i].id);
    cJSON_AddStringToObject(p, "bank", m->parties[m->programmes[i].bank].id);
    cJSON_AddItemToObject(p, "originated", stats_json(&r->programmes[i].originated));
    cJSON_AddItemToObject(p, "defaults", stats_json(&r->programmes[i].defaults));
    cJSON_AddItemToObject(p, "defaulted_exposure", stats_json(&r->programmes[i].defaulted_exposure));
    cJSON_AddItemToObject(p, "refused", stats_json(&r->programmes[i].refused));
    cJSON_AddItemToObject(p, "capped", stats_json(&r->programmes[i].capped));
    cJSON_AddItemToObject(p, "paused_periods", stats_json(&r->programmes[i].paused));
    cJSON_AddItemToObject(p, "stopped_periods", stats_json(&r->programmes[i].stopped));
    cJSON_AddItemToObject(p, "declined", stats_json(&r->programmes[i].declined));
  }
  cJSON *sizing = cJSON_AddObjectToObject(doc, "sizing");
  for (int i = 0; i < m->npools; i++) cJSON_AddItemToObject(sizing, m->pools[i].id, sizing_json(r, i, o));

  char *text = cJSON_Print(doc);
  cJSON_Delete(doc);
  return text;
}
