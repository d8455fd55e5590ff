-- tests/scenarios/quiet.lua with an on_period hook that does nothing (tests/unit/test_quiet.c).
local wan = poolsim.wan
return poolsim.scenario{
  name = "quiet periods", periods = 120, seed = 3, paths = 2000,
  on_period = function(ctx) end,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(900), yield = 0.02, topups = { [40] = wan(50) } },
            { id = "reserve", owner = "gov", initial = 0, refill_below = 0.02 } },
  segments = {
    { id = "early", new_loans = 40, originate = {1, 6}, loan = wan(100), tenor = 6, pd = 0.08, lgd = 0.6, rho = 0.2 },
    { id = "early_term", new_loans = 10, originate = {2, 5}, loan = poolsim.lognormal{mean = wan(80), sd = wan(30)},
      tenor = 6, repayment = "amortizing", pd = 0.06, lgd = poolsim.beta{mean = 0.5, sd = 0.2}, rho = 0.2 },
    { id = "late", new_loans = 30, originate = {70, 75}, loan = wan(100), tenor = 6, pd = 0.08, lgd = 0.6, rho = 0.2 },
  },
  programmes = {
    { id = "p", segments = {"early", "early_term", "late"}, bank = "bank", share = { fund = 0.5, reserve = 0.1, bank = 0.4 },
      claim_lag = 3, recovery_lag = 20,
      triggers = { { kind = "pool_floor", pool = "fund", below = wan(700), resume = wan(750), action = "pause" } } },
  },
}
