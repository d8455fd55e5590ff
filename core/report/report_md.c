/* report_md.c — the run as a Markdown document for a budget committee's report:
** the tables of the terminal summary (pools, sizing, programmes, parties with
** the government's outlay by fiscal year, overrides) as pipe tables, amounts in
** 万元 / 亿元, headings in Chinese or English.
**
** The document depends only on the scenario, the overrides, the paths and the
** seed, unless the front end passes its command line (ps_report_options argc):
** then the audit line also gives the run's date and time, the command line and
** the threads (report/audit.h). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report/answer.h"
#include "report/audit.h"
#include "report/columns.h"
#include "report/cost_sentence.h"
#include "report/format.h"
#include "report/labels.h"
#include "report/pool_rows.h"
#include "report/report.h"
#include "report/strbuf.h"
#include "report/uncertainty_text.h"
#include "stats/sizing.h"

/* ---- Markdown text ---------------------------------------------------------- */

static int is_word(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

/* user text (names, ids, override values) as literal Markdown: inline markup
** characters escaped, a pipe escaped so it cannot split a table cell, line
** breaks as spaces. An underscore inside a word cannot start emphasis, so
** "bank_a" stays as it is. */
static void text(ps_strbuf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned char c = *p;
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    int esc = strchr("\\`*[]<>|#!~", c) != NULL && c != '\0';
    if (c == '_') esc = p == (const unsigned char *)s || !is_word(p[-1]) || !is_word(p[1]);
    if (esc) ps_strbuf_put(b, "\\", 1);
    ps_strbuf_put(b, (const char *)&c, 1);
  }
}

/* a file name or digest as a code span, fenced with more backticks than it holds */
static void code(ps_strbuf *b, const char *s) {
  int run = 0, longest = 0;
  for (const char *p = s; *p; p++) {
    run = *p == '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  for (int i = 0; i <= longest; i++) ps_strbuf_put(b, "`", 1);
  int pad = longest > 0 || *s == ' ';
  if (pad) ps_strbuf_put(b, " ", 1);
  for (const char *p = s; *p; p++) {
    if (*p == '|') ps_strbuf_put(b, "\\", 1); /* still needed in a table cell (GFM) */
    ps_strbuf_put(b, *p == '\n' ? " " : p, 1);
  }
  if (pad) ps_strbuf_put(b, " ", 1);
  for (int i = 0; i <= longest; i++) ps_strbuf_put(b, "`", 1);
}

/* ---- sections ---------------------------------------------------------------- */

/* "name (id)", or the id alone when the name is the id */
static void party_label(ps_strbuf *b, const ps_party *p) {
  text(b, p->name);
  if (strcmp(p->name, p->id) != 0) {
    ps_strbuf_puts(b, " (");
    text(b, p->id);
    ps_strbuf_puts(b, ")");
  }
}

static void stats_header(ps_strbuf *b, ps_lang L, const char *first) {
  ps_strbuf_printf(b, "| %s | %s | p95 | p99 | ES99 |\n|---|---:|---:|---:|---:|\n", first, ps_label(PS_L_MD_MEAN_SE, L));
}

/* the statistics' cells: mean ± s.e., p95, p99, ES99, each quantity in its column's unit */
static void stats_cells(ps_strbuf *b, const ps_stats *s, const ps_stats_units *u) {
  char a[32], c[32], d[32], e[32], f[32];
  ps_strbuf_printf(b, " %s ± %s | %s | %s | %s |\n", ps_money_in(s->mean, u->mean, a, sizeof a),
                   ps_money_in(s->se, u->se, c, sizeof c), ps_money_in(s->p95, u->p95, d, sizeof d),
                   ps_money_in(s->p99, u->p99, e, sizeof e), ps_money_in(s->es99, u->es99, f, sizeof f));
}

static void stats_row(ps_strbuf *b, const char *label, const ps_stats *s, const ps_stats_units *u) {
  ps_strbuf_printf(b, "| %s |", label);
  stats_cells(b, s, u);
}

/* each government's cost in present value, by cohort, next to the cash budget */
static void cost_section(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  char rate[32], note[1024];
  int header = 0;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT || (p->cost_pv.max == 0 && p->cost_pv.min == 0)) continue;
    if (!header) {
      snprintf(note, sizeof note, ps_label(PS_L_COST_NOTE, L), ps_percent(m->discount_rate, rate, sizeof rate));
      ps_strbuf_printf(b, "### %s\n\n%s\n\n", ps_label(PS_L_COST_TITLE, L), note);
      header = 1;
    }
    ps_strbuf_puts(b, "**");
    party_label(b, &m->parties[i]);
    ps_strbuf_puts(b, "**\n\n");
    stats_header(b, L, ps_label(PS_L_COST_COHORT, L));
    ps_stats_units u = ps_cost_units(p);
    for (int y = 0; y < p->ncohorts; y++) {
      char label[64];
      if (ps_cost_cohort_label(p, y, L, label, sizeof label)) stats_row(b, label, &p->cost_by_cohort[y], &u);
    }
    stats_row(b, ps_label(PS_L_COST_TOTAL, L), &p->cost_pv, &u);
    char sentence[512];
    ps_cost_sentence(p, L, sentence, sizeof sentence);
    ps_strbuf_printf(b, "\n%s\n\n", sentence);
  }
}

static void pool_section(ps_strbuf *b, const ps_results *r, ps_lang L, int i) {
  const ps_model *m = r->m;
  const ps_pool_result *p = &r->pools[i];
  char a[32], c[32], d[32];
  ps_strbuf_printf(b, "## %s ", ps_label(PS_L_MD_POOL, L));
  text(b, m->pools[i].id);
  ps_strbuf_printf(b, (L == PS_LANG_ZH ? "\n\n%s：" : "\n\n%s: "), ps_label(PS_L_MD_OWNER, L));
  party_label(b, &m->parties[m->pools[i].owner]);
  ps_strbuf_printf(b, (L == PS_LANG_ZH ? "；%s %s。\n\n" : "; %s %s.\n\n"), ps_label(PS_L_MD_INITIAL, L), ps_money(p->initial, a, sizeof a));
  stats_header(b, L, ps_label(PS_L_MD_ITEM, L));
  const ps_stats *rows[PS_NPOOL_ROWS];
  ps_pool_rows(p, rows);
  static const ps_label_id labels[PS_NPOOL_ROWS] = {
      PS_L_MD_CLAIMS,   PS_L_MD_PAID,   PS_L_MD_SHORTFALL, PS_L_MD_RECOVERED, PS_L_MD_NET_OUTLAY,
      PS_L_MD_REQUIRED, PS_L_MD_TOPUPS, PS_L_MD_RETURNED,  PS_L_MD_UNSETTLED};
  ps_stats_units u = ps_stats_units_of(rows, PS_NPOOL_ROWS);
  for (int k = 0; k < PS_NPOOL_ROWS; k++)
    if (rows[k]) stats_row(b, ps_label(labels[k], L), rows[k], &u);
  ps_strbuf_printf(b, (L == PS_LANG_ZH ? "\n%s：**%s**（%s %s – %s）。\n\n" : "\n%s: **%s** (%s %s – %s).\n\n"), ps_label(PS_L_MD_DEPLETION, L),
      ps_percent(p->depletion.value, a, sizeof a), ps_label(PS_L_MD_CI, L), ps_percent(p->depletion.lo, c, sizeof c),
      ps_percent(p->depletion.hi, d, sizeof d));
  ps_strbuf_printf(b, "| %s | %s | %s |\n|---|---:|---:|\n", ps_label(PS_L_MD_FISCAL_YEAR, L), ps_label(PS_L_MD_DEPLETED_BY, L), ps_label(PS_L_MD_CI, L));
  for (int y = 0; y < p->nyears; y++) {
    const ps_estimate *e = &p->depletion_by_year[y];
    char year[32];
    snprintf(year, sizeof year, ps_label(PS_L_MD_YEAR_N, L), y + 1);
    ps_strbuf_printf(b, "| %s | %s | %s – %s |\n", year, ps_percent(e->value, a, sizeof a), ps_percent(e->lo, c, sizeof c),
        ps_percent(e->hi, d, sizeof d));
  }
  ps_strbuf_puts(b, "\n");
}

static void target_label(char *buf, size_t n, ps_lang L, double alpha) {
  snprintf(buf, n, "%s ≤ %g%%", ps_label(PS_L_MD_P_DEPLETION, L), 100 * alpha);
}

static void sizing_section(ps_strbuf *b, const ps_results *r, const ps_report_options *o, ps_lang L) {
  const ps_model *m = r->m;
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int n = o->alphas ? o->nalphas : PS_NALPHAS;
  ps_strbuf_printf(b, "## %s\n\n", ps_label(PS_L_MD_SIZING, L));
  for (int i = 0; i < m->npools; i++) {
    if (o->pool && strcmp(o->pool, m->pools[i].id) != 0) continue;
    const ps_pool_result *p = &r->pools[i];
    ps_strbuf id = {0};
    text(&id, m->pools[i].id);
    if (id.oom) b->oom = 1;
    ps_strbuf_printf(b, ps_label(PS_L_MD_SIZING_OF, L), id.s ? id.s : "", m->periods, ps_label((ps_label_id)(PS_L_MONTHS + m->step), L), r->paths);
    free(id.s);
    ps_strbuf_printf(b, "\n\n| %s | %s | %s |\n|---|---:|---:|\n", ps_label(PS_L_MD_TARGET, L), ps_label(PS_L_MD_NEEDED, L), ps_label(PS_L_MD_CI, L));
    int yi = 0; /* one unit for the needed column and its interval */
    for (int k = 0; k < n; k++) {
      ps_estimate e = ps_results_sizing(r, p, alphas[k]);
      yi |= ps_unit_of(&e.value, 1) | ps_unit_of(&e.hi, 1);
    }
    for (int k = 0; k < n; k++) {
      ps_estimate e = ps_results_sizing(r, p, alphas[k]);
      char t[64], a[32], c[32], d[32];
      target_label(t, sizeof t, L, alphas[k]);
      ps_strbuf_printf(b, "| %s | **%s** | %s – %s |\n", t, ps_money_in(e.value, yi, a, sizeof a), ps_money_in(e.lo, yi, c, sizeof c),
          ps_money_in(e.hi, yi, d, sizeof d));
    }
    if (o->nat > 0) {
      ps_strbuf_printf(b, "\n| %s | %s | %s |", ps_label(PS_L_MD_AT_BALANCE, L), ps_label(PS_L_MD_P_DEPLETION, L), ps_label(PS_L_MD_CI, L));
      for (int q = 0; q < n; q++) {
        char t[64];
        target_label(t, sizeof t, L, alphas[q]);
        ps_strbuf_printf(b, " %s |", t);
      }
      ps_strbuf_puts(b, "\n|---:|---:|---:|");
      for (int q = 0; q < n; q++) ps_strbuf_puts(b, ":---:|");
      ps_strbuf_puts(b, "\n");
      for (int k = 0; k < o->nat; k++) {
        ps_estimate e = ps_results_depletion_at(r, p, o->at[k]);
        char a[32], c[32], d[32], f[32];
        ps_strbuf_printf(b, "| %s | %s | %s – %s |", ps_money(o->at[k], a, sizeof a), ps_percent(e.value, c, sizeof c),
            ps_percent(e.lo, d, sizeof d), ps_percent(e.hi, f, sizeof f));
        for (int q = 0; q < n; q++)
          ps_strbuf_printf(b, " %s |", e.hi <= alphas[q] ? ps_label(PS_L_MEETS, L) : e.lo > alphas[q] ? ps_label(PS_L_MISSES, L) : ps_label(PS_L_TOO_CLOSE, L));
        ps_strbuf_puts(b, "\n");
      }
    }
    ps_strbuf_puts(b, "\n");
    if (ps_results_has_point(r)) { /* how much of the answer comes from parameter uncertainty */
      ps_strbuf sentence = {0};
      ps_uncertainty_sentence(&sentence, r, i, alphas, n, L);
      if (sentence.oom) b->oom = 1;
      text(b, sentence.s ? sentence.s : "");
      free(sentence.s);
      ps_strbuf_puts(b, "\n\n");
    }
    if (m->balance_feedback) ps_strbuf_printf(b, "%s\n\n", ps_label(PS_L_MD_FEEDBACK, L));
    if (r->serve > 0 && ps_pool_lends_bridges(m, i)) ps_strbuf_printf(b, ps_label(PS_L_PAGE_SERVE_NOTE, L), 100 * r->serve);
  }
}

static void programmes_section(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  if (m->nprogrammes == 0) return;
  ps_strbuf_printf(b, "## %s\n\n%s\n\n", ps_label(PS_L_MD_PROGRAMMES, L), ps_label(PS_L_MD_PROGRAMME_NOTE, L));
  ps_strbuf_printf(b, "| %s | %s | %s | %s | %s | %s |\n|---|---|---:|---:|---:|---:|\n", ps_label(PS_L_MD_PROGRAMME, L), ps_label(PS_L_MD_BANK, L), ps_label(PS_L_MD_ORIGINATED, L),
      ps_label(PS_L_MD_DEFAULTS_MEAN, L), ps_label(PS_L_MD_DEFAULTS_P99, L), ps_label(PS_L_MD_EXPOSURE, L));
  int any = 0, yi[3] = {0}; /* one unit per column: exposure, refused, capped */
  for (int i = 0; i < m->nprogrammes; i++) {
    yi[0] |= ps_unit_of(&r->programmes[i].defaulted_exposure.mean, 1);
    yi[1] |= ps_unit_of(&r->programmes[i].refused.mean, 1);
    yi[2] |= ps_unit_of(&r->programmes[i].capped.mean, 1);
  }
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char a[32];
    ps_strbuf_puts(b, "| ");
    text(b, m->programmes[i].id);
    ps_strbuf_puts(b, " | ");
    if (m->programmes[i].lender >= 0) text(b, m->pools[m->programmes[i].lender].id); /* a bridge fund's pool */
    else party_label(b, &m->parties[ps_programme_party(&m->programmes[i])]);
    if (m->programmes[i].insurer >= 0) ps_strbuf_printf(b, " (%s)", ps_label(PS_L_KIND_INSURER, L));
    ps_strbuf_printf(b, " | %.0f | %.1f ± %.1f | %.0f | %s |\n", p->originated.mean, p->defaults.mean, p->defaults.se,
        p->defaults.p99, ps_money_in(p->defaulted_exposure.mean, yi[0], a, sizeof a));
    any |= p->paused.max > 0 || p->stopped.max > 0 || p->capped.max > 0 || p->refused.max > 0 || p->declined.max > 0;
  }
  ps_strbuf_puts(b, "\n");
  if (!any) return;
  ps_strbuf_printf(b, "### %s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|---:|\n", ps_label(PS_L_MD_INTERVENTIONS, L),
      ps_label(PS_L_MD_PROGRAMME, L), ps_label(PS_L_MD_PAUSED, L), ps_label(PS_L_MD_STOPPED, L), ps_label(PS_L_MD_REFUSED, L), ps_label(PS_L_MD_CAPPED, L), ps_label(PS_L_MD_DECLINED, L));
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char a[32], c[32];
    ps_strbuf_puts(b, "| ");
    text(b, m->programmes[i].id);
    ps_strbuf_printf(b, " | %.1f | %.1f | %s | %s | %.1f |\n", p->paused.mean, p->stopped.mean,
                     ps_money_in(p->refused.mean, yi[1], a, sizeof a), ps_money_in(p->capped.mean, yi[2], c, sizeof c),
                     p->declined.mean);
  }
  ps_strbuf_puts(b, "\n");
}

static void parties_section(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  if (m->nparties == 0) return;
  ps_strbuf_printf(b, "## %s\n\n%s\n\n", ps_label(PS_L_MD_PARTIES, L), ps_label(PS_L_MD_PARTIES_NOTE, L));
  ps_strbuf_printf(b, "| %s | %s | %s | %s | p95 | p99 | ES99 |\n|---|---|---|---:|---:|---:|---:|\n", ps_label(PS_L_MD_PARTY, L), ps_label(PS_L_MD_KIND, L),
      ps_label(PS_L_MD_MEASURE, L), ps_label(PS_L_MD_MEAN_SE, L));
  ps_stats_units u = {0}; /* one unit per column over every party's rows */
  for (int i = 0; i < m->nparties; i++) {
    ps_stats_units v = ps_stats_units_of((const ps_stats *const[]){&r->parties[i].losses, &r->parties[i].net_result}, 2);
    u.mean |= v.mean, u.se |= v.se, u.p95 |= v.p95, u.p99 |= v.p99, u.es99 |= v.es99;
  }
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    const ps_party *party = &m->parties[i];
    for (int row = 0; row < 2; row++) {
      const ps_stats *s = row == 0 ? &p->losses : &p->net_result;
      if (row == 0 && s->max == 0 && s->min == 0) continue; /* no losses at all: as the terminal summary */
      ps_strbuf_puts(b, "| ");
      party_label(b, party);
      ps_strbuf_printf(b, " | %s | %s |", ps_label((ps_label_id)(PS_L_KIND_GOVERNMENT + party->kind), L),
                       row == 0 ? ps_label(PS_L_MD_LOSSES, L) : ps_label(PS_L_MD_NET_RESULT, L));
      stats_cells(b, s, &u);
    }
  }
  ps_strbuf_puts(b, "\n");

  /* the budget view: rows are fiscal years, two columns per government */
  int ngov = 0, nyears = 0;
  for (int i = 0; i < m->nparties; i++)
    if (m->parties[i].kind == PS_PARTY_GOVERNMENT) {
      ngov++;
      if (r->parties[i].nyears > nyears) nyears = r->parties[i].nyears;
    }
  if (ngov > 0 && nyears > 0) {
    ps_strbuf_printf(b, "### %s\n\n%s\n\n| %s |", ps_label(PS_L_MD_OUTLAY, L), ps_label(PS_L_MD_OUTLAY_NOTE, L), ps_label(PS_L_MD_FISCAL_YEAR, L));
    for (int i = 0; i < m->nparties; i++) {
      if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
      for (int k = 0; k < 2; k++) {
        ps_strbuf_puts(b, " ");
        party_label(b, &m->parties[i]);
        ps_strbuf_printf(b, " %s |", k == 0 ? ps_label(PS_L_MD_MEAN, L) : ps_label(PS_L_MD_P95, L));
      }
    }
    ps_strbuf_puts(b, "\n|---|");
    for (int g = 0; g < 2 * ngov; g++) ps_strbuf_puts(b, "---:|");
    ps_strbuf_puts(b, "\n");
    for (int y = 0; y < nyears; y++) {
      char year[32];
      snprintf(year, sizeof year, ps_label(PS_L_MD_YEAR_N, L), y + 1);
      ps_strbuf_printf(b, "| %s |", year);
      for (int i = 0; i < m->nparties; i++) {
        if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
        const ps_party_result *p = &r->parties[i];
        char a[32], c[32];
        int mean_yi = 0, p95_yi = 0; /* one unit per column: this government's years */
        for (int z = 0; z < p->nyears; z++) {
          mean_yi |= ps_unit_of(&p->outlay_by_year[z].mean, 1);
          p95_yi |= ps_unit_of(&p->outlay_by_year[z].p95, 1);
        }
        if (y < p->nyears)
          ps_strbuf_printf(b, " %s | %s |", ps_money_in(p->outlay_by_year[y].mean, mean_yi, a, sizeof a),
                           ps_money_in(p->outlay_by_year[y].p95, p95_yi, c, sizeof c));
        else
          ps_strbuf_puts(b, " – | – |");
      }
      ps_strbuf_puts(b, "\n");
    }
    ps_strbuf_puts(b, "\n");
  }

  cost_section(b, r, L);

  /* ratios and breaches, where the terminal summary shows them */
  int header = 0;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party *party = &m->parties[i];
    const ps_party_result *p = &r->parties[i];
    int bank = party->kind == PS_PARTY_BANK && party->npl_tolerance > 0;
    if (!bank && party->kind != PS_PARTY_GUARANTOR && party->kind != PS_PARTY_INSURER) continue;
    if (!header) {
      ps_strbuf_printf(b, "### %s\n\n| %s | %s | %s | p95 | %s | %s | %s |\n|---|---|---:|---:|---|---:|---:|\n", ps_label(PS_L_MD_INDICATORS, L),
          ps_label(PS_L_MD_PARTY, L), ps_label(PS_L_MD_INDICATOR, L), ps_label(PS_L_MD_MEAN_H, L), ps_label(PS_L_MD_EVENT, L), ps_label(PS_L_MD_PROBABILITY, L), ps_label(PS_L_MD_CI, L));
      header = 1;
    }
    char a[32], c[32], d[32], e[32], f[32], name[160];
    const char *what = party->kind == PS_PARTY_BANK ? ps_label(PS_L_MD_NPL, L) : party->kind == PS_PARTY_GUARANTOR ? ps_label(PS_L_MD_PAYOUT, L) : ps_label(PS_L_MD_LOSS_RATIO, L);
    snprintf(name, sizeof name, what, ps_percent(party->npl_tolerance, a, sizeof a));
    ps_strbuf_puts(b, "| ");
    party_label(b, party);
    ps_strbuf_printf(b, " | %s | %s | %s |", name, ps_percent(p->ratio.mean, c, sizeof c), ps_percent(p->ratio.p95, d, sizeof d));
    int breach = bank || (party->kind == PS_PARTY_GUARANTOR && party->capital > 0);
    if (breach)
      ps_strbuf_printf(b, " %s | %s | %s – %s |\n", bank ? ps_label(PS_L_MD_NPL_BREACH, L) : ps_label(PS_L_MD_CAPITAL_BREACH, L), ps_percent(p->breached.value, a, sizeof a),
          ps_percent(p->breached.lo, e, sizeof e), ps_percent(p->breached.hi, f, sizeof f));
    else
      ps_strbuf_puts(b, " – | – | – |\n");
  }
  if (header) ps_strbuf_puts(b, "\n");
}

/* a scheme without a pool: the budget view leads, each government's outlay by fiscal year and
** kind (mean, p95), then the insurers' loss ratios */
static void budget_view_section(ps_strbuf *b, const ps_results *r, ps_lang L) {
  const ps_model *m = r->m;
  char a[32], c[32], d[32], e[32];
  ps_strbuf_printf(b, "## %s\n\n%s\n\n", ps_label(PS_L_MD_BUDGET_VIEW, L), ps_label(PS_L_MD_BUDGET_VIEW_NOTE, L));
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT || p->nyears == 0) continue;
    ps_strbuf_puts(b, "### ");
    party_label(b, &m->parties[i]);
    ps_strbuf_printf(b, "\n\n| %s |", ps_label(PS_L_MD_KIND, L));
    for (int y = 0; y < p->nyears; y++) {
      snprintf(a, sizeof a, ps_label(PS_L_MD_YEAR_N, L), y + 1);
      ps_strbuf_printf(b, " %s |", a);
    }
    ps_strbuf_puts(b, "\n|---|");
    for (int y = 0; y < p->nyears; y++) ps_strbuf_puts(b, "---:|");
    ps_strbuf_printf(b, "\n| %s |", ps_label(PS_L_MD_ALL_KINDS, L));
    int yi = 0; /* one unit for the table: its columns are years of the same figures */
    for (int y = 0; y < p->nyears; y++) {
      yi |= ps_unit_of(&p->outlay_by_year[y].mean, 1) | ps_unit_of(&p->outlay_by_year[y].p95, 1);
      for (int k = 0; k < PS_NBUDGET; k++)
        yi |= ps_unit_of(&p->budget[y * PS_NBUDGET + k].mean, 1) | ps_unit_of(&p->budget[y * PS_NBUDGET + k].p95, 1);
    }
    for (int y = 0; y < p->nyears; y++)
      ps_strbuf_printf(b, " %s (%s) |", ps_money_in(p->outlay_by_year[y].mean, yi, a, sizeof a),
                       ps_money_in(p->outlay_by_year[y].p95, yi, c, sizeof c));
    for (int k = 0; k < PS_NBUDGET; k++) {
      int any = 0;
      for (int y = 0; y < p->nyears; y++) any |= p->budget[y * PS_NBUDGET + k].max != 0 || p->budget[y * PS_NBUDGET + k].min != 0;
      if (!any) continue;
      ps_strbuf_printf(b, "\n| %s |", ps_label((ps_label_id)(PS_L_BUDGET_POOL_FUNDING + k), L));
      for (int y = 0; y < p->nyears; y++)
        ps_strbuf_printf(b, " %s (%s) |", ps_money_in(p->budget[y * PS_NBUDGET + k].mean, yi, a, sizeof a),
                         ps_money_in(p->budget[y * PS_NBUDGET + k].p95, yi, c, sizeof c));
    }
    ps_strbuf_puts(b, "\n\n");
  }
  int header = 0;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    if (m->parties[i].kind != PS_PARTY_INSURER) continue;
    if (!header++)
      ps_strbuf_printf(b, "### %s\n\n| %s | %s | p50 | p95 | p99 |\n|---|---:|---:|---:|---:|\n",
                       ps_label(PS_L_MD_LOSS_RATIO_TABLE, L), ps_label(PS_L_MD_PARTY, L), ps_label(PS_L_MD_MEAN_H, L));
    ps_strbuf_puts(b, "| ");
    party_label(b, &m->parties[i]);
    ps_strbuf_printf(b, " | %s | %s | %s | %s |\n", ps_percent(p->ratio.mean, a, sizeof a), ps_percent(p->ratio.p50, c, sizeof c),
                     ps_percent(p->ratio.p95, d, sizeof d), ps_percent(p->ratio.p99, e, sizeof e));
  }
  if (header) ps_strbuf_puts(b, "\n");
}

/* the glossary (labels.h): every term of the pool tables with what it means */
static void glossary_section(ps_strbuf *b, ps_lang L) {
  ps_strbuf_printf(b, "## %s\n\n", ps_label(PS_L_TERM_GLOSSARY, L));
  for (int k = 0; k < PS_NTERMS; k++)
    ps_strbuf_printf(b, "- **%s**%s%s\n", ps_label((ps_label_id)(PS_L_TERM_CLAIMS + k), L), L == PS_LANG_ZH ? "：" : ": ",
                     ps_label((ps_label_id)(PS_L_TERM_CLAIMS_DEF + k), L));
  ps_strbuf_puts(b, "\n");
}

static void overrides_section(ps_strbuf *b, const ps_model *m, ps_lang L) {
  ps_strbuf_printf(b, "## %s\n\n", ps_label(PS_L_MD_OVERRIDES, L));
  if (m->nsets == 0) {
    ps_strbuf_printf(b, "%s\n", ps_label(PS_L_MD_NONE, L));
    return;
  }
  ps_strbuf_printf(b, "| %s | %s |\n|---|---|\n", ps_label(PS_L_MD_KEY, L), ps_label(PS_L_MD_VALUE, L));
  for (int i = 0; i < m->nsets; i++) {
    ps_strbuf_puts(b, "| ");
    code(b, m->set_keys[i]);
    ps_strbuf_puts(b, " | ");
    code(b, m->set_values[i]);
    ps_strbuf_puts(b, " |\n");
  }
}

/* ps_report_markdown — the Markdown report as a string to free(), or NULL (poolsim/report.h) */
char *ps_report_markdown(const ps_results *r, const ps_report_options *o) {
  static const ps_report_options none = {0};
  if (!o) o = &none;
  const ps_model *m = r->m;
  ps_lang L = ps_lang_choose(o->lang, m->name);
  ps_strbuf b = {0};

  ps_strbuf_puts(&b, "# ");
  text(&b, m->name);
  /* the audit line: what reproduces these numbers, and nothing that varies between runs */
  ps_strbuf_printf(&b, "\n\npoolsim %s · %s ", PS_VERSION, ps_label(PS_L_MD_AUDIT_FILE, L));
  code(&b, m->file);
  ps_strbuf_puts(&b, " · sha256 ");
  code(&b, m->sha256);
  ps_strbuf_printf(&b, " · %d %s · %s %ld · %s %llu\n", m->periods, ps_label((ps_label_id)(PS_L_MONTHS + m->step), L), ps_label(PS_L_MD_AUDIT_PATHS, L), r->paths, ps_label(PS_L_MD_AUDIT_SEED, L),
      r->seed);
  ps_audit a;
  int got = ps_audit_get(o, &a);
  if (got < 0) b.oom = 1;
  if (got > 0) { /* the front end's command line, with when and on what it ran */
    ps_strbuf_printf(&b, "%s %s · %s ", ps_label(PS_L_AUDIT_RUN_AT, L), a.when, ps_label(PS_L_AUDIT_COMMAND, L));
    code(&b, a.command);
    ps_strbuf_puts(&b, " · ");
    ps_strbuf_printf(&b, ps_label(a.machine_threads ? PS_L_AUDIT_THREADS : PS_L_AUDIT_THREADS_USED, L), r->threads,
                     a.machine_threads);
    ps_strbuf_puts(&b, "\n");
    ps_audit_free(&a);
  }
  if (r->stop_signal) ps_strbuf_printf(&b, ps_label(PS_L_MD_PARTIAL, L), r->paths, r->paths_requested);
  if (r->outcomes.weight) {
    ps_strbuf_puts(&b, "\n> ");
    ps_strbuf_printf(&b, ps_label(PS_L_TXT_SAMPLING_LINE, L), r->effective_paths, r->paths);
  }
  for (int i = 0; i < m->ndata; i++) {
    ps_strbuf_printf(&b, "%s%s ", i == 0 ? "\n" : "", ps_label(PS_L_MD_AUDIT_DATA, L));
    code(&b, m->data_files[i]);
    ps_strbuf_puts(&b, " · sha256 ");
    code(&b, m->data_sha256[i]);
    ps_strbuf_puts(&b, i + 1 < m->ndata ? "  \n" : "\n");
  }
  if (m->npools > 0) { /* one sentence answers the question first */
    ps_strbuf answer = {0};
    ps_answer_sentence(&answer, r, o, L, ps_money);
    if (answer.oom) b.oom = 1;
    for (char *line = answer.s, *end; line && *line; line = end + 1) {
      end = strchr(line, '\n');
      *end = 0;
      ps_strbuf_puts(&b, "\n**");
      text(&b, line);
      ps_strbuf_puts(&b, "**\n");
    }
    free(answer.s);
  }
  ps_strbuf_printf(&b, "\n%s\n\n", ps_label(PS_L_MD_UNITS, L));

  if (m->npools == 0) budget_view_section(&b, r, L); /* no pool: the budget view leads (SPEC 2.3b) */
  for (int i = 0; i < m->npools; i++) pool_section(&b, r, L, i);
  if (m->npools > 0) sizing_section(&b, r, o, L);
  programmes_section(&b, r, L);
  parties_section(&b, r, L);
  if (m->npools > 0) glossary_section(&b, L);
  overrides_section(&b, m, L);

  if (b.oom || !b.s) {
    free(b.s);
    return NULL;
  }
  return b.s;
}
