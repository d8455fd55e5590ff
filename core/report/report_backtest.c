/* report_backtest.c — the back-test's JSON document (docs/json-schema.md), its
** terminal text and its Markdown, and the words its pages share
** (report_backtest.h). Claims in yuan, defaults in loans, percentiles as
** fractions. */
#include "report/report_backtest.h"

#include <stdio.h>
#include <stdlib.h>

#include "report/doc.h"
#include "report/format.h"
#include "report/report.h"
#include "report/strbuf.h"

static const char *const measure_keys[PS_BACKTEST_NMEASURES] = {"defaults", "claims"};
static const char *const step_names[] = {"month", "quarter", "year"};

/* ps_bt_period_name — period t as the reports name years */
const char *ps_bt_period_name(const ps_backtest *b, int t, ps_lang L, char *buf, size_t n) {
  int per_year = ps_periods_per_year(b->step), year = (t - 1) / per_year + 1, within = (t - 1) % per_year + 1;
  if (per_year == 1) snprintf(buf, n, ps_label(PS_L_BT_PERIOD_Y, L), year, t);
  else snprintf(buf, n, ps_label(b->step == PS_STEP_QUARTER ? PS_L_BT_PERIOD_Q : PS_L_BT_PERIOD_M, L), year, within, t);
  return buf;
}

const char *ps_bt_measure_name(ps_backtest_measure w, ps_lang L) {
  return ps_label(w == PS_BACKTEST_DEFAULTS ? PS_L_BT_DEFAULTS : PS_L_BT_CLAIMS, L);
}

const char *ps_bt_where(const ps_backtest_point *p, ps_lang L) {
  if (p->outside99) return ps_label(p->outside99 > 0 ? PS_L_BT_ABOVE_99 : PS_L_BT_BELOW_99, L);
  if (p->outside90) return ps_label(p->outside90 > 0 ? PS_L_BT_ABOVE_90 : PS_L_BT_BELOW_90, L);
  return ps_label(PS_L_BT_INSIDE, L);
}

/* ps_bt_finding_text — a line of the verdict in words */
const char *ps_bt_finding_text(const ps_backtest *b, const ps_backtest_finding *f, ps_lang L, char *buf, size_t n) {
  const char *what = ps_bt_measure_name(f->measure, L), *id = b->entries[f->entry].id;
  if (f->band == 0) {
    snprintf(buf, n, ps_label(PS_L_BT_SUMMARY, L), what, id, f->outside90, f->npoints, f->outside99);
    return buf;
  }
  char when[96];
  ps_bt_period_name(b, f->period, L, when, sizeof when);
  ps_label_id id_text = f->cumulative ? (f->direction > 0 ? PS_L_BT_UNDER_CUM : PS_L_BT_OVER_CUM)
                                      : (f->direction > 0 ? PS_L_BT_UNDER : PS_L_BT_OVER);
  snprintf(buf, n, ps_label(id_text, L), what, id, when, f->band);
  return buf;
}

/* ps_bt_value — loans, or yuan in 万 / 亿 */
const char *ps_bt_value(ps_backtest_measure w, double v, char *buf, size_t n) {
  return w == PS_BACKTEST_DEFAULTS ? ps_number(v, 0, buf, n) : ps_money(v, buf, n);
}

/* ---- JSON ----------------------------------------------------------------- */

static const char *direction_key(int d) { return d > 0 ? "above" : d < 0 ? "below" : "inside"; }

static void point_doc(ps_doc_sink *s, const char *key, const ps_backtest_point *p) {
  ps_doc_object(s, key);
  if (!key) ps_doc_number(s, "period", p->period);
  ps_doc_number(s, "actual", p->actual);
  ps_doc_number(s, "percentile", p->percentile);
  ps_doc_number(s, "p005", p->p005);
  ps_doc_number(s, "p05", p->p05);
  ps_doc_number(s, "p50", p->p50);
  ps_doc_number(s, "p95", p->p95);
  ps_doc_number(s, "p995", p->p995);
  ps_doc_bool(s, "outside90", p->outside90 != 0);
  ps_doc_bool(s, "outside99", p->outside99 != 0);
  ps_doc_string(s, "direction", direction_key(p->outside90));
}

/* ps_backtest_doc — the back-test's document: {schema, poolsim, backtest: {scenario, actual, paths, seed, step,
** programmes, verdict}} */
void ps_backtest_doc(const void *backtest, ps_doc_sink *s) {
  const ps_backtest *b = backtest;
  ps_doc_object(s, NULL);
  ps_doc_number(s, "schema", PS_JSON_SCHEMA);
  ps_doc_string(s, "poolsim", PS_VERSION);
  ps_doc_object(s, "backtest");
  ps_doc_object(s, "scenario");
  ps_doc_string(s, "name", b->name);
  ps_doc_string(s, "file", b->file);
  ps_doc_string(s, "sha256", b->sha256);
  ps_doc_end(s);
  ps_doc_object(s, "actual");
  ps_doc_string(s, "file", b->actual_file);
  ps_doc_string(s, "sha256", b->actual_sha256);
  ps_doc_end(s);
  ps_doc_number(s, "paths", (double)b->paths);
  ps_doc_number(s, "seed", (double)b->seed);
  ps_doc_number(s, "periods", b->periods);
  ps_doc_string(s, "step", step_names[b->step]);
  ps_doc_object(s, "programmes");
  for (int e = 0; e < b->nentries; e++) {
    ps_doc_object(s, b->entries[e].id);
    for (int w = 0; w < PS_BACKTEST_NMEASURES; w++) {
      const ps_backtest_series *sr = &b->entries[e].series[w];
      if (!sr->npoints) continue;
      ps_doc_array(s, measure_keys[w], sr->npoints);
      for (int j = 0; j < sr->npoints; j++) {
        point_doc(s, NULL, &sr->points[j]);
        point_doc(s, "cumulative", &sr->cumulative[j]);
        ps_doc_end(s);
        ps_doc_end(s);
      }
      ps_doc_end(s);
      double *col = malloc((size_t)b->periods * sizeof *col);
      static const char *const fan_keys[PS_FAN_N] = {"p005", "p05", "p50", "p95", "p995"};
      ps_doc_object(s, w == PS_BACKTEST_DEFAULTS ? "defaults_fan" : "claims_fan");
      for (int f = 0; f < PS_FAN_N && col; f++) {
        for (int t = 0; t < b->periods; t++) col[t] = sr->fan[(size_t)t * PS_FAN_N + f];
        ps_doc_numbers(s, fan_keys[f], col, b->periods);
      }
      ps_doc_end(s);
      free(col);
    }
    ps_doc_end(s);
  }
  ps_doc_end(s);
  ps_doc_array(s, "verdict", b->nfindings);
  char text[512];
  for (int i = 0; i < b->nfindings; i++) {
    const ps_backtest_finding *f = &b->findings[i];
    ps_doc_object(s, NULL);
    ps_doc_string(s, "programme", b->entries[f->entry].id);
    ps_doc_string(s, "figure", measure_keys[f->measure]);
    if (f->band) {
      ps_doc_number(s, "period", f->period);
      ps_doc_bool(s, "cumulative", f->cumulative);
      ps_doc_number(s, "band", f->band);
      ps_doc_string(s, "direction", direction_key(f->direction));
    } else {
      ps_doc_number(s, "periods", f->npoints);
      ps_doc_number(s, "outside90", f->outside90);
      ps_doc_number(s, "outside99", f->outside99);
    }
    ps_doc_string(s, "text", ps_bt_finding_text(b, f, PS_LANG_EN, text, sizeof text));
    ps_doc_end(s);
  }
  ps_doc_end(s);
  ps_doc_end(s);
  ps_doc_end(s);
}

char *ps_report_backtest_json(const ps_backtest *b) { return ps_doc_json(ps_backtest_doc, b); }

/* ---- text and Markdown ---------------------------------------------------- */

static void pct(double p, char *buf, size_t n) { snprintf(buf, n, "%.1f%%", 100 * p); }

/* ps_report_backtest_text — the title, the verdict, a table per programme and figure */
char *ps_report_backtest_text(const ps_backtest *bt, const char *lang) {
  ps_lang L = ps_lang_choose(lang, NULL);
  ps_strbuf b = {0};
  char line[512], when[96], v[6][48];
  ps_strbuf_printf(&b, "%s\n", ps_label(PS_L_BT_TITLE, L));
  ps_strbuf_printf(&b, ps_label(PS_L_BT_SUB, L), bt->name, bt->actual_file, bt->paths, bt->seed);
  ps_strbuf_printf(&b, "\n\n%s\n", ps_label(PS_L_BT_VERDICT, L));
  for (int i = 0; i < bt->nfindings; i++)
    ps_strbuf_printf(&b, "  - %s\n", ps_bt_finding_text(bt, &bt->findings[i], L, line, sizeof line));
  for (int e = 0; e < bt->nentries; e++)
    for (int w = 0; w < PS_BACKTEST_NMEASURES; w++) {
      const ps_backtest_series *s = &bt->entries[e].series[w];
      if (!s->npoints) continue;
      ps_strbuf_puts(&b, "\n");
      ps_strbuf_printf(&b, ps_label(PS_L_BT_PROGRAMME_FIGURE, L), bt->entries[e].id,
                       ps_bt_measure_name((ps_backtest_measure)w, L));
      ps_strbuf_printf(&b, "\n  %-28s %10s %10s %10s %10s %10s %-12s | %-10s %10s %10s %-12s\n", ps_label(PS_L_BT_PERIOD, L),
                       ps_label(PS_L_BT_ACTUAL, L), ps_label(PS_L_BT_PERCENTILE, L), "p5", "p50", "p95",
                       ps_label(PS_L_BT_WHERE, L), ps_label(PS_L_BT_CUMULATIVE, L), ps_label(PS_L_BT_PERCENTILE, L), "p95",
                       ps_label(PS_L_BT_WHERE, L));
      for (int j = 0; j < s->npoints; j++) {
        const ps_backtest_point *p = &s->points[j], *c = &s->cumulative[j];
        ps_backtest_measure m = (ps_backtest_measure)w;
        pct(p->percentile, v[1], sizeof v[1]);
        pct(c->percentile, v[5], sizeof v[5]);
        ps_strbuf_printf(&b, "  %-28s %10s %10s", ps_bt_period_name(bt, p->period, L, when, sizeof when),
                         ps_bt_value(m, p->actual, v[0], sizeof v[0]), v[1]);
        ps_strbuf_printf(&b, " %10s %10s %10s %-12s", ps_bt_value(m, p->p05, v[2], sizeof v[2]),
                         ps_bt_value(m, p->p50, v[3], sizeof v[3]), ps_bt_value(m, p->p95, v[4], sizeof v[4]),
                         ps_bt_where(p, L));
        ps_strbuf_printf(&b, " | %-10s %10s", ps_bt_value(m, c->actual, v[0], sizeof v[0]), v[5]);
        ps_strbuf_printf(&b, " %10s %-12s\n", ps_bt_value(m, c->p95, v[2], sizeof v[2]), ps_bt_where(c, L));
      }
    }
  ps_strbuf_printf(&b, "\n%s\n", ps_label(PS_L_BT_METHOD, L));
  return ps_strbuf_finish(&b);
}

/* ps_report_backtest_md — the same as Markdown: the verdict as a list, a table per programme and figure */
char *ps_report_backtest_md(const ps_backtest *bt, const char *lang) {
  ps_lang L = ps_lang_choose(lang, bt->name);
  ps_strbuf b = {0};
  char line[512], when[96], v[8][48];
  ps_strbuf_printf(&b, "# %s\n\n", ps_label(PS_L_BT_TITLE, L));
  ps_strbuf_printf(&b, ps_label(PS_L_BT_SUB, L), bt->name, bt->actual_file, bt->paths, bt->seed);
  ps_strbuf_printf(&b, "\n\n## %s\n\n", ps_label(PS_L_BT_VERDICT, L));
  for (int i = 0; i < bt->nfindings; i++)
    ps_strbuf_printf(&b, "- %s\n", ps_bt_finding_text(bt, &bt->findings[i], L, line, sizeof line));
  for (int e = 0; e < bt->nentries; e++)
    for (int w = 0; w < PS_BACKTEST_NMEASURES; w++) {
      const ps_backtest_series *s = &bt->entries[e].series[w];
      ps_backtest_measure m = (ps_backtest_measure)w;
      if (!s->npoints) continue;
      ps_strbuf_puts(&b, "\n## ");
      ps_strbuf_printf(&b, ps_label(PS_L_BT_PROGRAMME_FIGURE, L), bt->entries[e].id, ps_bt_measure_name(m, L));
      for (int cum = 0; cum < 2; cum++) {
        ps_strbuf_printf(&b, "\n\n**%s**\n\n", ps_label(cum ? PS_L_BT_CUMULATIVE : PS_L_BT_THIS_PERIOD, L));
        ps_strbuf_printf(&b, "| %s | %s | %s | p0.5 | p5 | p50 | p95 | p99.5 | %s |\n|---|--:|--:|--:|--:|--:|--:|--:|---|\n",
                         ps_label(PS_L_BT_PERIOD, L), ps_label(PS_L_BT_ACTUAL, L), ps_label(PS_L_BT_PERCENTILE, L),
                         ps_label(PS_L_BT_WHERE, L));
        for (int j = 0; j < s->npoints; j++) {
          const ps_backtest_point *p = cum ? &s->cumulative[j] : &s->points[j];
          pct(p->percentile, v[1], sizeof v[1]);
          ps_strbuf_printf(&b, "| %s | %s | %s |", ps_bt_period_name(bt, p->period, L, when, sizeof when),
                           ps_bt_value(m, p->actual, v[0], sizeof v[0]), v[1]);
          ps_strbuf_printf(&b, " %s | %s | %s | %s | %s | %s |\n", ps_bt_value(m, p->p005, v[2], sizeof v[2]),
                           ps_bt_value(m, p->p05, v[3], sizeof v[3]), ps_bt_value(m, p->p50, v[4], sizeof v[4]),
                           ps_bt_value(m, p->p95, v[5], sizeof v[5]), ps_bt_value(m, p->p995, v[6], sizeof v[6]),
                           ps_bt_where(p, L));
        }
      }
    }
  ps_strbuf_printf(&b, "\n%s\n", ps_label(PS_L_BT_METHOD, L));
  return ps_strbuf_finish(&b);
}
