-- tests/scenarios/periods_tail.lua with an on_period hook that tops the fund up in period 150 in place
-- of the scheduled top-up there (tests/unit/test_periods.c): no period is run at once.
local wan = poolsim.wan
return poolsim.scenario{
  name = "long empty tail", periods = 240, seed = 5, paths = 2000, cycle = 0.8,
  on_period = function(ctx) if ctx.period == 150 then ctx:topup("fund", 200000) end end,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(1500), refill = "last_year", topups = { [100] = wan(30) } },
            { id = "reserve", owner = "gov", initial = wan(10), refill_below = 0 } },
  segments = {
    { id = "sme", new_loans = 40, originate = {1, 12}, loan = wan(100), tenor = 12, pd = 0.08, lgd = 0.6, rho = 0.2 },
    { id = "term", new_loans = 10, originate = {2, 9}, loan = poolsim.lognormal{mean = wan(80), sd = wan(30)},
      tenor = 6, repayment = "amortizing", pd = 0.06, lgd = poolsim.beta{mean = 0.5, sd = 0.2}, rho = 0.2 },
  },
  programmes = {
    { id = "p", segments = {"sme", "term"}, bank = "bank", share = { fund = 0.5, reserve = 0.1, bank = 0.4 },
      claim_lag = 3, recovery_lag = poolsim.uniform{min = 3, max = 60} },
  },
}
