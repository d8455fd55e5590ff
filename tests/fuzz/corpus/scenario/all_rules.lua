-- Every rule switched on together, with Lua hooks, for property tests: every
-- path's ledger balances (audited), no pool goes negative, and the same seed gives
-- the same bytes with 1, 2 and 4 threads.
local wan, yi = poolsim.wan, poolsim.yi
local rules = poolsim.rules
return poolsim.scenario{
  name = "all rules", periods = 36, step = "month", seed = 99, paths = 300, cycle = 0.8,
  parties = {
    { id = "city", kind = "government" },
    { id = "prov", kind = "government" },
    { id = "bank", kind = "bank", npl_tolerance = 0.04, funding_cost = 0.02 },
    { id = "bank2", kind = "bank", npl_tolerance = 0.05 },
    { id = "guar", kind = "guarantor", capital = wan(800), leverage_limit = 8, guarantee_fee = 0.01 },
    { id = "reg", kind = "reguarantor", reguarantee_fee = 0.005 },
    { id = "ins", kind = "insurer", premium = 0.025, loss_ratio_cap = 1.5 },
  },
  pools = {
    { id = "fund", owner = "city", initial = wan(600), topups = { [13] = wan(100) }, yield = 0.02,
      refill = "last_year", wind_down = true },
    { id = "xol", owner = "prov", initial = wan(200), refill_below = 0.05 },
  },
  segments = {
    { id = "a", new_loans = 6, originate = {1, 24}, loan = poolsim.lognormal{mean = wan(150), sd = wan(80)},
      tenor = 12, rate = 0.055, pd = 0.08, lgd = poolsim.beta{mean = 0.6, sd = 0.2}, rho = 0.2,
      flags = {"first_loan"} },
    { id = "b", new_loans = 3, originate = {1, 24}, loan = wan(600), tenor = 12, repayment = "amortizing",
      rate = 0.05, pd = 0.05, lgd = 0.5, rho = 0.2 },
    { id = "c", new_loans = 4, originate = {1, 30}, loan = wan(200), tenor = 6, rate = 0.06, pd = 0.1, lgd = 0.7, rho = 0.15 },
    { id = "d", new_loans = 2, originate = {1, 30}, loan = wan(300), tenor = 12, rate = 0.05, pd = 0.06, lgd = 0.6, rho = 0.1 },
  },
  programmes = {
    { id = "tiered", segments = {"a"}, bank = "bank",
      share = { fund = poolsim.tiered{ {upto = wan(100), ratio = 0.4}, {upto = wan(300), ratio = 0.3}, bonus = {first_loan = 0.1}, ceiling = 0.45 },
                bank = "rest" },
      covers = "principal+interest", recognition_lag = 2, claim_lag = 1, first_payment = 0.75, recovery_lag = 9,
      cap_per_loan = wan(60), cap_per_year = wan(400), cap_loss_share = 0.45, excess_to = "city",
      triggers = { {kind = "npl_ratio", above = 0.15, resume = 0.1, action = "pause"},
                   {kind = "pool_floor", pool = "fund", below = wan(450), resume = wan(500), action = "stop_lending"} },
      interest_subsidy = { share = 0.2, payer = "city", cap_per_loan = wan(2), after_repayment = true } },
    { id = "g4321", segments = {"b"}, bank = "bank",
      share = rules.split_4321{ guarantor = "guar", reguarantor = "reg", bank = "bank", government = "fund" },
      claim_lag = 3, recovery_lag = 12, cap_total = wan(1500), cap_rate = 0.1,
      payer_caps = { guar = wan(150) }, first_loss = { payer = "fund", limit = wan(100) }, moral_hazard = 0.3,
      fee_subsidy = { share = 0.5, payer = "city" },
      triggers = { {kind = "annual_loss_rate", above = 0.06, action = "pause"},
                   {kind = "payout_rate", above = 0.02, resume = 0.015, action = "stop_lending"} } },
    { id = "zyb", segments = {"c"}, bank = "bank2",
      share = rules.split_bank_insurer{ bank = "bank2", insurer = "ins" },
      covers = "principal+interest", claim_lag = 1, recovery_lag = 6,
      excess_layer = { payer = "xol", of = "ins", above_loss_ratio = 1.2, share = 0.8 },
      triggers = { {kind = "loss_ratio", above = 1.5, resume = 1.2, action = "stop_lending"} },
      premium_subsidy = { share = 0.5, payer = "prov" } },
    { id = "custom", segments = {"d"}, bank = "bank2", share = { fund = 0.3, bank2 = 0.7 }, leverage = 3,
      claim_lag = 2, recovery_lag = 8, interest_subsidy = { of_principal = 0.01, payer = "city" },
      split = function(loss, loan, ctx)
        if loan.age < 3 then return { fund = loss * 0.5, bank2 = loss * 0.5 } end
        return { fund = 0.2, bank2 = 0.8 }
      end },
  },
  on_default = function(loan, ctx)
    if loan.segment == "d" and math.random() < 0.1 then return { lgd = 1 } end
  end,
  on_period = rules.combine(
    rules.pause_above_npl("custom", 0.2, 0.1),
    function(ctx)
      if ctx.period == 18 then ctx:set_share("custom", { fund = 0.4, bank2 = 0.6 }) end
      if ctx.period == 30 then ctx:set_share("custom") end
      if ctx:pool("xol").balance < wan(50) then ctx:topup("xol", wan(50)) end
    end),
}
