/* html_run.c — one self-contained HTML page for a budget committee: the answer
** up front, inline SVG charts (html_run_charts.c), the tables, the assumptions
** and an audit block. No scripts, no network, no run time or thread count: the
** page is byte-identical for the same scenario, overrides, paths and seed.
** Prints to A4. Reads ps_results only. Amounts in 万元 / 亿元. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "report/html_run.h"
#include "stats/sizing.h"

static const char *kind_name(const html_ctx *c, ps_party_kind k) {
  switch (k) {
  case PS_PARTY_GOVERNMENT: return TR(c, "政府", "government");
  case PS_PARTY_BANK: return TR(c, "银行", "bank");
  case PS_PARTY_GUARANTOR: return TR(c, "担保机构", "guarantor");
  case PS_PARTY_REGUARANTOR: return TR(c, "再担保机构", "reguarantor");
  default: return TR(c, "保险机构", "insurer");
  }
}

static void stats_row(html_ctx *c, const char *label, const ps_stats *s) {
  char a[64];
  ps_strbuf_puts(&c->b, "<tr>");
  html_td(c, label);
  html_tdn(c, html_money(s->mean, a, sizeof a));
  html_tdn(c, html_money(s->se, a, sizeof a));
  html_tdn(c, html_money(s->p50, a, sizeof a));
  html_tdn(c, html_money(s->p95, a, sizeof a));
  html_tdn(c, html_money(s->p99, a, sizeof a));
  html_tdn(c, html_money(s->es99, a, sizeof a));
  ps_strbuf_puts(&c->b, "</tr>\n");
}

static void stats_head(html_ctx *c, const char *first) {
  ps_strbuf_puts(&c->b, "<thead><tr>");
  html_th(c, first);
  html_th(c, TR(c, "均值", "mean"));
  html_th(c, TR(c, "标准误", "std. error"));
  html_th(c, TR(c, "中位数", "median"));
  html_th(c, TR(c, "95%分位", "p95"));
  html_th(c, TR(c, "99%分位", "p99"));
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
      ps_strbuf_printf(b, "）初始余额 <b>%s</b>，在 %s（%d 个财政年度）内耗尽（出现赔付缺口）的概率为 <b>", html_money_x(p->initial, 1, a, sizeof a),
         html_span(c, m->periods, f, sizeof f), years);
      html_put_prob_ci(c, &p->depletion);
      ps_strbuf_puts(b, "</b>。");
      for (int k = 0; k < c->nalphas; k++) {
        ps_estimate s = ps_sizing_initial(p->sorted_required, (size_t)r->paths, c->alphas[k]);
        ps_strbuf_printf(b, "%s耗尽概率不超过 %s，初始余额需 <b>%s</b>（95%%置信区间 %s–%s）", k ? "；" : "要使", html_alpha_text(c->alphas[k], f, sizeof f),
           html_money(s.value, a, sizeof a), html_money(s.lo, d, sizeof d), html_money(s.hi, e2, sizeof e2));
      }
      if (c->nalphas) ps_strbuf_puts(b, "。");
      for (int k = 0; k < c->o->nat; k++) {
        ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, c->o->at[k]);
        ps_strbuf_printf(b, "若初始余额为 <b>%s</b>，耗尽概率为 ", html_money_x(c->o->at[k], 1, a, sizeof a));
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
        ps_estimate s = ps_sizing_initial(p->sorted_required, (size_t)r->paths, c->alphas[k]);
        ps_strbuf_printf(b, "%s %s%s <b>%s</b> (95%% CI %s–%s)", k ? "; at or below" : " To keep that probability at or below",
           html_alpha_text(c->alphas[k], f, sizeof f), k ? "," : " the pool needs", html_money(s.value, a, sizeof a),
           html_money(s.lo, d, sizeof d), html_money(s.hi, e2, sizeof e2));
      }
      if (c->nalphas) ps_strbuf_puts(b, ".");
      for (int k = 0; k < c->o->nat; k++) {
        ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, c->o->at[k]);
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
    ps_strbuf_puts(b, "</p>\n");
  }
}

static void pools_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64];
  for (int i = 0; i < m->npools; i++) {
    const ps_pool_result *p = &r->pools[i];
    ps_strbuf_puts(&c->b, "<table>\n");
    ps_strbuf_printf(&c->b, "<caption>%s ", TR(c, "资金池", "Pool"));
    html_esc(&c->b, m->pools[i].id);
    ps_strbuf_printf(&c->b, TR(c, "（初始余额 %s）：各路径金额统计", " (initial balance %s): amounts over paths"), html_money_x(p->initial, 1, a, sizeof a));
    ps_strbuf_puts(&c->b, "</caption>\n");
    stats_head(c, TR(c, "项目", "item"));
    ps_strbuf_puts(&c->b, "<tbody>\n");
    stats_row(c, TR(c, "申请赔付", "claims"), &p->claims);
    stats_row(c, TR(c, "实际赔付", "paid"), &p->paid);
    stats_row(c, TR(c, "赔付缺口", "shortfall"), &p->shortfall);
    stats_row(c, TR(c, "追偿收回", "recovered"), &p->recovered);
    stats_row(c, TR(c, "净支出", "net outlay"), &p->net_outlay);
    stats_row(c, TR(c, "所需初始余额", "required initial balance"), &p->required_initial);
    if (p->topups.max > 0 || p->topups.min < 0) stats_row(c, TR(c, "补充资金", "top-ups"), &p->topups);
    if (p->returned.max > 0 || p->returned.min < 0) stats_row(c, TR(c, "期末返还", "returned at the end"), &p->returned);
    if (p->unsettled.max > 0) stats_row(c, TR(c, "期后到期赔付", "claims due after the horizon"), &p->unsettled);
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
    /* depletion by year as numbers */
    ps_strbuf_puts(&c->b, "<table>\n");
    ps_strbuf_printf(&c->b, "<caption>%s</caption>\n<thead><tr>", TR(c, "截至各年末的累计耗尽概率", "Cumulative probability of depletion by year end"));
    html_th(c, TR(c, "财政年度", "fiscal year"));
    html_th(c, TR(c, "耗尽概率", "P(depletion)"));
    html_th(c, TR(c, "95%置信区间", "95% CI"));
    ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
    for (int y = 0; y < p->nyears; y++) {
      const ps_estimate *e = &p->depletion_by_year[y];
      char lo[32], hi[32], yr[32];
      snprintf(yr, sizeof yr, TR(c, "第%d年", "year %d"), y + 1);
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
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", TR(c, "规模测算", "Sizing"));
  ps_strbuf_puts(&c->b, "<table>\n<thead><tr>");
  html_th(c, TR(c, "资金池", "pool"));
  html_th(c, TR(c, "目标：耗尽概率 ≤", "target: P(depletion) ≤"));
  html_th(c, TR(c, "所需初始余额", "initial balance needed"));
  html_th(c, TR(c, "95%置信区间", "95% CI"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->npools; i++) {
    if (!shown(c, i)) continue;
    for (int k = 0; k < c->nalphas; k++) {
      ps_estimate s = ps_sizing_initial(r->pools[i].sorted_required, (size_t)r->paths, c->alphas[k]);
      ps_strbuf_puts(&c->b, "<tr>");
      html_td(c, m->pools[i].id);
      html_tdn(c, html_alpha_text(c->alphas[k], f, sizeof f));
      html_tdn(c, html_money(s.value, a, sizeof a));
      ps_strbuf_printf(&c->b, "<td class=\"num\">%s – %s</td>", html_money(s.lo, lo, sizeof lo), html_money(s.hi, hi, sizeof hi));
      ps_strbuf_puts(&c->b, "</tr>\n");
    }
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  /* the current balance and the balances asked about */
  ps_strbuf_puts(&c->b, "<table>\n<thead><tr>");
  html_th(c, TR(c, "资金池", "pool"));
  html_th(c, TR(c, "初始余额", "initial balance"));
  html_th(c, TR(c, "耗尽概率", "P(depletion)"));
  html_th(c, TR(c, "95%置信区间", "95% CI"));
  for (int q = 0; q < c->nalphas; q++) {
    char h[64];
    snprintf(h, sizeof h, TR(c, "目标 %s", "target %s"), html_alpha_text(c->alphas[q], f, sizeof f));
    html_th(c, h);
  }
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->npools; i++) {
    if (!shown(c, i)) continue;
    const ps_pool_result *p = &r->pools[i];
    for (int k = -1; k < c->o->nat; k++) {
      double x = k < 0 ? p->initial : c->o->at[k];
      if (k >= 0 && fabs(x - p->initial) < 1e-6) continue;
      ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, x);
      ps_strbuf_puts(&c->b, "<tr>");
      html_td(c, m->pools[i].id);
      char lab[96];
      snprintf(lab, sizeof lab, "%s%s", html_money_x(x, 1, a, sizeof a), k < 0 ? TR(c, "（本次运行）", " (this run)") : "");
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
     TR(c, "达标：置信区间上限不超过目标；不达标：下限高于目标；难以判定：目标落在置信区间内，需要更多路径。所需初始余额为各路径所需初始余额的(1−α)分位数，置信区间为次序统计量区间。",
        "Meets: the upper end of the interval is at or below the target; misses: the lower end is above it; too close to call: "
        "the target lies inside the interval (run more paths). The size needed is the (1 − α) quantile of the per-path required "
        "initial balance, with its order-statistic interval."));
  if (m->balance_feedback)
    ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
       r->searched ? TR(c, "本情景含随余额变化的规则：各路径所需初始余额由二分搜索求得。",
                        "Rules in this scenario react to the pool's balance: each path's required balance was found by bisection.")
                   : TR(c, "注意：本情景含随余额变化的规则（on_period、补充规则或余额下限触发），上述测算假定它们不影响结果；请以测算规模重新运行核验。",
                        "Note: rules in this scenario may react to the pool's balance (on_period, a refill or a pool_floor trigger); "
                        "the sizing assumes they do not: check it by running at that size."));
}

static void programmes_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64];
  int extra = 0;
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    if (p->paused.max > 0 || p->stopped.max > 0 || p->capped.max > 0 || p->declined.max > 0 || p->refused.max > 0)
      extra = 1;
  }
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "业务项目", "Programmes"));
  html_th(c, TR(c, "项目", "programme"));
  html_th(c, TR(c, "贷款银行", "bank"));
  html_th(c, TR(c, "发放笔数（均值）", "loans originated (mean)"));
  html_th(c, TR(c, "违约笔数 均值 ± 标准误", "defaults, mean ± s.e."));
  html_th(c, TR(c, "违约笔数 99%分位", "defaults, p99"));
  html_th(c, TR(c, "违约敞口（均值）", "defaulted exposure (mean)"));
  html_th(c, TR(c, "违约敞口 99%分位", "defaulted exposure, p99"));
  if (extra) {
    html_th(c, TR(c, "暂停期数", "periods paused"));
    html_th(c, TR(c, "停贷期数", "periods lending stopped"));
    html_th(c, TR(c, "暂停拒赔", "refused while paused"));
    html_th(c, TR(c, "限额削减", "cut by caps"));
    html_th(c, TR(c, "未发放笔数", "loans declined"));
  }
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char s[96], x[32], y[32];
    ps_strbuf_puts(&c->b, "<tr>");
    html_td(c, m->programmes[i].id);
    html_td(c, party_label(m, m->programmes[i].bank));
    html_tdn(c, html_num(p->originated.mean, 0, a, sizeof a));
    snprintf(s, sizeof s, "%s ± %s", html_num(p->defaults.mean, 1, x, sizeof x), html_num(p->defaults.se, 1, y, sizeof y));
    html_tdn(c, s);
    html_tdn(c, html_num(p->defaults.p99, 0, a, sizeof a));
    html_tdn(c, html_money(p->defaulted_exposure.mean, a, sizeof a));
    html_tdn(c, html_money(p->defaulted_exposure.p99, a, sizeof a));
    if (extra) {
      html_tdn(c, html_num(p->paused.mean, 1, a, sizeof a));
      html_tdn(c, html_num(p->stopped.mean, 1, a, sizeof a));
      html_tdn(c, html_money(p->refused.mean, a, sizeof a));
      html_tdn(c, html_money(p->capped.mean, a, sizeof a));
      html_tdn(c, html_num(p->declined.mean, 1, a, sizeof a));
    }
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
}

static void parties_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64], b2[64], d[64];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "各参与方", "Parties"));
  html_th(c, TR(c, "参与方", "party"));
  html_th(c, TR(c, "类型", "kind"));
  html_th(c, TR(c, "损失 均值", "losses, mean"));
  html_th(c, TR(c, "损失 99%分位", "losses, p99"));
  html_th(c, TR(c, "净收益 均值", "net result, mean"));
  html_th(c, TR(c, "净收益 中位数", "net result, median"));
  html_th(c, TR(c, "风险指标", "risk measure"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
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
    ps_strbuf_puts(&c->b, "</td>");
    html_td(c, kind_name(c, party->kind));
    html_tdn(c, html_money(p->losses.mean, a, sizeof a));
    html_tdn(c, html_money(p->losses.p99, a, sizeof a));
    html_tdn(c, html_money(p->net_result.mean, a, sizeof a));
    html_tdn(c, html_money(p->net_result.p50, a, sizeof a));
    char s[256] = "";
    if (party->kind == PS_PARTY_BANK && party->npl_tolerance > 0)
      snprintf(s, sizeof s, TR(c, "最高不良率 均值 %s，95%%分位 %s；超过容忍度 %s 的概率 %s", "highest NPL ratio: mean %s, p95 %s; P(above its %s tolerance) %s"),
               html_pct(p->ratio.mean, a, sizeof a), html_pct(p->ratio.p95, b2, sizeof b2),
               html_rate_text(party->npl_tolerance, d, sizeof d), html_pct(p->breached.value, (char[32]){0}, 32));
    else if (party->kind == PS_PARTY_BANK)
      snprintf(s, sizeof s, TR(c, "最高不良率 均值 %s，95%%分位 %s", "highest NPL ratio: mean %s, p95 %s"),
               html_pct(p->ratio.mean, a, sizeof a), html_pct(p->ratio.p95, b2, sizeof b2));
    else if (party->kind == PS_PARTY_GUARANTOR)
      snprintf(s, sizeof s, TR(c, "代偿率 均值 %s，95%%分位 %s%s%s", "payout rate: mean %s, p95 %s%s%s"),
               html_pct(p->ratio.mean, a, sizeof a), html_pct(p->ratio.p95, b2, sizeof b2),
               party->capital > 0 ? TR(c, "；资本耗尽概率 ", "; P(capital exhausted) ") : "",
               party->capital > 0 ? html_pct(p->breached.value, d, sizeof d) : "");
    else if (party->kind == PS_PARTY_INSURER)
      snprintf(s, sizeof s, TR(c, "赔付率 均值 %s，95%%分位 %s", "loss ratio: mean %s, p95 %s"), html_pct(p->ratio.mean, a, sizeof a),
               html_pct(p->ratio.p95, b2, sizeof b2));
    html_td(c, s);
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "损失：对违约贷款的赔付减去追偿收回；净收益：期内全部资金流入减流出（利息、费用、保费、补贴、补偿、追偿、注资等）。",
        "Losses: paid on defaults less recovered. Net result: every flow in and out over the horizon (interest, fees, "
        "premiums, subsidies, compensation, recoveries, pool funding)."));
  /* the budget view of each government */
  for (int i = 0; i < m->nparties; i++) {
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    const ps_party_result *p = &r->parties[i];
    ps_strbuf_puts(&c->b, "<table>\n<caption>");
    html_esc(&c->b, m->parties[i].name && *m->parties[i].name ? m->parties[i].name : m->parties[i].id);
    ps_strbuf_printf(&c->b, "%s</caption>\n", TR(c, "：各财政年度支出", ": outlay by fiscal year"));
    stats_head(c, TR(c, "财政年度支出", "outlay in fiscal year"));
    ps_strbuf_puts(&c->b, "<tbody>\n");
    for (int y = 0; y < p->nyears; y++) {
      char yr[32];
      snprintf(yr, sizeof yr, TR(c, "第%d年", "year %d"), y + 1);
      stats_row(c, yr, &p->outlay_by_year[y]);
    }
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
  }
}

static void dist_text(const html_ctx *c, const ps_dist *d, int money_units, char *buf, size_t n) {
  char a[64], b2[64];
  if (money_units) {
    html_money_x(d->mean, 1, a, sizeof a);
    html_money_x(d->sd, 1, b2, sizeof b2);
  } else {
    snprintf(a, sizeof a, "%.3g", d->mean);
    snprintf(b2, sizeof b2, "%.3g", d->sd);
  }
  switch (d->kind) {
  case PS_DIST_FIXED:
    if (money_units) html_money_x(d->mean, 1, a, sizeof a);
    snprintf(buf, n, "%s", a);
    break;
  case PS_DIST_LOGNORMAL: snprintf(buf, n, TR(c, "对数正态，均值 %s，标准差 %s", "lognormal, mean %s, sd %s"), a, b2); break;
  case PS_DIST_BETA: snprintf(buf, n, TR(c, "Beta分布，均值 %s，标准差 %s", "beta, mean %s, sd %s"), a, b2); break;
  default: snprintf(buf, n, TR(c, "贷款明细 %ld 笔，均值 %s", "loan tape, %ld loans, mean %s"), d->nitems, a);
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
  if (sub->of_principal > 0) ps_strbuf_printf(&c->b, TR(c, " 按本金 %s/年", " %s a year on principal"), html_rate_text(sub->of_principal, a, sizeof a));
  else if (c->zh) ps_strbuf_printf(&c->b, " %s的 %s", of, html_rate_text(sub->share, a, sizeof a));
  else ps_strbuf_printf(&c->b, " %s of %s", html_rate_text(sub->share, a, sizeof a), of);
  if (sub->cap_per_loan > 0)
    ps_strbuf_printf(&c->b, TR(c, "，每笔每年至多 %s", ", at most %s a loan a year"),
       html_money_x((double)sub->cap_per_loan / PS_FEN_PER_YUAN, 1, a, sizeof a));
  if (sub->after_repayment) ps_strbuf_puts(&c->b, TR(c, "，到期足额还款后支付", ", paid once the loan is repaid in full"));
}

static void assumptions_section(html_ctx *c) {
  const ps_model *m = c->m;
  char a[128], b2[64], d[64];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", TR(c, "情景假设", "Assumptions of the scenario"));
  ps_strbuf_printf(&c->b, "<p>%s", TR(c, "期数：", "Horizon: "));
  ps_strbuf_puts(&c->b, html_span(c, m->periods, b2, sizeof b2));
  ps_strbuf_printf(&c->b, TR(c, "；系统因子每期持续性（AR(1)）%.3g；%s。</p>\n", "; persistence of the systemic factor (AR(1) per period) %.3g; %s.</p>\n"),
     m->cycle, m->copula == PS_COPULA_T ? TR(c, "t Copula", "t copula") : TR(c, "高斯Copula", "Gaussian copula"));
  /* pools */
  ps_strbuf_puts(&c->b, "<table>\n");
  ps_strbuf_printf(&c->b, "<caption>%s</caption>\n<thead><tr>", TR(c, "资金池", "Pools"));
  html_th(c, TR(c, "资金池", "pool"));
  html_th(c, TR(c, "出资方", "owner"));
  html_th(c, TR(c, "初始余额", "initial balance"));
  html_th(c, TR(c, "年收益率", "annual yield"));
  html_th(c, TR(c, "计划补充合计", "scheduled top-ups"));
  html_th(c, TR(c, "规则", "rules"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
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
    if (p->refill_last_year) strncat(rules, TR(c, "每年补足上年净支出；", "refills last year's net outlay; "), sizeof rules - strlen(rules) - 1);
    if (p->refill_below > 0) {
      snprintf(a, sizeof a, TR(c, "低于在保余额 %s 时补足；", "tops up to %s of covered loans when below; "),
               html_rate_text(p->refill_below, b2, sizeof b2));
      strncat(rules, a, sizeof rules - strlen(rules) - 1);
    }
    if (p->wind_down) strncat(rules, TR(c, "期末余额返还出资方", "balance returned at the end"), sizeof rules - strlen(rules) - 1);
    html_td(c, *rules ? rules : "—");
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  /* segments */
  ps_strbuf_puts(&c->b, "<table>\n");
  ps_strbuf_printf(&c->b, "<caption>%s</caption>\n<thead><tr>", TR(c, "贷款分组", "Segments (loans)"));
  html_th(c, TR(c, "分组", "segment"));
  html_th(c, TR(c, "每期新增笔数", "new loans per period"));
  html_th(c, TR(c, "单笔金额", "loan size"));
  html_th(c, TR(c, "期限", "tenor"));
  html_th(c, TR(c, "利率", "rate"));
  html_th(c, TR(c, "年违约率 PD", "annual PD"));
  html_th(c, TR(c, "违约损失率 LGD", "LGD"));
  html_th(c, TR(c, "相关性 ρ", "ρ (correlation)"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->nsegments; i++) {
    const ps_segment *s = &m->segments[i];
    char buf[256];
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    html_esc(&c->b, s->id);
    ps_strbuf_puts(&c->b, "</code>");
    if (s->name && *s->name && strcmp(s->name, s->id) != 0) {
      ps_strbuf_puts(&c->b, "<br>");
      html_esc(&c->b, s->name);
    }
    ps_strbuf_puts(&c->b, "</td>");
    snprintf(buf, sizeof buf, TR(c, "%d（第%d–%d期）", "%d (periods %d–%d)"), s->new_loans, s->first, s->last);
    html_tdn(c, buf);
    dist_text(c, &s->loan, 1, buf, sizeof buf);
    html_td(c, buf);
    snprintf(buf, sizeof buf, "%s%s", html_span(c, s->tenor, a, sizeof a),
             s->amortizing ? TR(c, "，分期还款", ", amortizing") : TR(c, "，到期还本", ", bullet"));
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
      snprintf(a, sizeof a, "%s", TR(c, "（按贷龄年份）", " (by year of age)"));
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
      snprintf(buf, sizeof buf, TR(c, "%.3g；行业 %s %.3g", "%.3g; sector %s %.3g"), s->rho, m->sectors[s->sector].id, s->rho_sector);
    else snprintf(buf, sizeof buf, "%.3g", s->rho);
    html_tdn(c, buf);
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  /* programmes */
  ps_strbuf_puts(&c->b, "<table>\n");
  ps_strbuf_printf(&c->b, "<caption>%s</caption>\n<thead><tr>", TR(c, "业务项目与分担比例", "Programmes and loss shares"));
  html_th(c, TR(c, "项目", "programme"));
  html_th(c, TR(c, "贷款分组", "segments"));
  html_th(c, TR(c, "分担方与比例", "payers and shares"));
  html_th(c, TR(c, "补偿上限", "caps"));
  html_th(c, TR(c, "时滞（期）", "lags (periods)"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme *p = &m->programmes[i];
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    html_esc(&c->b, p->id);
    ps_strbuf_puts(&c->b, "</code><br>");
    ps_strbuf_printf(&c->b, "%s ", TR(c, "银行", "bank"));
    html_esc(&c->b, party_label(m, p->bank));
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
      if (s->rest) ps_strbuf_puts(&c->b, TR(c, "承担其余部分", "the rest"));
      else if (s->ntiers > 0) {
        ps_strbuf_printf(&c->b, "%s ", TR(c, "分档", "tiered"));
        for (int t = 0; t < s->ntiers; t++) {
          ps_strbuf_printf(&c->b, "%s%s", t ? ", " : "", html_rate_text(s->tiers[t].ratio, a, sizeof a));
          if (s->tiers[t].upto > 0) ps_strbuf_printf(&c->b, " ≤ %s", html_money_x((double)s->tiers[t].upto / PS_FEN_PER_YUAN, 1, b2, sizeof b2));
        }
        for (int t = 0; t < s->nbonus; t++) {
          ps_strbuf_puts(&c->b, "; ");
          html_esc(&c->b, s->bonus[t].flag);
          ps_strbuf_printf(&c->b, " +%s", html_rate_text(s->bonus[t].points, a, sizeof a));
        }
        if (s->ceiling > 0) ps_strbuf_printf(&c->b, TR(c, "，最高 %s", ", at most %s"), html_rate_text(s->ceiling, a, sizeof a));
      } else ps_strbuf_puts(&c->b, html_rate_text(s->share, a, sizeof a));
      if (k == p->first_loss_share && p->first_loss > 0)
        ps_strbuf_printf(&c->b, TR(c, "（首损 %s）", " (first loss up to %s)"), html_money_x((double)p->first_loss / PS_FEN_PER_YUAN, 1, a, sizeof a));
      if (s->cap_per_year > 0)
        ps_strbuf_printf(&c->b, TR(c, "，每年至多 %s", ", at most %s a year"), html_money_x((double)s->cap_per_year / PS_FEN_PER_YUAN, 1, a, sizeof a));
    }
    subsidy_text(c, &p->interest_subsidy, TR(c, "贴息", "interest subsidy"), TR(c, "利息", "interest"));
    subsidy_text(c, &p->fee_subsidy, TR(c, "担保费补贴", "fee subsidy"), TR(c, "担保费", "fees"));
    subsidy_text(c, &p->premium_subsidy, TR(c, "保费补贴", "premium subsidy"), TR(c, "保费", "premiums"));
    if (p->layer.insurer >= 0 && p->layer.insurer < m->nparties) {
      snprintf(d, sizeof d, "%.3g", p->layer.above);
      ps_strbuf_printf(&c->b, "<br>%s ", TR(c, "超赔分层：", "excess-of-loss layer:"));
      html_esc(&c->b, account_name(m, p->layer.payer));
      ps_strbuf_puts(&c->b, TR(c, " 补偿 ", " reimburses "));
      if (!c->zh) ps_strbuf_printf(&c->b, "%s of ", html_rate_text(p->layer.share, a, sizeof a));
      html_esc(&c->b, m->parties[p->layer.insurer].id);
      if (c->zh) ps_strbuf_printf(&c->b, " 年度赔付超过保费 %s 倍部分的 %s", d, html_rate_text(p->layer.share, a, sizeof a));
      else ps_strbuf_printf(&c->b, "'s claims in a year above %s× its premiums", d);
    }
    ps_strbuf_puts(&c->b, "</td><td>");
    int any = 0;
    if (p->cap_per_loan > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", TR(c, "单笔", "per loan"), html_money_x((double)p->cap_per_loan / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_per_year > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", TR(c, "每年", "per year"), html_money_x((double)p->cap_per_year / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_total > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", TR(c, "累计", "in total"), html_money_x((double)p->cap_total / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_rate > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", TR(c, "占入池本金", "of principal enrolled"), html_rate_text(p->cap_rate, a, sizeof a));
    if (p->leverage > 0) {
      snprintf(d, sizeof d, "%.3g", p->leverage);
      ps_strbuf_printf(&c->b, "%s%s %s×", any++ ? "<br>" : "", TR(c, "放大倍数", "leverage"), d);
    }
    if (!any) ps_strbuf_puts(&c->b, "—");
    ps_strbuf_printf(&c->b, "</td><td class=\"num\">%s %d<br>%s %d<br>%s %d</td></tr>\n", TR(c, "认定", "recognition"), p->recognition_lag,
       TR(c, "赔付", "claim"), p->claim_lag, TR(c, "追偿", "recovery"), p->recovery_lag);
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
}

static void audit_section(html_ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<dl class=\"audit\">\n", TR(c, "审计信息", "Audit"));
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>poolsim %s</dd>\n", TR(c, "软件版本", "software"), PS_VERSION);
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", TR(c, "情景名称", "scenario"));
  html_esc(&c->b, m->name);
  ps_strbuf_printf(&c->b, "</dd>\n<dt>%s</dt><dd><code>", TR(c, "情景文件", "scenario file"));
  html_esc(&c->b, m->file);
  ps_strbuf_puts(&c->b, "</code></dd>\n<dt>SHA-256</dt><dd><code>");
  html_esc(&c->b, m->sha256);
  ps_strbuf_puts(&c->b, "</code></dd>\n");
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", TR(c, "数据文件", "data files"));
  if (m->ndata == 0) ps_strbuf_puts(&c->b, TR(c, "无", "none"));
  for (int i = 0; i < m->ndata; i++) {
    if (i) ps_strbuf_puts(&c->b, "<br>");
    ps_strbuf_puts(&c->b, "<code>");
    html_esc(&c->b, m->data_files[i]);
    ps_strbuf_puts(&c->b, "</code> sha256 <code>");
    html_esc(&c->b, m->data_sha256[i]);
    ps_strbuf_puts(&c->b, "</code>");
  }
  ps_strbuf_printf(&c->b, "</dd>\n<dt>%s</dt><dd>", TR(c, "参数覆盖（--set）", "overrides (--set)"));
  if (m->nsets == 0) ps_strbuf_puts(&c->b, TR(c, "无", "none"));
  for (int i = 0; i < m->nsets; i++) {
    if (i) ps_strbuf_puts(&c->b, "<br>");
    ps_strbuf_puts(&c->b, "<code>");
    html_esc(&c->b, m->set_keys[i]);
    ps_strbuf_puts(&c->b, "=");
    html_esc(&c->b, m->set_values[i]);
    ps_strbuf_puts(&c->b, "</code>");
  }
  ps_strbuf_puts(&c->b, "</dd>\n");
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%ld</dd>\n", TR(c, "模拟路径数", "paths"), r->paths);
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%llu</dd>\n", TR(c, "随机种子", "seed"), r->seed);
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%s</dd>\n", TR(c, "规模测算方法", "sizing method"),
     r->searched ? TR(c, "逐路径二分搜索", "bisection per path (search)")
     : m->balance_feedback ? TR(c, "逐路径所需余额（含随余额变化的规则，仅在本次初始余额处精确）",
                                "running maximum (rules react to the balance: exact only at this run's initial balance)")
                           : TR(c, "逐路径所需余额（累计净流出的最大值）", "running maximum of the discounted net outflow"));
  ps_strbuf_puts(&c->b, "</dl>\n");
  ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "本报告所有数字均为蒙特卡洛模拟估计，带有抽样误差；概率和规模给出95%置信区间。相同情景、参数覆盖、路径数和随机种子下结果可逐字节复现，与线程数无关。",
        "All figures are Monte Carlo estimates and carry sampling error; probabilities and sizes are given with 95% "
        "confidence intervals. The same scenario, overrides, paths and seed reproduce this page byte for byte, whatever "
        "the number of threads."));
}

char *ps_report_html(const ps_results *r, const ps_report_options *o) {
  static const ps_report_options none = {0};
  if (!r || !r->m) return NULL;
  html_ctx c = {.r = r, .m = r->m, .o = o ? o : &none};
  const ps_model *m = c.m;
  c.zh = c.o->lang ? strcmp(c.o->lang, "zh") == 0 : html_has_cjk(m->name);
  c.alphas = c.o->alphas ? c.o->alphas : ps_alphas;
  c.nalphas = c.o->alphas ? c.o->nalphas : PS_NALPHAS;
  ps_strbuf *b = &c.b;

  ps_strbuf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", c.zh ? "zh-CN" : "en");
  ps_strbuf_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  ps_strbuf_printf(b, "<meta name=\"generator\" content=\"poolsim %s\">\n<title>", PS_VERSION);
  html_esc(b, m->name);
  ps_strbuf_printf(b, " — %s</title>\n<style>\n%s</style>\n</head>\n<body>\n", TR(&c, "风险补偿资金规模测算", "risk compensation pool sizing"), html_css);

  ps_strbuf_puts(b, "<header>\n<h1>");
  html_esc(b, m->name);
  ps_strbuf_puts(b, "</h1>\n<p class=\"sub\">");
  {
    int per_year = ps_periods_per_year(m->step), years = (m->periods + per_year - 1) / per_year;
    char sp[48];
    ps_strbuf_printf(b, TR(&c, "贷款风险补偿资金规模测算 · %s（%d 个财政年度%s）· %ld 条模拟路径 · 随机种子 %llu · poolsim %s",
             "Loan risk compensation pool sizing · %s (%d fiscal year%s) · %ld simulated paths · seed %llu · poolsim %s"),
       html_span(&c, m->periods, sp, sizeof sp), years, c.zh || years == 1 ? "" : "s", r->paths, r->seed, PS_VERSION);
  }
  ps_strbuf_puts(b, "</p>\n");
  if (r->stop_signal)
    ps_strbuf_printf(b, TR(&c, "<p class=\"note-box\"><strong>部分运行</strong>：在要求的 %2$ld 条路径中完成 %1$ld 条后被中断；所有数字均基于已完成的路径。</p>\n",
                           "<p class=\"note-box\"><strong>Partial run</strong>: interrupted after %ld of the %ld paths asked for; every figure uses those paths.</p>\n"),
                     r->paths, r->paths_requested);
  if (!c.zh)
    ps_strbuf_puts(b, "<p class=\"note-box\">Amounts in 万元 (10,000 yuan) and 亿元 (100 million yuan). Probabilities with 95% "
           "confidence intervals.</p>\n");
  else ps_strbuf_puts(b, "<p class=\"note-box\">金额单位为万元、亿元；概率附95%置信区间。</p>\n");
  ps_strbuf_puts(b, "</header>\n");

  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(&c, "结论", "The answer"));
  answer(&c);

  html_run_charts(&c);
  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(&c, "资金池", "Pools"));
  pools_section(&c);
  sizing_section(&c);
  programmes_section(&c);
  parties_section(&c);
  assumptions_section(&c);
  audit_section(&c);
  ps_strbuf_puts(b, "</body>\n</html>\n");

  if (b->oom) {
    free(b->s);
    return NULL;
  }
  return b->s;
}
