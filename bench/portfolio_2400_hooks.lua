-- Benchmark scenario: bench/portfolio_2400.lua with Lua hooks: an empty on_default
-- (called at every default) and a split for programme b, to measure what hooks cost.
local wan = poolsim.wan
return poolsim.scenario{
  name = "bench: 36 months, 2400 loans, with a Lua split hook and on_default",
  periods = 36,
  seed = 99,
  paths = 100000,
  cycle = 0.9,
  parties = {
    { id = "gov", kind = "government" },
    { id = "bank_a", kind = "bank" },
    { id = "bank_b", kind = "bank" },
  },
  pools = { { id = "fund", owner = "gov", initial = poolsim.yi(1), yield = 0.015 } },
  segments = {
    { id = "small", new_loans = 50, originate = {1, 24}, loan = poolsim.lognormal{mean = wan(200), sd = wan(120)},
      tenor = 12, rate = 0.058, pd = 0.04, lgd = poolsim.beta{mean = 0.55, sd = 0.2}, rho = 0.10 },
    { id = "medium", new_loans = 30, originate = {1, 24}, loan = poolsim.lognormal{mean = wan(800), sd = wan(400)},
      tenor = 12, rate = 0.052, pd = 0.025, lgd = poolsim.beta{mean = 0.5, sd = 0.2}, rho = 0.12 },
    { id = "large", new_loans = 20, originate = {1, 24}, loan = wan(2000),
      tenor = 12, repayment = "amortizing", rate = 0.048, pd = 0.012, lgd = 0.45, rho = 0.15 },
  },
  on_default = function(loan, ctx) end,
  programmes = {
    { id = "a", segments = {"small", "medium"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 },
      cap_per_loan = wan(500), claim_lag = 4, recovery_lag = 12 },
    { id = "b", segments = {"large"}, bank = "bank_b", share = { fund = 0.3, bank_b = 0.7 },
      split = function(loss, loan, ctx) return { fund = 0.3, bank_b = 0.7 } end,
      claim_lag = 4, recovery_lag = 12 },
  },
}
