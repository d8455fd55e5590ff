--[[
广元市知识产权质押融资风险补偿基金 (2017) — a small IP-pledge fund whose PD nobody knows

The question: Guangyuan set up a risk compensation fund for IP-pledge (知识产权质押) loans. A
small city has almost no loss history on such loans, so the default rate is an estimate, not a
fact, and how many firms will come forward is uncertain too. How large must the fund be, and
how much of that answer is the uncertainty about the PD itself rather than ordinary bad luck?

Run it:   ./poolsim run scenarios/guangyuan_ip_2017.lua
Size it:  ./poolsim size scenarios/guangyuan_ip_2017.lua
The report gives the pool needed with the PD and rho drawn once per path and at their means,
on the same random numbers otherwise, and says what share of the answer the difference is.

What the policy says (DOMAIN notes):
  [P1] Guangyuan (2017) runs an IP-pledge loan risk compensation fund (知识产权质押融资风险补偿),
       alongside science-and-technology guarantees and insurance (not modelled here).
  The source names the instrument only: its size, shares and terms are not given.
Assumptions, marked [A] where they are set, and why:
  - the fund: 2 000万 [A], with banks lending up to about 10x it (the usual 放大倍数, DOMAIN);
  - the fund pays 40% of the principal loss, the bank the rest [A]: the common ratio of
    Guangzhou's tiers and Anhui's pools, without their size bands (loans here are small);
  - volume: IP-pledge lending in a city of this size is a handful of loans a month; the count is
    Poisson with a mean of 6 a month [A], and demand_rho = -0.2 [A] makes slightly more firms
    ask in downturns (working-capital needs rise when sales fall), which is the prudent side;
  - PD: 4% a year is the central estimate used for Chongqing's IP loans [A]; with no local loss
    history it is given a beta distribution with sd 2% (a 90% range of about 1.5% to 7.5%),
    drawn once per path: poolsim.uncertain;
  - rho: between 0.08 and 0.20 [A] (young tech firms in one city share a cycle, but how much is
    not known), drawn once per path as well;
  - LGD: IP collateral recovers little: beta mean 70%, sd 20% [A];
  - timing: 3 months of arrears before a claim, 1 month to pay, recoveries after 2 years [A].
]]
local wan = poolsim.wan

return poolsim.scenario{
  name = "广元知识产权质押融资风险补偿基金 2017 (参数不确定性)",
  periods = 54,                 -- [A] three years of lending, then run-off until the last claims
  step = "month",
  seed = 2017,
  paths = 20000,
  cycle = 0.9,                  -- [A]
  parties = {
    { id = "city", kind = "government", name = "广元市财政局/知识产权局" },
    { id = "banks", kind = "bank", name = "合作银行 (together)", npl_tolerance = 0.03 },  -- [A] typical tolerance
  },
  pools = {
    { id = "ip_fund", owner = "city", name = "知识产权质押融资风险补偿基金",
      initial = wan(2000),      -- [A] the policy names the fund, not its size
      yield = 0.015 },          -- [A]
  },
  segments = {
    { id = "ip_loans", name = "知识产权质押贷款", originate = {1, 36},
      new_loans = poolsim.poisson{ mean = 6 }, demand_rho = -0.2,            -- [A] see the header
      loan = poolsim.lognormal{ mean = wan(300), sd = wan(150) },           -- [A] about 10x the fund outstanding
      tenor = 12, rate = 0.049,                                              -- IP-pledge rates from 4.9% (Mianyang, DOMAIN)
      pd = poolsim.uncertain(poolsim.beta{ mean = 0.04, sd = 0.02 }),       -- [A] no loss history: estimation risk
      rho = poolsim.uncertain(poolsim.uniform{ min = 0.08, max = 0.20 }),   -- [A]
      lgd = poolsim.beta{ mean = 0.70, sd = 0.20 },                          -- [A] IP collateral recovers little
      flags = { "ip_pledge" } },
  },
  programmes = {
    { id = "ip_pledge", segments = { "ip_loans" }, bank = "banks",
      share = { ip_fund = 0.40, banks = 0.60 },                             -- [A] see the header
      recognition_lag = 3, claim_lag = 1, recovery_lag = 24 },               -- [A]
  },
}
