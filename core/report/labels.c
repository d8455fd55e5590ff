/* labels.c — the table of labels (labels.h): each row the English and the
** Chinese text. Keep the two languages' printf arguments the same. */
#include "report/labels.h"

#include <string.h>

static const char *const table[PS_NLABELS][2] = {
    [PS_L_MONTH] = {"month", "月"},
    [PS_L_QUARTER] = {"quarter", "季度"},
    [PS_L_YEAR] = {"year", "年"},
    [PS_L_MONTHS] = {"months", "个月"},
    [PS_L_QUARTERS] = {"quarters", "个季度"},
    [PS_L_YEARS] = {"years", "年"},
    [PS_L_KIND_GOVERNMENT] = {"government", "政府"},
    [PS_L_KIND_BANK] = {"bank", "银行"},
    [PS_L_KIND_GUARANTOR] = {"guarantor", "担保机构"},
    [PS_L_KIND_REGUARANTOR] = {"reguarantor", "再担保机构"},
    [PS_L_KIND_INSURER] = {"insurer", "保险机构"},
    [PS_L_BUDGET_POOL_FUNDING] = {"pool funding", "资金池出资"},
    [PS_L_BUDGET_COMPENSATION] = {"compensation", "风险补偿"},
    [PS_L_BUDGET_INTEREST_SUBSIDY] = {"interest subsidy", "贴息"},
    [PS_L_BUDGET_FEE_SUBSIDY] = {"fee subsidy", "担保费补贴"},
    [PS_L_BUDGET_PREMIUM_SUBSIDY] = {"premium subsidy", "保费补贴"},
    [PS_L_MD_AUDIT_FILE] = {"scenario", "情景文件"},
    [PS_L_MD_AUDIT_PATHS] = {"paths", "模拟路径"},
    [PS_L_MD_AUDIT_SEED] = {"seed", "随机种子"},
    [PS_L_MD_PARTIAL] = {"\n> **PARTIAL RUN**: interrupted after %ld of the %ld paths asked for; every figure uses those paths.\n",
        "\n> **部分运行**：在要求的 %2$ld 条路径中完成 %1$ld 条后被中断；所有数字均基于已完成的路径。\n"},
    [PS_L_MD_AUDIT_DATA] = {"Loan tape", "贷款明细"},
    [PS_L_MD_UNITS] = {"Amounts in 万元 (10⁴ yuan) and 亿元 (10⁸ yuan). Estimates are means over the simulated paths "
        "± their Monte Carlo standard error; p95 and p99 are percentiles across paths, ES99 the mean of the "
        "worst 1% of paths. Intervals are 95% confidence intervals.",
        "金额单位：万元、亿元。估计值为各模拟路径的均值 ± 蒙特卡洛标准误；p95、p99 为各路径的分位数，ES99 "
        "为最差 1% 路径的均值。区间为 95% 置信区间。"},
    [PS_L_MD_POOL] = {"Pool", "资金池"},
    [PS_L_MD_OWNER] = {"Owner", "出资方"},
    [PS_L_MD_INITIAL] = {"initial balance", "初始规模"},
    [PS_L_MD_ITEM] = {"Item", "项目"},
    [PS_L_MD_MEAN_SE] = {"Mean ± s.e.", "均值 ± 标准误"},
    [PS_L_MD_CLAIMS] = {"Claims", "代偿申请"},
    [PS_L_MD_PAID] = {"Paid", "已代偿"},
    [PS_L_MD_SHORTFALL] = {"Shortfall", "代偿缺口"},
    [PS_L_MD_RECOVERED] = {"Recovered", "追偿回收"},
    [PS_L_MD_NET_OUTLAY] = {"Net outlay", "净支出"},
    [PS_L_MD_REQUIRED] = {"Required initial balance", "所需初始规模"},
    [PS_L_MD_UNSETTLED] = {"Claims due after the horizon", "期末后到期的代偿"},
    [PS_L_MD_TOPUPS] = {"Top-ups", "补充资金"},
    [PS_L_MD_RETURNED] = {"Returned at the horizon", "期末返还"},
    [PS_L_MD_DEPLETION] = {"Probability of depletion within the horizon", "期内资金池耗尽概率"},
    [PS_L_MD_CI] = {"95% CI", "95% 置信区间"},
    [PS_L_MD_FISCAL_YEAR] = {"Fiscal year", "财政年度"},
    [PS_L_MD_DEPLETED_BY] = {"Depleted by the end of the year", "截至年末耗尽概率"},
    [PS_L_MD_YEAR_N] = {"Year %d", "第%d年"},
    [PS_L_MD_SIZING] = {"Pool sizing", "资金池规模测算"},
    [PS_L_MD_SIZING_OF] = {"Smallest initial balance of pool %s with a probability of depletion at most the target "
        "(%d %s, %ld paths).",
        "资金池 %s 在耗尽概率不超过目标值时所需的最小初始规模（%d %s，%ld 条路径）。"},
    [PS_L_MD_TARGET] = {"Target", "目标"},
    [PS_L_MD_NEEDED] = {"Initial balance needed", "所需初始规模"},
    [PS_L_MD_AT_BALANCE] = {"Initial balance", "初始规模"},
    [PS_L_MD_P_DEPLETION] = {"P(depletion)", "耗尽概率"},
    [PS_L_MEETS] = {"meets", "达标"},
    [PS_L_MISSES] = {"misses", "不达标"},
    [PS_L_TOO_CLOSE] = {"too close to call", "难以判定"},
    [PS_L_MD_FEEDBACK] = {"Note: rules in this scenario may react to the pool's balance (on_period, a refill or a "
        "pool_floor trigger); the sizing above assumes they do not. Check it by running at that size.",
        "注：本情景的规则可能随资金池余额变化（on_period、补足规则或 pool_floor 触发条件），"
        "上述测算假定不受其影响，请按该规模重新运行核验。"},
    [PS_L_MD_PROGRAMMES] = {"Programmes", "业务项目"},
    [PS_L_MD_PROGRAMME] = {"Programme", "项目"},
    [PS_L_MD_BANK] = {"Bank", "合作银行"},
    [PS_L_MD_ORIGINATED] = {"Loans originated", "发放笔数"},
    [PS_L_MD_DEFAULTS_MEAN] = {"Defaults (mean ± s.e.)", "违约笔数（均值 ± 标准误）"},
    [PS_L_MD_DEFAULTS_P99] = {"Defaults p99", "违约笔数 p99"},
    [PS_L_MD_EXPOSURE] = {"Defaulted exposure (mean)", "违约敞口（均值）"},
    [PS_L_MD_PROGRAMME_NOTE] = {"Numbers of loans over the horizon.", "期内贷款笔数。"},
    [PS_L_MD_INTERVENTIONS] = {"Pauses, caps and declined loans (means over paths)", "暂停、限额与未发放贷款（各路径均值）"},
    [PS_L_MD_PAUSED] = {"Periods paused", "暂停代偿期数"},
    [PS_L_MD_STOPPED] = {"Periods lending stopped", "停止放贷期数"},
    [PS_L_MD_REFUSED] = {"Claims refused", "拒绝代偿金额"},
    [PS_L_MD_CAPPED] = {"Cut by caps", "限额扣减金额"},
    [PS_L_MD_DECLINED] = {"Loans declined", "未发放贷款笔数"},
    [PS_L_MD_PARTIES] = {"Parties", "各方损益"},
    [PS_L_MD_PARTY] = {"Party", "参与方"},
    [PS_L_MD_KIND] = {"Kind", "类型"},
    [PS_L_MD_MEASURE] = {"Measure", "指标"},
    [PS_L_MD_LOSSES] = {"Losses", "损失"},
    [PS_L_MD_NET_RESULT] = {"Net result", "净收益"},
    [PS_L_MD_PARTIES_NOTE] = {"Losses: paid on defaults less recovered. Net result: every flow in and out over the horizon "
        "(negative: the party pays more than it receives).",
        "损失：代偿支出减追偿回收。净收益：期内全部资金流入减流出（负数表示支出大于收入）。"},
    [PS_L_MD_OUTLAY] = {"Government outlay by fiscal year", "财政支出（按财政年度）"},
    [PS_L_MD_OUTLAY_NOTE] = {"What each government pays out in the fiscal year (pool funding, top-ups, subsidies), less "
        "what it receives.",
        "各级政府每个财政年度的净支出（资金池出资、补充资金、贴息补贴等，扣除收入）。"},
    [PS_L_MD_MEAN] = {"mean", "均值"},
    [PS_L_MD_MEAN_H] = {"Mean", "均值"},
    [PS_L_MD_P95] = {"p95", "p95"},
    [PS_L_MD_INDICATORS] = {"Bank, guarantor and insurer indicators", "银行、担保与保险指标"},
    [PS_L_MD_INDICATOR] = {"Indicator", "指标"},
    [PS_L_MD_NPL] = {"Highest NPL ratio while lending (tolerance %s)", "放贷期间最高不良率（容忍度 %s）"},
    [PS_L_MD_NPL_BREACH] = {"NPL ratio above tolerance", "不良率超过容忍度"},
    [PS_L_MD_PAYOUT] = {"Payout rate", "代偿率"},
    [PS_L_MD_CAPITAL_BREACH] = {"Capital exhausted", "资本耗尽"},
    [PS_L_MD_LOSS_RATIO] = {"Loss ratio", "赔付率"},
    [PS_L_MD_EVENT] = {"Event", "风险事件"},
    [PS_L_MD_PROBABILITY] = {"Probability", "概率"},
    [PS_L_MD_OVERRIDES] = {"Overrides applied", "参数覆盖"},
    [PS_L_MD_KEY] = {"Key", "参数"},
    [PS_L_MD_VALUE] = {"Value", "取值"},
    [PS_L_MD_NONE] = {"None: the scenario as written.", "无：按情景文件原样运行。"},
    [PS_L_TXT_SIZING_TITLE] = {"Sizing of pool \'%s\' over %d %s (%ld paths%s):\n",
        "资金池 \'%s\' 的规模测算（%d %s，%ld 条路径%s）：\n"},
    [PS_L_TXT_PARTIAL_MARK] = {", PARTIAL RUN: interrupted", "，部分运行：已中断"},
    [PS_L_TXT_TARGET_COL] = {"target", "目标"},
    [PS_L_TXT_NEEDED_COL] = {"initial needed", "所需初始规模"},
    [PS_L_TXT_CI_COL] = {"95% CI", "95% 置信区间"},
    [PS_L_TXT_TARGET_AT_MOST] = {"P(depletion) <= %g%%", "耗尽概率 ≤ %g%%"},
    [PS_L_TXT_WITH_BALANCE] = {"  with %s: P(depletion) = ", "  初始规模 %s 时耗尽概率 = "},
    [PS_L_TXT_PROB_CI] = {"%s%s  (95%% CI %s – %s)\n", "%s%s（95%% 置信区间 %s – %s）\n"},
    [PS_L_TXT_VERDICT] = {" %s %g%%", " 目标 %2$g%%：%1$s"},
    [PS_L_TXT_TOO_CLOSE_AT] = {"too close to call at", "难以判定"},
    [PS_L_TXT_LIST_SEP] = {";", "；"},
    [PS_L_TXT_SEARCHED] = {"  (rules here react to the pool\'s balance: each path\'s required balance was found by bisection)\n",
        "  （本情景的规则随资金池余额变化：各路径所需初始规模由二分搜索求得）\n"},
    [PS_L_TXT_FEEDBACK] = {"  note: rules in this scenario may react to the pool\'s balance (on_period, a refill or a\n"
        "  pool_floor trigger); the sizing above assumes they do not: rerun with poolsim size (or\n"
        "  run --search) to find each path\'s required balance by bisection\n",
        "  注：本情景的规则可能随资金池余额变化（on_period、补足规则或 pool_floor 触发条件），\n"
        "  上述测算假定不受其影响：请用 poolsim size（或 run --search）重新运行，\n"
        "  以二分搜索求得各路径所需初始规模\n"},
    [PS_L_TXT_SCENARIO_LINE] = {"scenario %s (sha256 %.12s…), %d %s\n", "情景文件 %s（sha256 %.12s…），%d %s\n"},
    [PS_L_TXT_PARTIAL_LINE] = {"PARTIAL RUN: interrupted after %ld of the %ld paths asked for; the figures use those %ld\n",
        "部分运行：在要求的 %2$ld 条路径中完成 %1$ld 条后被中断；所有数字均基于这 %3$ld 条路径\n"},
    [PS_L_TXT_RUN_LINE] = {"%ld paths, seed %llu, %d thread%s, %.2f s\n\n",
        "%ld 条路径，随机种子 %llu，%d 个线程%.0s，用时 %.2f 秒\n\n"},
    [PS_L_TXT_POOL_LINE] = {"Pool \'%s\', initial balance %s (amounts in 元; mean ± standard error)\n",
        "资金池 \'%s\'，初始规模 %s（金额单位：元；均值 ± 标准误）\n"},
    [PS_L_TXT_MEAN] = {"mean", "均值"},
    [PS_L_TXT_CLAIMS] = {"claims", "代偿申请"},
    [PS_L_TXT_PAID] = {"paid", "已代偿"},
    [PS_L_TXT_SHORTFALL] = {"shortfall", "代偿缺口"},
    [PS_L_TXT_RECOVERED] = {"recovered", "追偿回收"},
    [PS_L_TXT_NET_OUTLAY] = {"net outlay", "净支出"},
    [PS_L_TXT_REQUIRED] = {"required initial", "所需初始规模"},
    [PS_L_TXT_UNSETTLED] = {"claims after end", "期末后到期的代偿"},
    [PS_L_TXT_DEPLETION] = {"  depletion within the horizon: ", "  期内耗尽概率："},
    [PS_L_TXT_TAIL] = {"  who drives the tail (shares of the net outlay\'s ES99, %s):",
        "  尾部风险来源（各项目在净支出 ES99 %s 中的占比）："},
    [PS_L_TXT_DEPLETED_BY] = {"  depleted by the end of year:", "  截至各年末耗尽概率："},
    [PS_L_TXT_PROGRAMMES] = {"Programmes (numbers of loans; mean ± standard error)\n", "业务项目（贷款笔数；均值 ± 标准误）\n"},
    [PS_L_TXT_PROGRAMME_ROW] = {"originated %.0f, defaults %.1f ± %.1f (p99 %.0f), defaulted exposure %s\n",
        "发放 %.0f 笔，违约 %.1f ± %.1f 笔（p99 %.0f），违约敞口 %s\n"},
    [PS_L_TXT_INTERVENTIONS_ROW] = {"paused %.1f periods, lending stopped %.1f, refused %s, capped %s, loans declined %.1f (means)\n",
        "暂停代偿 %.1f 期，停止放贷 %.1f 期，拒绝代偿 %s，限额扣减 %s，未发放贷款 %.1f 笔（均值）\n"},
    [PS_L_TXT_PARTIES] = {"\nParties: losses (paid on defaults less recovered), then net result (every flow)\n",
        "\n各方损益：损失（代偿支出减追偿回收），其次为净收益（全部资金流）\n"},
    [PS_L_TXT_LOSSES] = {"  losses", "  损失"},
    [PS_L_TXT_NET_RESULT] = {"  net result", "  净收益"},
    [PS_L_TXT_OUTLAY_BY_YEAR] = {"    outlay by fiscal year (mean / p95):", "    各财政年度支出（均值 / p95）："},
    [PS_L_TXT_NPL] = {"    highest NPL ratio while lending: mean %s, p95 %s; P(above its %s tolerance) %s\n",
        "    放贷期间最高不良率：均值 %s，p95 %s；超过容忍度 %s 的概率 %s\n"},
    [PS_L_TXT_PAYOUT] = {"    payout rate: mean %s, p95 %s%s%s\n", "    代偿率：均值 %s，p95 %s%s%s\n"},
    [PS_L_TXT_CAPITAL] = {"; P(capital exhausted) ", "；资本耗尽概率 "},
    [PS_L_TXT_LOSS_RATIO] = {"    loss ratio: mean %s, p95 %s\n", "    赔付率：均值 %s，p95 %s\n"},
};

/* ps_has_cjk — does UTF-8 text hold a CJK character? (malformed bytes skipped) */
int ps_has_cjk(const char *s) {
  if (!s) return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    unsigned cp = *p;
    int len = cp < 0x80 ? 1 : cp < 0xe0 ? 2 : cp < 0xf0 ? 3 : 4;
    for (int i = 1; i < len; i++)
      if ((p[i] & 0xc0) != 0x80) len = i; /* malformed: skip what we have */
    if (len == 3) cp = (cp & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    else if (len == 4) cp = (cp & 0x07) << 18 | (p[1] & 0x3f) << 12 | (p[2] & 0x3f) << 6 | (p[3] & 0x3f);
    if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff)) return 1;
    p += len;
  }
  return 0;
}

/* ps_lang_choose — as asked, else by the scenario's name (NULL name: English) */
ps_lang ps_lang_choose(const char *lang, const char *name) {
  if (lang) return strcmp(lang, "zh") == 0 ? PS_LANG_ZH : PS_LANG_EN;
  return ps_has_cjk(name) ? PS_LANG_ZH : PS_LANG_EN;
}

/* ps_label — the label in lang (labels.h) */
const char *ps_label(ps_label_id id, ps_lang lang) { return table[id][lang == PS_LANG_ZH]; }
