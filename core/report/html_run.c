/* html_run.c — one self-contained HTML page for a budget committee: the answer
** up front, inline SVG charts (html_run_charts.c), the tables, the assumptions
** and an audit block. No scripts, no network; no run time or thread count unless the
** front end passes its command line (report/audit.h): without it the page is
** byte-identical for the same scenario, overrides, paths and seed.
** Prints to A4. Reads ps_results only. Amounts in 万元 / 亿元. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/answer.h"
#include "report/audit.h"
#include "report/columns.h"
#include "report/format.h"
#include "report/cost_sentence.h"
#include "report/html.h"
#include "report/html_run.h"
#include "report/pool_rows.h"
#include "report/uncertainty_text.h"
#include "stats/sizing.h"

/* a row of statistics, each column in its unit (report/columns.h) */
static void stats_row(html_ctx *c, const char *label, const ps_stats *s, const ps_stats_units *u) {
  char a[64];
  ps_strbuf_puts(&c->b, "<tr>");
  html_td(c, label);
  html_tdn(c, ps_money_long_in(s->mean, u->mean, 0, a, sizeof a));
  html_tdn(c, ps_money_long_in(s->se, u->se, 0, a, sizeof a));
  html_tdn(c, ps_money_long_in(s->p50, u->p50, 0, a, sizeof a));
  html_tdn(c, ps_money_long_in(s->p95, u->p95, 0, a, sizeof a));
  html_tdn(c, ps_money_long_in(s->p99, u->p99, 0, a, sizeof a));
  html_tdn(c, ps_money_long_in(s->es99, u->es99, 0, a, sizeof a));
  ps_strbuf_puts(&c->b, "</tr>\n");
}

static void stats_head(html_ctx *c, const char *first) {
  ps_strbuf_puts(&c->b, "<thead><tr>");
  html_th(c, first);
  html_th(c, html_label(c, PS_L_TXT_MEAN));
  html_th(c, html_label(c, PS_L_PAGE_STD_ERROR));
  html_th(c, html_label(c, PS_L_PAGE_MEDIAN));
  html_th(c, html_label(c, PS_L_PAGE_P95));
  html_th(c, html_label(c, PS_L_PAGE_P99));
  html_th(c, "ES99");
  ps_strbuf_puts(&c->b, "</tr></thead>\n");
}

static int shown(const html_ctx *c, int pool) { return !c->o->pool || strcmp(c->o->pool, c->m->pools[pool].id) == 0; }

static const char *account_name(const ps_model *m, int a) {
  if (a >= 0 && a < m->nparties) return m->parties[a].id;
  if (ps_is_pool_account(m, a)) return m->pools[a - m->nparties].id;
  return "?";
}

static const char *party_label(const ps_model *m, int i) {
  if (i < 0 || i >= m->nparties) return "—";
  return m->parties[i].id;
}

static void answer(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  ps_strbuf *b = &c->b;
  char a[64], d[64], e2[64], f[32];
  int per_year = ps_periods_per_year(m->step), years = (m->periods + per_year - 1) / per_year;
  for (int i = 0; i < m->npools; i++) {
    if (!shown(c, i)) continue;
    const ps_pool_result *p = &r->pools[i];
    int ow = m->pools[i].owner;
    const char *owner = ow >= 0 && ow < m->nparties && m->parties[ow].name && *m->parties[ow].name ? m->parties[ow].name
                                                                                                   : party_label(m, ow);
    ps_strbuf_puts(b, "<p class=\"answer\">");
    if (c->zh) {
      ps_strbuf_puts(b, "资金池 <b>");
      html_esc(b, m->pools[i].id);
      ps_strbuf_puts(b, "</b>（");
      html_esc(b, owner);
      ps_strbuf_printf(b, "）初始规模 <b>%s</b>，在 %s（%d 个财政年度）内耗尽（出现补偿缺口）的概率为 <b>", html_money_x(p->initial, 1, a, sizeof a),
         html_span(c, m->periods, f, sizeof f), years);
      html_put_prob_ci(c, &p->depletion);
      ps_strbuf_puts(b, "</b>。");
      for (int k = 0; k < c->nalphas; k++) {
        ps_estimate s = ps_results_sizing(r, p, c->alphas[k]);
        ps_strbuf_printf(b, "%s耗尽概率不超过 %s，初始规模需 <b>%s</b>（95%%置信区间 %s–%s）", k ? "；" : "要使", html_alpha_text(c->alphas[k], f, sizeof f),
           html_money(s.value, a, sizeof a), html_money(s.lo, d, sizeof d), html_money(s.hi, e2, sizeof e2));
      }
      if (c->nalphas) ps_strbuf_puts(b, "。");
      for (int k = 0; k < c->o->nat; k++) {
        ps_estimate e = ps_results_depletion_at(r, p, c->o->at[k]);
        ps_strbuf_printf(b, "若初始规模为 <b>%s</b>，耗尽概率为 ", html_money_x(c->o->at[k], 1, a, sizeof a));
        html_put_prob_ci(c, &e);
        ps_strbuf_puts(b, "：");
        for (int q = 0; q < c->nalphas; q++)
          ps_strbuf_printf(b, "%s目标 %s <span class=\"%s\">%s</span>", q ? "，" : "", html_alpha_text(c->alphas[q], f, sizeof f),
             html_verdict_class(&e, c->alphas[q]), html_verdict_text(c, &e, c->alphas[q]));
        ps_strbuf_puts(b, "。");
      }
      if (m->balance_feedback && !r->searched)
        ps_strbuf_puts(b, "（注：本情景含随余额变化的规则，上述规模测算假定这些规则不影响结果，应以该规模重新运行核验。）");
    } else {
      ps_strbuf_puts(b, "Pool <b>");
      html_esc(b, m->pools[i].id);
      ps_strbuf_puts(b, "</b> (owner ");
      html_esc(b, owner);
      ps_strbuf_printf(b, ") starts with <b>%s</b>. The probability that it runs short of money (depletion) within the horizon of %s "
            "(%d fiscal year%s) is <b>",
         html_money_x(p->initial, 1, a, sizeof a), html_span(c, m->periods, f, sizeof f), years, years == 1 ? "" : "s");
      html_put_prob_ci(c, &p->depletion);
      ps_strbuf_puts(b, "</b>.");
      for (int k = 0; k < c->nalphas; k++) {
        ps_estimate s = ps_results_sizing(r, p, c->alphas[k]);
        ps_strbuf_printf(b, "%s %s%s <b>%s</b> (95%% CI %s–%s)", k ? "; at or below" : " To keep that probability at or below",
           html_alpha_text(c->alphas[k], f, sizeof f), k ? "," : " the pool needs", html_money(s.value, a, sizeof a),
           html_money(s.lo, d, sizeof d), html_money(s.hi, e2, sizeof e2));
      }
      if (c->nalphas) ps_strbuf_puts(b, ".");
      for (int k = 0; k < c->o->nat; k++) {
        ps_estimate e = ps_results_depletion_at(r, p, c->o->at[k]);
        ps_strbuf_printf(b, " With <b>%s</b> the probability of depletion is ", html_money_x(c->o->at[k], 1, a, sizeof a));
        html_put_prob_ci(c, &e);
        ps_strbuf_puts(b, ":");
        for (int q = 0; q < c->nalphas; q++)
          ps_strbuf_printf(b, "%s <span class=\"%s\">%s</span> the %s target", q ? "," : "", html_verdict_class(&e, c->alphas[q]),
             html_verdict_text(c, &e, c->alphas[q]), html_alpha_text(c->alphas[q], f, sizeof f));
        ps_strbuf_puts(b, ".");
      }
      if (m->balance_feedback && !r->searched)
        ps_strbuf_puts(b, " (Rules in this scenario react to the pool's balance; the sizes assume they do not: check them by "
               "running at that size.)");
    }
    if (ps_results_has_point(r)) { /* how much of the answer comes from parameter uncertainty */
      ps_strbuf sentence = {0};
      ps_uncertainty_sentence(&sentence, r, i, c->alphas, c->nalphas, c->zh ? PS_LANG_ZH : PS_LANG_EN);
      if (sentence.oom) b->oom = 1;
      ps_strbuf_puts(b, c->zh ? "" : " ");
      html_esc(b, sentence.s ? sentence.s : "");
      free(sentence.s);
    }
    ps_strbuf_puts(b, "</p>\n");
  }
}

/* the page rule that prints name at the top of every page, as a CSS string (every character that
** could end the string or the style element escaped) */
static void print_title(ps_strbuf *b, const char *name) {
  ps_strbuf_puts(b, "@page{@top-center{content:\"");
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
    if (*p == '"' || *p == '\\' || *p == '<' || *p == '>' || *p == '&' || *p < 0x20) ps_strbuf_printf(b, "\\%x ", *p);
    else ps_strbuf_put(b, (const char *)p, 1);
  }
  ps_strbuf_puts(b, "\";font-size:9pt;color:#5b6570}}\n");
}

/* the report's first sentence (report/answer.h), a paragraph per pool */
static void headline(html_ctx *c) {
  ps_strbuf s = {0};
  ps_answer_sentence(&s, c->r, c->o, c->zh ? PS_LANG_ZH : PS_LANG_EN, html_money);
  if (s.oom) c->b.oom = 1;
  for (char *line = s.s, *end; line && *line; line = end + 1) {
    end = strchr(line, '\n');
    *end = 0;
    ps_strbuf_puts(&c->b, "<p class=\"headline\">");
    html_esc(&c->b, line);
    ps_strbuf_puts(&c->b, "</p>\n");
  }
  free(s.s);
}

/* a scheme without a pool: the answer is the budget, each government's outlay and each insurer's
** loss ratio, then each government's outlay by fiscal year and kind */
static void budget_answer(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64], b2[64], d[64], e[64];
  ps_strbuf_puts(&c->b, "<p class=\"answer\">");
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    const ps_party *party = &m->parties[i];
    if (party->kind == PS_PARTY_GOVERNMENT)
      ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_BUDGET_ANSWER), party_label(m, i), html_money(-p->net_result.mean, a, sizeof a));
    else if (party->kind == PS_PARTY_INSURER)
      ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_INSURER_ANSWER), party_label(m, i), html_pct(p->ratio.mean, a, sizeof a),
                       html_pct(p->ratio.p50, b2, sizeof b2), html_pct(p->ratio.p95, d, sizeof d),
                       html_pct(p->ratio.p99, e, sizeof e));
  }
  ps_strbuf_puts(&c->b, "</p>\n");
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    ps_strbuf_puts(&c->b, "<table>\n<caption>");
    html_esc(&c->b, party_label(m, i));
    ps_strbuf_printf(&c->b, "%s</caption>\n<thead><tr>", html_label(c, PS_L_PAGE_OUTLAY_BY_KIND));
    html_th(c, html_label(c, PS_L_MD_KIND));
    for (int y = 0; y < p->nyears; y++) {
      snprintf(a, sizeof a, html_label(c, PS_L_PAGE_YEAR_N), y + 1);
      html_th(c, a);
    }
    ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n<tr>");
    html_td(c, html_label(c, PS_L_MD_ALL_KINDS));
    int yi = 0; /* one unit for the table: its columns are years of the same figures */
    for (int y = 0; y < p->nyears; y++) {
      yi |= ps_unit_of(&p->outlay_by_year[y].mean, 1);
      for (int k = 0; k < PS_NBUDGET; k++) yi |= ps_unit_of(&p->budget[y * PS_NBUDGET + k].mean, 1);
    }
    for (int y = 0; y < p->nyears; y++) html_tdn(c, ps_money_long_in(p->outlay_by_year[y].mean, yi, 0, a, sizeof a));
    ps_strbuf_puts(&c->b, "</tr>\n");
    for (int k = 0; k < PS_NBUDGET; k++) {
      int any = 0;
      for (int y = 0; y < p->nyears; y++) any |= p->budget[y * PS_NBUDGET + k].max != 0 || p->budget[y * PS_NBUDGET + k].min != 0;
      if (!any) continue;
      ps_strbuf_puts(&c->b, "<tr>");
      html_td(c, html_label(c, (ps_label_id)(PS_L_BUDGET_POOL_FUNDING + k)));
      for (int y = 0; y < p->nyears; y++) html_tdn(c, ps_money_long_in(p->budget[y * PS_NBUDGET + k].mean, yi, 0, a, sizeof a));
      ps_strbuf_puts(&c->b, "</tr>\n");
    }
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
  }
}

static void pools_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64];
  for (int i = 0; i < m->npools; i++) {
    const ps_pool_result *p = &r->pools[i];
    ps_strbuf_puts(&c->b, "<table>\n");
    ps_strbuf_printf(&c->b, "<caption>%s ", html_label(c, PS_L_MD_POOL));
    html_esc(&c->b, m->pools[i].id);
    ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_POOL_CAPTION), html_money_x(p->initial, 1, a, sizeof a));
    ps_strbuf_puts(&c->b, "</caption>\n");
    stats_head(c, html_label(c, PS_L_PAGE_ITEM));
    ps_strbuf_puts(&c->b, "<tbody>\n");
    const ps_stats *rows[PS_NPOOL_ROWS];
    ps_pool_rows(p, rows);
    static const ps_label_id labels[PS_NPOOL_ROWS] = {
        PS_L_PAGE_CLAIMS,    PS_L_PAGE_PAID,     PS_L_PAGE_SHORTFALL,           PS_L_PAGE_RECOVERED,
        PS_L_TXT_NET_OUTLAY, PS_L_PAGE_REQUIRED_INITIAL_BALANCE, PS_L_PAGE_TOP_UPS, PS_L_PAGE_RETURNED_AT_THE_END,
        PS_L_PAGE_CLAIMS_DUE_AFTER_THE};
    ps_stats_units u = ps_stats_units_of(rows, PS_NPOOL_ROWS);
    for (int k = 0; k < PS_NPOOL_ROWS; k++)
      if (rows[k]) stats_row(c, html_label(c, labels[k]), rows[k], &u);
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
    /* depletion by year as numbers */
    static const ps_label_id by_year[] = {PS_L_PAGE_FISCAL_YEAR, PS_L_MD_P_DEPLETION, PS_L_PAGE_CI95};
    html_table_open(c, PS_L_PAGE_CUMULATIVE_PROBABILITY_OF_DEPLETION, by_year, 3);
    for (int y = 0; y < p->nyears; y++) {
      const ps_estimate *e = &p->depletion_by_year[y];
      char lo[32], hi[32], yr[32];
      snprintf(yr, sizeof yr, html_label(c, PS_L_PAGE_YEAR_N), y + 1);
      ps_strbuf_puts(&c->b, "<tr>");
      html_td(c, yr);
      html_tdn(c, html_pct(e->value, a, sizeof a));
      ps_strbuf_printf(&c->b, "<td class=\"num\">%s – %s</td>", html_pct(e->lo, lo, sizeof lo), html_pct(e->hi, hi, sizeof hi));
      ps_strbuf_puts(&c->b, "</tr>\n");
    }
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
  }
}

static void sizing_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64], lo[64], hi[64], f[32];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", html_label(c, PS_L_PAGE_SIZING));
  ps_strbuf_puts(&c->b, "<table>\n<thead><tr>");
  html_th(c, html_label(c, PS_L_PAGE_POOL));
  html_th(c, html_label(c, PS_L_PAGE_TARGET_P_DEPLETION));
  html_th(c, html_label(c, PS_L_PAGE_INITIAL_BALANCE_NEEDED));
  html_th(c, html_label(c, PS_L_PAGE_CI95));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  int yi = 0, ci_yi = 0; /* one unit for the needed column, one for its intervals */
  for (int i = 0; i < m->npools; i++)
    for (int k = 0; shown(c, i) && k < c->nalphas; k++) {
      ps_estimate s = ps_results_sizing(r, &r->pools[i], c->alphas[k]);
      yi |= ps_unit_of(&s.value, 1);
      ci_yi |= ps_unit_of(&s.hi, 1) | ps_unit_of(&s.lo, 1);
    }
  for (int i = 0; i < m->npools; i++) {
    if (!shown(c, i)) continue;
    for (int k = 0; k < c->nalphas; k++) {
      ps_estimate s = ps_results_sizing(r, &r->pools[i], c->alphas[k]);
      ps_strbuf_puts(&c->b, "<tr>");
      html_td(c, m->pools[i].id);
      html_tdn(c, html_alpha_text(c->alphas[k], f, sizeof f));
      html_tdn(c, ps_money_long_in(s.value, yi, 0, a, sizeof a));
      ps_strbuf_printf(&c->b, "<td class=\"num\">%s – %s</td>", ps_money_long_in(s.lo, ci_yi, 0, lo, sizeof lo),
                       ps_money_long_in(s.hi, ci_yi, 0, hi, sizeof hi));
      ps_strbuf_puts(&c->b, "</tr>\n");
    }
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  /* the current balance and the balances asked about */
  ps_strbuf_puts(&c->b, "<table>\n<thead><tr>");
  html_th(c, html_label(c, PS_L_PAGE_POOL));
  html_th(c, html_label(c, PS_L_PAGE_INITIAL_BALANCE));
  html_th(c, html_label(c, PS_L_MD_P_DEPLETION));
  html_th(c, html_label(c, PS_L_PAGE_CI95));
  for (int q = 0; q < c->nalphas; q++) {
    char h[64];
    snprintf(h, sizeof h, html_label(c, PS_L_PAGE_TARGET), html_alpha_text(c->alphas[q], f, sizeof f));
    html_th(c, h);
  }
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->npools; i++) {
    if (!shown(c, i)) continue;
    const ps_pool_result *p = &r->pools[i];
    for (int k = -1; k < c->o->nat; k++) {
      double x = k < 0 ? p->initial : c->o->at[k];
      if (k >= 0 && fabs(x - p->initial) < 1e-6) continue;
      ps_estimate e = ps_results_depletion_at(r, p, x);
      ps_strbuf_puts(&c->b, "<tr>");
      html_td(c, m->pools[i].id);
      char lab[96];
      snprintf(lab, sizeof lab, "%s%s", html_money_x(x, 1, a, sizeof a), k < 0 ? html_label(c, PS_L_PAGE_THIS_RUN) : "");
      html_tdn(c, lab);
      html_tdn(c, html_pct(e.value, a, sizeof a));
      ps_strbuf_printf(&c->b, "<td class=\"num\">%s – %s</td>", html_pct(e.lo, lo, sizeof lo), html_pct(e.hi, hi, sizeof hi));
      for (int q = 0; q < c->nalphas; q++)
        ps_strbuf_printf(&c->b, "<td class=\"%s\">%s</td>", html_verdict_class(&e, c->alphas[q]), html_verdict_text(c, &e, c->alphas[q]));
      ps_strbuf_puts(&c->b, "</tr>\n");
    }
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
     html_label(c, PS_L_PAGE_MEETS_THE_UPPER_END));
  if (m->balance_feedback)
    ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
       r->searched ? html_label(c, PS_L_PAGE_RULES_IN_THIS_SCENARIO)
                   : html_label(c, PS_L_PAGE_NOTE_RULES_IN_THIS));
  for (int i = 0; r->serve > 0 && i < m->npools; i++) /* size --serve: what the sizing of a lender pool means */
    if (shown(c, i) && ps_pool_lends_bridges(m, i)) {
      ps_strbuf_puts(&c->b, "<p class=\"note-box\">");
      ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_SERVE_NOTE), 100 * r->serve);
      ps_strbuf_puts(&c->b, "</p>\n");
      break;
    }
}

static void programmes_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64];
  int extra = 0, yi[4] = {0}; /* one unit per column: exposure mean, p99, refused, capped */
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    if (p->paused.max > 0 || p->stopped.max > 0 || p->capped.max > 0 || p->declined.max > 0 || p->refused.max > 0)
      extra = 1;
    yi[0] |= ps_unit_of(&p->defaulted_exposure.mean, 1), yi[1] |= ps_unit_of(&p->defaulted_exposure.p99, 1);
    yi[2] |= ps_unit_of(&p->refused.mean, 1), yi[3] |= ps_unit_of(&p->capped.mean, 1);
  }
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<table>\n<thead><tr>", html_label(c, PS_L_MD_PROGRAMMES));
  html_th(c, html_label(c, PS_L_PAGE_PROGRAMME));
  html_th(c, html_label(c, PS_L_PAGE_BANK));
  html_th(c, html_label(c, PS_L_PAGE_LOANS_ORIGINATED_MEAN));
  html_th(c, html_label(c, PS_L_PAGE_DEFAULTS_MEAN_S_E));
  html_th(c, html_label(c, PS_L_PAGE_DEFAULTS_P99));
  html_th(c, html_label(c, PS_L_PAGE_DEFAULTED_EXPOSURE_MEAN));
  html_th(c, html_label(c, PS_L_PAGE_DEFAULTED_EXPOSURE_P99));
  if (extra) {
    html_th(c, html_label(c, PS_L_PAGE_PERIODS_PAUSED));
    html_th(c, html_label(c, PS_L_PAGE_PERIODS_LENDING_STOPPED));
    html_th(c, html_label(c, PS_L_PAGE_REFUSED_WHILE_PAUSED));
    html_th(c, html_label(c, PS_L_PAGE_CUT_BY_CAPS));
    html_th(c, html_label(c, PS_L_PAGE_LOANS_DECLINED));
  }
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char s[96], x[32], y[32];
    ps_strbuf_puts(&c->b, "<tr>");
    html_td(c, m->programmes[i].id);
    if (m->programmes[i].insurer >= 0) { /* an insurer programme: its insurer, marked */
      char who[256];
      snprintf(who, sizeof who, "%s (%s)", party_label(m, m->programmes[i].insurer), html_label(c, PS_L_KIND_INSURER));
      html_td(c, who);
    } else if (m->programmes[i].lender >= 0) { /* a bridge fund: its pool lends */
      html_td(c, m->pools[m->programmes[i].lender].id);
    } else html_td(c, party_label(m, m->programmes[i].bank));
    html_tdn(c, html_num(p->originated.mean, 0, a, sizeof a));
    snprintf(s, sizeof s, "%s ± %s", html_num(p->defaults.mean, 1, x, sizeof x), html_num(p->defaults.se, 1, y, sizeof y));
    html_tdn(c, s);
    html_tdn(c, html_num(p->defaults.p99, 0, a, sizeof a));
    html_tdn(c, ps_money_long_in(p->defaulted_exposure.mean, yi[0], 0, a, sizeof a));
    html_tdn(c, ps_money_long_in(p->defaulted_exposure.p99, yi[1], 0, a, sizeof a));
    if (extra) {
      html_tdn(c, html_num(p->paused.mean, 1, a, sizeof a));
      html_tdn(c, html_num(p->stopped.mean, 1, a, sizeof a));
      html_tdn(c, ps_money_long_in(p->refused.mean, yi[2], 0, a, sizeof a));
      html_tdn(c, ps_money_long_in(p->capped.mean, yi[3], 0, a, sizeof a));
      html_tdn(c, html_num(p->declined.mean, 1, a, sizeof a));
    }
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
}

/* a government's cost in present value by cohort, after its cash outlay by year */
static void cost_table(html_ctx *c, int i) {
  const ps_model *m = c->m;
  const ps_party_result *p = &c->r->parties[i];
  if (p->cost_pv.max == 0 && p->cost_pv.min == 0) return;
  char rate[32], note[1024];
  ps_strbuf_puts(&c->b, "<table>\n<caption>");
  html_esc(&c->b, m->parties[i].name && *m->parties[i].name ? m->parties[i].name : m->parties[i].id);
  ps_strbuf_puts(&c->b, c->zh ? "：" : ": ");
  html_esc(&c->b, html_label(c, PS_L_COST_TITLE));
  ps_strbuf_puts(&c->b, "</caption>\n");
  stats_head(c, html_label(c, PS_L_COST_COHORT));
  ps_strbuf_puts(&c->b, "<tbody>\n");
  ps_stats_units u = ps_cost_units(p);
  for (int y = 0; y < p->ncohorts; y++) {
    char label[64];
    if (ps_cost_cohort_label(p, y, c->zh ? PS_LANG_ZH : PS_LANG_EN, label, sizeof label))
      stats_row(c, label, &p->cost_by_cohort[y], &u);
  }
  stats_row(c, html_label(c, PS_L_COST_TOTAL), &p->cost_pv, &u);
  char sentence[512];
  ps_cost_sentence(p, c->zh ? PS_LANG_ZH : PS_LANG_EN, sentence, sizeof sentence);
  ps_strbuf_puts(&c->b, "</tbody></table>\n<p>");
  html_esc(&c->b, sentence);
  ps_strbuf_puts(&c->b, "</p>\n<p class=\"note-box\">");
  snprintf(note, sizeof note, html_label(c, PS_L_COST_NOTE), html_pct(m->discount_rate, rate, sizeof rate));
  html_esc(&c->b, note);
  ps_strbuf_puts(&c->b, "</p>\n");
}

static void parties_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64], b2[64], d[64];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<table>\n<thead><tr>", html_label(c, PS_L_PAGE_PARTIES));
  html_th(c, html_label(c, PS_L_PAGE_PARTY));
  html_th(c, html_label(c, PS_L_PAGE_KIND));
  html_th(c, html_label(c, PS_L_PAGE_LOSSES_MEAN));
  html_th(c, html_label(c, PS_L_PAGE_LOSSES_P99));
  html_th(c, html_label(c, PS_L_PAGE_NET_RESULT_MEAN));
  html_th(c, html_label(c, PS_L_PAGE_NET_RESULT_MEDIAN));
  html_th(c, html_label(c, PS_L_PAGE_RISK_MEASURE));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  int yi[4] = {0}; /* one unit per column: losses mean, p99, net result mean, median */
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    yi[0] |= ps_unit_of(&p->losses.mean, 1), yi[1] |= ps_unit_of(&p->losses.p99, 1);
    yi[2] |= ps_unit_of(&p->net_result.mean, 1), yi[3] |= ps_unit_of(&p->net_result.p50, 1);
  }
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    const ps_party *party = &m->parties[i];
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    html_esc(&c->b, party->id);
    ps_strbuf_puts(&c->b, "</code>");
    if (party->name && *party->name && strcmp(party->name, party->id) != 0) {
      ps_strbuf_puts(&c->b, "<br>");
      html_esc(&c->b, party->name);
    }
    ps_strbuf_puts(&c->b, "</td><td class=\"kind\">"); /* one line: a narrow printed column broke it per character */
    html_esc(&c->b, html_label(c, (ps_label_id)(PS_L_KIND_GOVERNMENT + party->kind)));
    ps_strbuf_puts(&c->b, "</td>");
    html_tdn(c, ps_money_long_in(p->losses.mean, yi[0], 0, a, sizeof a));
    html_tdn(c, ps_money_long_in(p->losses.p99, yi[1], 0, a, sizeof a));
    html_tdn(c, ps_money_long_in(p->net_result.mean, yi[2], 0, a, sizeof a));
    html_tdn(c, ps_money_long_in(p->net_result.p50, yi[3], 0, a, sizeof a));
    char s[256] = "";
    if (party->kind == PS_PARTY_BANK && party->npl_tolerance > 0)
      snprintf(s, sizeof s, html_label(c, PS_L_PAGE_NPL_TOLERANCE),
               html_pct(p->ratio.mean, a, sizeof a), html_pct(p->ratio.p95, b2, sizeof b2),
               html_rate_text(party->npl_tolerance, d, sizeof d), html_pct(p->breached.value, (char[32]){0}, 32));
    else if (party->kind == PS_PARTY_BANK)
      snprintf(s, sizeof s, html_label(c, PS_L_PAGE_NPL),
               html_pct(p->ratio.mean, a, sizeof a), html_pct(p->ratio.p95, b2, sizeof b2));
    else if (party->kind == PS_PARTY_GUARANTOR)
      snprintf(s, sizeof s, html_label(c, PS_L_PAGE_PAYOUT_RATE),
               html_pct(p->ratio.mean, a, sizeof a), html_pct(p->ratio.p95, b2, sizeof b2),
               party->capital > 0 ? html_label(c, PS_L_TXT_CAPITAL) : "",
               party->capital > 0 ? html_pct(p->breached.value, d, sizeof d) : "");
    else if (party->kind == PS_PARTY_INSURER)
      snprintf(s, sizeof s, html_label(c, PS_L_PAGE_LOSS_RATIO), html_pct(p->ratio.mean, a, sizeof a),
               html_pct(p->ratio.p95, b2, sizeof b2));
    html_td(c, s);
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
     html_label(c, PS_L_PAGE_LOSSES_PAID_ON_DEFAULTS));
  /* the budget view of each government */
  for (int i = 0; i < m->nparties; i++) {
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    const ps_party_result *p = &r->parties[i];
    ps_strbuf_puts(&c->b, "<table>\n<caption>");
    html_esc(&c->b, m->parties[i].name && *m->parties[i].name ? m->parties[i].name : m->parties[i].id);
    ps_strbuf_printf(&c->b, "%s</caption>\n", html_label(c, PS_L_PAGE_OUTLAY_TABLE));
    stats_head(c, html_label(c, PS_L_PAGE_OUTLAY_IN_FISCAL_YEAR));
    ps_strbuf_puts(&c->b, "<tbody>\n");
    ps_stats_units u = {0};
    for (int y = 0; y < p->nyears; y++) {
      ps_stats_units v = ps_stats_units_of((const ps_stats *const[]){&p->outlay_by_year[y]}, 1);
      u.mean |= v.mean, u.se |= v.se, u.p50 |= v.p50, u.p95 |= v.p95, u.p99 |= v.p99, u.es99 |= v.es99;
    }
    for (int y = 0; y < p->nyears; y++) {
      char yr[32];
      snprintf(yr, sizeof yr, html_label(c, PS_L_PAGE_YEAR_N), y + 1);
      stats_row(c, yr, &p->outlay_by_year[y], &u);
    }
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
    cost_table(c, i);
  }
}

/* how many loans or policies a segment writes, and when: a seasoned loan-tape group (first <= 0) was
** written before the run and is on the books at the start */
static void new_loans_text(const html_ctx *c, const ps_segment *s, char *buf, size_t n) {
  if (s->first <= 0) snprintf(buf, n, html_label(c, PS_L_PAGE_NEW_LOANS_SEASONED), s->new_loans, s->first);
  else if (s->first == s->last) snprintf(buf, n, html_label(c, PS_L_PAGE_NEW_LOANS_PERIOD), s->new_loans, s->first);
  else snprintf(buf, n, html_label(c, PS_L_PAGE_NEW_LOANS_PERIODS), s->new_loans, s->first, s->last);
}

static void dist_text(const html_ctx *c, const ps_dist *d, int money_units, char *buf, size_t n) {
  char a[64], b2[64];
  /* a uniform is shown by its range, the others by mean and sd */
  double x = d->kind == PS_DIST_UNIFORM ? d->p1 : d->mean, y = d->kind == PS_DIST_UNIFORM ? d->p2 : d->sd;
  if (money_units) {
    html_money_x(x, 1, a, sizeof a);
    html_money_x(y, 1, b2, sizeof b2);
  } else {
    snprintf(a, sizeof a, "%.3g", x);
    snprintf(b2, sizeof b2, "%.3g", y);
  }
  switch (d->kind) {
  case PS_DIST_FIXED:
    if (money_units) html_money_x(d->mean, 1, a, sizeof a);
    snprintf(buf, n, "%s", a);
    break;
  case PS_DIST_LOGNORMAL: snprintf(buf, n, html_label(c, PS_L_PAGE_LOGNORMAL_MEAN_SD), a, b2); break;
  case PS_DIST_BETA: snprintf(buf, n, html_label(c, PS_L_PAGE_BETA_MEAN_SD), a, b2); break;
  case PS_DIST_UNIFORM: snprintf(buf, n, html_label(c, PS_L_PAGE_UNIFORM_MIN_MAX), a, b2); break;
  default: snprintf(buf, n, html_label(c, PS_L_PAGE_LOAN_TAPE_LOANS_MEAN), d->nitems, a);
  }
}

/* a loan-tape group's per-loan PDs or LGDs: "lowest – highest" */
static void range_text(const double *x, long n, char *buf, size_t size) {
  double lo = x[0], hi = x[0];
  for (long i = 1; i < n; i++) {
    lo = fmin(lo, x[i]);
    hi = fmax(hi, x[i]);
  }
  char a[64], b[64];
  snprintf(buf, size, "%s – %s", html_rate_text(lo, a, sizeof a), html_rate_text(hi, b, sizeof b));
}

/* "<br>interest subsidy finance_bureau 10% of interest" */
static void subsidy_text(html_ctx *c, const ps_subsidy *sub, const char *what, const char *of) {
  const ps_model *m = c->m;
  char a[64];
  if (sub->payer < 0 || sub->payer >= m->nparties || (sub->share <= 0 && sub->of_principal <= 0)) return;
  ps_strbuf_printf(&c->b, "<br>%s ", what);
  html_esc(&c->b, m->parties[sub->payer].id);
  if (sub->of_principal > 0) ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_A_YEAR_ON_PRINCIPAL), html_rate_text(sub->of_principal, a, sizeof a));
  else if (c->zh) ps_strbuf_printf(&c->b, " %s的 %s", of, html_rate_text(sub->share, a, sizeof a));
  else ps_strbuf_printf(&c->b, " %s of %s", html_rate_text(sub->share, a, sizeof a), of);
  if (sub->cap_per_loan > 0)
    ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_AT_MOST_A_LOAN),
       html_money_x((double)sub->cap_per_loan / PS_FEN_PER_YUAN, 1, a, sizeof a));
  if (sub->after_repayment) ps_strbuf_puts(&c->b, html_label(c, PS_L_PAGE_PAID_ONCE_THE_LOAN));
}

/* the assumptions of kind = "policy" segments, when there are any */
static void policy_segments_table(html_ctx *c) {
  const ps_model *m = c->m;
  int any = 0;
  for (int i = 0; i < m->nsegments; i++) any |= m->segments[i].kind == PS_SEGMENT_POLICY;
  if (!any) return;
  static const ps_label_id heads[] = {PS_L_PAGE_SEGMENT, PS_L_PAGE_NEW_POLICIES_PER_PERIOD, PS_L_PAGE_COVER,
                                      PS_L_PAGE_TERM, PS_L_PAGE_PREMIUM_UP_FRONT, PS_L_PAGE_CLAIM_PROBABILITY,
                                      PS_L_PAGE_SEVERITY, PS_L_PAGE_DEDUCTIBLE, PS_L_PAGE_CORRELATION};
  html_table_open(c, PS_L_PAGE_SEGMENTS_POLICIES, heads, (int)(sizeof heads / sizeof *heads));
  for (int i = 0; i < m->nsegments; i++) {
    const ps_segment *s = &m->segments[i];
    char buf[256], a[64];
    if (s->kind != PS_SEGMENT_POLICY) continue;
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    html_esc(&c->b, s->id);
    ps_strbuf_puts(&c->b, "</code></td>");
    new_loans_text(c, s, buf, sizeof buf);
    html_tdn(c, buf);
    dist_text(c, &s->loan, 1, buf, sizeof buf);
    html_td(c, buf);
    html_td(c, html_span(c, s->tenor, a, sizeof a));
    html_tdn(c, html_rate_text(s->premium, a, sizeof a));
    html_tdn(c, html_rate_text(s->pd, a, sizeof a));
    if (s->lgd.kind == PS_DIST_FIXED) html_tdn(c, html_rate_text(s->lgd.mean, buf, sizeof buf));
    else {
      dist_text(c, &s->lgd, 0, buf, sizeof buf);
      html_td(c, buf);
    }
    html_tdn(c, html_money((double)s->deductible / PS_FEN_PER_YUAN, a, sizeof a));
    snprintf(buf, sizeof buf, "%.3g", s->rho);
    html_tdn(c, buf);
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
}

static void assumptions_section(html_ctx *c) {
  const ps_model *m = c->m;
  char a[128], b2[64], d[64];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", html_label(c, PS_L_PAGE_ASSUMPTIONS_OF_THE_SCENARIO));
  ps_strbuf_printf(&c->b, "<p>%s", html_label(c, PS_L_PAGE_HORIZON));
  ps_strbuf_puts(&c->b, html_span(c, m->periods, b2, sizeof b2));
  ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_PERSISTENCE_OF_THE_SYSTEMIC),
     m->cycle, m->copula == PS_COPULA_T ? html_label(c, PS_L_PAGE_T_COPULA) : html_label(c, PS_L_PAGE_GAUSSIAN_COPULA));
  if (c->r->uncertain) { /* the parameters drawn once per path (the tables show their means) */
    ps_strbuf_printf(&c->b, "<p>%s", html_label(c, PS_L_UNCERTAIN_PARAMS));
    for (int k = 0; k < m->nuncertain; k++) {
      const ps_uncertain_result *u = &c->r->uncertain[k];
      ps_strbuf_puts(&c->b, k ? TR(c, "；", "; ") : "");
      ps_strbuf_puts(&c->b, "<code>");
      html_esc(&c->b, m->uncertain[k].key);
      ps_strbuf_puts(&c->b, "</code> ");
      dist_text(c, &m->uncertain[k].dist, 0, a, sizeof a);
      html_esc(&c->b, a);
      ps_strbuf_printf(&c->b, html_label(c, PS_L_UNCERTAIN_DRAWS), u->p05, u->p95);
    }
    ps_strbuf_puts(&c->b, "</p>\n");
  }
  /* pools */
  static const ps_label_id pool_heads[] = {PS_L_PAGE_POOL,          PS_L_PAGE_OWNER,
                                           PS_L_PAGE_INITIAL_BALANCE, PS_L_PAGE_ANNUAL_YIELD,
                                           PS_L_PAGE_SCHEDULED_TOP_UPS, PS_L_PAGE_RULES};
  html_table_open(c, PS_L_PAGE_POOLS, pool_heads, 6);
  for (int i = 0; i < m->npools; i++) {
    const ps_pool *p = &m->pools[i];
    double top = 0;
    if (p->topups)
      for (int t = 1; t <= m->periods; t++) top += (double)p->topups[t] / PS_FEN_PER_YUAN;
    ps_strbuf_puts(&c->b, "<tr>");
    html_td(c, p->id);
    html_td(c, party_label(m, p->owner));
    html_tdn(c, html_money_x((double)p->initial / PS_FEN_PER_YUAN, 1, a, sizeof a));
    html_tdn(c, html_rate_text(p->yield, a, sizeof a));
    html_tdn(c, html_money_x(top, 1, a, sizeof a));
    char rules[256] = "";
    if (p->refill_last_year) strncat(rules, html_label(c, PS_L_PAGE_REFILLS_LAST_YEAR_S), sizeof rules - strlen(rules) - 1);
    if (p->refill_below > 0) {
      snprintf(a, sizeof a, html_label(c, PS_L_PAGE_TOPS_UP_TO_OF),
               html_rate_text(p->refill_below, b2, sizeof b2));
      strncat(rules, a, sizeof rules - strlen(rules) - 1);
    }
    if (p->wind_down) strncat(rules, html_label(c, PS_L_PAGE_BALANCE_RETURNED_AT_THE), sizeof rules - strlen(rules) - 1);
    html_td(c, *rules ? rules : "—");
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  /* segments */
  static const ps_label_id segment_heads[] = {PS_L_PAGE_SEGMENT, PS_L_PAGE_NEW_LOANS_PER_PERIOD, PS_L_PAGE_LOAN_SIZE,
                                              PS_L_PAGE_TENOR,   PS_L_PAGE_RATE,                PS_L_PAGE_ANNUAL_PD,
                                              PS_L_PAGE_LGD,     PS_L_PAGE_CORRELATION};
  html_table_open(c, PS_L_PAGE_SEGMENTS_LOANS, segment_heads, 8);
  for (int i = 0; i < m->nsegments; i++) {
    const ps_segment *s = &m->segments[i];
    char buf[256];
    if (s->kind == PS_SEGMENT_POLICY) continue; /* policy_segments_table */
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    html_esc(&c->b, s->id);
    ps_strbuf_puts(&c->b, "</code>");
    if (s->name && *s->name && strcmp(s->name, s->id) != 0) {
      ps_strbuf_puts(&c->b, "<br>");
      html_esc(&c->b, s->name);
    }
    ps_strbuf_puts(&c->b, "</td>");
    if (s->volume.poisson)
      snprintf(buf, sizeof buf, html_label(c, PS_L_POISSON_PERIODS), s->volume.mean, s->volume.demand_rho, s->first, s->last);
    else
      new_loans_text(c, s, buf, sizeof buf);
    html_tdn(c, buf);
    dist_text(c, &s->loan, 1, buf, sizeof buf);
    html_td(c, buf);
    snprintf(buf, sizeof buf, "%s%s", html_span(c, s->tenor, a, sizeof a),
             s->amortizing ? html_label(c, PS_L_PAGE_AMORTIZING) : html_label(c, PS_L_PAGE_BULLET));
    html_td(c, buf);
    if (s->loan_rate) {
      range_text(s->loan_rate, s->loan.nitems, buf, sizeof buf);
      html_tdn(c, buf);
    } else html_tdn(c, html_rate_text(s->rate, a, sizeof a));
    if (s->pd_by_year && s->npd_years > 0) {
      size_t k = 0;
      buf[0] = 0;
      for (int y = 0; y < s->npd_years && k + 24 < sizeof buf; y++) {
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", y ? ", " : "", html_rate_text(s->pd_by_year[y], a, sizeof a));
      }
      snprintf(a, sizeof a, "%s", html_label(c, PS_L_PAGE_BY_YEAR_OF_AGE));
      strncat(buf, a, sizeof buf - strlen(buf) - 1);
      html_td(c, buf);
    } else if (s->loan_pd) {
      range_text(s->loan_pd, s->loan.nitems, buf, sizeof buf);
      html_tdn(c, buf);
    } else html_tdn(c, html_rate_text(s->pd, a, sizeof a));
    if (s->loan_lgd) {
      range_text(s->loan_lgd, s->loan.nitems, buf, sizeof buf);
      html_tdn(c, buf);
    } else if (s->lgd.kind == PS_DIST_FIXED) html_tdn(c, html_rate_text(s->lgd.mean, buf, sizeof buf));
    else {
      dist_text(c, &s->lgd, 0, buf, sizeof buf);
      html_td(c, buf);
    }
    if (s->sector >= 0 && s->sector < m->nsectors)
      snprintf(buf, sizeof buf, html_label(c, PS_L_PAGE_SECTOR), s->rho, m->sectors[s->sector].id, s->rho_sector);
    else snprintf(buf, sizeof buf, "%.3g", s->rho);
    html_tdn(c, buf);
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  policy_segments_table(c);
  /* programmes */
  static const ps_label_id programme_heads[] = {PS_L_PAGE_PROGRAMME, PS_L_PAGE_SEGMENTS, PS_L_PAGE_PAYERS_AND_SHARES,
                                                PS_L_PAGE_CAPS, PS_L_PAGE_LAGS_PERIODS};
  html_table_open(c, PS_L_PAGE_PROGRAMMES_AND_LOSS_SHARES, programme_heads, 5);
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme *p = &m->programmes[i];
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    html_esc(&c->b, p->id);
    ps_strbuf_puts(&c->b, "</code><br>");
    if (p->lender >= 0) html_esc(&c->b, m->pools[p->lender].id); /* a bridge fund's lender pool */
    else {
      ps_strbuf_printf(&c->b, "%s ", html_label(c, p->insurer >= 0 ? PS_L_KIND_INSURER : PS_L_KIND_BANK));
      html_esc(&c->b, party_label(m, ps_programme_party(p)));
    }
    ps_strbuf_puts(&c->b, "</td><td>");
    for (int k = 0; k < p->nsegments; k++) {
      if (k) ps_strbuf_puts(&c->b, ", ");
      html_esc(&c->b, m->segments[p->segments[k]].id);
    }
    ps_strbuf_puts(&c->b, "</td><td>");
    for (int k = 0; k < p->nshares; k++) {
      const ps_share *s = &p->shares[k];
      if (k) ps_strbuf_puts(&c->b, "<br>");
      html_esc(&c->b, account_name(m, s->account));
      ps_strbuf_puts(&c->b, " ");
      if (s->rest) ps_strbuf_puts(&c->b, html_label(c, PS_L_PAGE_THE_REST));
      else if (s->ntiers > 0) {
        ps_strbuf_printf(&c->b, "%s ", html_label(c, PS_L_PAGE_TIERED));
        for (int t = 0; t < s->ntiers; t++) {
          ps_strbuf_printf(&c->b, "%s%s", t ? ", " : "", html_rate_text(s->tiers[t].ratio, a, sizeof a));
          if (s->tiers[t].upto > 0) ps_strbuf_printf(&c->b, " ≤ %s", html_money_x((double)s->tiers[t].upto / PS_FEN_PER_YUAN, 1, b2, sizeof b2));
        }
        for (int t = 0; t < s->nbonus; t++) {
          ps_strbuf_puts(&c->b, "; ");
          html_esc(&c->b, s->bonus[t].flag);
          ps_strbuf_printf(&c->b, " +%s", html_rate_text(s->bonus[t].points, a, sizeof a));
        }
        if (s->ceiling > 0) ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_AT_MOST), html_rate_text(s->ceiling, a, sizeof a));
      } else ps_strbuf_puts(&c->b, html_rate_text(s->share, a, sizeof a));
      if (k == p->first_loss_share && p->first_loss > 0)
        ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_FIRST_LOSS_UP_TO), html_money_x((double)p->first_loss / PS_FEN_PER_YUAN, 1, a, sizeof a));
      if (s->cap_per_year > 0)
        ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_AT_MOST_A_YEAR), html_money_x((double)s->cap_per_year / PS_FEN_PER_YUAN, 1, a, sizeof a));
    }
    subsidy_text(c, &p->interest_subsidy, html_label(c, PS_L_BUDGET_INTEREST_SUBSIDY), html_label(c, PS_L_PAGE_INTEREST));
    subsidy_text(c, &p->fee_subsidy, html_label(c, PS_L_BUDGET_FEE_SUBSIDY), html_label(c, PS_L_PAGE_FEES));
    subsidy_text(c, &p->premium_subsidy, html_label(c, PS_L_BUDGET_PREMIUM_SUBSIDY), html_label(c, PS_L_PAGE_PREMIUMS));
    if (p->layer.insurer >= 0 && p->layer.insurer < m->nparties) {
      snprintf(d, sizeof d, "%.3g", p->layer.above);
      ps_strbuf_printf(&c->b, "<br>%s ", html_label(c, PS_L_PAGE_EXCESS_OF_LOSS_LAYER));
      html_esc(&c->b, account_name(m, p->layer.payer));
      ps_strbuf_puts(&c->b, html_label(c, PS_L_PAGE_REIMBURSES));
      if (!c->zh) ps_strbuf_printf(&c->b, "%s of ", html_rate_text(p->layer.share, a, sizeof a));
      html_esc(&c->b, m->parties[p->layer.insurer].id);
      if (c->zh) ps_strbuf_printf(&c->b, " 年度赔付超过保费 %s 倍部分的 %s", d, html_rate_text(p->layer.share, a, sizeof a));
      else ps_strbuf_printf(&c->b, "'s claims in a year above %s× its premiums", d);
    }
    ps_strbuf_puts(&c->b, "</td><td>");
    int any = 0;
    if (p->cap_per_loan > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", html_label(c, PS_L_PAGE_PER_LOAN), html_money_x((double)p->cap_per_loan / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_per_year > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", html_label(c, PS_L_PAGE_PER_YEAR), html_money_x((double)p->cap_per_year / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_total > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", html_label(c, PS_L_PAGE_IN_TOTAL), html_money_x((double)p->cap_total / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_rate > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", html_label(c, PS_L_PAGE_OF_PRINCIPAL_ENROLLED), html_rate_text(p->cap_rate, a, sizeof a));
    if (p->leverage > 0) {
      snprintf(d, sizeof d, "%.3g", p->leverage);
      ps_strbuf_printf(&c->b, "%s%s %s×", any++ ? "<br>" : "", html_label(c, PS_L_PAGE_LEVERAGE), d);
    }
    if (!any) ps_strbuf_puts(&c->b, "—");
    ps_strbuf_printf(&c->b, "</td><td class=\"num\">%s %d<br>%s %d<br>%s %d</td></tr>\n", html_label(c, PS_L_PAGE_RECOGNITION), p->recognition_lag,
       html_label(c, PS_L_PAGE_CLAIM), p->claim_lag, html_label(c, PS_L_PAGE_RECOVERY), p->recovery_lag);
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
}

/* the glossary (labels.h): every term of the pool tables with what it means */
static void glossary_section(html_ctx *c) {
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<dl class=\"glossary\">\n", html_label(c, PS_L_TERM_GLOSSARY));
  for (int k = 0; k < PS_NTERMS; k++) {
    ps_strbuf_puts(&c->b, "<dt>");
    html_esc(&c->b, html_label(c, (ps_label_id)(PS_L_TERM_CLAIMS + k)));
    ps_strbuf_puts(&c->b, "</dt><dd>");
    html_esc(&c->b, html_label(c, (ps_label_id)(PS_L_TERM_CLAIMS_DEF + k)));
    ps_strbuf_puts(&c->b, "</dd>\n");
  }
  ps_strbuf_puts(&c->b, "</dl>\n");
}

static void audit_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<dl class=\"audit\">\n", html_label(c, PS_L_PAGE_AUDIT));
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>poolsim %s</dd>\n", html_label(c, PS_L_PAGE_SOFTWARE), PS_VERSION);
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", html_label(c, PS_L_PAGE_SCENARIO));
  html_esc(&c->b, m->name);
  ps_strbuf_printf(&c->b, "</dd>\n<dt>%s</dt><dd><code>", html_label(c, PS_L_PAGE_SCENARIO_FILE));
  html_esc(&c->b, m->file);
  ps_strbuf_puts(&c->b, "</code></dd>\n<dt>SHA-256</dt><dd><code>");
  html_esc(&c->b, m->sha256);
  ps_strbuf_puts(&c->b, "</code></dd>\n");
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", html_label(c, PS_L_PAGE_DATA_FILES));
  if (m->ndata == 0) ps_strbuf_puts(&c->b, html_label(c, PS_L_PAGE_NONE));
  for (int i = 0; i < m->ndata; i++) {
    if (i) ps_strbuf_puts(&c->b, "<br>");
    ps_strbuf_puts(&c->b, "<code>");
    html_esc(&c->b, m->data_files[i]);
    ps_strbuf_puts(&c->b, "</code> sha256 <code>");
    html_esc(&c->b, m->data_sha256[i]);
    ps_strbuf_puts(&c->b, "</code>");
  }
  ps_strbuf_printf(&c->b, "</dd>\n<dt>%s</dt><dd>", html_label(c, PS_L_PAGE_OVERRIDES_SET));
  if (m->nsets == 0) ps_strbuf_puts(&c->b, html_label(c, PS_L_PAGE_NONE));
  for (int i = 0; i < m->nsets; i++) {
    if (i) ps_strbuf_puts(&c->b, "<br>");
    ps_strbuf_puts(&c->b, "<code>");
    html_esc(&c->b, m->set_keys[i]);
    ps_strbuf_puts(&c->b, "=");
    html_esc(&c->b, m->set_values[i]);
    ps_strbuf_puts(&c->b, "</code>");
  }
  ps_strbuf_puts(&c->b, "</dd>\n");
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%ld</dd>\n", html_label(c, PS_L_PAGE_PATHS), r->paths);
  if (r->outcomes.weight) {
    ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", html_label(c, PS_L_PAGE_SAMPLING));
    ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_SAMPLING_VALUE), r->effective_paths);
    ps_strbuf_puts(&c->b, "</dd>\n");
  }
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%llu</dd>\n", html_label(c, PS_L_MD_AUDIT_SEED), r->seed);
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%s</dd>\n", html_label(c, PS_L_PAGE_SIZING_METHOD),
     r->searched ? html_label(c, PS_L_PAGE_BISECTION_PER_PATH_SEARCH)
     : m->balance_feedback ? html_label(c, PS_L_PAGE_RUNNING_MAXIMUM_RULES_REACT)
                           : html_label(c, PS_L_PAGE_RUNNING_MAXIMUM_OF_THE));
  ps_audit a;
  int got = ps_audit_get(c->o, &a);
  if (got < 0) c->b.oom = 1;
  if (got > 0) { /* the front end's command line, with when and on what it ran */
    ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd><code>", html_label(c, PS_L_AUDIT_RUN_AT), a.when,
                     html_label(c, PS_L_AUDIT_COMMAND));
    html_esc(&c->b, a.command);
    ps_strbuf_printf(&c->b, "</code></dd>\n<dt>%s</dt><dd>", html_label(c, PS_L_AUDIT_THREADS_HEAD));
    ps_strbuf_printf(&c->b, html_label(c, a.machine_threads ? PS_L_AUDIT_THREADS : PS_L_AUDIT_THREADS_USED), r->threads,
                     a.machine_threads);
    ps_strbuf_puts(&c->b, "</dd>\n");
    ps_audit_free(&a);
  }
  ps_strbuf_puts(&c->b, "</dl>\n");
  ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
     html_label(c, PS_L_PAGE_ALL_FIGURES_ARE_MONTE));
}

/* ps_report_html — the run page as a string to free(), or NULL (poolsim/report.h) */
char *ps_report_html(const ps_results *r, const ps_report_options *o) {
  static const ps_report_options none = {0};
  if (!r || !r->m) return NULL;
  html_ctx c = {.r = r, .m = r->m, .o = o ? o : &none};
  const ps_model *m = c.m;
  c.zh = ps_lang_choose(c.o->lang, m->name) == PS_LANG_ZH;
  c.alphas = c.o->alphas ? c.o->alphas : ps_alphas;
  c.nalphas = c.o->alphas ? c.o->nalphas : PS_NALPHAS;
  ps_strbuf *b = &c.b;

  ps_strbuf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", c.zh ? "zh-CN" : "en");
  ps_strbuf_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  ps_strbuf_printf(b, "<meta name=\"generator\" content=\"poolsim %s\">\n<title>", PS_VERSION);
  html_esc(b, m->name);
  ps_strbuf_printf(b, " — %s</title>\n<style>\n%s", html_label(&c, PS_L_PAGE_RISK_COMPENSATION_POOL_SIZING), html_css);
  print_title(b, m->name); /* printed: the scenario's name at the top of every page */
  ps_strbuf_puts(b, "</style>\n</head>\n<body>\n");

  ps_strbuf_puts(b, "<header>\n<h1>");
  html_esc(b, m->name);
  ps_strbuf_puts(b, "</h1>\n<p class=\"sub\">");
  {
    int per_year = ps_periods_per_year(m->step), years = (m->periods + per_year - 1) / per_year;
    char sp[48];
    ps_strbuf_printf(b, html_label(&c, PS_L_PAGE_LOAN_RISK_COMPENSATION_POOL),
       html_span(&c, m->periods, sp, sizeof sp), years, c.zh || years == 1 ? "" : "s", r->paths, r->seed, PS_VERSION);
  }
  ps_strbuf_puts(b, "</p>\n");
  if (r->stop_signal)
    ps_strbuf_printf(b, html_label(&c, PS_L_PAGE_PARTIAL_RUN_INTERRUPTED_AFTER),
                     r->paths, r->paths_requested);
  if (!c.zh)
    ps_strbuf_puts(b, "<p class=\"note-box\">Amounts in 万元 (10,000 yuan) or 亿元 (100 million yuan), one unit for every cell of a column. Probabilities with 95% "
           "confidence intervals.</p>\n");
  else ps_strbuf_puts(b, "<p class=\"note-box\">金额单位为万元或亿元，同一列统一单位；概率附95%置信区间。</p>\n");
  ps_strbuf_puts(b, "</header>\n");

  ps_strbuf_printf(b, "<h2>%s</h2>\n", html_label(&c, PS_L_PAGE_THE_ANSWER));
  if (m->npools == 0) budget_answer(&c); /* no pool: the budget is the answer (SPEC 2.3b) */
  else headline(&c);                     /* one sentence answers the question first */
  answer(&c);

  html_run_charts(&c);
  if (m->npools > 0) {
    ps_strbuf_printf(b, "<h2>%s</h2>\n", html_label(&c, PS_L_PAGE_POOLS));
    pools_section(&c);
    sizing_section(&c);
  }
  if (m->npools == 0) parties_section(&c);
  programmes_section(&c);
  if (m->npools > 0) parties_section(&c);
  assumptions_section(&c);
  if (m->npools > 0) glossary_section(&c);
  audit_section(&c);
  ps_strbuf_puts(b, "</body>\n</html>\n");

  if (b->oom) {
    free(b->s);
    return NULL;
  }
  return b->s;
}
