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
    [PS_L_TXT_SERVE_TARGET] = {"P(served < %g%%) <= %g%%", "服务率低于 %g%% 的概率 ≤ %g%%"},
    [PS_L_TXT_SERVE_NOTE] = {"  (--serve %g%%: each path's required balance is the smallest, found by bisection, that\n"
        "  serves at least %g%% of the bridge requests and does not run short)\n",
        "  （--serve %g%%：各路径所需初始规模为满足至少 %g%% 的转贷申请且不耗尽的最小规模，由二分搜索求得）\n"},
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
    [PS_L_TXT_BRIDGE_ROW] = {"bridges served %.0f of %.0f requests (%.1f%%), not renewed %.1f ± %.1f (p99 %.0f), unrepaid %s\n",
        "转贷 %.0f 笔 / 申请 %.0f 笔（%.1f%%），未续贷 %.1f ± %.1f 笔（p99 %.0f），未归还 %s\n"},
    [PS_L_TXT_BRIDGE_PAUSED_ROW] = {"no bridges while lending was stopped %.1f periods, paused %.1f (means)\n",
        "停止转贷平均 %.1f 期，暂停平均 %.1f 期\n"},
    [PS_L_TXT_SERVE_HINT] = {"  note: this pool lends to a bridge fund, which declines requests rather than running short:\n"
        "  size it to serve a share of them with poolsim size --serve 0.95\n",
        "  注：本资金池用于应急转贷，资金不足时拒绝申请而不会耗尽：请用 poolsim size --serve 0.95\n"
        "  按满足申请的比例测算规模\n"},
    [PS_L_PAGE_SERVE_NOTE] = {"Sized with --serve %g%%: for a pool that lends to a bridge fund, a path falls short when it "
        "serves less than that share of the bridge requests or runs short, so P(depletion) here reads P(falls short).\n\n",
        "按 --serve %g%% 测算：对用于应急转贷的资金池，一条路径满足的转贷申请低于该比例或资金耗尽即为不足，"
        "此处的耗尽概率即不足的概率。\n\n"},
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
    [PS_L_PAGE_STD_ERROR] = {"std. error", "标准误"},
    [PS_L_PAGE_MEDIAN] = {"median", "中位数"},
    [PS_L_PAGE_P95] = {"p95", "95%分位"},
    [PS_L_PAGE_P99] = {"p99", "99%分位"},
    [PS_L_PAGE_POOL_CAPTION] = {" (initial balance %s): amounts over paths", "（初始余额 %s）：各路径金额统计"},
    [PS_L_PAGE_ITEM] = {"item", "项目"},
    [PS_L_PAGE_CLAIMS] = {"claims", "申请赔付"},
    [PS_L_PAGE_PAID] = {"paid", "实际赔付"},
    [PS_L_PAGE_SHORTFALL] = {"shortfall", "赔付缺口"},
    [PS_L_PAGE_RECOVERED] = {"recovered", "追偿收回"},
    [PS_L_PAGE_REQUIRED_INITIAL_BALANCE] = {"required initial balance", "所需初始余额"},
    [PS_L_PAGE_TOP_UPS] = {"top-ups", "补充资金"},
    [PS_L_PAGE_RETURNED_AT_THE_END] = {"returned at the end", "期末返还"},
    [PS_L_PAGE_CLAIMS_DUE_AFTER_THE] = {"claims due after the horizon", "期后到期赔付"},
    [PS_L_PAGE_CUMULATIVE_PROBABILITY_OF_DEPLETION] = {"Cumulative probability of depletion by year end",
        "截至各年末的累计耗尽概率"},
    [PS_L_PAGE_FISCAL_YEAR] = {"fiscal year", "财政年度"},
    [PS_L_PAGE_CI95] = {"95% CI", "95%置信区间"},
    [PS_L_PAGE_YEAR_N] = {"year %d", "第%d年"},
    [PS_L_PAGE_SIZING] = {"Sizing", "规模测算"},
    [PS_L_PAGE_POOL] = {"pool", "资金池"},
    [PS_L_PAGE_TARGET_P_DEPLETION] = {"target: P(depletion) ≤", "目标：耗尽概率 ≤"},
    [PS_L_PAGE_INITIAL_BALANCE_NEEDED] = {"initial balance needed", "所需初始余额"},
    [PS_L_PAGE_INITIAL_BALANCE] = {"initial balance", "初始余额"},
    [PS_L_PAGE_TARGET] = {"target %s", "目标 %s"},
    [PS_L_PAGE_THIS_RUN] = {" (this run)", "（本次运行）"},
    [PS_L_PAGE_MEETS_THE_UPPER_END] = {"Meets: "
        "the upper end of the interval is at or below the target; "
        "misses: "
        "the lower end is above it; "
        "too close to call: "
        "the target lies inside the interval (run more paths). "
        "The size needed is the (1 − α) quantile of the per-path required initial balance, with its order-statistic interval.",
        "达标：置信区间上限不超过目标；不达标：下限高于目标；难以判定：目标落在置信区间内，需要更多路径。所需初始余额为各路径所需初始余额的(1−α)分位数，置信区间为次序统计量区间。"},
    [PS_L_PAGE_RULES_IN_THIS_SCENARIO] = {"Rules in this scenario react to the pool's balance: "
        "each path's required balance was found by bisection.",
        "本情景含随余额变化的规则：各路径所需初始余额由二分搜索求得。"},
    [PS_L_PAGE_NOTE_RULES_IN_THIS] = {"Note: "
        "rules in this scenario may react to the pool's balance (on_period, a refill or a pool_floor trigger); "
        "the sizing assumes they do not: "
        "check it by running at that size.",
        "注意：本情景含随余额变化的规则（on_period、补充规则或余额下限触发），上述测算假定它们不影响结果；请以测算规模重新运行核验。"},
    [PS_L_PAGE_PROGRAMME] = {"programme", "项目"},
    [PS_L_PAGE_BANK] = {"bank", "贷款银行"},
    [PS_L_PAGE_LOANS_ORIGINATED_MEAN] = {"loans originated (mean)", "发放笔数（均值）"},
    [PS_L_PAGE_DEFAULTS_MEAN_S_E] = {"defaults, mean ± s.e.", "违约笔数 均值 ± 标准误"},
    [PS_L_PAGE_DEFAULTS_P99] = {"defaults, p99", "违约笔数 99%分位"},
    [PS_L_PAGE_DEFAULTED_EXPOSURE_MEAN] = {"defaulted exposure (mean)", "违约敞口（均值）"},
    [PS_L_PAGE_DEFAULTED_EXPOSURE_P99] = {"defaulted exposure, p99", "违约敞口 99%分位"},
    [PS_L_PAGE_PERIODS_PAUSED] = {"periods paused", "暂停期数"},
    [PS_L_PAGE_PERIODS_LENDING_STOPPED] = {"periods lending stopped", "停贷期数"},
    [PS_L_PAGE_REFUSED_WHILE_PAUSED] = {"refused while paused", "暂停拒赔"},
    [PS_L_PAGE_CUT_BY_CAPS] = {"cut by caps", "限额削减"},
    [PS_L_PAGE_LOANS_DECLINED] = {"loans declined", "未发放笔数"},
    [PS_L_PAGE_PARTIES] = {"Parties", "各参与方"},
    [PS_L_PAGE_PARTY] = {"party", "参与方"},
    [PS_L_PAGE_KIND] = {"kind", "类型"},
    [PS_L_PAGE_LOSSES_MEAN] = {"losses, mean", "损失 均值"},
    [PS_L_PAGE_LOSSES_P99] = {"losses, p99", "损失 99%分位"},
    [PS_L_PAGE_NET_RESULT_MEAN] = {"net result, mean", "净收益 均值"},
    [PS_L_PAGE_NET_RESULT_MEDIAN] = {"net result, median", "净收益 中位数"},
    [PS_L_PAGE_RISK_MEASURE] = {"risk measure", "风险指标"},
    [PS_L_PAGE_NPL_TOLERANCE] = {"highest NPL ratio: mean %s, p95 %s; P(above its %s tolerance) %s",
        "最高不良率 均值 %s，95%%分位 %s；超过容忍度 %s 的概率 %s"},
    [PS_L_PAGE_NPL] = {"highest NPL ratio: mean %s, p95 %s", "最高不良率 均值 %s，95%%分位 %s"},
    [PS_L_PAGE_PAYOUT_RATE] = {"payout rate: mean %s, p95 %s%s%s", "代偿率 均值 %s，95%%分位 %s%s%s"},
    [PS_L_PAGE_LOSS_RATIO] = {"loss ratio: mean %s, p95 %s", "赔付率 均值 %s，95%%分位 %s"},
    [PS_L_PAGE_LOSSES_PAID_ON_DEFAULTS] = {"Losses: "
        "paid on defaults less recovered. "
        "Net result: "
        "every flow in and out over the horizon (interest, fees, premiums, subsidies, compensation, recoveries, pool funding).",
        "损失：对违约贷款的赔付减去追偿收回；净收益：期内全部资金流入减流出（利息、费用、保费、补贴、补偿、追偿、注资等）。"},
    [PS_L_PAGE_OUTLAY_TABLE] = {": outlay by fiscal year", "：各财政年度支出"},
    [PS_L_PAGE_OUTLAY_IN_FISCAL_YEAR] = {"outlay in fiscal year", "财政年度支出"},
    [PS_L_PAGE_LOGNORMAL_MEAN_SD] = {"lognormal, mean %s, sd %s", "对数正态，均值 %s，标准差 %s"},
    [PS_L_PAGE_BETA_MEAN_SD] = {"beta, mean %s, sd %s", "Beta分布，均值 %s，标准差 %s"},
    [PS_L_PAGE_UNIFORM_MIN_MAX] = {"uniform from %s to %s", "均匀分布，%s 至 %s"},
    [PS_L_PAGE_LOAN_TAPE_LOANS_MEAN] = {"loan tape, %ld loans, mean %s", "贷款明细 %ld 笔，均值 %s"},
    [PS_L_PAGE_A_YEAR_ON_PRINCIPAL] = {" %s a year on principal", " 按本金 %s/年"},
    [PS_L_PAGE_AT_MOST_A_LOAN] = {", at most %s a loan a year", "，每笔每年至多 %s"},
    [PS_L_PAGE_PAID_ONCE_THE_LOAN] = {", paid once the loan is repaid in full", "，到期足额还款后支付"},
    [PS_L_PAGE_ASSUMPTIONS_OF_THE_SCENARIO] = {"Assumptions of the scenario", "情景假设"},
    [PS_L_PAGE_HORIZON] = {"Horizon: ", "期数："},
    [PS_L_PAGE_PERSISTENCE_OF_THE_SYSTEMIC] = {"; persistence of the systemic factor (AR(1) per period) %.3g; %s.</p>\n",
        "；系统因子每期持续性（AR(1)）%.3g；%s。</p>\n"},
    [PS_L_PAGE_T_COPULA] = {"t copula", "t Copula"},
    [PS_L_PAGE_GAUSSIAN_COPULA] = {"Gaussian copula", "高斯Copula"},
    [PS_L_PAGE_POOLS] = {"Pools", "资金池"},
    [PS_L_PAGE_OWNER] = {"owner", "出资方"},
    [PS_L_PAGE_ANNUAL_YIELD] = {"annual yield", "年收益率"},
    [PS_L_PAGE_SCHEDULED_TOP_UPS] = {"scheduled top-ups", "计划补充合计"},
    [PS_L_PAGE_RULES] = {"rules", "规则"},
    [PS_L_PAGE_REFILLS_LAST_YEAR_S] = {"refills last year's net outlay; ", "每年补足上年净支出；"},
    [PS_L_PAGE_TOPS_UP_TO_OF] = {"tops up to %s of covered loans when below; ", "低于在保余额 %s 时补足；"},
    [PS_L_PAGE_BALANCE_RETURNED_AT_THE] = {"balance returned at the end", "期末余额返还出资方"},
    [PS_L_PAGE_SEGMENTS_LOANS] = {"Segments (loans)", "贷款分组"},
    [PS_L_PAGE_SEGMENT] = {"segment", "分组"},
    [PS_L_PAGE_NEW_LOANS_PER_PERIOD] = {"new loans per period", "每期新增笔数"},
    [PS_L_PAGE_LOAN_SIZE] = {"loan size", "单笔金额"},
    [PS_L_PAGE_TENOR] = {"tenor", "期限"},
    [PS_L_PAGE_RATE] = {"rate", "利率"},
    [PS_L_PAGE_ANNUAL_PD] = {"annual PD", "年违约率 PD"},
    [PS_L_PAGE_LGD] = {"LGD", "违约损失率 LGD"},
    [PS_L_PAGE_CORRELATION] = {"ρ (correlation)", "相关性 ρ"},
    [PS_L_PAGE_NEW_LOANS_PERIODS] = {"%d (periods %d–%d)", "%d（第%d–%d期）"},
    [PS_L_PAGE_AMORTIZING] = {", amortizing", "，分期还款"},
    [PS_L_PAGE_BULLET] = {", bullet", "，到期还本"},
    [PS_L_PAGE_BY_YEAR_OF_AGE] = {" (by year of age)", "（按贷龄年份）"},
    [PS_L_PAGE_SECTOR] = {"%.3g; sector %s %.3g", "%.3g；行业 %s %.3g"},
    [PS_L_PAGE_PROGRAMMES_AND_LOSS_SHARES] = {"Programmes and loss shares", "业务项目与分担比例"},
    [PS_L_PAGE_SEGMENTS] = {"segments", "贷款分组"},
    [PS_L_PAGE_PAYERS_AND_SHARES] = {"payers and shares", "分担方与比例"},
    [PS_L_PAGE_CAPS] = {"caps", "补偿上限"},
    [PS_L_PAGE_LAGS_PERIODS] = {"lags (periods)", "时滞（期）"},
    [PS_L_PAGE_THE_REST] = {"the rest", "承担其余部分"},
    [PS_L_PAGE_TIERED] = {"tiered", "分档"},
    [PS_L_PAGE_AT_MOST] = {", at most %s", "，最高 %s"},
    [PS_L_PAGE_FIRST_LOSS_UP_TO] = {" (first loss up to %s)", "（首损 %s）"},
    [PS_L_PAGE_AT_MOST_A_YEAR] = {", at most %s a year", "，每年至多 %s"},
    [PS_L_PAGE_INTEREST] = {"interest", "利息"},
    [PS_L_PAGE_FEES] = {"fees", "担保费"},
    [PS_L_PAGE_PREMIUMS] = {"premiums", "保费"},
    [PS_L_PAGE_EXCESS_OF_LOSS_LAYER] = {"excess-of-loss layer:", "超赔分层："},
    [PS_L_PAGE_REIMBURSES] = {" reimburses ", " 补偿 "},
    [PS_L_PAGE_PER_LOAN] = {"per loan", "单笔"},
    [PS_L_PAGE_PER_YEAR] = {"per year", "每年"},
    [PS_L_PAGE_IN_TOTAL] = {"in total", "累计"},
    [PS_L_PAGE_OF_PRINCIPAL_ENROLLED] = {"of principal enrolled", "占入池本金"},
    [PS_L_PAGE_LEVERAGE] = {"leverage", "放大倍数"},
    [PS_L_PAGE_RECOGNITION] = {"recognition", "认定"},
    [PS_L_PAGE_CLAIM] = {"claim", "赔付"},
    [PS_L_PAGE_RECOVERY] = {"recovery", "追偿"},
    [PS_L_PAGE_AUDIT] = {"Audit", "审计信息"},
    [PS_L_PAGE_SOFTWARE] = {"software", "软件版本"},
    [PS_L_PAGE_SCENARIO] = {"scenario", "情景名称"},
    [PS_L_PAGE_SCENARIO_FILE] = {"scenario file", "情景文件"},
    [PS_L_PAGE_DATA_FILES] = {"data files", "数据文件"},
    [PS_L_PAGE_NONE] = {"none", "无"},
    [PS_L_PAGE_OVERRIDES_SET] = {"overrides (--set)", "参数覆盖（--set）"},
    [PS_L_PAGE_PATHS] = {"paths", "模拟路径数"},
    [PS_L_PAGE_SIZING_METHOD] = {"sizing method", "规模测算方法"},
    [PS_L_PAGE_BISECTION_PER_PATH_SEARCH] = {"bisection per path (search)", "逐路径二分搜索"},
    [PS_L_PAGE_RUNNING_MAXIMUM_RULES_REACT] = {"running maximum (rules react to the balance: exact only at this run's initial balance)",
        "逐路径所需余额（含随余额变化的规则，仅在本次初始余额处精确）"},
    [PS_L_PAGE_RUNNING_MAXIMUM_OF_THE] = {"running maximum of the discounted net outflow", "逐路径所需余额（累计净流出的最大值）"},
    [PS_L_PAGE_ALL_FIGURES_ARE_MONTE] = {"All figures are Monte Carlo estimates and carry sampling error; "
        "probabilities and sizes are given with 95% confidence intervals. "
        "The same scenario, overrides, paths and seed reproduce this page byte for byte, whatever the number of threads.",
        "本报告所有数字均为蒙特卡洛模拟估计，带有抽样误差；概率和规模给出95%置信区间。相同情景、参数覆盖、路径数和随机种子下结果可逐字节复现，与线程数无关。"},
    [PS_L_PAGE_RISK_COMPENSATION_POOL_SIZING] = {"risk compensation pool sizing", "风险补偿资金规模测算"},
    [PS_L_PAGE_LOAN_RISK_COMPENSATION_POOL] = {"Loan risk compensation pool sizing · %s (%d fiscal year%s) · %ld simulated paths · seed %llu · poolsim %s",
        "贷款风险补偿资金规模测算 · %s（%d 个财政年度%s）· %ld 条模拟路径 · 随机种子 %llu · poolsim %s"},
    [PS_L_PAGE_PARTIAL_RUN_INTERRUPTED_AFTER] = {"<p class=\"note-box\"><strong>Partial run</strong>: "
        "interrupted after %ld of the %ld paths asked for; "
        "every figure uses those paths.</p>\n",
        "<p class=\"note-box\"><strong>部分运行</strong>：在要求的 %2$ld 条路径中完成 %1$ld 条后被中断；所有数字均基于已完成的路径。</p>\n"},
    [PS_L_PAGE_THE_ANSWER] = {"The answer", "结论"},
    [PS_L_PAGE_POOL_NET_OUTLAY_PAID] = {"Pool %s: net outlay (paid less recovered) over paths",
        "资金池 %s：各路径净支出（赔付减追偿）的分布"},
    [PS_L_PAGE_AXIS_UNIT] = {"%s (%s)", "%s（%s）"},
    [PS_L_PAGE_NET_OUTLAY_OVER_THE] = {"net outlay over the horizon", "期内净支出"},
    [PS_L_PAGE_SHARE_OF_PATHS] = {"share of paths (%)", "路径占比（%）"},
    [PS_L_PAGE_OFF_THE_SCALE] = {"(off the scale) →", "（超出图幅）→"},
    [PS_L_PAGE_PATHS_BINS_OF_VERTICAL] = {"%ld paths; "
        "bins of %s. "
        "Vertical lines: "
        "the initial balance and the 95th and 99th percentiles of the net outlay. "
        "The net outlay is over the whole horizon; "
        "recoveries arrive long after the claims are paid, so a pool can run short on the way even when its net outlay ends below the initial balance: "
        "the sizing curve gives the probability.",
        "%ld条路径；柱宽 %s。竖线为初始余额及净支出的95%%、99%%分位数。净支出为整个期间的赔付减追偿；由于追偿滞后于赔付，资金池可能在净支出低于初始余额时仍出现阶段性缺口，耗尽概率见规模测算曲线。"},
    [PS_L_PAGE_POOL_CLOSING_BALANCE_5] = {"Pool %s: closing balance (5%%–95%% band and median)",
        "资金池 %s：期末余额（5%%–95%%区间与中位数）"},
    [PS_L_PAGE_PERIODS_AXIS_FISCAL] = {"periods (%ss; ticks at fiscal year ends)", "期数（%s，刻度为财政年度末）"},
    [PS_L_PAGE_PERIODS_AXIS] = {"periods (%ss)", "期数（%s）"},
    [PS_L_PAGE_BALANCE] = {"balance", "余额"},
    [PS_L_PAGE_BAND_5_95] = {"5%–95% of paths", "5%–95%的路径落在此区间"},
    [PS_L_PAGE_QUANTILES_OVER_PATHS_OF] = {"Quantiles over paths of the balance at the end of each period; "
        "period 0 is the initial balance.",
        "每期期末余额在各路径上的5%、50%、95%分位数；第0期为初始余额。"},
    [PS_L_PAGE_THE_BANDS_USE_THE] = {" The bands use the first %ld paths.", "区间取自前%ld条路径。"},
    [PS_L_PAGE_DEPLETION_BY_YEAR_CHART] = {"Pool %s: probability of depletion by the end of each fiscal year (cumulative)",
        "资金池 %s：截至各财政年度末的耗尽概率（累计）"},
    [PS_L_PAGE_YEAR_PREFIX] = {"Y", "第"},
    [PS_L_PAGE_PROBABILITY_OF_DEPLETION] = {"probability of depletion (%)", "耗尽概率（%）"},
    [PS_L_PAGE_BARS_SHARE_OF_PATHS] = {"Bars: "
        "share of paths with a first shortfall by the end of the year; "
        "whiskers: "
        "95% Wilson interval; "
        "dashed lines: "
        "the sizing targets α.",
        "柱：截至该年末已耗尽（首次出现缺口）的路径比例；须线：95% Wilson置信区间；虚线：规模测算目标α。"},
    [PS_L_PAGE_SIZING_CURVE_CHART] = {"Pool %s: probability of depletion against the initial balance (sizing curve)",
        "资金池 %s：耗尽概率与初始余额（规模测算曲线）"},
    [PS_L_PAGE_CURVE_THE_SHARE_OF] = {"Curve: "
        "the share of paths whose required initial balance exceeds the balance on the x axis, with its 95% band; "
        "dots: "
        "the size needed for each target α, with its 95% interval.",
        "曲线：初始余额为横轴数值时的耗尽概率（所需初始余额超过该数值的路径比例），阴影为95%置信区间；圆点：各目标α所需的规模，横线为其95%置信区间。"},
    [PS_L_PAGE_OUTLAY_CHART] = {"%s: outlay by fiscal year (mean and 95th percentile)",
        "%s：各财政年度支出（均值与95%%分位）"},
    [PS_L_PAGE_OUTLAY_IN_THE_YEAR] = {"outlay in the year", "年度支出"},
    [PS_L_PAGE_95TH_PERCENTILE_1_YEAR] = {"95th percentile (1 year in 20)", "95%分位（二十年一遇）"},
    [PS_L_PAGE_OUTLAY_EVERYTHING_THE_GOVERNMENT] = {"Outlay: "
        "everything the government pays out in the year (pool funding, top-ups, subsidies) less what comes back (e.g. "
        "a wind-down).",
        "支出：资金池注资、补充及补贴等该年度的全部付出减去收回（如期末清算返还）。"},
    [PS_L_PAGE_CHARTS] = {"Charts", "图表"},
    [PS_L_PAGE_POOL_HEADING] = {"</code> (initial balance %s)</h3>\n", "</code>（初始余额 %s）</h3>\n"},
    [PS_L_PAGE_BUDGET] = {"Budget:", "财政支出："},
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
