--[[
洛阳市科技型中小企业贷款风险补偿资金池 (2017) — a 4 000万 pool guiding 4亿 of loans

The question: the city enlarged its science-and-technology SME loan risk pool to 4 000万 to
guide 4亿 of lending (10x), with government, bank and insurer sharing losses. Is 4 000万
enough, and what does the city pay each year in premium subsidies on top?

Run it:  ./poolsim run scenarios/luoyang_2017.lua

Sources (DOMAIN notes):
  [P1] the pool is enlarged to 4 000万 and guides 4亿 of loans (10x leverage);
  [P2] government-bank-insurer three-way loss sharing, with premium and loss subsidies;
  [P3] guarantee-insurance premiums are capped near 3% a year (Wenzhou <= 3%, Yunnan <= 2.7%);
  [P4] premium subsidies of 50% exist (Shanghai);
  [P5] a 2‰ reward to banks on their science-and-technology SME lending (财政金融互动奖补).
Assumptions are marked [A] where they are set.
]]
local wan = poolsim.wan

return poolsim.scenario{
  name = "洛阳科技型中小企业贷款风险补偿资金池 2017 (4000万)",
  periods = 54,                 -- [A] three years of lending, then run-off until the last claims
  step = "month",
  seed = 2017,
  paths = 20000,
  cycle = 0.9,                  -- [A]
  discount_rate = 0.03,         -- [A] the city's cost in present value at about the 2017 treasury yield
  parties = {
    { id = "city", kind = "government", name = "洛阳市财政局/科技局" },
    { id = "bank", kind = "bank", name = "合作银行", npl_tolerance = 0.03 },     -- [A] typical tolerance
    { id = "insurer", kind = "insurer", name = "合作保险公司", premium = 0.02 }, -- [A] below the [P3] caps
  },
  pools = {
    { id = "pool", owner = "city", name = "科技贷款风险补偿资金池",
      initial = wan(4000),      -- [P1]
      yield = 0.015 },          -- [A]
  },
  segments = {
    -- [P1] 4亿 outstanding with one-year loans of ~200万: about 17 new loans a month
    { id = "tech_sme", name = "科技型中小企业", new_loans = 17, originate = {1, 36},
      loan = poolsim.lognormal{ mean = wan(200), sd = wan(120) },   -- [A]
      tenor = 12, rate = 0.055, pd = 0.035,                            -- [A] young tech firms
      lgd = poolsim.beta{ mean = 0.6, sd = 0.2 }, rho = 0.12,          -- [A]
      flags = { "pure_credit" } },
  },
  programmes = {
    { id = "kedai", segments = { "tech_sme" }, bank = "bank",
      share = { pool = 0.4, insurer = 0.3, bank = 0.3 },               -- [P2] the split is [A]
      claim_lag = 4, recovery_lag = 18,                                -- [A]
      premium_subsidy = { share = 0.5, payer = "city" },               -- [P2][P4]
      lending_reward = { rate = 0.002, payer = "city" } },             -- [P5]
  },
}
