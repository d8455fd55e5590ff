/* report_csv.c — CSV files for spreadsheets, as strings: bands.csv, budget.csv,
** paths.csv, summary.csv, sizing.csv.
**
** Made for Excel: UTF-8 with a byte-order mark (so Chinese ids and names read
** right), CRLF line ends, amounts in yuan (元) with two decimals. Each column's
** header is its key "item.measure", a space, then its label and unit in the
** report's language (labels.h; as the Markdown and HTML reports: Chinese for a
** Chinese scenario name unless lang says), e.g. "fund.p05 closing balance (元)";
** a program reads the key up to the first space. The files are built in memory,
** all or none; the command line writes them (each through a temporary file and a
** rename). No text cell can be read as a formula: one that starts with = + - @,
** a tab or a CR and is not a number gets a leading apostrophe (OWASP's advice),
** for ids, names, file names and --set values are the user's text.
**
**   bands.csv   period, then for each pool: POOL.p05, POOL.p50, POOL.p95 —
**               quantiles over paths of the closing balance of each period
**               (over the first min(paths, ps_band_paths) paths: sim/outcomes.h)
**   budget.csv  year (fiscal), then for each government: GOV.outlay_mean,
**               GOV.outlay_p95 — what it pays out that fiscal year
**   paths.csv   path (the engine's 0-based path index, the key of its random
**               streams), then for each pool: POOL.claims, .paid, .shortfall,
**               .recovered, .required_initial, .depletion_period (first
**               period with a shortfall, 0: none); for each programme:
**               PROG.defaults, .originated (loans); for each party:
**               PARTY.losses, .net_result; for each poolsim.uncertain parameter:
**               uncertain.KEY (the path's draw, e.g. uncertain.segments.s.pd);
**               under tail sampling, weight (the path's likelihood ratio)
**   summary.csv one row per figure: item, measure, label, value, p50, p95, p99,
**               ci_lo, ci_hi, unit — the scenario and run (name, file, sha256,
**               seed, paths, poolsim version, each --set), each pool's initial
**               balance, claims ... required_initial and P(depletion) (also at
**               each --at balance), each programme's loans, each party's losses,
**               net result, ratio and breach probability, each government's
**               PV cost and subsidy rate: the JSON document's figures
**   sizing.csv  pool, alpha, initial, ci_lo, ci_hi: the initial balance each
**               pool needs for each target (as the JSON's sizing) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/labels.h"
#include "report/report.h"
#include "report/strbuf.h"
#include "stats/column.h"
#include "stats/sizing.h"

static void start(ps_strbuf *b) { ps_strbuf_put(b, "\xEF\xBB\xBF", 3); } /* UTF-8 BOM */
static void eol(ps_strbuf *b) { ps_strbuf_put(b, "\r\n", 2); }

/* a text cell, quoted when it needs it (RFC 4180); text a spreadsheet would read
** as a formula (= + - @, tab, CR first, and not a number) gets a leading
** apostrophe, so a scenario from elsewhere cannot run one in Excel */
static void text_cell(ps_strbuf *b, const char *cell) {
  char *end = NULL;
  int formula = *cell && strchr("=+-@\t\r", *cell);
  if (formula) {
    (void)strtod(cell, &end);
    formula = end == cell || *end != '\0';
  }
  int quote = strpbrk(cell, ",\"\r\n") != NULL;
  if (quote) ps_strbuf_put(b, "\"", 1);
  if (formula) ps_strbuf_put(b, "'", 1);
  for (const char *p = cell; *p; p++) {
    if (*p == '"') ps_strbuf_put(b, "\"", 1); /* a quote doubled */
    ps_strbuf_put(b, p, 1);
  }
  if (quote) ps_strbuf_put(b, "\"", 1);
}

/* a header cell "item.measure label (unit)" (item NULL: "measure label (unit)"; the label left
** out when it is the measure; unit NULL: none), after a comma unless first */
static void header(ps_strbuf *b, ps_lang L, int first, const char *item, const char *measure, const char *label,
                   const char *unit) {
  ps_strbuf cell = {0};
  ps_strbuf_printf(&cell, "%s%s%s", item ? item : "", item ? "." : "", measure);
  if (strcmp(label, measure) != 0) ps_strbuf_printf(&cell, " %s", label);
  if (unit) ps_strbuf_printf(&cell, L == PS_LANG_ZH ? "（%s）" : " (%s)", unit);
  if (cell.oom || !cell.s) b->oom = 1;
  else {
    if (!first) ps_strbuf_put(b, ",", 1);
    text_cell(b, cell.s);
  }
  free(cell.s);
}

/* an amount of yuan, two decimals, never "-0.00" */
static void amount(ps_strbuf *b, double yuan) {
  char s[64];
  snprintf(s, sizeof s, ",%.2f", yuan);
  if (strcmp(s, ",-0.00") == 0) strcpy(s, ",0.00");
  ps_strbuf_puts(b, s);
}

/* a count (loans, periods): whole numbers without decimals */
static void count(ps_strbuf *b, double x) {
  char s[64];
  snprintf(s, sizeof s, ",%.15g", x == 0 ? 0.0 : x);
  ps_strbuf_puts(b, s);
}

/* ps_csv_names — the files' names, by PS_CSV_* */
const char *const ps_csv_names[PS_NCSV] = {"bands.csv", "budget.csv", "paths.csv", "summary.csv", "sizing.csv"};

static const char yuan[] = "元";

static void integer(ps_strbuf *b, long x) {
  char s[32];
  snprintf(s, sizeof s, "%ld", x);
  ps_strbuf_puts(b, s);
}

static void bands_csv(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  start(b);
  header(b, L, 1, NULL, "period", ps_label(PS_L_XL_PERIOD, L), ps_label((ps_label_id)(PS_L_MONTH + m->step), L));
  for (int i = 0; i < m->npools; i++) {
    header(b, L, 0, m->pools[i].id, "p05", ps_label(PS_L_CSV_BAND, L), yuan);
    header(b, L, 0, m->pools[i].id, "p50", ps_label(PS_L_CSV_BAND, L), yuan);
    header(b, L, 0, m->pools[i].id, "p95", ps_label(PS_L_CSV_BAND, L), yuan);
  }
  eol(b);
  for (int t = 0; t < m->periods; t++) {
    integer(b, t + 1);
    for (int i = 0; i < m->npools; i++) {
      amount(b, r->pools[i].band_p05[t]);
      amount(b, r->pools[i].band_p50[t]);
      amount(b, r->pools[i].band_p95[t]);
    }
    eol(b);
  }
}

static void budget_csv(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  int nyears = 0;
  start(b);
  header(b, L, 1, NULL, "year", ps_label(PS_L_MD_FISCAL_YEAR, L), NULL);
  for (int i = 0; i < m->nparties; i++) {
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    header(b, L, 0, m->parties[i].id, "outlay_mean", ps_label(PS_L_CSV_OUTLAY_MEAN, L), yuan);
    header(b, L, 0, m->parties[i].id, "outlay_p95", ps_label(PS_L_CSV_OUTLAY_P95, L), yuan);
    if (r->parties[i].nyears > nyears) nyears = r->parties[i].nyears;
  }
  eol(b);
  for (int y = 0; y < nyears; y++) {
    integer(b, y + 1);
    for (int i = 0; i < m->nparties; i++) {
      if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
      const ps_party_result *p = &r->parties[i];
      if (y < p->nyears) {
        amount(b, p->outlay_by_year[y].mean);
        amount(b, p->outlay_by_year[y].p95);
      } else
        ps_strbuf_puts(b, ",,");
    }
    eol(b);
  }
}

/* paths.csv's rows for the paths of c (all of a run's, or a block of them) */
typedef struct {
  ps_strbuf *b;
  const ps_model *m;
} rows;

static int paths_rows(void *ctx, const ps_outcomes *o) {
  rows *x = ctx;
  ps_strbuf *b = x->b;
  const ps_model *m = x->m;
  for (long path = o->first; path < o->first + o->paths && !b->oom; path++) {
    integer(b, path);
    for (int i = 0; i < m->npools; i++) {
      size_t s = ps_slot(o, i, path);
      amount(b, o->claims[s]);
      amount(b, o->paid[s]);
      amount(b, o->shortfall[s]);
      amount(b, o->recovered[s]);
      amount(b, o->required[s]);
      ps_strbuf_put(b, ",", 1);
      integer(b, o->depletion[s]);
    }
    for (int i = 0; i < m->nprogrammes; i++) {
      size_t s = ps_slot(o, i, path);
      count(b, o->defaults[s]);
      count(b, o->originated[s]);
    }
    for (int i = 0; i < m->nparties; i++) {
      size_t s = ps_slot(o, i, path);
      amount(b, o->losses[s]);
      amount(b, o->net_result[s]);
    }
    for (int k = 0; k < o->nuncertain; k++) { /* the path's poolsim.uncertain draws */
      char v[40];
      snprintf(v, sizeof v, ",%.17g", o->drawn[ps_slot(o, k, path)]);
      ps_strbuf_puts(b, v);
    }
    if (o->weight) { /* tail sampling: the path's likelihood ratio, by which every figure is weighted */
      char v[40];
      snprintf(v, sizeof v, ",%.17g", o->weight[path - o->first]);
      ps_strbuf_puts(b, v);
    }
    eol(b);
  }
  return b->oom ? PS_ERUNTIME : PS_OK;
}

static void paths_csv(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  const ps_outcomes *o = &r->outcomes;
  static const char *const pool_cols[] = {"claims", "paid", "shortfall", "recovered", "required_initial", "depletion_period"};
  static const ps_label_id pool_labels[] = {PS_L_MD_CLAIMS,    PS_L_MD_PAID,     PS_L_MD_SHORTFALL,
                                            PS_L_MD_RECOVERED, PS_L_MD_REQUIRED, PS_L_CSV_DEPLETION_PERIOD};
  const char *period = ps_label((ps_label_id)(PS_L_MONTH + m->step), L), *loans = ps_label(PS_L_BT_LOANS_AXIS, L);
  start(b);
  header(b, L, 1, NULL, "path", ps_label(PS_L_CSV_PATH, L), NULL);
  for (int i = 0; i < m->npools; i++)
    for (size_t k = 0; k < sizeof pool_cols / sizeof *pool_cols; k++)
      header(b, L, 0, m->pools[i].id, pool_cols[k], ps_label(pool_labels[k], L), k + 1 < sizeof pool_cols / sizeof *pool_cols ? yuan : period);
  for (int i = 0; i < m->nprogrammes; i++) {
    header(b, L, 0, m->programmes[i].id, "defaults", ps_label(PS_L_CSV_DEFAULTS, L), loans);
    header(b, L, 0, m->programmes[i].id, "originated", ps_label(PS_L_MD_ORIGINATED, L), loans);
  }
  for (int i = 0; i < m->nparties; i++) {
    header(b, L, 0, m->parties[i].id, "losses", ps_label(PS_L_MD_LOSSES, L), yuan);
    header(b, L, 0, m->parties[i].id, "net_result", ps_label(PS_L_MD_NET_RESULT, L), yuan);
  }
  for (int k = 0; k < o->nuncertain; k++) header(b, L, 0, "uncertain", m->uncertain[k].key, ps_label(PS_L_CSV_DRAWN, L), NULL);
  if (o->weight) header(b, L, 0, NULL, "weight", ps_label(PS_L_CSV_WEIGHT, L), NULL);
  eol(b);
  rows ctx = {b, m};
  if (ps_outcomes_chunks(o, paths_rows, &ctx)) b->oom = 1; /* a distributed run's from its holders, in path order */
}

/* ---- summary.csv: one row per figure */

/* a row's first cells: item, measure, label */
static void row_start(ps_strbuf *b, const char *item, const char *measure, const char *label) {
  text_cell(b, item);
  ps_strbuf_put(b, ",", 1);
  text_cell(b, measure);
  ps_strbuf_put(b, ",", 1);
  text_cell(b, label);
}

/* a row of text: the value a text cell */
static void text_row(ps_strbuf *b, const char *item, const char *measure, const char *label, const char *value) {
  row_start(b, item, measure, label);
  ps_strbuf_put(b, ",", 1);
  text_cell(b, value ? value : "");
  ps_strbuf_puts(b, ",,,,,,");
  eol(b);
}

/* a ratio or probability with 15 significant digits, after a comma */
static void exact(ps_strbuf *b, double x) {
  char s[40];
  snprintf(s, sizeof s, ",%.15g", x == 0 ? 0.0 : x);
  ps_strbuf_puts(b, s);
}

/* a distribution's row: mean, p50, p95, p99 (amounts: two decimals; else every digit) */
static void stats_row(ps_strbuf *b, const char *item, const char *measure, const char *label, const ps_stats *s,
                      const char *unit, int money) {
  row_start(b, item, measure, label);
  void (*put)(ps_strbuf *, double) = money ? amount : exact;
  put(b, s->mean);
  put(b, s->p50);
  put(b, s->p95);
  put(b, s->p99);
  ps_strbuf_puts(b, ",,,");
  text_cell(b, unit);
  eol(b);
}

/* a probability's row: the estimate and its 95% CI */
static void prob_row(ps_strbuf *b, const char *item, const char *measure, const char *label, const ps_estimate *e,
                     const char *unit) {
  row_start(b, item, measure, label);
  exact(b, e->value);
  ps_strbuf_puts(b, ",,,");
  exact(b, e->lo);
  exact(b, e->hi);
  ps_strbuf_put(b, ",", 1);
  text_cell(b, unit);
  eol(b);
}

static void summary_csv(ps_strbuf *b, const ps_results *r, const ps_report_options *o, ps_lang L) {
  const ps_model *m = r->m;
  const char *prob = ps_label(PS_L_CSV_PROBABILITY, L), *ratio = ps_label(PS_L_CSV_RATIO, L);
  const char *loans = ps_label(PS_L_BT_LOANS_AXIS, L);
  char v[64], measure[96], label[256];
  start(b);
  header(b, L, 1, NULL, "item", ps_label(PS_L_CSV_ITEM, L), NULL);
  header(b, L, 0, NULL, "measure", ps_label(PS_L_CSV_MEASURE, L), NULL);
  header(b, L, 0, NULL, "label", ps_label(PS_L_CSV_LABEL, L), NULL);
  header(b, L, 0, NULL, "value", ps_label(PS_L_CSV_VALUE, L), NULL);
  header(b, L, 0, NULL, "p50", "p50", NULL);
  header(b, L, 0, NULL, "p95", "p95", NULL);
  header(b, L, 0, NULL, "p99", "p99", NULL);
  header(b, L, 0, NULL, "ci_lo", ps_label(PS_L_XL_CI_LO, L), NULL);
  header(b, L, 0, NULL, "ci_hi", ps_label(PS_L_XL_CI_HI, L), NULL);
  header(b, L, 0, NULL, "unit", ps_label(PS_L_CSV_UNIT, L), NULL);
  eol(b);
  /* the scenario and run: what the figures come from (no thread count: the figures do not depend on it) */
  text_row(b, "scenario", "name", ps_label(PS_L_PAGE_SCENARIO, L), m->name);
  text_row(b, "scenario", "file", ps_label(PS_L_PAGE_SCENARIO_FILE, L), m->file);
  text_row(b, "scenario", "sha256", "SHA-256", m->sha256);
  for (int i = 0; i < m->ndata; i++) text_row(b, "data_file", m->data_files[i], ps_label(PS_L_PAGE_DATA_FILES, L), m->data_sha256[i]);
  for (int i = 0; i < m->nsets; i++) text_row(b, "override", m->set_keys[i], ps_label(PS_L_PAGE_OVERRIDES_SET, L), m->set_values[i]);
  snprintf(v, sizeof v, "%llu", r->seed);
  text_row(b, "run", "seed", ps_label(PS_L_XL_SEED, L), v);
  snprintf(v, sizeof v, "%ld", r->paths);
  text_row(b, "run", "paths", ps_label(PS_L_PAGE_PATHS, L), v);
  text_row(b, "run", "poolsim", ps_label(PS_L_PAGE_SOFTWARE, L), PS_VERSION);
  static const char *const pool_keys[] = {"claims", "paid", "shortfall", "recovered", "net_outlay", "required_initial"};
  static const ps_label_id pool_labels[] = {PS_L_MD_CLAIMS,    PS_L_MD_PAID,       PS_L_MD_SHORTFALL,
                                            PS_L_MD_RECOVERED, PS_L_MD_NET_OUTLAY, PS_L_MD_REQUIRED};
  for (int i = 0; i < m->npools; i++) {
    const ps_pool_result *p = &r->pools[i];
    const ps_stats *st[] = {&p->claims, &p->paid, &p->shortfall, &p->recovered, &p->net_outlay, &p->required_initial};
    row_start(b, m->pools[i].id, "initial", ps_label(PS_L_MD_INITIAL, L));
    amount(b, p->initial);
    ps_strbuf_puts(b, ",,,,,,");
    text_cell(b, yuan);
    eol(b);
    for (size_t k = 0; k < sizeof pool_keys / sizeof *pool_keys; k++)
      stats_row(b, m->pools[i].id, pool_keys[k], ps_label(pool_labels[k], L), st[k], yuan, 1);
    prob_row(b, m->pools[i].id, "depletion", ps_label(PS_L_MD_DEPLETION, L), &p->depletion, prob);
    for (int k = 0; k < o->nat; k++) {
      ps_estimate e = ps_results_depletion_at(r, p, o->at[k]);
      snprintf(measure, sizeof measure, "depletion_at.%.2f", o->at[k]);
      snprintf(v, sizeof v, "%.2f", o->at[k]);
      snprintf(label, sizeof label, ps_label(PS_L_CSV_DEPLETION_AT, L), v);
      prob_row(b, m->pools[i].id, measure, label, &e, prob);
    }
  }
  for (int i = 0; i < m->nprogrammes; i++) {
    stats_row(b, m->programmes[i].id, "originated", ps_label(PS_L_MD_ORIGINATED, L), &r->programmes[i].originated, loans, 0);
    stats_row(b, m->programmes[i].id, "defaults", ps_label(PS_L_CSV_DEFAULTS, L), &r->programmes[i].defaults, loans, 0);
  }
  for (int i = 0; i < m->nparties; i++) {
    const ps_party *pt = &m->parties[i];
    const ps_party_result *p = &r->parties[i];
    stats_row(b, pt->id, "losses", ps_label(PS_L_MD_LOSSES, L), &p->losses, yuan, 1);
    stats_row(b, pt->id, "net_result", ps_label(PS_L_MD_NET_RESULT, L), &p->net_result, yuan, 1);
    if (pt->kind == PS_PARTY_BANK) stats_row(b, pt->id, "npl_ratio_max", ps_label(PS_L_XL_NPL_RATIO, L), &p->ratio, ratio, 0);
    if (pt->kind == PS_PARTY_GUARANTOR) stats_row(b, pt->id, "payout_rate", ps_label(PS_L_MD_PAYOUT, L), &p->ratio, ratio, 0);
    if (pt->kind == PS_PARTY_INSURER) stats_row(b, pt->id, "loss_ratio", ps_label(PS_L_MD_LOSS_RATIO, L), &p->ratio, ratio, 0);
    if (pt->kind == PS_PARTY_BANK && pt->npl_tolerance > 0)
      prob_row(b, pt->id, "npl_breach", ps_label(PS_L_XL_BREACH, L), &p->breached, prob);
    if (pt->kind == PS_PARTY_GUARANTOR && pt->capital > 0)
      prob_row(b, pt->id, "capital_breach", ps_label(PS_L_XL_BREACH, L), &p->breached, prob);
    if (pt->kind == PS_PARTY_GOVERNMENT) {
      stats_row(b, pt->id, "cost.pv", ps_label(PS_L_XL_PV_MEAN, L), &p->cost_pv, yuan, 1);
      stats_row(b, pt->id, "cost.subsidy_rate", ps_label(PS_L_XL_SUBSIDY_RATE, L), &p->subsidy_rate, ratio, 0);
    }
  }
}

/* sizing.csv: the initial balance each pool needs for each target, with its 95% CI */
static void sizing_csv(ps_strbuf *b, const ps_results *r, const ps_report_options *o, ps_lang L) {
  const ps_model *m = r->m;
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int n = o->alphas ? o->nalphas : PS_NALPHAS;
  start(b);
  header(b, L, 1, NULL, "pool", ps_label(PS_L_MD_POOL, L), NULL);
  header(b, L, 0, NULL, "alpha", ps_label(PS_L_XL_TARGET, L), ps_label(PS_L_CSV_PROBABILITY, L));
  header(b, L, 0, NULL, "initial", ps_label(PS_L_XL_NEEDED, L), yuan);
  header(b, L, 0, NULL, "ci_lo", ps_label(PS_L_XL_CI_LO, L), yuan);
  header(b, L, 0, NULL, "ci_hi", ps_label(PS_L_XL_CI_HI, L), yuan);
  eol(b);
  for (int i = 0; i < m->npools; i++) {
    if (o->pool && strcmp(o->pool, m->pools[i].id) != 0) continue;
    for (int k = 0; k < n; k++) {
      ps_estimate e = ps_results_sizing(r, &r->pools[i], alphas[k]);
      text_cell(b, m->pools[i].id);
      exact(b, alphas[k]);
      amount(b, e.value);
      amount(b, e.lo);
      amount(b, e.hi);
      eol(b);
    }
  }
}

/* ps_report_csv — the files as strings, all or none (report.h); PS_OK, or PS_ERUNTIME with a
** message */
int ps_report_csv(const ps_results *r, const ps_report_options *o, char *files[PS_NCSV], char *err, size_t errlen) {
  ps_lang L = ps_lang_choose(o->lang, r->m->name);
  for (int k = 0; k < PS_NCSV; k++) files[k] = NULL;
  if (r->outcomes.paths != r->paths || (r->paths > 0 && r->m->npools > 0 && !r->outcomes.claims && !r->outcomes.host)) {
    snprintf(err, errlen, "%s: the per-path outcomes of this run were not kept", ps_csv_names[PS_CSV_PATHS]);
    return PS_ERUNTIME;
  }
  ps_strbuf b[PS_NCSV] = {{0}};
  bands_csv(&b[PS_CSV_BANDS], r, L);
  budget_csv(&b[PS_CSV_BUDGET], r, L);
  paths_csv(&b[PS_CSV_PATHS], r, L);
  summary_csv(&b[PS_CSV_SUMMARY], r, o, L);
  sizing_csv(&b[PS_CSV_SIZING], r, o, L);
  int rc = PS_OK;
  for (int k = 0; k < PS_NCSV; k++)
    if (rc == PS_OK && (b[k].oom || !b[k].s)) {
      snprintf(err, errlen, "%s: out of memory", ps_csv_names[k]);
      rc = PS_ERUNTIME;
    }
  for (int k = 0; k < PS_NCSV; k++) {
    if (rc == PS_OK) files[k] = b[k].s;
    else free(b[k].s);
  }
  return rc;
}
