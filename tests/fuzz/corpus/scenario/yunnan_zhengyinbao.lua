--[[
政银保 — bank, insurer and a public excess-of-loss fund (Yunnan-style guarantee insurance)

The question: a province backs guarantee-insurance (保证保险) lending with a public fund
that pays 80% of the insurer's claims above a 120% loss ratio, and subsidises half the
premium. What will the fund pay, and how often does the insurer hit its circuit breaker?

Run it:  ./poolsim run scenarios/yunnan_zhengyinbao.lua

Sources (DOMAIN notes):
  [P1] bank and insurer share principal and interest losses 3:7 (Wenzhou, Yiwu);
  [P2] premium <= 3% a year (Wenzhou), <= 2.7% (Yunnan); per borrower <= 300万 for firms;
  [P3] Yunnan's fund pays 80% of the insurer's losses above a 120% loss ratio, and business
       pauses at a 120% loss ratio or a 10% overdue rate;
  [P4] premium subsidies of 50% (Shanghai performance-guarantee loans).
Assumptions are marked [A] where they are set.
]]
local wan, yi = poolsim.wan, poolsim.yi

return poolsim.scenario{
  name = "政银保 (bank 3 : insurer 7, public excess-of-loss fund)",
  periods = 48,                 -- [A] three years of lending, one of run-off
  step = "month",
  seed = 37,
  paths = 20000,
  cycle = 0.9,                  -- [A]
  parties = {
    { id = "province", kind = "government", name = "省财政厅" },
    { id = "bank", kind = "bank", name = "合作银行" },
    { id = "insurer", kind = "insurer", name = "保证保险承保公司",
      premium = 0.027 },        -- [P2] Yunnan's ceiling
  },
  pools = {
    { id = "xol_fund", owner = "province", name = "政银保风险补偿资金",
      initial = yi(0.5),        -- [A] the size under test
      yield = 0.015 },          -- [A]
  },
  segments = {
    { id = "smes", name = "小微企业 (<= 300万)", new_loans = 40, originate = {1, 36},
      loan = poolsim.lognormal{ mean = wan(150), sd = wan(80) },    -- [P2] per borrower <= 300万
      tenor = 12, rate = 0.06, pd = 0.035,                            -- [A] unsecured small-firm loans
      lgd = poolsim.beta{ mean = 0.7, sd = 0.2 }, rho = 0.12 },       -- [A] little collateral
  },
  programmes = {
    { id = "zhengyinbao", segments = { "smes" }, bank = "bank",
      share = poolsim.rules.split_bank_insurer{ bank = "bank", insurer = "insurer" },   -- [P1]
      covers = "principal+interest",                                                   -- [P1]
      recognition_lag = 3,        -- [A] three months of arrears before a claim
      claim_lag = 1,              -- [A]
      recovery_lag = 18,          -- [A]
      excess_layer = { payer = "xol_fund", of = "insurer", above_loss_ratio = 1.2, share = 0.8 },  -- [P3]
      premium_subsidy = { share = 0.5, payer = "province" },                           -- [P4]
      triggers = {
        { kind = "npl_ratio", above = 0.10, resume = 0.08, action = "stop_lending" },  -- [P3] 10% overdue rate; [A] resume at 8%
        { kind = "loss_ratio", above = 1.2, resume = 1.0, action = "stop_lending" },   -- [P3] 120% loss ratio; [A] resume at 100%
      } },
  },
}
