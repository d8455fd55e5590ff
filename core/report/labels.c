/* labels.c — the table of labels (labels.h): each row the English and the
** Chinese text. Keep the two languages' printf arguments the same. */
#include "report/labels.h"

#include <string.h>

/* The glossary: what every output (terminal, Markdown, HTML, the Excel workbook) calls the pool's
** flows, in Chinese; the English rows use the same words (PS_L_TERM_*). A loan risk compensation pool
** compensates (补偿) the banks' losses: 代偿 is a guarantor's payout (its 代偿率 stays), 赔付 an
** insurer's (赔付率). */
#define ZH_CLAIMS "补偿申请"
#define ZH_PAID "已补偿"
#define ZH_SHORTFALL "补偿缺口"
#define ZH_RECOVERED "追偿回收"
#define ZH_NET_OUTLAY "净支出"
#define ZH_REQUIRED "所需初始规模"
#define ZH_UNSETTLED "期末后到期的补偿申请"
#define ZH_TOPUPS "补充资金"
#define ZH_RETURNED "期末返还"
#define ZH_DEPLETION "耗尽"

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
    [PS_L_BUDGET_LENDING_REWARD] = {"lending reward", "贷款奖补"},
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
    [PS_L_MD_CLAIMS] = {"Claims", ZH_CLAIMS},
    [PS_L_MD_PAID] = {"Paid", ZH_PAID},
    [PS_L_MD_SHORTFALL] = {"Shortfall", ZH_SHORTFALL},
    [PS_L_MD_RECOVERED] = {"Recovered", ZH_RECOVERED},
    [PS_L_MD_NET_OUTLAY] = {"Net outlay", ZH_NET_OUTLAY},
    [PS_L_MD_REQUIRED] = {"Required initial balance", ZH_REQUIRED},
    [PS_L_MD_UNSETTLED] = {"Claims due after the horizon", ZH_UNSETTLED},
    [PS_L_MD_TOPUPS] = {"Top-ups", ZH_TOPUPS},
    [PS_L_MD_RETURNED] = {"Returned at the horizon", ZH_RETURNED},
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
    [PS_L_MD_PAUSED] = {"Periods paused", "暂停补偿期数"},
    [PS_L_MD_STOPPED] = {"Periods lending stopped", "停止放贷期数"},
    [PS_L_MD_REFUSED] = {"Claims refused", "拒绝补偿金额"},
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
        "损失：为违约贷款支付的金额减追偿回收。净收益：期内全部资金流入减流出（负数表示支出大于收入）。"},
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
    [PS_L_TXT_CLAIMS] = {"claims", ZH_CLAIMS},
    [PS_L_TXT_PAID] = {"paid", ZH_PAID},
    [PS_L_TXT_SHORTFALL] = {"shortfall", ZH_SHORTFALL},
    [PS_L_TXT_RECOVERED] = {"recovered", ZH_RECOVERED},
    [PS_L_TXT_NET_OUTLAY] = {"net outlay", ZH_NET_OUTLAY},
    [PS_L_TXT_REQUIRED] = {"required initial balance", ZH_REQUIRED},
    [PS_L_TXT_UNSETTLED] = {"claims due after the horizon", ZH_UNSETTLED},
    [PS_L_TXT_DEPLETION] = {"  depletion within the horizon: ", "  期内耗尽概率："},
    [PS_L_TXT_TAIL] = {"  who drives the tail (shares of the net outlay\'s ES99, %s):",
        "  尾部风险来源（各项目在净支出 ES99 %s 中的占比）："},
    [PS_L_TXT_DEPLETED_BY] = {"  depleted by the end of year:", "  截至各年末耗尽概率："},
    [PS_L_TXT_PROGRAMMES] = {"Programmes (numbers of loans; mean ± standard error)\n", "业务项目（贷款笔数；均值 ± 标准误）\n"},
    [PS_L_TXT_PROGRAMME_ROW] = {"originated %.0f, defaults %.1f ± %.1f (p99 %.0f), defaulted exposure %s\n",
        "发放 %.0f 笔，违约 %.1f ± %.1f 笔（p99 %.0f），违约敞口 %s\n"},
    [PS_L_TXT_SEASONED_ROW] = {"%ld seasoned loans on the books at the start (not counted as originated)\n",
                               "%ld 笔存量贷款期初已在账上（不计入发放笔数）\n"},
    [PS_L_TXT_TAIL_PENDING] = {" pending claims %.0f%%", " 期初待付补偿 %.0f%%"},
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
        "暂停补偿 %.1f 期，停止放贷 %.1f 期，拒绝补偿 %s，限额扣减 %s，未发放贷款 %.1f 笔（均值）\n"},
    [PS_L_TXT_PARTIES] = {"\nParties: losses (paid on defaults less recovered), then net result (every flow)\n",
        "\n各方损益：损失（为违约贷款支付的金额减追偿回收），其次为净收益（全部资金流）\n"},
    [PS_L_TXT_LOSSES] = {"  losses", "  损失"},
    [PS_L_TXT_NET_RESULT] = {"  net result", "  净收益"},
    [PS_L_TXT_OUTLAY_BY_YEAR] = {"    outlay by fiscal year (mean / p95):", "    各财政年度支出（均值 / p95）："},
    [PS_L_TXT_PV_COST] = {"    cost, present value at %s a year: provision %s (p95 %s, p99 %s); %s of the %s of lending or cover it backs\n",
                          "    成本现值（年折现率 %s）：应计提 %s（p95 %s，p99 %s）；占其支持的贷款或保额 %s 的 %s\n"},
    [PS_L_COST_TITLE] = {"Cost in public-finance terms", "财政成本（现值口径）"},
    [PS_L_COST_NOTE] = {"What each government pays for the programmes (compensation from itself and its pools, less "
                        "recoveries; subsidies; lending rewards), in present value at %s a year, by cohort (the fiscal "
                        "year the loans were originated). The provision an accrual budget sets aside is the mean; the "
                        "subsidy rate is the PV cost over the PV of the lending it covers. Funding its own pools is a "
                        "transfer within the government, not a cost.",
                        "各级财政为项目承担的成本（自身及所属资金池支付的补偿减追偿、各项补贴、贷款奖补），按年折现率 %s "
                        "折为现值，按放款所在财政年度分批次列示。权责发生制预算应计提的准备金为其均值；补贴率为成本现值除以"
                        "其覆盖贷款的现值。向自身资金池注资属财政内部划转，不计为成本。"},
    [PS_L_COST_COHORT] = {"cohort", "放款批次"},
    [PS_L_COST_COHORT_N] = {"loans of year %d", "第 %d 年放款"},
    [PS_L_COST_BOOK] = {"the book before period 1", "期初存量"},
    [PS_L_COST_RATE] = {"Provision %s; subsidy rate %s (95%% CI of the mean ± %s) of the %s of lending or cover it backs.",
                        "应计提准备金 %s；补贴率 %s（均值的95%%置信区间 ± %s），支持的贷款或保额 %s。"},
    [PS_L_COST_TOTAL] = {"all cohorts (the provision is the mean)", "全部批次（准备金取均值）"},
    [PS_L_TXT_PV_BY_COHORT] = {"    PV cost by cohort (mean):", "    各年度放款批次的成本现值（均值）："},
    [PS_L_TXT_NPL] = {"    highest NPL ratio while lending: mean %s, p95 %s; P(above its %s tolerance) %s\n",
        "    放贷期间最高不良率：均值 %s，p95 %s；超过容忍度 %s 的概率 %s\n"},
    [PS_L_TXT_PAYOUT] = {"    payout rate: mean %s, p95 %s%s%s\n", "    代偿率：均值 %s，p95 %s%s%s\n"},
    [PS_L_TXT_CAPITAL] = {"; P(capital exhausted) ", "；资本耗尽概率 "},
    [PS_L_TXT_LOSS_RATIO] = {"    loss ratio: mean %s, p95 %s\n", "    赔付率：均值 %s，p95 %s\n"},
    [PS_L_PAGE_STD_ERROR] = {"std. error", "标准误"},
    [PS_L_PAGE_MEDIAN] = {"median", "中位数"},
    [PS_L_PAGE_P95] = {"p95", "95%分位"},
    [PS_L_PAGE_P99] = {"p99", "99%分位"},
    [PS_L_PAGE_POOL_CAPTION] = {" (initial balance %s): amounts over paths", "（初始规模 %s）：各路径金额统计"},
    [PS_L_PAGE_ITEM] = {"item", "项目"},
    [PS_L_PAGE_CLAIMS] = {"claims", ZH_CLAIMS},
    [PS_L_PAGE_PAID] = {"paid", ZH_PAID},
    [PS_L_PAGE_SHORTFALL] = {"shortfall", ZH_SHORTFALL},
    [PS_L_PAGE_RECOVERED] = {"recovered", ZH_RECOVERED},
    [PS_L_PAGE_REQUIRED_INITIAL_BALANCE] = {"required initial balance", ZH_REQUIRED},
    [PS_L_PAGE_TOP_UPS] = {"top-ups", ZH_TOPUPS},
    [PS_L_PAGE_RETURNED_AT_THE_END] = {"returned at the horizon", ZH_RETURNED},
    [PS_L_PAGE_CLAIMS_DUE_AFTER_THE] = {"claims due after the horizon", ZH_UNSETTLED},
    [PS_L_PAGE_CUMULATIVE_PROBABILITY_OF_DEPLETION] = {"Cumulative probability of depletion by year end",
        "截至各年末的累计耗尽概率"},
    [PS_L_PAGE_FISCAL_YEAR] = {"fiscal year", "财政年度"},
    [PS_L_PAGE_CI95] = {"95% CI", "95%置信区间"},
    [PS_L_PAGE_YEAR_N] = {"year %d", "第%d年"},
    [PS_L_PAGE_SIZING] = {"Sizing", "规模测算"},
    [PS_L_PAGE_POOL] = {"pool", "资金池"},
    [PS_L_PAGE_TARGET_P_DEPLETION] = {"target: P(depletion) ≤", "目标：耗尽概率 ≤"},
    [PS_L_PAGE_INITIAL_BALANCE_NEEDED] = {"initial balance needed", "所需初始规模"},
    [PS_L_PAGE_INITIAL_BALANCE] = {"initial balance", "初始规模"},
    [PS_L_PAGE_TARGET] = {"target %s", "目标 %s"},
    [PS_L_PAGE_THIS_RUN] = {" (this run)", "（本次运行）"},
    [PS_L_PAGE_MEETS_THE_UPPER_END] = {"Meets: "
        "the upper end of the interval is at or below the target; "
        "misses: "
        "the lower end is above it; "
        "too close to call: "
        "the target lies inside the interval (run more paths). "
        "The size needed is the (1 − α) quantile of the per-path required initial balance, with its order-statistic interval.",
        "达标：置信区间上限不超过目标；不达标：下限高于目标；难以判定：目标落在置信区间内，需要更多路径。所需初始规模为各路径所需初始规模的(1−α)分位数，置信区间为次序统计量区间。"},
    [PS_L_PAGE_RULES_IN_THIS_SCENARIO] = {"Rules in this scenario react to the pool's balance: "
        "each path's required balance was found by bisection.",
        "本情景含随余额变化的规则：各路径所需初始规模由二分搜索求得。"},
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
        "损失：为违约贷款支付的金额减追偿回收；净收益：期内全部资金流入减流出（利息、费用、保费、补贴、补偿、追偿、注资等）。"},
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
    [PS_L_PAGE_CLAIM] = {"claim", "补偿"},
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
        "逐路径所需余额（含随余额变化的规则，仅在本次初始规模处精确）"},
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
        "资金池 %s：各路径净支出（已补偿减追偿回收）的分布"},
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
        "%ld条路径；柱宽 %s。竖线为初始规模及净支出的95%%、99%%分位数。净支出为整个期间的已补偿减追偿回收；由于追偿回收晚于补偿支付，资金池可能在净支出低于初始规模时仍出现补偿缺口，耗尽概率见规模测算曲线。"},
    [PS_L_PAGE_POOL_CLOSING_BALANCE_5] = {"Pool %s: closing balance (5%%–95%% band and median)",
        "资金池 %s：期末余额（5%%–95%%区间与中位数）"},
    [PS_L_PAGE_PERIODS_AXIS_FISCAL] = {"periods (%ss; ticks at fiscal year ends)", "期数（%s，刻度为财政年度末）"},
    [PS_L_PAGE_PERIODS_AXIS] = {"periods (%ss)", "期数（%s）"},
    [PS_L_PAGE_BALANCE] = {"balance", "余额"},
    [PS_L_PAGE_BAND_5_95] = {"5%–95% of paths", "5%–95%的路径落在此区间"},
    [PS_L_PAGE_QUANTILES_OVER_PATHS_OF] = {"Quantiles over paths of the balance at the end of each period; "
        "period 0 is the initial balance.",
        "每期期末余额在各路径上的5%、50%、95%分位数；第0期为初始规模。"},
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
    [PS_L_PAGE_CONVERGENCE_CHART] = {"Pool %s: the initial balance needed, from more and more of the paths",
                                      "资金池 %s：所需初始规模随模拟路径数增加的变化"},
    [PS_L_PAGE_CONVERGENCE_NOTE] = {"Each point is the sizing answer for a target α from the first paths of the run "
                                    "(a run of fewer paths gives exactly these), with its 95% interval; an answer that "
                                    "has settled moves within its interval as the paths double.",
                                    "每个点为按目标 α 从前若干条路径得到的规模答案（路径数较少的运行给出的正是这些结果），"
                                    "竖线为其95%置信区间；路径数翻倍时答案在区间内波动，说明结果已经稳定。"},
    [PS_L_PAGE_PATHS_USED] = {"paths used", "使用的路径数"},
    [PS_L_PAGE_SIZING_CURVE_CHART] = {"Pool %s: probability of depletion against the initial balance (sizing curve)",
        "资金池 %s：耗尽概率与初始规模（规模测算曲线）"},
    [PS_L_PAGE_CURVE_THE_SHARE_OF] = {"Curve: "
        "the share of paths whose required initial balance exceeds the balance on the x axis, with its 95% band; "
        "dots: "
        "the size needed for each target α, with its 95% interval.",
        "曲线：初始规模为横轴数值时的耗尽概率（所需初始规模超过该数值的路径比例），阴影为95%置信区间；圆点：各目标α所需的规模，横线为其95%置信区间。"},
    [PS_L_PAGE_OUTLAY_CHART] = {"%s: outlay by fiscal year (mean and 95th percentile)",
        "%s：各财政年度支出（均值与95%%分位）"},
    [PS_L_PAGE_OUTLAY_IN_THE_YEAR] = {"outlay in the year", "年度支出"},
    [PS_L_PAGE_95TH_PERCENTILE_1_YEAR] = {"95th percentile (1 year in 20)", "95%分位（二十年一遇）"},
    [PS_L_PAGE_OUTLAY_EVERYTHING_THE_GOVERNMENT] = {"Outlay: "
        "everything the government pays out in the year (pool funding, top-ups, subsidies) less what comes back (e.g. "
        "a wind-down).",
        "支出：资金池注资、补充及补贴等该年度的全部付出减去收回（如期末清算返还）。"},
    [PS_L_PAGE_CHARTS] = {"Charts", "图表"},
    [PS_L_PAGE_POOL_HEADING] = {"</code> (initial balance %s)</h3>\n", "</code>（初始规模 %s）</h3>\n"},
    [PS_L_PAGE_BUDGET] = {"Budget:", "财政支出："},
    [PS_L_TXT_BUDGET_VIEW] = {"Budget view (the scheme has no pool): what each government pays by fiscal year and kind (mean / p95)\n",
        "预算视图（本方案无资金池）：各级政府按财政年度和类别的支出（均值 / p95）\n"},
    [PS_L_TXT_LOSS_RATIO_DIST] = {"    loss ratio (claims paid / premiums earned): mean %s, p50 %s, p95 %s, p99 %s\n",
        "    赔付率（已付赔款 / 已赚保费）：均值 %s，p50 %s，p95 %s，p99 %s\n"},
    [PS_L_MD_BUDGET_VIEW] = {"Budget view", "预算视图"},
    [PS_L_MD_BUDGET_VIEW_NOTE] = {"The scheme has no pool: its cost is what the government pays from its budget, by fiscal "
        "year and kind (mean, p95 in brackets); the insurer's loss ratio is the claims it paid over the premiums it earned "
        "(earned pro rata over each policy's term).",
        "本方案无资金池：其成本即政府预算按财政年度和类别的支出（均值，括号内为 p95）；保险机构的赔付率为其已付赔款除以已赚保费"
        "（保费按保单期限均匀赚取）。"},
    [PS_L_MD_ALL_KINDS] = {"All kinds", "合计"},
    [PS_L_MD_LOSS_RATIO_TABLE] = {"Insurer loss ratio (claims paid ÷ premiums earned)", "保险机构赔付率（已付赔款 ÷ 已赚保费）"},
    [PS_L_PAGE_BUDGET_ANSWER] = {"This scheme has no pool: its cost is the budget. <b>%s</b> pays a mean of <b>%s</b> over "
        "the horizon (by fiscal year and kind below).",
        "本方案无资金池，其成本即财政预算：<b>%s</b> 在整个期间平均支出 <b>%s</b>（按财政年度和类别见下表）。"},
    [PS_L_PAGE_INSURER_ANSWER] = {" The loss ratio of <b>%s</b> (claims paid ÷ premiums earned) has a mean of <b>%s</b>, "
        "a median of %s, a p95 of %s and a p99 of %s.",
        "保险机构 <b>%s</b> 的赔付率（已付赔款 ÷ 已赚保费）均值为 <b>%s</b>，中位数 %s，p95 为 %s，p99 为 %s。"},
    [PS_L_TXT_POLICY_ROW] = {"policies issued %.0f, claims %.1f ± %.1f (p99 %.0f), claimed %s\n",
        "签发保单 %.0f 份，理赔 %.1f ± %.1f 次（p99 %.0f），索赔金额 %s\n"},
    [PS_L_PAGE_SEGMENTS_POLICIES] = {"Segments (insurance policies)", "保单分组"},
    [PS_L_PAGE_NEW_POLICIES_PER_PERIOD] = {"new policies per period", "每期新签保单"},
    [PS_L_PAGE_COVER] = {"cover per policy", "每份保额"},
    [PS_L_PAGE_TERM] = {"term", "保险期限"},
    [PS_L_PAGE_PREMIUM_UP_FRONT] = {"premium (annual, paid at issue)", "保费率（年化，签单时缴清）"},
    [PS_L_PAGE_CLAIM_PROBABILITY] = {"annual claim probability", "年出险概率"},
    [PS_L_PAGE_SEVERITY] = {"severity (of cover)", "损失程度（占保额）"},
    [PS_L_PAGE_DEDUCTIBLE] = {"deductible per claim", "每次免赔额"},
    [PS_L_PAGE_OUTLAY_BY_KIND] = {": outlay by fiscal year and kind (mean)", "：各财政年度分类别支出（均值）"},
    [PS_L_UNCERTAIN_SHARE] = {"Parameter uncertainty: to keep pool '%s' at or below a %s probability of depletion it needs "
                              "%s with the uncertain parameters drawn per path and %s with them at their means (the same "
                              "random numbers otherwise), so %s of the answer comes from parameter uncertainty.",
                              "参数不确定性：要使资金池 '%s' 的耗尽概率不超过 %s，不确定参数逐路径抽取时需 %s，参数取均值时需 "
                              "%s（其余随机数相同），即规模答案的 %s 来自参数不确定性。"},
    [PS_L_UNCERTAIN_PARAMS] = {"Drawn once per path (poolsim.uncertain; the tables show their means): ",
                               "逐路径抽取一次的参数（poolsim.uncertain；表中为其均值）："},
    [PS_L_UNCERTAIN_DRAWS] = {", draws from %.3g to %.3g (p05–p95)", "，抽取值 %.3g 至 %.3g（p05–p95）"},
    [PS_L_POISSON_PERIODS] = {"Poisson, mean %g, demand_rho %g (periods %d–%d)", "泊松，均值 %g，demand_rho %g（第%d–%d期）"},
    [PS_L_BT_TITLE] = {"Back-test: the forecast against what happened",
        "回溯检验：预测与实际"},
    [PS_L_BT_SUB] = {"scenario %s · actual figures %s · %ld paths · seed %llu",
        "情景 %s · 实际数据 %s · %ld 条路径 · 随机种子 %llu"},
    [PS_L_BT_DEFAULTS] = {"defaults",
        "违约笔数"},
    [PS_L_BT_CLAIMS] = {"claims",
        "补偿申请额"},
    [PS_L_BT_PROGRAMME_FIGURE] = {"Programme %s: %s",
        "项目 %s：%s"},
    [PS_L_BT_PERIOD] = {"period",
        "期间"},
    [PS_L_BT_ACTUAL] = {"actual",
        "实际值"},
    [PS_L_BT_PERCENTILE] = {"percentile",
        "百分位"},
    [PS_L_BT_BAND90] = {"90% band (p5–p95)",
        "90%区间（p5–p95）"},
    [PS_L_BT_BAND99] = {"99% band (p0.5–p99.5)",
        "99%区间（p0.5–p99.5）"},
    [PS_L_BT_WHERE] = {"where",
        "位置"},
    [PS_L_BT_INSIDE] = {"inside",
        "区间内"},
    [PS_L_BT_ABOVE_99] = {"above 99%",
        "高于99%区间"},
    [PS_L_BT_BELOW_99] = {"below 99%",
        "低于99%区间"},
    [PS_L_BT_ABOVE_90] = {"above 90%",
        "高于90%区间"},
    [PS_L_BT_BELOW_90] = {"below 90%",
        "低于90%区间"},
    [PS_L_BT_THIS_PERIOD] = {"in the period",
        "当期"},
    [PS_L_BT_CUMULATIVE] = {"cumulative",
        "累计"},
    [PS_L_BT_PERIOD_Q] = {"year %d Q%d (period %d)",
        "第%d年第%d季度（第%d期）"},
    [PS_L_BT_PERIOD_M] = {"year %d month %d (period %d)",
        "第%d年第%d月（第%d期）"},
    [PS_L_BT_PERIOD_Y] = {"year %d (period %d)",
        "第%d年（第%d期）"},
    [PS_L_BT_VERDICT] = {"Verdict",
        "结论"},
    [PS_L_BT_UNDER] = {"the forecast under-predicted %s of programme %s in %s: above its %d%% band",
        "预测低估了项目 %2$s 在%3$s的%1$s：高于其%4$d%%区间"},
    [PS_L_BT_OVER] = {"the forecast over-predicted %s of programme %s in %s: below its %d%% band",
        "预测高估了项目 %2$s 在%3$s的%1$s：低于其%4$d%%区间"},
    [PS_L_BT_UNDER_CUM] = {"the forecast under-predicted %s of programme %s summed up to %s: above its %d%% band",
        "预测低估了项目 %2$s 截至%3$s的累计%1$s：高于其%4$d%%区间"},
    [PS_L_BT_OVER_CUM] = {"the forecast over-predicted %s of programme %s summed up to %s: below its %d%% band",
        "预测高估了项目 %2$s 截至%3$s的累计%1$s：低于其%4$d%%区间"},
    [PS_L_BT_SUMMARY] = {"%s of programme %s: %d of %d periods outside the 90%% band (about 10%% expected), %d outside the 99%% band",
        "项目 %2$s 的%1$s：%4$d 期中有 %3$d 期落在90%%区间之外（预期约10%%），%5$d 期落在99%%区间之外"},
    [PS_L_BT_METHOD] = {"Percentile: the mid-rank of the actual among the paths, (paths below + half the paths equal) ÷ paths. Bands: the forecast's 5th–95th and 0.5th–99.5th percentiles of the same figure. Cumulative: summed over the file's periods up to this one. Claims: what the programme's payers other than the bank are asked for on the claims lodged in the period, in yuan.",
        "百分位：实际值在各路径中的中位秩，即（低于实际值的路径数 + 等于实际值的路径数的一半）÷ 路径数。区间：同一指标预测分布的第5–95百分位和第0.5–99.5百分位。累计：对数据文件中截至本期的各期求和。补偿申请额：当期提出的补偿申请中，银行以外的各出资方被要求承担的金额（元）。"},
    [PS_L_BT_CHART] = {"Programme %s: %s by period, forecast and actual",
        "项目 %s：各期%s，预测与实际"},
    [PS_L_BT_BAND_995] = {"0.5%–99.5% of paths",
        "0.5%–99.5%的路径落在此区间"},
    [PS_L_BT_CAPTION] = {"Quantiles over paths of the figure in each period; dots: the actual figures (red outside the 99% band, amber outside the 90% band).",
        "各期该指标在各路径上的分位数；圆点为实际值（红色：超出99%区间；橙色：超出90%区间）。"},
    [PS_L_BT_LOANS_AXIS] = {"loans",
        "笔"},
    [PS_L_ANSWER_NOT_ENOUGH] = {"%s from %s is not enough to keep the %s risk of running dry at or below %s: %s is needed "
        "(95%% CI %s–%s).",
        "%2$s出资的 %1$s 不足以把%3$s内资金耗尽的风险控制在 %4$s 以内：需要 %5$s（95%% 置信区间 %6$s–%7$s）。"},
    [PS_L_ANSWER_ENOUGH] = {"%s from %s is enough to keep the %s risk of running dry at or below %s: %s would do "
        "(95%% CI %s–%s).",
        "%2$s出资的 %1$s 足以把%3$s内资金耗尽的风险控制在 %4$s 以内：%5$s 即可（95%% 置信区间 %6$s–%7$s）。"},
    [PS_L_ANSWER_CLOSE] = {"%s from %s may or may not keep the %s risk of running dry at or below %s (too close to call: "
        "run more paths): %s is needed (95%% CI %s–%s).",
        "%2$s出资的 %1$s 能否把%3$s内资金耗尽的风险控制在 %4$s 以内难以判定（需要更多路径）：需要 %5$s（95%% 置信区间 "
        "%6$s–%7$s）。"},
    [PS_L_ANSWER_WHO] = {"%s", "%s"},
    [PS_L_TERM_CLAIMS] = {"claims", ZH_CLAIMS},
    [PS_L_TERM_PAID] = {"paid", ZH_PAID},
    [PS_L_TERM_SHORTFALL] = {"shortfall", ZH_SHORTFALL},
    [PS_L_TERM_RECOVERED] = {"recovered", ZH_RECOVERED},
    [PS_L_TERM_NET_OUTLAY] = {"net outlay", ZH_NET_OUTLAY},
    [PS_L_TERM_REQUIRED] = {"required initial balance", ZH_REQUIRED},
    [PS_L_TERM_UNSETTLED] = {"claims due after the horizon", ZH_UNSETTLED},
    [PS_L_TERM_TOPUPS] = {"top-ups", ZH_TOPUPS},
    [PS_L_TERM_RETURNED] = {"returned at the horizon", ZH_RETURNED},
    [PS_L_TERM_DEPLETION] = {"depletion", ZH_DEPLETION},
    [PS_L_TERM_CLAIMS_DEF] = {"what the banks ask the pool to pay on defaulted loans, at its share, when they fall due",
        "银行就违约贷款按资金池分担比例提出、到期应付的补偿金额"},
    [PS_L_TERM_PAID_DEF] = {"what the pool paid on those claims", "资金池对补偿申请实际支付的金额"},
    [PS_L_TERM_SHORTFALL_DEF] = {"claims the pool could not pay when they fell due, because it had run dry",
        "补偿申请到期时因资金池余额不足而未能支付的部分"},
    [PS_L_TERM_RECOVERED_DEF] = {"the pool's part of what is recovered on defaulted loans; it comes back months or years "
        "after the claim was paid",
        "违约贷款追偿所得中归还资金池的部分，通常在补偿支付后数月乃至数年才到账"},
    [PS_L_TERM_NET_OUTLAY_DEF] = {"paid less recovered over the horizon", "期内已补偿减追偿回收"},
    [PS_L_TERM_REQUIRED_DEF] = {"the smallest initial balance with which a path never runs dry; its quantiles over paths "
        "are the sizing answer",
        "一条路径始终不耗尽所需的最小初始规模；其在各路径上的分位数即规模测算结论"},
    [PS_L_TERM_UNSETTLED_DEF] = {"claims on loans defaulted within the horizon that fall due after it",
        "期内违约、期末后才到期的补偿申请"},
    [PS_L_TERM_TOPUPS_DEF] = {"money put into the pool after it starts: scheduled, by rules or by hooks",
        "资金池设立后注入的资金：按计划、按规则或由脚本触发"},
    [PS_L_TERM_RETURNED_DEF] = {"the balance paid back to the owner at the horizon (wind-down)", "期末退还出资方的余额（清算）"},
    [PS_L_TERM_DEPLETION_DEF] = {"the pool cannot pay a claim in full when it falls due (a shortfall)",
        "补偿申请到期时资金池无法足额支付（出现补偿缺口）"},
    [PS_L_TERM_GLOSSARY] = {"Terms", "术语"},
    [PS_L_AUDIT_RUN_AT] = {"run at", "运行时间"},
    [PS_L_AUDIT_COMMAND] = {"command line", "命令行"},
    [PS_L_AUDIT_THREADS_HEAD] = {"threads", "线程数"},
    [PS_L_AUDIT_THREADS] = {"%d threads of the machine's %d", "使用 %d 个线程（本机共 %d 个）"},
    [PS_L_AUDIT_THREADS_USED] = {"%d threads", "使用 %d 个线程"},
    [PS_L_ANSWER_WHO_POOL] = {"%s in pool %s", "%s（资金池 %s）"},
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
