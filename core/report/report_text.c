/* report_text.c — the terminal summary and the sizing answer, amounts in 万 /
** 亿 (format.h), labels from the table (labels.h): English unless the options
** ask for "zh" (the terminal does not guess the language from the scenario's
** name, so its default output stays as it always was). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/answer.h"
#include "report/columns.h"
#include "report/format.h"
#include "report/labels.h"
#include "report/pool_rows.h"
#include "report/report.h"
#include "report/strbuf.h"
#include "report/uncertainty_text.h"
#include "stats/sizing.h"

/* the display width of a row's label: the glossary's longest term, "claims due after the horizon" */
#define LABEL_WIDTH 28

/* one row: label, mean +- se, p95, p99, ES99, each column in its unit */
static void money_row(ps_strbuf *b, const char *label, const ps_stats *s, const ps_stats_units *u) {
  char a[32];
  ps_strbuf_puts(b, "  ");
  ps_strbuf_column(b, label, LABEL_WIDTH, 0);
  ps_strbuf_column(b, ps_money_in(s->mean, u->mean, a, sizeof a), 11, 1);
  ps_strbuf_puts(b, " ± ");
  ps_strbuf_column(b, ps_money_in(s->se, u->se, a, sizeof a), 9, 0);
  ps_strbuf_column(b, ps_money_in(s->p95, u->p95, a, sizeof a), 11, 1);
  ps_strbuf_column(b, ps_money_in(s->p99, u->p99, a, sizeof a), 11, 1);
  ps_strbuf_column(b, ps_money_in(s->es99, u->es99, a, sizeof a), 11, 1);
  ps_strbuf_puts(b, "\n");
}

static void prob_line(ps_strbuf *b, ps_lang L, const char *label, const ps_estimate *e) {
  char a[32], c[32], d[32];
  ps_strbuf_printf(b, ps_label(PS_L_TXT_PROB_CI, L), label, ps_percent(e->value, a, sizeof a), ps_percent(e->lo, c, sizeof c),
                   ps_percent(e->hi, d, sizeof d));
}

static int shown(const ps_report_options *o, const ps_model *m, int pool) {
  return !o->pool || strcmp(o->pool, m->pools[pool].id) == 0;
}

/* the text built, or NULL when out of memory */
static char *done(ps_strbuf *b) {
  if (b->oom || !b->s) {
    free(b->s);
    return NULL;
  }
  return b->s;
}

static void sizing_text(ps_strbuf *b, const ps_results *r, const ps_report_options *o, ps_lang L) {
  const ps_model *m = r->m;
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int n = o->alphas ? o->nalphas : PS_NALPHAS;
  for (int i = 0; i < m->npools; i++) {
    if (!shown(o, m, i)) continue;
    const ps_pool_result *p = &r->pools[i];
    double serve = ps_pool_lends_bridges(m, i) ? r->serve : 0; /* size --serve applies to lenders */
    char a[32], c[32], d[32];
    ps_strbuf_printf(b, ps_label(PS_L_TXT_SIZING_TITLE, L), m->pools[i].id, m->periods,
                     ps_label((ps_label_id)(PS_L_MONTHS + m->step), L), r->paths,
                     r->stop_signal ? ps_label(PS_L_TXT_PARTIAL_MARK, L) : "");
    ps_strbuf_puts(b, "  ");
    ps_strbuf_column(b, ps_label(PS_L_TXT_TARGET_COL, L), 22, 0);
    ps_strbuf_puts(b, " ");
    ps_strbuf_column(b, ps_label(PS_L_TXT_NEEDED_COL, L), 16, 0);
    ps_strbuf_printf(b, " %s\n", ps_label(PS_L_TXT_CI_COL, L));
    int yi = 0; /* one unit for the needed column and its interval */
    for (int k = 0; k < n; k++) {
      ps_estimate e = ps_results_sizing(r, p, alphas[k]);
      yi |= ps_unit_of(&e.value, 1) | ps_unit_of(&e.hi, 1);
    }
    for (int k = 0; k < n; k++) {
      ps_estimate e = ps_results_sizing(r, p, alphas[k]);
      char target[64];
      if (serve > 0) snprintf(target, sizeof target, ps_label(PS_L_TXT_SERVE_TARGET, L), 100 * r->serve, 100 * alphas[k]);
      else snprintf(target, sizeof target, ps_label(PS_L_TXT_TARGET_AT_MOST, L), 100 * alphas[k]);
      ps_strbuf_puts(b, "  ");
      ps_strbuf_column(b, target, 22, 0);
      ps_strbuf_puts(b, " ");
      ps_strbuf_column(b, ps_money_in(e.value, yi, a, sizeof a), 16, 0);
      ps_strbuf_printf(b, " %s – %s\n", ps_money_in(e.lo, yi, c, sizeof c), ps_money_in(e.hi, yi, d, sizeof d));
    }
    for (int k = 0; k < o->nat; k++) {
      ps_estimate e = ps_results_depletion_at(r, p, o->at[k]);
      char label[128];
      snprintf(label, sizeof label, ps_label(PS_L_TXT_WITH_BALANCE, L), ps_money(o->at[k], a, sizeof a));
      prob_line(b, L, label, &e);
      ps_strbuf_puts(b, "   ");
      for (int q = 0; q < n; q++) {
        ps_label_id v = e.hi <= alphas[q] ? PS_L_MEETS : e.lo > alphas[q] ? PS_L_MISSES : PS_L_TXT_TOO_CLOSE_AT;
        ps_strbuf_printf(b, ps_label(PS_L_TXT_VERDICT, L), ps_label(v, L), 100 * alphas[q]);
        ps_strbuf_puts(b, q + 1 < n ? ps_label(PS_L_TXT_LIST_SEP, L) : "\n");
      }
    }
    if (ps_results_has_point(r)) { /* how much of the answer comes from parameter uncertainty */
      ps_strbuf_puts(b, "  ");
      ps_uncertainty_sentence(b, r, i, alphas, n, L);
      ps_strbuf_puts(b, "\n");
    }
    if (serve > 0) ps_strbuf_printf(b, ps_label(PS_L_TXT_SERVE_NOTE, L), 100 * serve, 100 * serve);
    else if (ps_pool_lends_bridges(m, i)) ps_strbuf_puts(b, ps_label(PS_L_TXT_SERVE_HINT, L));
    else if (m->balance_feedback && r->searched) ps_strbuf_puts(b, ps_label(PS_L_TXT_SEARCHED, L));
    else if (m->balance_feedback) ps_strbuf_puts(b, ps_label(PS_L_TXT_FEEDBACK, L));
  }
}

/* ps_report_sizing_text — the sizing answer as a string to free(), or NULL (report.h) */
char *ps_report_sizing_text(const ps_results *r, const ps_report_options *o) {
  ps_strbuf b = {0};
  if (r->outcomes.weight)
    ps_strbuf_printf(&b, ps_label(PS_L_TXT_SAMPLING_LINE, ps_lang_choose(o->lang, NULL)), r->effective_paths, r->paths);
  sizing_text(&b, r, o, ps_lang_choose(o->lang, NULL));
  return done(&b);
}

/* a government's outlay by fiscal year, in total and by kind of outlay */
static void budget_text(ps_strbuf *b, const ps_party_result *p, ps_lang L) {
  char a[32], c[32];
  ps_strbuf_puts(b, ps_label(PS_L_TXT_OUTLAY_BY_YEAR, L));
  for (int y = 0; y < p->nyears; y++)
    ps_strbuf_printf(b, " %d: %s / %s", y + 1, ps_money(p->outlay_by_year[y].mean, a, sizeof a),
                     ps_money(p->outlay_by_year[y].p95, c, sizeof c));
  ps_strbuf_puts(b, "\n");
  for (int k = 0; k < PS_NBUDGET; k++) {
    int any = 0;
    for (int y = 0; y < p->nyears; y++) any |= p->budget[y * PS_NBUDGET + k].max != 0 || p->budget[y * PS_NBUDGET + k].min != 0;
    if (!any) continue;
    ps_strbuf_puts(b, "      ");
    ps_strbuf_column(b, ps_label((ps_label_id)(PS_L_BUDGET_POOL_FUNDING + k), L), 17, 0);
    for (int y = 0; y < p->nyears; y++)
      ps_strbuf_printf(b, " %d: %s / %s", y + 1, ps_money(p->budget[y * PS_NBUDGET + k].mean, a, sizeof a),
                       ps_money(p->budget[y * PS_NBUDGET + k].p95, c, sizeof c));
    ps_strbuf_puts(b, "\n");
  }
}

/* a government's cost in public-finance terms: the provision (expected PV cost) with its tail, the
** subsidy rate, and the cohorts */
static void cost_text(ps_strbuf *b, const ps_model *m, const ps_party_result *p, ps_lang L) {
  char r[32], a[32], c[32], d[32], e[32], f[32];
  double volume = 0;
  for (int y = 0; y < p->ncohorts; y++) volume += p->volume_by_cohort[y];
  if (volume == 0 && p->cost_pv.max == 0 && p->cost_pv.min == 0) return;
  if (L == PS_LANG_ZH)
    ps_strbuf_printf(b, ps_label(PS_L_TXT_PV_COST, L), ps_percent(m->discount_rate, r, sizeof r),
                     ps_money(p->cost_pv.mean, a, sizeof a), ps_money(p->cost_pv.p95, c, sizeof c),
                     ps_money(p->cost_pv.p99, d, sizeof d), ps_money(volume, e, sizeof e),
                     ps_percent(p->subsidy_rate.mean, f, sizeof f));
  else
    ps_strbuf_printf(b, ps_label(PS_L_TXT_PV_COST, L), ps_percent(m->discount_rate, r, sizeof r),
                     ps_money(p->cost_pv.mean, a, sizeof a), ps_money(p->cost_pv.p95, c, sizeof c),
                     ps_money(p->cost_pv.p99, d, sizeof d), ps_percent(p->subsidy_rate.mean, f, sizeof f),
                     ps_money(volume, e, sizeof e));
  ps_strbuf_puts(b, ps_label(PS_L_TXT_PV_BY_COHORT, L));
  for (int y = 0; y < p->ncohorts; y++)
    if (p->volume_by_cohort[y] != 0 || p->cost_by_cohort[y].mean != 0)
      ps_strbuf_printf(b, " %d: %s", y, ps_money(p->cost_by_cohort[y].mean, a, sizeof a));
  ps_strbuf_puts(b, "\n");
}

static void pools_text(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  char a[32];
  for (int i = 0; i < m->npools; i++) {
    const ps_pool_result *p = &r->pools[i];
    ps_strbuf_printf(b, ps_label(PS_L_TXT_POOL_LINE, L), m->pools[i].id, ps_money(p->initial, a, sizeof a));
    ps_strbuf_printf(b, "  %-*s", LABEL_WIDTH, "");
    ps_strbuf_column(b, ps_label(PS_L_TXT_MEAN, L), 11, 1);
    ps_strbuf_printf(b, "   %-9s%11s%11s%11s\n", "", "p95", "p99", "ES99");
    const ps_stats *rows[PS_NPOOL_ROWS];
    ps_pool_rows(p, rows);
    static const ps_label_id labels[PS_NPOOL_ROWS] = {
        PS_L_TXT_CLAIMS,   PS_L_TXT_PAID,   PS_L_TXT_SHORTFALL, PS_L_TXT_RECOVERED, PS_L_TXT_NET_OUTLAY,
        PS_L_TXT_REQUIRED, PS_L_TXT_TOPUPS, PS_L_TXT_RETURNED,  PS_L_TXT_UNSETTLED};
    ps_stats_units u = ps_stats_units_of(rows, PS_NPOOL_ROWS);
    for (int k = 0; k < PS_NPOOL_ROWS; k++)
      if (rows[k]) money_row(b, ps_label(labels[k], L), rows[k], &u);
    prob_line(b, L, ps_label(PS_L_TXT_DEPLETION, L), &p->depletion);
    if (m->nprogrammes > 1 && p->net_outlay.es99 > 0) {
      ps_strbuf_printf(b, ps_label(PS_L_TXT_TAIL, L), ps_money(p->net_outlay.es99, a, sizeof a));
      for (int g = 0; g < m->nprogrammes; g++)
        ps_strbuf_printf(b, " %s %.0f%%", m->programmes[g].id, 100 * p->es99_by_programme[g] / p->net_outlay.es99);
      if (m->pools[i].pending) { /* the claims approved before period 1: the rest of the ES */
        double rest = p->net_outlay.es99;
        for (int g = 0; g < m->nprogrammes; g++) rest -= p->es99_by_programme[g];
        ps_strbuf_printf(b, ps_label(PS_L_TXT_TAIL_PENDING, L), 100 * rest / p->net_outlay.es99);
      }
      ps_strbuf_puts(b, "\n");
    }
    ps_strbuf_puts(b, ps_label(PS_L_TXT_DEPLETED_BY, L));
    for (int y = 0; y < p->nyears; y++)
      ps_strbuf_printf(b, " %d: %s", y + 1, ps_percent(p->depletion_by_year[y].value, a, sizeof a));
    ps_strbuf_puts(b, "\n\n");
  }
}

static void programmes_text(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  ps_strbuf_puts(b, ps_label(PS_L_TXT_PROGRAMMES, L));
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char a[32], c[32];
    ps_strbuf_printf(b, "  %-18s ", m->programmes[i].id);
    if (m->programmes[i].lender >= 0) { /* a bridge fund: requests served and declined, bridges not renewed */
      double requests = p->originated.mean + p->declined.mean;
      ps_strbuf_printf(b, ps_label(PS_L_TXT_BRIDGE_ROW, L), p->originated.mean, requests,
                       requests > 0 ? 100 * p->originated.mean / requests : 100, p->defaults.mean, p->defaults.se,
                       p->defaults.p99, ps_money(p->defaulted_exposure.mean, a, sizeof a));
      if (p->stopped.max > 0 || p->paused.max > 0) {
        ps_strbuf_printf(b, "  %-18s ", "");
        ps_strbuf_printf(b, ps_label(PS_L_TXT_BRIDGE_PAUSED_ROW, L), p->stopped.mean, p->paused.mean);
      }
      continue;
    }
    ps_label_id row = m->programmes[i].insurer >= 0 ? PS_L_TXT_POLICY_ROW : PS_L_TXT_PROGRAMME_ROW;
    ps_strbuf_printf(b, ps_label(row, L), p->originated.mean, p->defaults.mean, p->defaults.se,
                     p->defaults.p99, ps_money(p->defaulted_exposure.mean, a, sizeof a));
    long seasoned = ps_model_seasoned(m, i);
    if (seasoned > 0) {
      ps_strbuf_printf(b, "  %-18s ", "");
      ps_strbuf_printf(b, ps_label(PS_L_TXT_SEASONED_ROW, L), seasoned);
    }
    if (p->paused.max > 0 || p->stopped.max > 0 || p->capped.max > 0 || p->declined.max > 0) {
      ps_strbuf_printf(b, "  %-18s ", "");
      ps_strbuf_printf(b, ps_label(PS_L_TXT_INTERVENTIONS_ROW, L), p->paused.mean, p->stopped.mean,
                       ps_money(p->refused.mean, a, sizeof a), ps_money(p->capped.mean, c, sizeof c), p->declined.mean);
    }
  }
}

static void parties_text(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  ps_strbuf_puts(b, ps_label(PS_L_TXT_PARTIES, L));
  ps_stats_units u = {0}; /* the parties' rows make one table */
  for (int i = 0; i < m->nparties; i++) {
    const ps_stats *rows[] = {&r->parties[i].losses, &r->parties[i].net_result};
    ps_stats_units v = ps_stats_units_of(rows, 2);
    u.mean |= v.mean, u.se |= v.se, u.p95 |= v.p95, u.p99 |= v.p99, u.es99 |= v.es99;
  }
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    const ps_party *party = &m->parties[i];
    ps_strbuf_printf(b, "  %s (%s)\n", party->id, party->name);
    if (p->losses.max != 0 || p->losses.min != 0) money_row(b, ps_label(PS_L_TXT_LOSSES, L), &p->losses, &u);
    money_row(b, ps_label(PS_L_TXT_NET_RESULT, L), &p->net_result, &u);
    if (party->kind == PS_PARTY_GOVERNMENT) { /* the budget: what it pays out each fiscal year, and its cost */
      budget_text(b, p, L);
      cost_text(b, m, p, L);
    }
    char a[32], c[32], d[32], e[32];
    if (party->kind == PS_PARTY_BANK && party->npl_tolerance > 0)
      ps_strbuf_printf(b, ps_label(PS_L_TXT_NPL, L), ps_percent(p->ratio.mean, a, sizeof a), ps_percent(p->ratio.p95, c, sizeof c),
                       ps_percent(party->npl_tolerance, d, sizeof d), ps_percent(p->breached.value, e, sizeof e));
    else if (party->kind == PS_PARTY_GUARANTOR)
      ps_strbuf_printf(b, ps_label(PS_L_TXT_PAYOUT, L), ps_percent(p->ratio.mean, a, sizeof a), ps_percent(p->ratio.p95, c, sizeof c),
                       party->capital > 0 ? ps_label(PS_L_TXT_CAPITAL, L) : "",
                       party->capital > 0 ? ps_percent(p->breached.value, d, sizeof d) : "");
    else if (party->kind == PS_PARTY_INSURER)
      ps_strbuf_printf(b, ps_label(PS_L_TXT_LOSS_RATIO, L), ps_percent(p->ratio.mean, a, sizeof a),
                       ps_percent(p->ratio.p95, c, sizeof c));
  }
}

/* a scheme without a pool: each government's budget and each insurer's loss ratio, first */
static void budget_view_text(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  char a[32], c[32], d[32], e[32];
  ps_strbuf_puts(b, ps_label(PS_L_TXT_BUDGET_VIEW, L));
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    const ps_party *party = &m->parties[i];
    if (party->kind != PS_PARTY_GOVERNMENT && party->kind != PS_PARTY_INSURER) continue;
    ps_strbuf_printf(b, "  %s (%s)\n", party->id, party->name);
    if (party->kind == PS_PARTY_GOVERNMENT) budget_text(b, p, L);
    else
      ps_strbuf_printf(b, ps_label(PS_L_TXT_LOSS_RATIO_DIST, L), ps_percent(p->ratio.mean, a, sizeof a),
                       ps_percent(p->ratio.p50, c, sizeof c), ps_percent(p->ratio.p95, d, sizeof d),
                       ps_percent(p->ratio.p99, e, sizeof e));
  }
  ps_strbuf_puts(b, "\n");
}

/* ps_report_text — the terminal summary as a string to free(), or NULL (report.h) */
char *ps_report_text(const ps_results *r, const ps_report_options *o) {
  const ps_model *m = r->m;
  ps_lang L = ps_lang_choose(o->lang, NULL);
  ps_strbuf b = {0};
  ps_strbuf_printf(&b, "poolsim %s — %s\n", PS_VERSION, m->name);
  ps_strbuf_printf(&b, ps_label(PS_L_TXT_SCENARIO_LINE, L), m->file, m->sha256, m->periods,
                   ps_label((ps_label_id)(PS_L_MONTHS + m->step), L));
  if (r->stop_signal) ps_strbuf_printf(&b, ps_label(PS_L_TXT_PARTIAL_LINE, L), r->paths, r->paths_requested, r->paths);
  if (r->outcomes.weight) ps_strbuf_printf(&b, ps_label(PS_L_TXT_SAMPLING_LINE, L), r->effective_paths, r->paths);
  ps_strbuf_printf(&b, ps_label(PS_L_TXT_RUN_LINE, L), r->paths, r->seed, r->threads, r->threads > 1 ? "s" : "", r->seconds);
  if (m->npools == 0) budget_view_text(&b, r, L); /* no pool: the budget view leads (SPEC 2.3b) */
  else {                                         /* one sentence answers the question first */
    size_t before = b.len;
    ps_answer_sentence(&b, r, o, L, ps_money);
    if (b.len > before) ps_strbuf_puts(&b, "\n");
  }
  pools_text(&b, r, L);
  programmes_text(&b, r, L);
  parties_text(&b, r, L);
  ps_strbuf_puts(&b, "\n");
  sizing_text(&b, r, o, L);
  return done(&b);
}
