/* study_text.c — the studies' terminal text, as the CLI prints it: amounts in
** 万 / 亿 (report/format.h), probabilities in percent, 95% intervals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "poolsim/study.h"
#include "report/format.h"
#include "report/labels.h"
#include "report/strbuf.h"
#include "stats/study.h"

#define Z95 1.959964 /* the paired intervals' 95% normal quantile (stats/study.c) */
/* a text in the language of the study's report, as the study pages do (html.h) */
#define TR(L, zh_text, en_text) ((L) == PS_LANG_ZH ? (zh_text) : (en_text))

/* the line saying the study's runs were tail-sampled, as a run's summary says it */
static void sampling_text(ps_strbuf *b, const ps_study_scenario *sc, ps_lang L) {
  if (sc->importance) ps_strbuf_printf(b, ps_label(PS_L_TXT_SAMPLING_LINE, L), sc->effective_paths, sc->paths);
}

/* a party figure's value: money for an outlay or a cost, else percent */
static const char *figure_text(const char *measure, double v, char *buf, size_t n) {
  if (strcmp(measure, "outlay") == 0 || strcmp(measure, "cost_pv") == 0) return ps_money(v, buf, n);
  snprintf(buf, n, "%.2f%%", 100 * v);
  return buf;
}

/* a difference in the figure's units: money, or percentage points (signed unless a half-width) */
static const char *change_text(const char *measure, double v, int sign, ps_lang L, char *buf, size_t n) {
  if (strcmp(measure, "outlay") == 0 || strcmp(measure, "cost_pv") == 0) return ps_money(v, buf, n);
  snprintf(buf, n, sign ? TR(L, "%+.2f 个百分点", "%+.2f pt") : TR(L, "%.2f 个百分点", "%.2f pt"), 100 * v);
  return buf;
}

/* one line per party figure: "  party measure  <a_label> A  <b_label> B  <d_label> diff ± 1.96 se" */
static void parties_text(ps_strbuf *b, const ps_study_figures *f, const ps_difference *d, ps_lang L,
                         const char *a_label, const char *b_label, const char *d_label) {
  char s1[32], s2[32], s3[32], s4[32];
  for (int k = 0; k < f->n; k++) {
    const char *m = f->measure[k];
    ps_strbuf_printf(b, "  %-12s ", f->party[k]);
    /* English keeps the measure's JSON key; Chinese gives its name */
    ps_strbuf_column(b, L == PS_LANG_ZH ? ps_measure_label(m, L) : m, L == PS_LANG_ZH ? 24 : 12, 0);
    ps_strbuf_printf(b, " %s %s   %s %s   %s %s ± %s\n", a_label, figure_text(m, d[k].a, s1, sizeof s1), b_label,
                     figure_text(m, d[k].b, s2, sizeof s2), d_label, change_text(m, d[k].diff, 1, L, s3, sizeof s3),
                     change_text(m, Z95 * d[k].se, 0, L, s4, sizeof s4));
  }
}

/* ps_report_compare_text — A and B named, then per pool the means, P(depletion) and sizes with B − A */
char *ps_report_compare_text(const ps_compare *c, const char *lang) {
  ps_lang L = ps_lang_choose(lang, NULL); /* the terminal: English unless asked or the locale is Chinese */
  ps_strbuf b = {0};
  char s1[32], s2[32], s3[32], s4[32], s5[32], s6[32];
  ps_strbuf_printf(&b,
                   TR(L, "A：%s（%s）\nB：%s（%s）\n各 %ld 条路径，种子 %llu，共同随机数；B − A 及其 95%% 置信区间\n",
                      "A: %s (%s)\nB: %s (%s)\n%ld paths each, seed %llu, common random numbers; B − A with its 95%% CI\n"),
                   c->a.name, c->a.file, c->b.name, c->b.file, c->paths, c->seed);
  sampling_text(&b, &c->a, L);
  for (int p = 0; p < c->npools; p++) {
    const ps_compare_entry *cp = &c->pools[p];
    const ps_difference *out = &cp->net_outlay_mean, *dep = &cp->depletion;
    ps_strbuf_printf(&b, TR(L, "\n资金池 %s\n", "\nPool '%s'\n"), cp->id);
    ps_strbuf_printf(&b, TR(L, "  净支出（均值）      A %s   B %s   B−A %s ± %s\n", "  net outlay (mean)   A %s   B %s   B−A %s ± %s\n"),
                     ps_money(out->a, s1, sizeof s1),
                     ps_money(out->b, s2, sizeof s2), ps_money(out->diff, s3, sizeof s3),
                     ps_money(Z95 * out->se, s4, sizeof s4));
    ps_strbuf_printf(&b,
                     TR(L, "  耗尽概率            A %.2f%%   B %.2f%%   B−A %+.2f ± %.2f 个百分点\n",
                        "  P(depletion)        A %.2f%%   B %.2f%%   B−A %+.2f ± %.2f points\n"),
                     100 * dep->a, 100 * dep->b, 100 * dep->diff, 100 * Z95 * dep->se);
    for (int k = 0; k < c->nalphas; k++) {
      const ps_estimate *ea = &cp->size_a[k], *eb = &cp->size_b[k];
      char target[40];
      snprintf(target, sizeof target, TR(L, "耗尽概率≤%g%%的规模", "size for P<=%g%%"), 100 * c->alphas[k]);
      ps_strbuf_puts(&b, "  ");
      ps_strbuf_column(&b, target, 19, 0);
      ps_strbuf_printf(&b, " A %s (%s – %s)   B %s (%s – %s)\n", ps_money(ea->value, s1, sizeof s1),
                       ps_money(ea->lo, s2, sizeof s2), ps_money(ea->hi, s3, sizeof s3), ps_money(eb->value, s4, sizeof s4),
                       ps_money(eb->lo, s5, sizeof s5), ps_money(eb->hi, s6, sizeof s6));
    }
  }
  if (c->figures.n) {
    ps_strbuf_puts(&b, TR(L, "\n各方\n", "\nParties\n"));
    parties_text(&b, &c->figures, c->parties, L, "A", "B", "B−A");
  }
  return ps_strbuf_finish(&b);
}

/* a sweep's pools: a header line, then a line per row and pool */
static void pools_table(ps_strbuf *b, const ps_sweep *s, ps_lang L) {
  char s1[32], s2[32], s3[32];
  for (int k = 0; k < s->nkeys; k++) ps_strbuf_printf(b, "%-28s ", s->keys[k]);
  ps_strbuf_column(b, TR(L, "资金池", "pool"), 10, 0);
  ps_strbuf_puts(b, " ");
  ps_strbuf_column(b, TR(L, "耗尽概率", "P(depletion)"), 20, 0);
  ps_strbuf_puts(b, " ");
  ps_strbuf_column(b, TR(L, "净支出", "net outlay"), 12, 0);
  ps_strbuf_puts(b, " ");
  ps_strbuf_column(b, TR(L, "净支出 p95", "p95 outlay"), 12, 0);
  for (int a = 0; a < s->nalphas; a++) {
    char head[24];
    snprintf(head, sizeof head, TR(L, "规模@%g%%", "size@%g%%"), 100 * s->alphas[a]);
    ps_strbuf_puts(b, " ");
    ps_strbuf_column(b, head, 11, 0);
  }
  ps_strbuf_puts(b, "\n");
  for (long i = 0; i < s->nrows; i++) {
    const ps_sweep_row *row = &s->rows[i];
    for (int p = 0; p < row->npools; p++) {
      const ps_sweep_cell *sp = &row->pools[p];
      for (int k = 0; k < s->nkeys; k++) ps_strbuf_printf(b, "%-28s ", row->values[k]);
      char dep_text[40];
      snprintf(dep_text, sizeof dep_text, "%.2f%% (%.2f–%.2f)", 100 * sp->depletion.value, 100 * sp->depletion.lo,
               100 * sp->depletion.hi);
      ps_strbuf_printf(b, "%-10s %-20s %-12s %-12s", sp->id, dep_text, ps_money(sp->net_outlay_mean, s1, sizeof s1),
                       ps_money(sp->net_outlay_p95, s2, sizeof s2));
      for (int a = 0; a < s->nalphas; a++) ps_strbuf_printf(b, " %-11s", ps_money(sp->sizing[a].value, s3, sizeof s3));
      ps_strbuf_puts(b, "\n");
    }
  }
}

/* ps_report_sweep_text — the pools' table (none without pools), then every party's figures */
char *ps_report_sweep_text(const ps_sweep *s, const char *lang) {
  ps_lang L = ps_lang_choose(lang, NULL); /* the terminal: English unless asked or the locale is Chinese */
  ps_strbuf b = {0};
  if (s->nrows > 0 && s->rows[0].npools > 0) pools_table(&b, s, L);
  if (s->figures.n) {
    ps_strbuf_puts(&b, TR(L, "\n各方：每行与第一行相比，共同随机数（± 95% 置信区间）\n",
                          "\nParties: each row against the first, on common random numbers (± its 95% CI)\n"));
    for (long i = 0; i < s->nrows; i++) {
      ps_strbuf_puts(&b, " ");
      for (int k = 0; k < s->nkeys; k++) ps_strbuf_printf(&b, " %s=%s", s->keys[k], s->rows[i].values[k]);
      ps_strbuf_puts(&b, "\n");
      parties_text(&b, &s->figures, s->rows[i].parties, L, TR(L, "第一行", "first"), TR(L, "本行", "row"),
                   TR(L, "本行−第一行", "row−first"));
    }
  }
  sampling_text(&b, &s->scenario, L);
  return ps_strbuf_finish(&b);
}

/* ps_report_tornado_text — a line per key (widest swing first) and pool */
char *ps_report_tornado_text(const ps_tornado *t, const char *lang) {
  ps_lang L = ps_lang_choose(lang, NULL); /* the terminal: English unless asked or the locale is Chinese */
  ps_strbuf b = {0};
  char s1[32], s2[32], s3[32];
  for (int k = 0; k < t->nkeys; k++) {
    const ps_tornado_bar *key = &t->keys[k];
    for (int p = 0; p < t->npools; p++)
      ps_strbuf_printf(&b,
                       TR(L, "%-40s %-8s -%g%%：p95 %s（耗尽概率 %.2f%%）   基准 %s   +%g%%：p95 %s（耗尽概率 %.2f%%）\n",
                          "%-40s %-8s -%g%%: p95 %s (P %.2f%%)   base %s   +%g%%: p95 %s (P %.2f%%)\n"),
                       key->key,
                       t->pools[p], 100 * t->by, ps_money(key->lo[p].p95, s1, sizeof s1), 100 * key->lo[p].depletion,
                       ps_money(t->base[p].p95, s2, sizeof s2), 100 * t->by, ps_money(key->hi[p].p95, s3, sizeof s3),
                       100 * key->hi[p].depletion);
    if (key->partner)
      ps_strbuf_printf(&b,
                       TR(L, "  %1$s：%2$s %3$s；%1$s 取低值 %5$.6g 时它为 %4$.6g，取高值 %7$.6g 时为 %6$.6g%8$s\n",
                          "  %1$s: %2$s %3$s it, %4$.6g at the low value %5$.6g and %6$.6g at the high %7$.6g%8$s\n"),
                       key->key, strrchr(key->partner, '.') + 1,
                       key->partner_rest ? TR(L, "取其余部分，随之平衡", "takes the rest and so balances")
                                         : TR(L, "随之平衡", "balances"),
                       key->partner_low, key->low, key->partner_high, key->high,
                       key->clipped ? TR(L, "（截断到其他份额留下的空间，在 [0, 1] 内）",
                                         " (clipped to the room the other shares leave, within [0, 1])")
                                    : "");
  }
  if (t->figures.n) {
    char s4[32];
    ps_strbuf_puts(&b, TR(L, "\n情景取值下的各方：", "\nParties at the scenario's values:"));
    for (int f = 0; f < t->figures.n; f++)
      ps_strbuf_printf(&b, " %s %s %s;", t->figures.party[f],
                       L == PS_LANG_ZH ? ps_measure_label(t->figures.measure[f], L) : t->figures.measure[f],
                       figure_text(t->figures.measure[f], t->base_parties[f], s4, sizeof s4));
    ps_strbuf_puts(&b, TR(L, "\n各方，每个参数下调与上调（摆幅 = 上调 − 下调 ± 95% 置信区间）\n",
                          "\nParties, each key moved down and up (the swing up − down ± its 95% CI)\n"));
    for (int k = 0; k < t->nkeys; k++) {
      ps_strbuf_printf(&b, " %s\n", t->keys[k].key);
      parties_text(&b, &t->figures, t->keys[k].parties, L, TR(L, "下调", "down"), TR(L, "上调", "up"),
                   TR(L, "摆幅", "swing"));
    }
  }
  sampling_text(&b, &t->scenario, L);
  return ps_strbuf_finish(&b);
}

/* what binds before the pool, as a clause ending in "; ", nothing when the pool binds */
static void volume_limit_text(ps_strbuf *b, const ps_volume_row *row, ps_lang L) {
  char of[32], cap[32];
  switch (row->binds) {
  case PS_VOLUME_LEVERAGE:
    ps_strbuf_printf(b,
                     TR(L, "项目 %1$s 的放大倍数（%4$s 出资 %3$s 的 %2$g 倍）先于资金池起约束：在贷余额不能超过 %5$s；",
                        "the leverage of programme '%1$s' (%2$g× of %3$s, %4$s's allocation) binds before the pool: loans at "
                        "risk cannot pass %5$s; "),
                     row->programme, row->multiple, ps_money(row->of, of, sizeof of), row->party,
                     ps_money(row->cap, cap, sizeof cap));
    break;
  case PS_VOLUME_GUARANTOR:
    ps_strbuf_printf(b,
                     TR(L, "%1$s 作为项目 %2$s 担保方的能力（其资本 %4$s 的 %3$g 倍）先于资金池起约束：其担保余额不能超过 %5$s；",
                        "%s's capacity as guarantor of programme '%s' (%g× its capital of %s) binds before the pool: its "
                        "guarantees cannot pass %s; "),
                     row->party, row->programme, row->multiple, ps_money(row->of, of, sizeof of),
                     ps_money(row->cap, cap, sizeof cap));
    break;
  case PS_VOLUME_STOPPED:
    ps_strbuf_puts(b, TR(L, "停止放贷的触发条件先于资金池起约束；", "a trigger that stops lending binds before the pool; "));
    break;
  case PS_VOLUME_OTHER:
    ps_strbuf_puts(b, TR(L, "资金池起约束之前放贷已不再增长；", "lending stops growing before the pool binds; "));
    break;
  case PS_VOLUME_SEARCH:
    ps_strbuf_puts(b, TR(L, "直到 k = 512（搜索上限）资金池仍不起约束；",
                         "the pool does not bind up to k = 512, where the search stops; "));
    break;
  case PS_VOLUME_POOL: break;
  }
}

/* ps_report_volume_text — the base line, then a line per target: the lending as loans a period and
** yuan a year, and what binds when it is not the pool */
char *ps_report_volume_text(const ps_volume *v, const char *lang) {
  ps_lang L = ps_lang_choose(lang, NULL); /* the terminal: English unless asked or the locale is Chinese */
  ps_strbuf b = {0};
  char y[32], t[32];
  ps_strbuf_printf(&b,
                   TR(L, "资金池 %s 按其初始余额：情景的覆盖贷款为 %.3f亿（k = 1），耗尽概率 %.2f%%\n",
                      "Pool '%s' with its initial balance; the scenario's covered lending is %.3f亿 (k = 1), P(depletion) %.2f%%\n"),
                   v->pool, v->base_lending / 1e8, 100 * v->base_depletion);
  for (int a = 0; a < v->nrows; a++) {
    const ps_volume_row *row = &v->rows[a];
    ps_strbuf_printf(&b, TR(L, "  耗尽概率 ≤ %g%%：", "  P(depletion) <= %g%%: "), 100 * row->alpha);
    volume_limit_text(&b, row, L);
    ps_strbuf_printf(&b,
                     TR(L, "%s每期 %.1f 笔、每年 %s（k = 情景的 %.2f 倍，期内共 %s",
                        "%s %.1f loans a period, %s a year (k = %.2f x the scenario's, %s over the horizon"),
                     row->binds == PS_VOLUME_POOL ? TR(L, "放贷可达", "lending up to") : TR(L, "放贷止于", "lending stops at"),
                     row->loans_per_period, ps_money(row->lending_per_year, y, sizeof y), row->scale,
                     ps_money(row->lending, t, sizeof t));
    if (row->declined > 0)
      ps_strbuf_printf(&b, TR(L, "；%.1f%% 的贷款需求被拒", "; %.1f%% of the loans wanted declined"), 100 * row->declined);
    ps_strbuf_printf(&b, TR(L, "；耗尽概率 %.2f%%，95%% 置信区间 %.2f%% – %.2f%%）\n", "; P %.2f%%, 95%% CI %.2f%% – %.2f%%)\n"),
                     100 * row->depletion.value, 100 * row->depletion.lo, 100 * row->depletion.hi);
    parties_text(&b, &v->figures, row->parties, L, "k=1", TR(L, "该处", "there"), TR(L, "变化", "change"));
  }
  sampling_text(&b, &v->scenario, L);
  return ps_strbuf_finish(&b);
}

/* ps_report_breakeven_text — the value with its interval, what it makes of the figure, the runs */
char *ps_report_breakeven_text(const ps_breakeven *b, const char *lang) {
  ps_lang L = ps_lang_choose(lang, NULL); /* the terminal: English unless asked or the locale is Chinese */
  ps_strbuf t = {0};
  char a[32], c[32];
  int money = strcmp(b->measure, "pv_cost") == 0;
  if (money)
    ps_strbuf_printf(&t,
                     TR(L, "盈亏平衡 %s：参与方 %s 预期现值成本为零时的取值\n",
                        "Break-even %s: the value at which party '%s' expects to cost nothing in present value\n"),
                     b->field, b->party);
  else
    ps_strbuf_printf(&t,
                     TR(L, "盈亏平衡 %s：参与方 %s 预期%s为 %.2f%% 时的取值\n",
                        "Break-even %s: the value at which party '%s' expects a %s of %.2f%%\n"),
                     b->field, b->party,
                     strcmp(b->measure, "loss_ratio") == 0 ? TR(L, "赔付率", "loss ratio") : TR(L, "代偿率", "payout rate"),
                     100 * b->target);
  ps_strbuf_printf(&t, TR(L, "  %s = %.6g（95%% 置信区间 %s%.6g – %.6g%s）\n", "  %s = %.6g  (95%% CI %s%.6g – %.6g%s)\n"),
                   b->field, b->value, b->open[0] ? TR(L, "低于 ", "below ") : "", b->ci[0], b->ci[1],
                   b->open[1] ? TR(L, " 或更高", " or above") : "");
  if (money)
    ps_strbuf_printf(&t, TR(L, "  此时预期现值成本为 %s ± %s（标准误）\n", "  there, the expected PV cost is %s ± %s (standard error)\n"),
                     ps_money(b->at.mean, a, sizeof a), ps_money(b->at.se, c, sizeof c));
  else
    ps_strbuf_printf(&t, TR(L, "  此时预期比率为 %.2f%% ± %.2f%%（标准误）\n", "  there, the expected ratio is %.2f%% ± %.2f%% (standard error)\n"),
                     100 * b->at.mean, 100 * b->at.se);
  ps_strbuf_printf(&t,
                   TR(L, "  在 [%2$g, %3$g] 内二分搜索 %1$s：共 %4$d 次运行，每次 %5$ld 条路径，种子 %6$llu，共同随机数\n",
                      "  searched %1$s in [%2$g, %3$g] by bisection: %4$d runs of %5$ld paths each, seed %6$llu, common random "
                      "numbers\n"),
                   b->field, b->lo, b->hi, b->nruns, b->paths, b->seed);
  sampling_text(&t, &b->scenario, L);
  return ps_strbuf_finish(&t);
}
