/* study_json.c — the studies' JSON documents (docs/json-schema.md): one walk
** per study (report/study_doc.h), printed by the JSON renderers of
** include/poolsim/study.h. Amounts in yuan, probabilities as fractions. */
#include "report/study_doc.h"

#include <string.h>

#include "report/report.h"

/* the members every document starts with */
static void document_open(ps_doc_sink *s, const char *study) {
  ps_doc_object(s, NULL);
  ps_doc_number(s, "schema", PS_JSON_SCHEMA);
  ps_doc_string(s, "poolsim", PS_VERSION);
  ps_doc_object(s, study);
}

static void document_close(ps_doc_sink *s) {
  ps_doc_end(s);
  ps_doc_end(s);
}

static void scenario_doc(ps_doc_sink *s, const char *key, const ps_study_scenario *sc) {
  ps_doc_object(s, key);
  ps_doc_string(s, "name", sc->name);
  ps_doc_string(s, "file", sc->file);
  ps_doc_string(s, "sha256", sc->sha256);
  ps_doc_string(s, "sampling", sc->importance ? "importance" : "plain"); /* the study's runs' */
  ps_doc_number(s, "effective_paths", sc->effective_paths);
  ps_doc_end(s);
}

static void interval_doc(ps_doc_sink *s, const char *key, double lo, double hi) {
  double ci[2] = {lo, hi};
  ps_doc_numbers(s, key, ci, 2);
}

/* a probability: {value, ci: [lo, hi]} */
static void prob_doc(ps_doc_sink *s, const char *key, const ps_estimate *e) {
  ps_doc_object(s, key);
  ps_doc_number(s, "value", e->value);
  interval_doc(s, "ci", e->lo, e->hi);
  ps_doc_end(s);
}

static void difference_doc(ps_doc_sink *s, const char *key, const ps_difference *d) {
  ps_doc_object(s, key);
  ps_doc_number(s, "a", d->a);
  ps_doc_number(s, "b", d->b);
  ps_doc_number(s, "diff", d->diff);
  ps_doc_number(s, "se", d->se);
  interval_doc(s, "ci", d->lo, d->hi);
  ps_doc_end(s);
}

/* how a party figure prints: compare's {a, b, diff, se, ci}; a row's {value, diff, se, ci} (value b,
** diff against the reference row); a tornado key's {low, high, swing, se, ci}; a plain number */
typedef enum { FIG_AB, FIG_ROW, FIG_SWING, FIG_PLAIN } figure_style;

static void figure_doc(ps_doc_sink *s, const char *measure, figure_style style, const ps_difference *d, double plain) {
  if (style == FIG_PLAIN) {
    ps_doc_number(s, measure, plain);
    return;
  }
  if (style == FIG_AB) {
    difference_doc(s, measure, d);
    return;
  }
  ps_doc_object(s, measure);
  if (style == FIG_SWING) {
    ps_doc_number(s, "low", d->a);
    ps_doc_number(s, "high", d->b);
    ps_doc_number(s, "swing", d->diff);
  } else {
    ps_doc_number(s, "value", d->b);
    ps_doc_number(s, "diff", d->diff);
  }
  ps_doc_number(s, "se", d->se);
  interval_doc(s, "ci", d->lo, d->hi);
  ps_doc_end(s);
}

/* "parties": {party id: {measure: figure}}, a party's figures next to each other (stats/study.h);
** d[f->n] (NULL with style FIG_PLAIN) or plain[f->n] */
static void parties_doc(ps_doc_sink *s, const ps_study_figures *f, figure_style style, const ps_difference *d,
                        const double *plain) {
  static const ps_difference none; /* FIG_PLAIN prints plain[k] only */
  ps_doc_object(s, "parties");
  for (int k = 0; k < f->n; k++) {
    if (k == 0 || strcmp(f->party[k], f->party[k - 1]) != 0) {
      if (k > 0) ps_doc_end(s);
      ps_doc_object(s, f->party[k]);
    }
    figure_doc(s, f->measure[k], style, d ? &d[k] : &none, plain ? plain[k] : 0);
  }
  if (f->n > 0) ps_doc_end(s);
  ps_doc_end(s);
}

/* ps_compare_doc — {schema, poolsim, compare: {a, b, paths, seed, pools: {id: {net_outlay_mean, depletion, sizing}},
** parties: {id: {measure: {a, b, diff, se, ci}}}}} */
void ps_compare_doc(const void *compare, ps_doc_sink *s) {
  const ps_compare *c = compare;
  document_open(s, "compare");
  scenario_doc(s, "a", &c->a);
  scenario_doc(s, "b", &c->b);
  ps_doc_number(s, "paths", (double)c->paths);
  ps_doc_number(s, "seed", (double)c->seed);
  ps_doc_object(s, "pools");
  for (int p = 0; p < c->npools; p++) {
    const ps_compare_entry *cp = &c->pools[p];
    ps_doc_object(s, cp->id);
    difference_doc(s, "net_outlay_mean", &cp->net_outlay_mean);
    difference_doc(s, "depletion", &cp->depletion);
    ps_doc_array(s, "sizing", c->nalphas);
    for (int k = 0; k < c->nalphas; k++) {
      ps_doc_object(s, NULL);
      ps_doc_number(s, "alpha", c->alphas[k]);
      ps_doc_number(s, "a", cp->size_a[k].value);
      interval_doc(s, "a_ci", cp->size_a[k].lo, cp->size_a[k].hi);
      ps_doc_number(s, "b", cp->size_b[k].value);
      interval_doc(s, "b_ci", cp->size_b[k].lo, cp->size_b[k].hi);
      ps_doc_end(s);
    }
    ps_doc_end(s);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  parties_doc(s, &c->figures, FIG_AB, c->parties, NULL);
  document_close(s);
}

/* ps_sweep_doc — {schema, poolsim, sweep: {keys, rows: [{values, pools, parties}], scenario}} */
void ps_sweep_doc(const void *sweep, ps_doc_sink *s) {
  const ps_sweep *w = sweep;
  document_open(s, "sweep");
  ps_doc_array(s, "keys", w->nkeys);
  for (int k = 0; k < w->nkeys; k++) ps_doc_string(s, NULL, w->keys[k]);
  ps_doc_end(s);
  ps_doc_array(s, "rows", (int)w->nrows);
  for (long i = 0; i < w->nrows; i++) {
    const ps_sweep_row *row = &w->rows[i];
    ps_doc_object(s, NULL);
    ps_doc_object(s, "values");
    for (int k = 0; k < w->nkeys; k++) ps_doc_string(s, w->keys[k], row->values[k]);
    ps_doc_end(s);
    ps_doc_object(s, "pools");
    for (int p = 0; p < row->npools; p++) {
      const ps_sweep_cell *sp = &row->pools[p];
      ps_doc_object(s, sp->id);
      prob_doc(s, "depletion", &sp->depletion);
      ps_doc_number(s, "net_outlay_mean", sp->net_outlay_mean);
      ps_doc_number(s, "net_outlay_p95", sp->net_outlay_p95);
      ps_doc_array(s, "sizing", w->nalphas);
      for (int a = 0; a < w->nalphas; a++) {
        ps_doc_object(s, NULL);
        ps_doc_number(s, "alpha", w->alphas[a]);
        ps_doc_number(s, "initial", sp->sizing[a].value);
        interval_doc(s, "ci", sp->sizing[a].lo, sp->sizing[a].hi);
        ps_doc_end(s);
      }
      ps_doc_end(s);
      ps_doc_end(s);
    }
    ps_doc_end(s);
    parties_doc(s, &w->figures, FIG_ROW, row->parties, NULL);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  scenario_doc(s, "scenario", &w->scenario); /* the first row's, as run */
  document_close(s);
}

/* {pool id: {net_outlay_p95, depletion}} */
static void points_doc(ps_doc_sink *s, const char *key, const ps_tornado *t, const ps_tornado_point *points) {
  ps_doc_object(s, key);
  for (int p = 0; p < t->npools; p++) {
    ps_doc_object(s, t->pools[p]);
    ps_doc_number(s, "net_outlay_p95", points[p].p95);
    ps_doc_number(s, "depletion", points[p].depletion);
    ps_doc_end(s);
  }
  ps_doc_end(s);
}

/* ps_tornado_doc — {schema, poolsim, tornado: {scenario, by, base, parties, keys: [{key, base_value, low, high,
** parties}]}} */
void ps_tornado_doc(const void *tornado, ps_doc_sink *s) {
  const ps_tornado *t = tornado;
  document_open(s, "tornado");
  scenario_doc(s, "scenario", &t->scenario);
  ps_doc_number(s, "by", t->by);
  points_doc(s, "base", t, t->base);
  parties_doc(s, &t->figures, FIG_PLAIN, NULL, t->base_parties);
  ps_doc_array(s, "keys", t->nkeys);
  for (int k = 0; k < t->nkeys; k++) {
    const ps_tornado_bar *b = &t->keys[k];
    ps_doc_object(s, NULL);
    ps_doc_string(s, "key", b->key);
    ps_doc_number(s, "base_value", b->base);
    if (b->partner) {
      ps_doc_object(s, "balanced_by");
      ps_doc_string(s, "payer", strrchr(b->partner, '.') + 1);
      ps_doc_bool(s, "rest", b->partner_rest);
      ps_doc_number(s, "low", b->partner_low);
      ps_doc_number(s, "high", b->partner_high);
      ps_doc_end(s);
      ps_doc_bool(s, "clipped", b->clipped);
    }
    ps_doc_object(s, "low");
    ps_doc_number(s, "value", b->low);
    points_doc(s, "pools", t, b->lo);
    ps_doc_end(s);
    ps_doc_object(s, "high");
    ps_doc_number(s, "value", b->high);
    points_doc(s, "pools", t, b->hi);
    ps_doc_end(s);
    parties_doc(s, &t->figures, FIG_SWING, b->parties, NULL);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  document_close(s);
}

/* ps_volume_doc — {schema, poolsim, max_volume: {scenario, pool, rows: [{alpha, scale, lending, loans_per_period,
** lending_per_year, declined, depletion, binds, limit?, parties}]}}; a row's parties against k = 1 */
void ps_volume_doc(const void *volume, ps_doc_sink *s) {
  const ps_volume *v = volume;
  document_open(s, "max_volume");
  scenario_doc(s, "scenario", &v->scenario);
  ps_doc_string(s, "pool", v->pool);
  ps_doc_array(s, "rows", v->nrows);
  for (int a = 0; a < v->nrows; a++) {
    const ps_volume_row *row = &v->rows[a];
    ps_doc_object(s, NULL);
    ps_doc_number(s, "alpha", row->alpha);
    ps_doc_number(s, "scale", row->scale);
    ps_doc_number(s, "lending", row->lending);
    ps_doc_number(s, "loans_per_period", row->loans_per_period);
    ps_doc_number(s, "lending_per_year", row->lending_per_year);
    ps_doc_number(s, "declined", row->declined);
    prob_doc(s, "depletion", &row->depletion);
    ps_doc_string(s, "binds", ps_volume_binds(v, a));
    if (row->programme) {
      ps_doc_object(s, "limit");
      ps_doc_string(s, "programme", row->programme);
      ps_doc_string(s, "party", row->party);
      ps_doc_number(s, "multiple", row->multiple);
      ps_doc_number(s, "of", row->of);
      ps_doc_number(s, "cap", row->cap);
      ps_doc_end(s);
    }
    parties_doc(s, &v->figures, FIG_ROW, row->parties, NULL);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  document_close(s);
}

/* ps_report_<study>_json — the document as JSON text to free(), NULL when out of memory */
char *ps_report_compare_json(const ps_compare *c) { return ps_doc_json(ps_compare_doc, c); }
char *ps_report_sweep_json(const ps_sweep *s) { return ps_doc_json(ps_sweep_doc, s); }
char *ps_report_tornado_json(const ps_tornado *t) { return ps_doc_json(ps_tornado_doc, t); }
char *ps_report_volume_json(const ps_volume *v) { return ps_doc_json(ps_volume_doc, v); }

/* ps_breakeven_doc — {schema, poolsim, breakeven: {scenario, field, party, measure, target, range,
** paths, seed, value, ci, ci_open, at_value: {mean, se}, runs: [{value, mean, se}]}} */
void ps_breakeven_doc(const void *breakeven, ps_doc_sink *s) {
  const ps_breakeven *b = breakeven;
  document_open(s, "breakeven");
  scenario_doc(s, "scenario", &b->scenario);
  ps_doc_string(s, "field", b->field);
  ps_doc_string(s, "party", b->party);
  ps_doc_string(s, "measure", b->measure);
  ps_doc_number(s, "target", b->target);
  interval_doc(s, "range", b->lo, b->hi);
  ps_doc_number(s, "paths", (double)b->paths);
  ps_doc_number(s, "seed", (double)b->seed);
  ps_doc_number(s, "value", b->value);
  interval_doc(s, "ci", b->ci[0], b->ci[1]);
  ps_doc_array(s, "ci_open", 2);
  ps_doc_bool(s, NULL, b->open[0]);
  ps_doc_bool(s, NULL, b->open[1]);
  ps_doc_end(s);
  ps_doc_object(s, "at_value");
  ps_doc_number(s, "mean", b->at.mean);
  ps_doc_number(s, "se", b->at.se);
  ps_doc_end(s);
  ps_doc_array(s, "runs", b->nruns);
  for (int k = 0; k < b->nruns; k++) {
    ps_doc_object(s, NULL);
    ps_doc_number(s, "value", b->runs[k].value);
    ps_doc_number(s, "mean", b->runs[k].mean);
    ps_doc_number(s, "se", b->runs[k].se);
    ps_doc_end(s);
  }
  ps_doc_end(s);
  document_close(s);
}

char *ps_report_breakeven_json(const ps_breakeven *b) { return ps_doc_json(ps_breakeven_doc, b); }
