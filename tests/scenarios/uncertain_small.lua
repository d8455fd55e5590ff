-- small.lua with demand risk and estimation risk (issue 15): a Poisson volume tied to the cycle,
-- an uncertain PD, LGD and rho, and an uncertain cycle. Used by tests/validation/test_uncertain.c.
return poolsim.scenario{
  name = "small test scheme, uncertain",
  periods = 24,
  step = "month",
  seed = 7,
  paths = 2000,
  cycle = poolsim.uncertain(poolsim.uniform{min = 0.6, max = 0.9}),
  parties = {
    { id = "city", kind = "government", name = "City finance bureau" },
    { id = "bank_a", kind = "bank" },
    { id = "bank_b", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.wan(500), topups = { [13] = poolsim.wan(100) }, yield = 0.015 },
  },
  segments = {
    { id = "a_small", new_loans = poolsim.poisson{mean = 10}, demand_rho = -0.3, originate = {1, 12},
      loan = poolsim.lognormal{mean = poolsim.wan(200), sd = poolsim.wan(100)},
      tenor = 12, repayment = "bullet", rate = 0.05, pd = poolsim.uncertain(poolsim.beta{mean = 0.04, sd = 0.015}),
      lgd = poolsim.beta{mean = 0.6, sd = 0.2}, rho = poolsim.uncertain(poolsim.uniform{min = 0.1, max = 0.2}) },
    { id = "b_term", new_loans = 4, originate = {1, 12}, loan = poolsim.wan(500),
      tenor = 12, repayment = "amortizing", rate = 0.045, pd = 0.02,
      lgd = poolsim.uncertain(poolsim.beta{mean = 0.5, sd = 0.1}), rho = 0.15 },
  },
  programmes = {
    { id = "prog_a", segments = {"a_small"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 },
      cap_per_loan = poolsim.wan(100), claim_lag = 3, recovery_lag = 9 },
    { id = "prog_b", segments = {"b_term"}, bank = "bank_b", share = { fund = 0.5, bank_b = 0.5 },
      claim_lag = 2, recovery_lag = 6 },
  },
}
