--[[
重庆市知识产权质押融资风险补偿基金 (2018) — an IP credit fund grown from 3亿 to 11亿

The question: the fund grew from 3亿 to 11亿 as IP-pledge lending scaled up from a pilot
(89 firms, 1.3亿 of loans). With Guangzhou-style tiered compensation and extra points for
IP pledges, how likely is 11亿 to run dry, and would the 3亿 fund have lasted?

Run it:           ./poolsim run scenarios/chongqing_ip_2018.lua
Without the 8亿:  ./poolsim size scenarios/chongqing_ip_2018.lua --set pools.ip_fund.topups.13=0 --at 3e8

Sources (DOMAIN notes):
  [P1] the intellectual-property credit risk compensation fund grows from 3亿 to 11亿;
  [P2] in the pilot 89 firms got 1.3亿 of loans (about 146万 a firm);
  [P3] tiered compensation by loan size (Guangzhou): 40% up to 500万, 30% to 1 500万, 20% to
       3 000万, +15 points for IP pledges or priority firms, never above 50%.
Assumptions are marked [A] where they are set.
]]
local wan, yi = poolsim.wan, poolsim.yi

return poolsim.scenario{
  name = "重庆知识产权质押融资风险补偿基金 2018 (3亿 -> 11亿)",
  periods = 72,                 -- [A] four years of lending, two of run-off
  step = "month",
  seed = 2018,
  paths = 20000,
  cycle = 0.9,                  -- [A]
  parties = {
    { id = "city", kind = "government", name = "重庆市财政局/知识产权局" },
    { id = "banks", kind = "bank", name = "合作银行 (together)" },
  },
  pools = {
    { id = "ip_fund", owner = "city", name = "知识产权质押融资风险补偿基金",
      initial = yi(3),                          -- [P1] the first fund
      topups = { [13] = yi(8) },                -- [P1] enlarged to 11亿 at the start of year 2 [A: timing]
      yield = 0.015 },                          -- [A]
  },
  segments = {
    -- [P2] the pilot's average loan was ~146万; scaled-up lending [A]: 150 small IP loans a month
    { id = "ip_small", name = "IP质押 <= 500万", new_loans = 150, originate = {1, 48},
      loan = poolsim.lognormal{ mean = wan(150), sd = wan(100) },
      tenor = 12, rate = 0.049, pd = 0.04,      -- [A] IP-pledge borrowers are young firms
      lgd = poolsim.beta{ mean = 0.65, sd = 0.2 }, rho = 0.12,   -- [A] IP collateral recovers little
      flags = { "ip_pledge" } },
    { id = "ip_mid", name = "IP质押 500万-3000万", new_loans = 15, originate = {1, 48},
      loan = poolsim.lognormal{ mean = wan(1200), sd = wan(600) },
      tenor = 24, repayment = "amortizing", rate = 0.049, pd = 0.025,
      lgd = poolsim.beta{ mean = 0.6, sd = 0.2 }, rho = 0.15,
      flags = { "ip_pledge" } },
  },
  programmes = {
    { id = "ip_pledge", segments = { "ip_small", "ip_mid" }, bank = "banks",
      share = {
        ip_fund = poolsim.tiered{                                     -- [P3]
          { upto = wan(500), ratio = 0.40 }, { upto = wan(1500), ratio = 0.30 }, { upto = wan(3000), ratio = 0.20 },
          bonus = { ip_pledge = 0.15 }, ceiling = 0.50 },
        banks = "rest" },
      recognition_lag = 3, claim_lag = 1, recovery_lag = 24 },        -- [A]
  },
}
