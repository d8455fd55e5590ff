/* report_md.c — the run as a Markdown document for a budget committee's report:
** the tables of the terminal summary (pools, sizing, programmes, parties with
** the government's outlay by fiscal year, overrides) as pipe tables, amounts in
** 万元 / 亿元, headings in Chinese or English.
**
** The document depends only on the scenario, the overrides, the paths and the
** seed: it carries neither the run time nor the thread count, so it is the same
** bytes whatever --threads is and however often it is run. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report/format.h"
#include "report/report.h"
#include "stats/sizing.h"
#include "report/strbuf.h"

/* ---- a growing string ----------------------------------------------------- */

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

/* ---- labels -------------------------------------------------------------------- */

typedef struct {
  const char *audit_file, *audit_paths, *audit_seed, *audit_data, *units;
  const char *partial; /* printf: paths finished, paths asked for */
  const char *step[3];
  const char *pool, *owner, *initial, *item, *mean_se, *claims, *paid, *shortfall, *recovered, *net_outlay,
      *required, *unsettled, *topups, *returned, *depletion, *ci, *fiscal_year, *depleted_by, *year_n;
  const char *sizing, *sizing_of, *target, *needed, *at_balance, *p_depletion, *meets, *misses, *too_close,
      *feedback;
  const char *programmes, *programme, *bank, *originated, *defaults_mean, *defaults_p99, *exposure, *programme_note,
      *interventions, *paused, *stopped, *refused, *capped, *declined;
  const char *parties, *party, *kind, *measure, *losses, *net_result, *parties_note;
  const char *outlay, *outlay_note, *mean, *mean_h, *p95;
  const char *indicators, *indicator, *npl, *npl_breach, *payout, *capital_breach, *loss_ratio, *event,
      *probability;
  const char *overrides, *key, *value, *none;
  const char *kinds[5];
} labels;

static const labels en = {
    .audit_file = "scenario",
    .audit_paths = "paths",
    .audit_seed = "seed",
    .partial = "\n> **PARTIAL RUN**: interrupted after %ld of the %ld paths asked for; every figure uses those paths.\n",
    .audit_data = "Loan tape",
    .units = "Amounts in 万元 (10⁴ yuan) and 亿元 (10⁸ yuan). Estimates are means over the simulated paths "
             "± their Monte Carlo standard error; p95 and p99 are percentiles across paths, ES99 the mean of the "
             "worst 1% of paths. Intervals are 95% confidence intervals.",
    .step = {"months", "quarters", "years"},
    .pool = "Pool",
    .owner = "Owner",
    .initial = "initial balance",
    .item = "Item",
    .mean_se = "Mean ± s.e.",
    .claims = "Claims",
    .paid = "Paid",
    .shortfall = "Shortfall",
    .recovered = "Recovered",
    .net_outlay = "Net outlay",
    .required = "Required initial balance",
    .unsettled = "Claims due after the horizon",
    .topups = "Top-ups",
    .returned = "Returned at the horizon",
    .depletion = "Probability of depletion within the horizon",
    .ci = "95% CI",
    .fiscal_year = "Fiscal year",
    .depleted_by = "Depleted by the end of the year",
    .year_n = "Year %d",
    .sizing = "Pool sizing",
    .sizing_of = "Smallest initial balance of pool %s with a probability of depletion at most the target "
                 "(%d %s, %ld paths).",
    .target = "Target",
    .needed = "Initial balance needed",
    .at_balance = "Initial balance",
    .p_depletion = "P(depletion)",
    .meets = "meets",
    .misses = "misses",
    .too_close = "too close to call",
    .feedback = "Note: rules in this scenario may react to the pool's balance (on_period, a refill or a "
                "pool_floor trigger); the sizing above assumes they do not. Check it by running at that size.",
    .programmes = "Programmes",
    .programme = "Programme",
    .bank = "Bank",
    .originated = "Loans originated",
    .defaults_mean = "Defaults (mean ± s.e.)",
    .defaults_p99 = "Defaults p99",
    .exposure = "Defaulted exposure (mean)",
    .programme_note = "Numbers of loans over the horizon.",
    .interventions = "Pauses, caps and declined loans (means over paths)",
    .paused = "Periods paused",
    .stopped = "Periods lending stopped",
    .refused = "Claims refused",
    .capped = "Cut by caps",
    .declined = "Loans declined",
    .parties = "Parties",
    .party = "Party",
    .kind = "Kind",
    .measure = "Measure",
    .losses = "Losses",
    .net_result = "Net result",
    .parties_note = "Losses: paid on defaults less recovered. Net result: every flow in and out over the horizon "
                    "(negative: the party pays more than it receives).",
    .outlay = "Government outlay by fiscal year",
    .outlay_note = "What each government pays out in the fiscal year (pool funding, top-ups, subsidies), less "
                   "what it receives.",
    .mean = "mean",
    .mean_h = "Mean",
    .p95 = "p95",
    .indicators = "Bank, guarantor and insurer indicators",
    .indicator = "Indicator",
    .npl = "Highest NPL ratio while lending (tolerance %s)",
    .npl_breach = "NPL ratio above tolerance",
    .payout = "Payout rate",
    .capital_breach = "Capital exhausted",
    .loss_ratio = "Loss ratio",
    .event = "Event",
    .probability = "Probability",
    .overrides = "Overrides applied",
    .key = "Key",
    .value = "Value",
    .none = "None: the scenario as written.",
    .kinds = {"government", "bank", "guarantor", "reguarantor", "insurer"},
};

static const labels zh = {
    .audit_file = "情景文件",
    .audit_paths = "模拟路径",
    .audit_seed = "随机种子",
    .partial = "\n> **部分运行**：在要求的 %2$ld 条路径中完成 %1$ld 条后被中断；所有数字均基于已完成的路径。\n",
    .audit_data = "贷款明细",
    .units = "金额单位：万元、亿元。估计值为各模拟路径的均值 ± 蒙特卡洛标准误；p95、p99 为各路径的分位数，ES99 "
             "为最差 1% 路径的均值。区间为 95% 置信区间。",
    .step = {"个月", "个季度", "年"},
    .pool = "资金池",
    .owner = "出资方",
    .initial = "初始规模",
    .item = "项目",
    .mean_se = "均值 ± 标准误",
    .claims = "代偿申请",
    .paid = "已代偿",
    .shortfall = "代偿缺口",
    .recovered = "追偿回收",
    .net_outlay = "净支出",
    .required = "所需初始规模",
    .unsettled = "期末后到期的代偿",
    .topups = "补充资金",
    .returned = "期末返还",
    .depletion = "期内资金池耗尽概率",
    .ci = "95% 置信区间",
    .fiscal_year = "财政年度",
    .depleted_by = "截至年末耗尽概率",
    .year_n = "第%d年",
    .sizing = "资金池规模测算",
    .sizing_of = "资金池 %s 在耗尽概率不超过目标值时所需的最小初始规模（%d %s，%ld 条路径）。",
    .target = "目标",
    .needed = "所需初始规模",
    .at_balance = "初始规模",
    .p_depletion = "耗尽概率",
    .meets = "达标",
    .misses = "不达标",
    .too_close = "难以判定",
    .feedback = "注：本情景的规则可能随资金池余额变化（on_period、补足规则或 pool_floor 触发条件），"
                "上述测算假定不受其影响，请按该规模重新运行核验。",
    .programmes = "业务项目",
    .programme = "项目",
    .bank = "合作银行",
    .originated = "发放笔数",
    .defaults_mean = "违约笔数（均值 ± 标准误）",
    .defaults_p99 = "违约笔数 p99",
    .exposure = "违约敞口（均值）",
    .programme_note = "期内贷款笔数。",
    .interventions = "暂停、限额与未发放贷款（各路径均值）",
    .paused = "暂停代偿期数",
    .stopped = "停止放贷期数",
    .refused = "拒绝代偿金额",
    .capped = "限额扣减金额",
    .declined = "未发放贷款笔数",
    .parties = "各方损益",
    .party = "参与方",
    .kind = "类型",
    .measure = "指标",
    .losses = "损失",
    .net_result = "净收益",
    .parties_note = "损失：代偿支出减追偿回收。净收益：期内全部资金流入减流出（负数表示支出大于收入）。",
    .outlay = "财政支出（按财政年度）",
    .outlay_note = "各级政府每个财政年度的净支出（资金池出资、补充资金、贴息补贴等，扣除收入）。",
    .mean = "均值",
    .mean_h = "均值",
    .p95 = "p95",
    .indicators = "银行、担保与保险指标",
    .indicator = "指标",
    .npl = "放贷期间最高不良率（容忍度 %s）",
    .npl_breach = "不良率超过容忍度",
    .payout = "代偿率",
    .capital_breach = "资本耗尽",
    .loss_ratio = "赔付率",
    .event = "风险事件",
    .probability = "概率",
    .overrides = "参数覆盖",
    .key = "参数",
    .value = "取值",
    .none = "无：按情景文件原样运行。",
    .kinds = {"政府", "银行", "担保机构", "再担保机构", "保险机构"},
};

/* does UTF-8 text hold a CJK character (radicals, kana, ideographs)? */
static int has_cjk(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    unsigned cp = *p;
    int len = cp < 0x80 ? 1 : cp < 0xe0 ? 2 : cp < 0xf0 ? 3 : 4;
    for (int i = 1; i < len; i++)
      if ((p[i] & 0xc0) != 0x80) len = i; /* malformed: skip what we have */
    if (len == 3) cp = (cp & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    else if (len == 4) cp = (cp & 0x07) << 18 | (p[1] & 0x3f) << 12 | (p[2] & 0x3f) << 6 | (p[3] & 0x3f);
    if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)) return 1;
    p += len;
  }
  return 0;
}

static const labels *choose_labels(const ps_report_options *o, const ps_model *m) {
  if (o->lang && strcmp(o->lang, "en") == 0) return &en;
  if (o->lang && strcmp(o->lang, "zh") == 0) return &zh;
  return has_cjk(m->name) ? &zh : &en;
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

static void stats_header(ps_strbuf *b, const labels *L, const char *first) {
  ps_strbuf_printf(b, "| %s | %s | p95 | p99 | ES99 |\n|---|---:|---:|---:|---:|\n", first, L->mean_se);
}

static void stats_row(ps_strbuf *b, const char *label, const ps_stats *s) {
  char a[32], c[32], d[32], e[32], f[32];
  ps_strbuf_printf(b, "| %s | %s ± %s | %s | %s | %s |\n", label, ps_money(s->mean, a, sizeof a), ps_money(s->se, c, sizeof c),
      ps_money(s->p95, d, sizeof d), ps_money(s->p99, e, sizeof e), ps_money(s->es99, f, sizeof f));
}

static void pool_section(ps_strbuf *b, const ps_results *r, const labels *L, int i) {
  const ps_model *m = r->m;
  const ps_pool_result *p = &r->pools[i];
  char a[32], c[32], d[32];
  ps_strbuf_printf(b, "## %s ", L->pool);
  text(b, m->pools[i].id);
  ps_strbuf_printf(b, (L == &zh ? "\n\n%s：" : "\n\n%s: "), L->owner);
  party_label(b, &m->parties[m->pools[i].owner]);
  ps_strbuf_printf(b, (L == &zh ? "；%s %s。\n\n" : "; %s %s.\n\n"), L->initial, ps_money(p->initial, a, sizeof a));
  stats_header(b, L, L->item);
  stats_row(b, L->claims, &p->claims);
  stats_row(b, L->paid, &p->paid);
  stats_row(b, L->shortfall, &p->shortfall);
  stats_row(b, L->recovered, &p->recovered);
  stats_row(b, L->net_outlay, &p->net_outlay);
  stats_row(b, L->required, &p->required_initial);
  if (p->unsettled.max > 0) stats_row(b, L->unsettled, &p->unsettled);
  if (p->topups.max > 0) stats_row(b, L->topups, &p->topups);
  if (p->returned.max > 0) stats_row(b, L->returned, &p->returned);
  ps_strbuf_printf(b, (L == &zh ? "\n%s：**%s**（%s %s – %s）。\n\n" : "\n%s: **%s** (%s %s – %s).\n\n"), L->depletion,
      ps_percent(p->depletion.value, a, sizeof a), L->ci, ps_percent(p->depletion.lo, c, sizeof c),
      ps_percent(p->depletion.hi, d, sizeof d));
  ps_strbuf_printf(b, "| %s | %s | %s |\n|---|---:|---:|\n", L->fiscal_year, L->depleted_by, L->ci);
  for (int y = 0; y < p->nyears; y++) {
    const ps_estimate *e = &p->depletion_by_year[y];
    char year[32];
    snprintf(year, sizeof year, L->year_n, y + 1);
    ps_strbuf_printf(b, "| %s | %s | %s – %s |\n", year, ps_percent(e->value, a, sizeof a), ps_percent(e->lo, c, sizeof c),
        ps_percent(e->hi, d, sizeof d));
  }
  ps_strbuf_puts(b, "\n");
}

static void target_label(char *buf, size_t n, const labels *L, double alpha) {
  snprintf(buf, n, "%s ≤ %g%%", L->p_depletion, 100 * alpha);
}

static void sizing_section(ps_strbuf *b, const ps_results *r, const ps_report_options *o, const labels *L) {
  const ps_model *m = r->m;
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int n = o->alphas ? o->nalphas : PS_NALPHAS;
  ps_strbuf_printf(b, "## %s\n\n", L->sizing);
  for (int i = 0; i < m->npools; i++) {
    if (o->pool && strcmp(o->pool, m->pools[i].id) != 0) continue;
    const ps_pool_result *p = &r->pools[i];
    ps_strbuf id = {0};
    text(&id, m->pools[i].id);
    if (id.oom) b->oom = 1;
    ps_strbuf_printf(b, L->sizing_of, id.s ? id.s : "", m->periods, L->step[m->step], r->paths);
    free(id.s);
    ps_strbuf_printf(b, "\n\n| %s | %s | %s |\n|---|---:|---:|\n", L->target, L->needed, L->ci);
    for (int k = 0; k < n; k++) {
      ps_estimate e = ps_sizing_initial(p->sorted_required, (size_t)r->paths, alphas[k]);
      char t[64], a[32], c[32], d[32];
      target_label(t, sizeof t, L, alphas[k]);
      ps_strbuf_printf(b, "| %s | **%s** | %s – %s |\n", t, ps_money(e.value, a, sizeof a), ps_money(e.lo, c, sizeof c),
          ps_money(e.hi, d, sizeof d));
    }
    if (o->nat > 0) {
      ps_strbuf_printf(b, "\n| %s | %s | %s |", L->at_balance, L->p_depletion, L->ci);
      for (int q = 0; q < n; q++) {
        char t[64];
        target_label(t, sizeof t, L, alphas[q]);
        ps_strbuf_printf(b, " %s |", t);
      }
      ps_strbuf_puts(b, "\n|---:|---:|---:|");
      for (int q = 0; q < n; q++) ps_strbuf_puts(b, ":---:|");
      ps_strbuf_puts(b, "\n");
      for (int k = 0; k < o->nat; k++) {
        ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, o->at[k]);
        char a[32], c[32], d[32], f[32];
        ps_strbuf_printf(b, "| %s | %s | %s – %s |", ps_money(o->at[k], a, sizeof a), ps_percent(e.value, c, sizeof c),
            ps_percent(e.lo, d, sizeof d), ps_percent(e.hi, f, sizeof f));
        for (int q = 0; q < n; q++)
          ps_strbuf_printf(b, " %s |", e.hi <= alphas[q] ? L->meets : e.lo > alphas[q] ? L->misses : L->too_close);
        ps_strbuf_puts(b, "\n");
      }
    }
    ps_strbuf_puts(b, "\n");
    if (m->balance_feedback) ps_strbuf_printf(b, "%s\n\n", L->feedback);
  }
}

static void programmes_section(ps_strbuf *b, const ps_results *r, const labels *L) {
  const ps_model *m = r->m;
  if (m->nprogrammes == 0) return;
  ps_strbuf_printf(b, "## %s\n\n%s\n\n", L->programmes, L->programme_note);
  ps_strbuf_printf(b, "| %s | %s | %s | %s | %s | %s |\n|---|---|---:|---:|---:|---:|\n", L->programme, L->bank, L->originated,
      L->defaults_mean, L->defaults_p99, L->exposure);
  int any = 0;
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char a[32];
    ps_strbuf_puts(b, "| ");
    text(b, m->programmes[i].id);
    ps_strbuf_puts(b, " | ");
    party_label(b, &m->parties[m->programmes[i].bank]);
    ps_strbuf_printf(b, " | %.0f | %.1f ± %.1f | %.0f | %s |\n", p->originated.mean, p->defaults.mean, p->defaults.se,
        p->defaults.p99, ps_money(p->defaulted_exposure.mean, a, sizeof a));
    any |= p->paused.max > 0 || p->stopped.max > 0 || p->capped.max > 0 || p->refused.max > 0 || p->declined.max > 0;
  }
  ps_strbuf_puts(b, "\n");
  if (!any) return;
  ps_strbuf_printf(b, "### %s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|---:|\n", L->interventions,
      L->programme, L->paused, L->stopped, L->refused, L->capped, L->declined);
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char a[32], c[32];
    ps_strbuf_puts(b, "| ");
    text(b, m->programmes[i].id);
    ps_strbuf_printf(b, " | %.1f | %.1f | %s | %s | %.1f |\n", p->paused.mean, p->stopped.mean, ps_money(p->refused.mean, a, sizeof a),
        ps_money(p->capped.mean, c, sizeof c), p->declined.mean);
  }
  ps_strbuf_puts(b, "\n");
}

static void parties_section(ps_strbuf *b, const ps_results *r, const labels *L) {
  const ps_model *m = r->m;
  if (m->nparties == 0) return;
  ps_strbuf_printf(b, "## %s\n\n%s\n\n", L->parties, L->parties_note);
  ps_strbuf_printf(b, "| %s | %s | %s | %s | p95 | p99 | ES99 |\n|---|---|---|---:|---:|---:|---:|\n", L->party, L->kind,
      L->measure, L->mean_se);
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    const ps_party *party = &m->parties[i];
    for (int row = 0; row < 2; row++) {
      const ps_stats *s = row == 0 ? &p->losses : &p->net_result;
      if (row == 0 && s->max == 0 && s->min == 0) continue; /* no losses at all: as the terminal summary */
      char a[32], c[32], d[32], e[32], f[32];
      ps_strbuf_puts(b, "| ");
      party_label(b, party);
      ps_strbuf_printf(b, " | %s | %s | %s ± %s | %s | %s | %s |\n", L->kinds[party->kind], row == 0 ? L->losses : L->net_result,
          ps_money(s->mean, a, sizeof a), ps_money(s->se, c, sizeof c), ps_money(s->p95, d, sizeof d),
          ps_money(s->p99, e, sizeof e), ps_money(s->es99, f, sizeof f));
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
    ps_strbuf_printf(b, "### %s\n\n%s\n\n| %s |", L->outlay, L->outlay_note, L->fiscal_year);
    for (int i = 0; i < m->nparties; i++) {
      if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
      for (int k = 0; k < 2; k++) {
        ps_strbuf_puts(b, " ");
        party_label(b, &m->parties[i]);
        ps_strbuf_printf(b, " %s |", k == 0 ? L->mean : L->p95);
      }
    }
    ps_strbuf_puts(b, "\n|---|");
    for (int g = 0; g < 2 * ngov; g++) ps_strbuf_puts(b, "---:|");
    ps_strbuf_puts(b, "\n");
    for (int y = 0; y < nyears; y++) {
      char year[32];
      snprintf(year, sizeof year, L->year_n, y + 1);
      ps_strbuf_printf(b, "| %s |", year);
      for (int i = 0; i < m->nparties; i++) {
        if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
        const ps_party_result *p = &r->parties[i];
        char a[32], c[32];
        if (y < p->nyears)
          ps_strbuf_printf(b, " %s | %s |", ps_money(p->outlay_by_year[y].mean, a, sizeof a), ps_money(p->outlay_by_year[y].p95, c, sizeof c));
        else
          ps_strbuf_puts(b, " – | – |");
      }
      ps_strbuf_puts(b, "\n");
    }
    ps_strbuf_puts(b, "\n");
  }

  /* ratios and breaches, where the terminal summary shows them */
  int header = 0;
  for (int i = 0; i < m->nparties; i++) {
    const ps_party *party = &m->parties[i];
    const ps_party_result *p = &r->parties[i];
    int bank = party->kind == PS_PARTY_BANK && party->npl_tolerance > 0;
    if (!bank && party->kind != PS_PARTY_GUARANTOR && party->kind != PS_PARTY_INSURER) continue;
    if (!header) {
      ps_strbuf_printf(b, "### %s\n\n| %s | %s | %s | p95 | %s | %s | %s |\n|---|---|---:|---:|---|---:|---:|\n", L->indicators,
          L->party, L->indicator, L->mean_h, L->event, L->probability, L->ci);
      header = 1;
    }
    char a[32], c[32], d[32], e[32], f[32], name[160];
    const char *what = party->kind == PS_PARTY_BANK ? L->npl : party->kind == PS_PARTY_GUARANTOR ? L->payout : L->loss_ratio;
    snprintf(name, sizeof name, what, ps_percent(party->npl_tolerance, a, sizeof a));
    ps_strbuf_puts(b, "| ");
    party_label(b, party);
    ps_strbuf_printf(b, " | %s | %s | %s |", name, ps_percent(p->ratio.mean, c, sizeof c), ps_percent(p->ratio.p95, d, sizeof d));
    int breach = bank || (party->kind == PS_PARTY_GUARANTOR && party->capital > 0);
    if (breach)
      ps_strbuf_printf(b, " %s | %s | %s – %s |\n", bank ? L->npl_breach : L->capital_breach, ps_percent(p->breached.value, a, sizeof a),
          ps_percent(p->breached.lo, e, sizeof e), ps_percent(p->breached.hi, f, sizeof f));
    else
      ps_strbuf_puts(b, " – | – | – |\n");
  }
  if (header) ps_strbuf_puts(b, "\n");
}

static void overrides_section(ps_strbuf *b, const ps_model *m, const labels *L) {
  ps_strbuf_printf(b, "## %s\n\n", L->overrides);
  if (m->nsets == 0) {
    ps_strbuf_printf(b, "%s\n", L->none);
    return;
  }
  ps_strbuf_printf(b, "| %s | %s |\n|---|---|\n", L->key, L->value);
  for (int i = 0; i < m->nsets; i++) {
    ps_strbuf_puts(b, "| ");
    code(b, m->set_keys[i]);
    ps_strbuf_puts(b, " | ");
    code(b, m->set_values[i]);
    ps_strbuf_puts(b, " |\n");
  }
}

char *ps_report_markdown(const ps_results *r, const ps_report_options *o) {
  static const ps_report_options none = {0};
  if (!o) o = &none;
  const ps_model *m = r->m;
  const labels *L = choose_labels(o, m);
  ps_strbuf b = {0};

  ps_strbuf_puts(&b, "# ");
  text(&b, m->name);
  /* the audit line: what reproduces these numbers, and nothing that varies between runs */
  ps_strbuf_printf(&b, "\n\npoolsim %s · %s ", PS_VERSION, L->audit_file);
  code(&b, m->file);
  ps_strbuf_puts(&b, " · sha256 ");
  code(&b, m->sha256);
  ps_strbuf_printf(&b, " · %d %s · %s %ld · %s %llu\n", m->periods, L->step[m->step], L->audit_paths, r->paths, L->audit_seed,
      r->seed);
  if (r->stop_signal) ps_strbuf_printf(&b, L->partial, r->paths, r->paths_requested);
  for (int i = 0; i < m->ndata; i++) {
    ps_strbuf_printf(&b, "%s%s ", i == 0 ? "\n" : "", L->audit_data);
    code(&b, m->data_files[i]);
    ps_strbuf_puts(&b, " · sha256 ");
    code(&b, m->data_sha256[i]);
    ps_strbuf_puts(&b, i + 1 < m->ndata ? "  \n" : "\n");
  }
  ps_strbuf_printf(&b, "\n%s\n\n", L->units);

  for (int i = 0; i < m->npools; i++) pool_section(&b, r, L, i);
  sizing_section(&b, r, o, L);
  programmes_section(&b, r, L);
  parties_section(&b, r, L);
  overrides_section(&b, m, L);

  if (b.oom || !b.s) {
    free(b.s);
    return NULL;
  }
  return b.s;
}
