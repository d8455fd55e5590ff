/* report_text.c — the terminal summary, amounts in 万元 / 亿元. */
#include <math.h>
#include <string.h>

#include "report/format.h"
#include "report/report.h"
#include "stats/sizing.h"

/* display width of UTF-8 text on a terminal: CJK characters take two columns */
static int display_width(const char *s) {
  int w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    unsigned cp = *p;
    int len = cp < 0x80 ? 1 : cp < 0xe0 ? 2 : cp < 0xf0 ? 3 : 4;
    if (len == 2) cp = (cp & 0x1f) << 6 | (p[1] & 0x3f);
    else if (len == 3) cp = (cp & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    w += cp >= 0x2e80 ? 2 : 1;
    for (int i = 0; i < len && *p; i++) p++;
  }
  return w;
}

/* print s in a column of `width` display columns, right- or left-aligned */
static void column(FILE *f, const char *s, int width, int right) {
  int pad = width - display_width(s);
  if (right) fprintf(f, "%*s%s", pad > 0 ? pad : 0, "", s);
  else fprintf(f, "%s%*s", s, pad > 0 ? pad : 0, "");
}

/* one row: label, mean +- se, p95, p99, ES99 */
static void money_row(FILE *f, const char *label, const ps_stats *s) {
  char a[32];
  fprintf(f, "  %-18s", label);
  column(f, ps_money(s->mean, a, sizeof a), 11, 1);
  fprintf(f, " ± ");
  column(f, ps_money(s->se, a, sizeof a), 9, 0);
  column(f, ps_money(s->p95, a, sizeof a), 11, 1);
  column(f, ps_money(s->p99, a, sizeof a), 11, 1);
  column(f, ps_money(s->es99, a, sizeof a), 11, 1);
  fprintf(f, "\n");
}

static void prob_line(FILE *f, const char *label, const ps_estimate *e) {
  char a[32], b[32], c[32];
  fprintf(f, "%s%s  (95%% CI %s – %s)\n", label, ps_percent(e->value, a, sizeof a), ps_percent(e->lo, b, sizeof b),
          ps_percent(e->hi, c, sizeof c));
}

static int shown(const ps_report_options *o, const ps_model *m, int pool) {
  return !o->pool || strcmp(o->pool, m->pools[pool].id) == 0;
}

void ps_report_sizing_text(FILE *f, const ps_results *r, const ps_report_options *o) {
  const ps_model *m = r->m;
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int n = o->alphas ? o->nalphas : PS_NALPHAS;
  for (int i = 0; i < m->npools; i++) {
    if (!shown(o, m, i)) continue;
    const ps_pool_result *p = &r->pools[i];
    char a[32], b[32], c[32];
    fprintf(f, "Sizing of pool '%s' over %d %ss (%ld paths%s):\n", m->pools[i].id, m->periods,
            m->step == PS_STEP_MONTH ? "month" : m->step == PS_STEP_QUARTER ? "quarter" : "year", r->paths,
            r->stop_signal ? ", PARTIAL RUN: interrupted" : "");
    fprintf(f, "  %-22s %-16s %s\n", "target", "initial needed", "95% CI");
    for (int k = 0; k < n; k++) {
      ps_estimate e = ps_sizing_initial(p->sorted_required, (size_t)r->paths, alphas[k]);
      char target[32];
      snprintf(target, sizeof target, "P(depletion) <= %g%%", 100 * alphas[k]);
      fprintf(f, "  %-22s ", target);
      column(f, ps_money(e.value, a, sizeof a), 16, 0);
      fprintf(f, " %s – %s\n", ps_money(e.lo, b, sizeof b), ps_money(e.hi, c, sizeof c));
    }
    for (int k = 0; k < o->nat; k++) {
      ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, o->at[k]);
      char label[96];
      snprintf(label, sizeof label, "  with %s: P(depletion) = ", ps_money(o->at[k], a, sizeof a));
      prob_line(f, label, &e);
      fprintf(f, "   ");
      for (int q = 0; q < n; q++)
        fprintf(f, " %s %g%%%s", e.hi <= alphas[q] ? "meets" : e.lo > alphas[q] ? "misses" : "too close to call at",
                100 * alphas[q], q + 1 < n ? ";" : "\n");
    }
    if (m->balance_feedback && r->searched)
      fprintf(f, "  (rules here react to the pool's balance: each path's required balance was found by bisection)\n");
    else if (m->balance_feedback)
      fprintf(f, "  note: rules in this scenario may react to the pool's balance (on_period, a refill or a\n"
                 "  pool_floor trigger); the sizing above assumes they do not: rerun with poolsim size (or\n"
                 "  run --search) to find each path's required balance by bisection\n");
  }
}

void ps_report_text(FILE *f, const ps_results *r, const ps_report_options *o) {
  const ps_model *m = r->m;
  char a[32];
  fprintf(f, "poolsim %s — %s\n", PS_VERSION, m->name);
  fprintf(f, "scenario %s (sha256 %.12s…), %d %ss\n", m->file, m->sha256, m->periods,
          m->step == PS_STEP_MONTH ? "month" : m->step == PS_STEP_QUARTER ? "quarter" : "year");
  if (r->stop_signal)
    fprintf(f, "PARTIAL RUN: interrupted after %ld of the %ld paths asked for; the figures use those %ld\n", r->paths,
            r->paths_requested, r->paths);
  fprintf(f, "%ld paths, seed %llu, %d thread%s, %.2f s\n\n", r->paths, r->seed, r->threads, r->threads > 1 ? "s" : "",
          r->seconds);
  for (int i = 0; i < m->npools; i++) {
    const ps_pool_result *p = &r->pools[i];
    fprintf(f, "Pool '%s', initial balance %s (amounts in 元; mean ± standard error)\n", m->pools[i].id,
            ps_money(p->initial, a, sizeof a));
    fprintf(f, "  %-18s%11s   %-9s%11s%11s%11s\n", "", "mean", "", "p95", "p99", "ES99");
    money_row(f, "claims", &p->claims);
    money_row(f, "paid", &p->paid);
    money_row(f, "shortfall", &p->shortfall);
    money_row(f, "recovered", &p->recovered);
    money_row(f, "net outlay", &p->net_outlay);
    money_row(f, "required initial", &p->required_initial);
    if (p->unsettled.max > 0) money_row(f, "claims after end", &p->unsettled);
    prob_line(f, "  depletion within the horizon: ", &p->depletion);
    if (m->nprogrammes > 1 && p->net_outlay.es99 > 0) {
      fprintf(f, "  who drives the tail (shares of the net outlay's ES99, %s):", ps_money(p->net_outlay.es99, a, sizeof a));
      for (int g = 0; g < m->nprogrammes; g++)
        fprintf(f, " %s %.0f%%", m->programmes[g].id, 100 * p->es99_by_programme[g] / p->net_outlay.es99);
      fprintf(f, "\n");
    }
    fprintf(f, "  depleted by the end of year:");
    for (int y = 0; y < p->nyears; y++) fprintf(f, " %d: %s", y + 1, ps_percent(p->depletion_by_year[y].value, a, sizeof a));
    fprintf(f, "\n\n");
  }
  fprintf(f, "Programmes (numbers of loans; mean ± standard error)\n");
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char b[32];
    fprintf(f, "  %-18s originated %.0f, defaults %.1f ± %.1f (p99 %.0f), defaulted exposure %s\n", m->programmes[i].id,
            p->originated.mean, p->defaults.mean, p->defaults.se, p->defaults.p99,
            ps_money(p->defaulted_exposure.mean, b, sizeof b));
    if (p->paused.max > 0 || p->stopped.max > 0 || p->capped.max > 0 || p->declined.max > 0) {
      char c[32];
      fprintf(f, "  %-18s paused %.1f periods, lending stopped %.1f, refused %s, capped %s, loans declined %.1f (means)\n",
              "", p->paused.mean, p->stopped.mean, ps_money(p->refused.mean, b, sizeof b), ps_money(p->capped.mean, c, sizeof c),
              p->declined.mean);
    }
  }
  fprintf(f, "\nParties: losses (paid on defaults less recovered), then net result (every flow)\n");
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    const ps_party *party = &m->parties[i];
    fprintf(f, "  %s (%s)\n", m->parties[i].id, m->parties[i].name);
    if (p->losses.max != 0 || p->losses.min != 0) money_row(f, "  losses", &p->losses);
    money_row(f, "  net result", &p->net_result);
    if (party->kind == PS_PARTY_GOVERNMENT) { /* the budget: what it pays out each fiscal year */
      char a[32], b[32];
      fprintf(f, "    outlay by fiscal year (mean / p95):");
      for (int y = 0; y < p->nyears; y++)
        fprintf(f, " %d: %s / %s", y + 1, ps_money(p->outlay_by_year[y].mean, a, sizeof a),
                ps_money(p->outlay_by_year[y].p95, b, sizeof b));
      fprintf(f, "\n");
      static const char *const labels[PS_NBUDGET] = {"pool funding", "compensation", "interest subsidy", "fee subsidy",
                                                     "premium subsidy"};
      for (int k = 0; k < PS_NBUDGET; k++) {
        int any = 0;
        for (int y = 0; y < p->nyears; y++) any |= p->budget[y * PS_NBUDGET + k].max != 0 || p->budget[y * PS_NBUDGET + k].min != 0;
        if (!any) continue;
        fprintf(f, "      %-17s", labels[k]);
        for (int y = 0; y < p->nyears; y++)
          fprintf(f, " %d: %s / %s", y + 1, ps_money(p->budget[y * PS_NBUDGET + k].mean, a, sizeof a),
                  ps_money(p->budget[y * PS_NBUDGET + k].p95, b, sizeof b));
        fprintf(f, "\n");
      }
    }
    char a[32], b[32], c[32], d[32];
    if (party->kind == PS_PARTY_BANK && party->npl_tolerance > 0)
      fprintf(f, "    highest NPL ratio while lending: mean %s, p95 %s; P(above its %s tolerance) %s\n",
              ps_percent(p->ratio.mean, a, sizeof a), ps_percent(p->ratio.p95, b, sizeof b),
              ps_percent(party->npl_tolerance, c, sizeof c), ps_percent(p->breached.value, d, sizeof d));
    else if (party->kind == PS_PARTY_GUARANTOR)
      fprintf(f, "    payout rate: mean %s, p95 %s%s%s\n", ps_percent(p->ratio.mean, a, sizeof a), ps_percent(p->ratio.p95, b, sizeof b),
              party->capital > 0 ? "; P(capital exhausted) " : "", party->capital > 0 ? ps_percent(p->breached.value, c, sizeof c) : "");
    else if (party->kind == PS_PARTY_INSURER)
      fprintf(f, "    loss ratio: mean %s, p95 %s\n", ps_percent(p->ratio.mean, a, sizeof a), ps_percent(p->ratio.p95, b, sizeof b));
  }
  fprintf(f, "\n");
  ps_report_sizing_text(f, r, o);
}
