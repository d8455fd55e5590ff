/* report_csv.c — CSV files for spreadsheets, as strings: bands.csv, budget.csv,
** paths.csv.
**
** Made for Excel: UTF-8 with a byte-order mark (so Chinese ids and names read
** right), CRLF line ends, a header row of "item.measure" names, amounts in yuan
** with two decimals. The three files are built in memory, all or none; the
** command line writes them (each through a temporary file and a rename).
**
**   bands.csv   period, then for each pool: POOL.p05, POOL.p50, POOL.p95 —
**               quantiles over paths of the closing balance of each period
**               (over the first min(paths, PS_BAND_PATHS) paths)
**   budget.csv  year (fiscal), then for each government: GOV.outlay_mean,
**               GOV.outlay_p95 — what it pays out that fiscal year
**   paths.csv   path (the engine's 0-based path index, the key of its random
**               streams), then for each pool: POOL.claims, .paid, .shortfall,
**               .recovered, .required_initial, .depletion_period (first
**               period with a shortfall, 0: none); for each programme:
**               PROG.defaults, .originated (loans); for each party:
**               PARTY.losses, .net_result; for each poolsim.uncertain parameter:
**               uncertain.KEY (the path's draw, e.g. uncertain.segments.s.pd) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "report/strbuf.h"

static void start(ps_strbuf *b) { ps_strbuf_put(b, "\xEF\xBB\xBF", 3); } /* UTF-8 BOM */
static void eol(ps_strbuf *b) { ps_strbuf_put(b, "\r\n", 2); }

/* a header cell "item.measure", quoted when the id needs it (RFC 4180); an id
** that a spreadsheet would read as a formula (= + - @, tab, CR first) gets a
** leading apostrophe, so a scenario from elsewhere cannot run one in Excel */
static void header(ps_strbuf *b, const char *item, const char *measure) {
  size_t n = strlen(item) + strlen(measure) + 3;
  char *cell = malloc(n);
  if (!cell) {
    b->oom = 1;
    return;
  }
  snprintf(cell, n, "%s%s.%s", *item && strchr("=+-@\t\r", *item) ? "'" : "", item, measure);
  ps_strbuf_put(b, ",", 1);
  if (strpbrk(cell, ",\"\r\n") == NULL) ps_strbuf_puts(b, cell);
  else {
    ps_strbuf_put(b, "\"", 1);
    for (const char *p = cell; *p; p++) {
      if (*p == '"') ps_strbuf_put(b, "\"", 1); /* a quote doubled */
      ps_strbuf_put(b, p, 1);
    }
    ps_strbuf_put(b, "\"", 1);
  }
  free(cell);
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
const char *const ps_csv_names[PS_NCSV] = {"bands.csv", "budget.csv", "paths.csv"};

static void integer(ps_strbuf *b, long x) {
  char s[32];
  snprintf(s, sizeof s, "%ld", x);
  ps_strbuf_puts(b, s);
}

static void bands_csv(ps_strbuf *b, const ps_results *r) {
  const ps_model *m = r->m;
  start(b);
  ps_strbuf_puts(b, "period");
  for (int i = 0; i < m->npools; i++) {
    header(b, m->pools[i].id, "p05");
    header(b, m->pools[i].id, "p50");
    header(b, m->pools[i].id, "p95");
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

static void budget_csv(ps_strbuf *b, const ps_results *r) {
  const ps_model *m = r->m;
  int nyears = 0;
  start(b);
  ps_strbuf_puts(b, "year");
  for (int i = 0; i < m->nparties; i++) {
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    header(b, m->parties[i].id, "outlay_mean");
    header(b, m->parties[i].id, "outlay_p95");
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

static void paths_csv(ps_strbuf *b, const ps_results *r) {
  const ps_model *m = r->m;
  const ps_outcomes *o = &r->outcomes;
  static const char *const pool_cols[] = {"claims", "paid", "shortfall", "recovered", "required_initial", "depletion_period"};
  start(b);
  ps_strbuf_puts(b, "path");
  for (int i = 0; i < m->npools; i++)
    for (size_t k = 0; k < sizeof pool_cols / sizeof *pool_cols; k++) header(b, m->pools[i].id, pool_cols[k]);
  for (int i = 0; i < m->nprogrammes; i++) {
    header(b, m->programmes[i].id, "defaults");
    header(b, m->programmes[i].id, "originated");
  }
  for (int i = 0; i < m->nparties; i++) {
    header(b, m->parties[i].id, "losses");
    header(b, m->parties[i].id, "net_result");
  }
  for (int k = 0; k < o->nuncertain; k++) header(b, "uncertain", m->uncertain[k].key);
  eol(b);
  for (long path = 0; path < o->paths && !b->oom; path++) {
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
    eol(b);
  }
}

/* ps_report_csv — the three files as strings, all or none (report.h); PS_OK, or PS_ERUNTIME with a
** message */
int ps_report_csv(const ps_results *r, const ps_report_options *o, char *files[PS_NCSV], char *err, size_t errlen) {
  (void)o; /* the CSV files hold every pool and the raw paths: no options apply */
  for (int k = 0; k < PS_NCSV; k++) files[k] = NULL;
  if (r->outcomes.paths != r->paths || (r->paths > 0 && r->m->npools > 0 && !r->outcomes.claims)) {
    snprintf(err, errlen, "%s: the per-path outcomes of this run were not kept", ps_csv_names[PS_CSV_PATHS]);
    return PS_ERUNTIME;
  }
  ps_strbuf b[PS_NCSV] = {{0}};
  bands_csv(&b[PS_CSV_BANDS], r);
  budget_csv(&b[PS_CSV_BUDGET], r);
  paths_csv(&b[PS_CSV_PATHS], r);
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
