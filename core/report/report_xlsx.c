/* report_xlsx.c — the Excel workbook of a run (--xlsx), written with libxlsxwriter.
**
** Six sheets, labelled in the report's language (labels.h: as the Markdown and
** HTML reports, Chinese for a Chinese scenario name unless --lang says):
**   the answer       one sentence per pool (no pool: where the budget answer is)
**   sizing           per pool and target: the initial balance needed, its 95% CI;
**                    then P(depletion) at each --at balance
**   budget           per government, fiscal year and kind of outlay: mean and p95;
**                    then its cost in present value, subsidy rate and cohorts
**   parties          losses, net result, the party's ratio and breach probability
**   balance bands    per period, each pool's closing balance p05 / p50 / p95
**   assumptions and audit   scenario file and SHA-256, data files, overrides,
**                    seed, paths, threads, poolsim version, run date
** Money columns carry their unit in the header, chosen from the column's range
** (亿元 from 1亿 up, 万元 from 1万 up, else 元), with thousands separators and 2
** decimals (4 in 亿元); probabilities and rates are percent cells. Every figure
** is the JSON document's (docs/json-schema.md), divided by the column's unit.
** libxlsxwriter writes to a file only: the caller names it (main.c gives a
** temporary name beside the destination and renames it with the other reports). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "report/answer.h"
#include "report/format.h"
#include "report/labels.h"
#include "report/report.h"
#include "stats/sizing.h"

typedef struct {
  lxw_workbook *wb;
  lxw_format *head, *text, *wrap, *count, *pct, *money[3]; /* money by unit: 元, 万元, 亿元 */
  ps_lang L;
  const ps_results *r;
  const ps_report_options *o;
} xl;

static const double unit_div[3] = {1, 1e4, 1e8};
static const char *const unit_name[3] = {"元", "万元", "亿元"};

/* the unit of a column from the largest magnitude in it */
static int unit_of(double largest) {
  largest = fabs(ps_finite(largest));
  return largest >= 1e8 ? 2 : largest >= 1e4 ? 1 : 0;
}

static const char *lbl(const xl *x, ps_label_id id) { return ps_label(id, x->L); }

/* a header cell: the label, with its unit when it has one */
static void head(xl *x, lxw_worksheet *ws, int row, int col, const char *label, const char *unit) {
  char s[512];
  if (unit) snprintf(s, sizeof s, x->L == PS_LANG_ZH ? "%s（%s）" : "%s (%s)", label, unit);
  else snprintf(s, sizeof s, "%s", label);
  worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, x->head);
}

static void text(xl *x, lxw_worksheet *ws, int row, int col, const char *s) {
  worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s ? s : "", x->text);
}

static void num(lxw_worksheet *ws, int row, int col, double v, lxw_format *f) {
  worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, ps_finite(v), f);
}

static void money(xl *x, lxw_worksheet *ws, int row, int col, double yuan, int unit) {
  num(ws, row, col, ps_finite(yuan) / unit_div[unit], x->money[unit]);
}

static int shown(const xl *x, int pool) { return !x->o->pool || strcmp(x->o->pool, x->r->m->pools[pool].id) == 0; }

static const char *party_name(const ps_model *m, int i) {
  if (i < 0 || i >= m->nparties) return "";
  return m->parties[i].name && *m->parties[i].name ? m->parties[i].name : m->parties[i].id;
}

static void answer_sheet(xl *x, const double *alphas, int nalphas) {
  const ps_results *r = x->r;
  const ps_model *m = r->m;
  lxw_worksheet *ws = workbook_add_worksheet(x->wb, lbl(x, PS_L_XL_SHEET_ANSWER));
  if (!ws) return;
  worksheet_set_column(ws, 0, 0, 14, NULL);
  worksheet_set_column(ws, 1, 1, 120, x->wrap);
  head(x, ws, 0, 0, lbl(x, PS_L_MD_POOL), NULL);
  head(x, ws, 0, 1, lbl(x, PS_L_XL_ANSWER), NULL);
  if (m->npools == 0) {
    char s[512];
    snprintf(s, sizeof s, lbl(x, PS_L_XL_ANSWER_NO_POOL), lbl(x, PS_L_XL_SHEET_BUDGET));
    worksheet_write_string(ws, 1, 1, s, x->wrap);
    return;
  }
  int row = 1;
  for (int i = 0; i < m->npools; i++) {
    if (!shown(x, i)) continue;
    const ps_pool_result *p = &r->pools[i];
    char a[32], b[32], c[32], d[32];
    ps_strbuf sentence = {0}; /* the sentence every run report starts with (report/answer.h), then the figures */
    if (ps_answer_pool(&sentence, r, x->o, x->L, ps_money, i)) ps_strbuf_puts(&sentence, " ");
    ps_strbuf_printf(&sentence, lbl(x, PS_L_XL_ANSWER_POOL), m->pools[i].id, party_name(m, m->pools[i].owner),
                     ps_money(p->initial, a, sizeof a), m->periods, lbl(x, (ps_label_id)(PS_L_MONTHS + m->step)),
                     ps_percent(p->depletion.value, b, sizeof b), ps_percent(p->depletion.lo, c, sizeof c),
                     ps_percent(p->depletion.hi, d, sizeof d));
    for (int k = 0; k < nalphas; k++) {
      ps_estimate e = ps_results_sizing(r, p, alphas[k]);
      ps_strbuf_printf(&sentence, lbl(x, PS_L_XL_ANSWER_NEED), ps_alpha_text(alphas[k], a, sizeof a),
                       ps_money(e.value, b, sizeof b), ps_money(e.lo, c, sizeof c), ps_money(e.hi, d, sizeof d));
    }
    for (int k = 0; k < x->o->nat; k++) {
      ps_estimate e = ps_results_depletion_at(r, p, x->o->at[k]);
      ps_strbuf_printf(&sentence, lbl(x, PS_L_XL_ANSWER_AT), ps_money(x->o->at[k], a, sizeof a),
                       ps_percent(e.value, b, sizeof b), ps_percent(e.lo, c, sizeof c), ps_percent(e.hi, d, sizeof d));
    }
    char *cell = ps_strbuf_finish(&sentence);
    text(x, ws, row, 0, m->pools[i].id);
    worksheet_write_string(ws, (lxw_row_t)row, 1, cell ? cell : "", x->wrap); /* out of memory: the cell stays empty */
    free(cell);
    row++;
  }
}

static void sizing_sheet(xl *x, const double *alphas, int nalphas) {
  const ps_results *r = x->r;
  const ps_model *m = r->m;
  lxw_worksheet *ws = workbook_add_worksheet(x->wb, lbl(x, PS_L_XL_SHEET_SIZING));
  if (!ws) return;
  worksheet_freeze_panes(ws, 1, 0); /* the header row stays in view */
  worksheet_set_column(ws, 0, 5, 20, NULL);
  double largest = 0;
  for (int i = 0; i < m->npools; i++)
    for (int k = 0; shown(x, i) && k < nalphas; k++) {
      ps_estimate e = ps_results_sizing(r, &r->pools[i], alphas[k]);
      largest = fmax(largest, fmax(fabs(ps_finite(e.hi)), fabs(ps_finite(e.value))));
    }
  int u = unit_of(largest), serve = r->serve > 0;
  head(x, ws, 0, 0, lbl(x, PS_L_MD_POOL), NULL);
  head(x, ws, 0, 1, lbl(x, PS_L_XL_TARGET), NULL);
  head(x, ws, 0, 2, lbl(x, PS_L_XL_NEEDED), unit_name[u]);
  head(x, ws, 0, 3, lbl(x, PS_L_XL_CI_LO), unit_name[u]);
  head(x, ws, 0, 4, lbl(x, PS_L_XL_CI_HI), unit_name[u]);
  if (serve) head(x, ws, 0, 5, lbl(x, PS_L_XL_SERVE), NULL);
  int row = 1;
  for (int i = 0; i < m->npools; i++)
    for (int k = 0; shown(x, i) && k < nalphas; k++, row++) {
      ps_estimate e = ps_results_sizing(r, &r->pools[i], alphas[k]);
      text(x, ws, row, 0, m->pools[i].id);
      num(ws, row, 1, alphas[k], x->pct);
      money(x, ws, row, 2, e.value, u);
      money(x, ws, row, 3, e.lo, u);
      money(x, ws, row, 4, e.hi, u);
      if (serve && ps_pool_lends_bridges(m, i)) num(ws, row, 5, r->serve, x->pct);
    }
  if (x->o->nat == 0 || m->npools == 0) return;
  row++; /* P(depletion) at the --at balances */
  double at_largest = 0;
  for (int k = 0; k < x->o->nat; k++) at_largest = fmax(at_largest, x->o->at[k]);
  int ua = unit_of(at_largest);
  head(x, ws, row, 0, lbl(x, PS_L_MD_POOL), NULL);
  head(x, ws, row, 1, lbl(x, PS_L_XL_AT), unit_name[ua]);
  head(x, ws, row, 2, lbl(x, PS_L_XL_P_DEPLETION), NULL);
  head(x, ws, row, 3, lbl(x, PS_L_XL_CI_LO), NULL);
  head(x, ws, row, 4, lbl(x, PS_L_XL_CI_HI), NULL);
  row++;
  for (int i = 0; i < m->npools; i++)
    for (int k = 0; shown(x, i) && k < x->o->nat; k++, row++) {
      ps_estimate e = ps_results_depletion_at(r, &r->pools[i], x->o->at[k]);
      text(x, ws, row, 0, m->pools[i].id);
      money(x, ws, row, 1, x->o->at[k], ua);
      num(ws, row, 2, e.value, x->pct);
      num(ws, row, 3, e.lo, x->pct);
      num(ws, row, 4, e.hi, x->pct);
    }
}

/* does kind k of the government's outlay ever differ from 0? */
static int kind_used(const ps_party_result *p, int k) {
  for (int y = 0; y < p->nyears; y++)
    if (p->budget[y * PS_NBUDGET + k].max != 0 || p->budget[y * PS_NBUDGET + k].min != 0) return 1;
  return 0;
}

static void budget_sheet(xl *x) {
  const ps_results *r = x->r;
  const ps_model *m = r->m;
  lxw_worksheet *ws = workbook_add_worksheet(x->wb, lbl(x, PS_L_XL_SHEET_BUDGET));
  if (!ws) return;
  worksheet_freeze_panes(ws, 1, 0); /* the header row stays in view */
  worksheet_set_column(ws, 0, 0, 16, NULL);
  worksheet_set_column(ws, 1, 6, 20, NULL);
  double largest = 0, cost_largest = 0, cohort_largest = 0;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    for (int y = 0; y < p->nyears; y++) largest = fmax(largest, fmax(fabs(p->outlay_by_year[y].mean), fabs(p->outlay_by_year[y].p95)));
    for (int y = 0; y < p->nyears * PS_NBUDGET; y++) largest = fmax(largest, fmax(fabs(p->budget[y].mean), fabs(p->budget[y].p95)));
    cost_largest = fmax(cost_largest, fmax(fabs(p->cost_pv.mean), fmax(fabs(p->cost_pv.p95), fabs(p->cost_pv.p99))));
    for (int c = 0; c < p->ncohorts; c++)
      cohort_largest = fmax(cohort_largest, fmax(fabs(p->cost_by_cohort[c].mean), fabs(p->volume_by_cohort[c])));
  }
  int u = unit_of(largest), uc = unit_of(cost_largest), uh = unit_of(cohort_largest);
  head(x, ws, 0, 0, lbl(x, PS_L_XL_GOVERNMENT), NULL);
  head(x, ws, 0, 1, lbl(x, PS_L_MD_FISCAL_YEAR), NULL);
  head(x, ws, 0, 2, lbl(x, PS_L_XL_OUTLAY_KIND), NULL);
  head(x, ws, 0, 3, lbl(x, PS_L_XL_MEAN), unit_name[u]);
  head(x, ws, 0, 4, lbl(x, PS_L_XL_P95), unit_name[u]);
  int row = 1;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    for (int y = 0; y < p->nyears; y++) {
      for (int k = -1; k < PS_NBUDGET; k++) {
        if (k >= 0 && !kind_used(p, k)) continue;
        const ps_stats *s = k < 0 ? &p->outlay_by_year[y] : &p->budget[y * PS_NBUDGET + k];
        text(x, ws, row, 0, m->parties[i].id);
        num(ws, row, 1, y + 1, x->count);
        text(x, ws, row, 2, lbl(x, k < 0 ? PS_L_MD_ALL_KINDS : (ps_label_id)(PS_L_BUDGET_POOL_FUNDING + k)));
        money(x, ws, row, 3, s->mean, u);
        money(x, ws, row, 4, s->p95, u);
        row++;
      }
    }
  }
  /* the cost in present value: one row per government, then its cohorts */
  row++;
  char title[256], rate[32];
  snprintf(title, sizeof title, x->L == PS_LANG_ZH ? "%s，%s %s" : "%s, %s %s", lbl(x, PS_L_COST_TITLE), lbl(x, PS_L_XL_DISCOUNT_RATE),
           ps_rate_text(m->discount_rate, rate, sizeof rate));
  text(x, ws, row++, 0, title);
  head(x, ws, row, 0, lbl(x, PS_L_XL_GOVERNMENT), NULL);
  head(x, ws, row, 1, lbl(x, PS_L_XL_PV_MEAN), unit_name[uc]);
  head(x, ws, row, 2, lbl(x, PS_L_XL_PV_P95), unit_name[uc]);
  head(x, ws, row, 3, lbl(x, PS_L_XL_PV_P99), unit_name[uc]);
  head(x, ws, row, 4, lbl(x, PS_L_XL_SUBSIDY_RATE), NULL);
  row++;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    text(x, ws, row, 0, m->parties[i].id);
    money(x, ws, row, 1, p->cost_pv.mean, uc);
    money(x, ws, row, 2, p->cost_pv.p95, uc);
    money(x, ws, row, 3, p->cost_pv.p99, uc);
    num(ws, row, 4, p->subsidy_rate.mean, x->pct);
    row++;
  }
  row++;
  head(x, ws, row, 0, lbl(x, PS_L_XL_GOVERNMENT), NULL);
  head(x, ws, row, 1, lbl(x, PS_L_XL_COHORT), NULL);
  head(x, ws, row, 2, lbl(x, PS_L_XL_PV_MEAN), unit_name[uh]);
  head(x, ws, row, 3, lbl(x, PS_L_XL_VOLUME), unit_name[uh]);
  row++;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    for (int c = 0; c < p->ncohorts; c++) {
      if (c == 0 && p->volume_by_cohort[0] == 0 && p->cost_by_cohort[0].max == 0 && p->cost_by_cohort[0].min == 0)
        continue; /* no book before period 1: as the JSON's by_cohort */
      text(x, ws, row, 0, m->parties[i].id);
      num(ws, row, 1, c, x->count);
      money(x, ws, row, 2, p->cost_by_cohort[c].mean, uh);
      money(x, ws, row, 3, p->volume_by_cohort[c], uh);
      row++;
    }
  }
}

static void parties_sheet(xl *x) {
  const ps_results *r = x->r;
  const ps_model *m = r->m;
  lxw_worksheet *ws = workbook_add_worksheet(x->wb, lbl(x, PS_L_XL_SHEET_PARTIES));
  if (!ws) return;
  worksheet_freeze_panes(ws, 1, 0); /* the header row stays in view */
  worksheet_set_column(ws, 0, 0, 14, NULL);
  worksheet_set_column(ws, 1, 1, 24, NULL);
  worksheet_set_column(ws, 2, 11, 18, NULL);
  double largest[4] = {0};
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    largest[0] = fmax(largest[0], fabs(p->losses.mean));
    largest[1] = fmax(largest[1], fabs(p->losses.p99));
    largest[2] = fmax(largest[2], fabs(p->net_result.mean));
    largest[3] = fmax(largest[3], fabs(p->net_result.p50));
  }
  int u[4];
  for (int k = 0; k < 4; k++) u[k] = unit_of(largest[k]);
  head(x, ws, 0, 0, lbl(x, PS_L_MD_PARTY), NULL);
  head(x, ws, 0, 1, lbl(x, PS_L_XL_NAME), NULL);
  head(x, ws, 0, 2, lbl(x, PS_L_MD_KIND), NULL);
  head(x, ws, 0, 3, lbl(x, PS_L_XL_LOSSES_MEAN), unit_name[u[0]]);
  head(x, ws, 0, 4, lbl(x, PS_L_XL_LOSSES_P99), unit_name[u[1]]);
  head(x, ws, 0, 5, lbl(x, PS_L_XL_NET_MEAN), unit_name[u[2]]);
  head(x, ws, 0, 6, lbl(x, PS_L_XL_NET_P50), unit_name[u[3]]);
  head(x, ws, 0, 7, lbl(x, PS_L_XL_RATIO), NULL);
  head(x, ws, 0, 8, lbl(x, PS_L_XL_RATIO_MEAN), NULL);
  head(x, ws, 0, 9, lbl(x, PS_L_XL_RATIO_P95), NULL);
  head(x, ws, 0, 10, lbl(x, PS_L_XL_BREACH), NULL);
  for (int i = 0; i < m->nparties; i++) {
    const ps_party *pt = &m->parties[i];
    const ps_party_result *p = &r->parties[i];
    int row = i + 1;
    text(x, ws, row, 0, pt->id);
    text(x, ws, row, 1, party_name(m, i));
    text(x, ws, row, 2, lbl(x, (ps_label_id)(PS_L_KIND_GOVERNMENT + pt->kind)));
    money(x, ws, row, 3, p->losses.mean, u[0]);
    money(x, ws, row, 4, p->losses.p99, u[1]);
    money(x, ws, row, 5, p->net_result.mean, u[2]);
    money(x, ws, row, 6, p->net_result.p50, u[3]);
    ps_label_id ratio = pt->kind == PS_PARTY_BANK ? PS_L_XL_NPL_RATIO : pt->kind == PS_PARTY_GUARANTOR ? PS_L_MD_PAYOUT
                      : pt->kind == PS_PARTY_INSURER ? PS_L_MD_LOSS_RATIO : PS_NLABELS;
    if (ratio != PS_NLABELS) { /* as the JSON: npl_ratio_max, payout_rate, loss_ratio */
      text(x, ws, row, 7, lbl(x, ratio));
      num(ws, row, 8, p->ratio.mean, x->pct);
      num(ws, row, 9, p->ratio.p95, x->pct);
    }
    if ((pt->kind == PS_PARTY_BANK && pt->npl_tolerance > 0) || (pt->kind == PS_PARTY_GUARANTOR && pt->capital > 0))
      num(ws, row, 10, p->breached.value, x->pct);
  }
}

static void bands_sheet(xl *x) {
  const ps_results *r = x->r;
  const ps_model *m = r->m;
  lxw_worksheet *ws = workbook_add_worksheet(x->wb, lbl(x, PS_L_XL_SHEET_BANDS));
  if (!ws) return;
  worksheet_freeze_panes(ws, 1, 0); /* the header row stays in view */
  worksheet_set_column(ws, 0, 0, 10, NULL);
  worksheet_set_column(ws, 1, (lxw_col_t)(3 * m->npools), 22, NULL);
  head(x, ws, 0, 0, lbl(x, PS_L_XL_PERIOD), NULL);
  for (int i = 0; i < m->npools; i++) {
    const ps_pool_result *p = &r->pools[i];
    static const char *const q[3] = {"p05", "p50", "p95"};
    const double *band[3] = {p->band_p05, p->band_p50, p->band_p95};
    for (int k = 0; k < 3; k++) {
      double largest = 0;
      for (int t = 0; t < m->periods; t++) largest = fmax(largest, fabs(ps_finite(band[k][t])));
      int u = unit_of(largest);
      char label[256];
      snprintf(label, sizeof label, lbl(x, PS_L_XL_BAND), m->pools[i].id, q[k]);
      head(x, ws, 0, 1 + 3 * i + k, label, unit_name[u]);
      for (int t = 0; t < m->periods; t++) money(x, ws, t + 1, 1 + 3 * i + k, band[k][t], u);
    }
  }
  for (int t = 0; t < m->periods; t++) num(ws, t + 1, 0, t + 1, x->count);
}

/* a row of the audit sheet: label, text value */
static void audit_row(xl *x, lxw_worksheet *ws, int *row, const char *label, const char *value) {
  text(x, ws, *row, 0, label);
  text(x, ws, *row, 1, value);
  (*row)++;
}

static void audit_num(xl *x, lxw_worksheet *ws, int *row, const char *label, double v, lxw_format *f) {
  text(x, ws, *row, 0, label);
  num(ws, *row, 1, v, f);
  (*row)++;
}

static void audit_sheet(xl *x) {
  const ps_results *r = x->r;
  const ps_model *m = r->m;
  lxw_worksheet *ws = workbook_add_worksheet(x->wb, lbl(x, PS_L_XL_SHEET_AUDIT));
  if (!ws) return;
  worksheet_set_column(ws, 0, 0, 36, NULL);
  worksheet_set_column(ws, 1, 1, 70, NULL);
  worksheet_set_column(ws, 2, 3, 16, NULL);
  char s[512], v[64];
  int row = 1;
  head(x, ws, 0, 0, lbl(x, PS_L_MD_KEY), NULL);
  head(x, ws, 0, 1, lbl(x, PS_L_MD_VALUE), NULL);
  audit_row(x, ws, &row, lbl(x, PS_L_PAGE_SCENARIO), m->name);
  audit_row(x, ws, &row, lbl(x, PS_L_PAGE_SCENARIO_FILE), m->file);
  snprintf(s, sizeof s, lbl(x, PS_L_XL_SHA256), lbl(x, PS_L_PAGE_SCENARIO_FILE));
  audit_row(x, ws, &row, s, m->sha256);
  for (int i = 0; i < m->ndata; i++) {
    audit_row(x, ws, &row, lbl(x, PS_L_PAGE_DATA_FILES), m->data_files[i]);
    snprintf(s, sizeof s, lbl(x, PS_L_XL_SHA256), m->data_files[i]);
    audit_row(x, ws, &row, s, m->data_sha256[i]);
  }
  if (m->nsets == 0) audit_row(x, ws, &row, lbl(x, PS_L_PAGE_OVERRIDES_SET), lbl(x, PS_L_PAGE_NONE));
  for (int i = 0; i < m->nsets; i++) {
    snprintf(s, sizeof s, "%s=%s", m->set_keys[i], m->set_values[i]);
    audit_row(x, ws, &row, lbl(x, PS_L_PAGE_OVERRIDES_SET), s);
  }
  audit_num(x, ws, &row, lbl(x, PS_L_XL_PERIODS), m->periods, x->count);
  audit_row(x, ws, &row, lbl(x, PS_L_XL_STEP), lbl(x, (ps_label_id)(PS_L_MONTH + m->step)));
  audit_num(x, ws, &row, lbl(x, PS_L_XL_DISCOUNT_RATE), m->discount_rate, x->pct);
  for (int i = 0; i < m->npools; i++) {
    snprintf(s, sizeof s, lbl(x, PS_L_XL_INITIAL_OF), m->pools[i].id);
    audit_num(x, ws, &row, s, r->pools[i].initial, x->money[0]);
  }
  for (int k = 0; r->uncertain && k < m->nuncertain; k++) {
    snprintf(s, sizeof s, lbl(x, PS_L_XL_UNCERTAIN), m->uncertain[k].key);
    text(x, ws, row, 0, s);
    num(ws, row, 1, r->uncertain[k].mean, NULL);
    num(ws, row, 2, r->uncertain[k].p05, NULL);
    num(ws, row, 3, r->uncertain[k].p95, NULL);
    row++;
  }
  snprintf(v, sizeof v, "%llu", r->seed); /* up to 2^53: text, so that Excel keeps every digit */
  audit_row(x, ws, &row, lbl(x, PS_L_XL_SEED), v);
  audit_num(x, ws, &row, lbl(x, PS_L_PAGE_PATHS), (double)r->paths, x->count);
  audit_num(x, ws, &row, lbl(x, PS_L_XL_PATHS_REQUESTED), (double)r->paths_requested, x->count);
  audit_row(x, ws, &row, lbl(x, PS_L_XL_PARTIAL), lbl(x, r->stop_signal ? PS_L_XL_YES : PS_L_XL_NO));
  audit_num(x, ws, &row, lbl(x, PS_L_XL_THREADS), r->threads, x->count);
  audit_row(x, ws, &row, lbl(x, PS_L_PAGE_SIZING_METHOD),
            r->searched ? "search" : m->balance_feedback ? "running_max_with_feedback" : "running_max");
  audit_row(x, ws, &row, lbl(x, PS_L_PAGE_SOFTWARE), "poolsim " PS_VERSION);
  time_t now = time(NULL);
  struct tm t;
  if (gmtime_r(&now, &t) && strftime(v, sizeof v, "%Y-%m-%d %H:%M:%S", &t)) audit_row(x, ws, &row, lbl(x, PS_L_XL_RUN_DATE), v);
}

static lxw_format *format(lxw_workbook *wb, const char *num_format, int bold) {
  lxw_format *f = workbook_add_format(wb);
  if (num_format) format_set_num_format(f, num_format);
  if (bold) {
    format_set_bold(f);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  }
  return f;
}

/* ps_report_xlsx — the workbook into the file at path (report.h) */
int ps_report_xlsx(const ps_results *r, const ps_report_options *o, const char *path, char *err, size_t errlen) {
  lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
  xl x = {.r = r, .o = o, .L = ps_lang_choose(o->lang, r->m->name)};
  if (!(x.wb = workbook_new_opt(path, &wo))) {
    snprintf(err, errlen, "%s: cannot start the workbook (out of memory)", path);
    return PS_ERUNTIME;
  }
  x.head = format(x.wb, NULL, 1);
  x.text = format(x.wb, "@", 0);
  x.wrap = format(x.wb, NULL, 0);
  format_set_text_wrap(x.wrap);
  format_set_align(x.wrap, LXW_ALIGN_VERTICAL_TOP);
  x.count = format(x.wb, "0", 0);
  x.pct = format(x.wb, "0.00%", 0);
  x.money[0] = format(x.wb, "#,##0.00", 0);
  x.money[1] = format(x.wb, "#,##0.00", 0);
  x.money[2] = format(x.wb, "#,##0.0000", 0);
  lxw_doc_properties props = {.title = r->m->name, .comments = "poolsim " PS_VERSION};
  workbook_set_properties(x.wb, &props);
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int nalphas = o->alphas ? o->nalphas : PS_NALPHAS;
  answer_sheet(&x, alphas, nalphas);
  sizing_sheet(&x, alphas, nalphas);
  budget_sheet(&x);
  parties_sheet(&x);
  bands_sheet(&x);
  audit_sheet(&x);
  lxw_error e = workbook_close(x.wb);
  if (e != LXW_NO_ERROR) {
    snprintf(err, errlen, "%s: cannot write the workbook: %s", path, lxw_strerror(e));
    return PS_ERUNTIME;
  }
  return PS_OK;
}
