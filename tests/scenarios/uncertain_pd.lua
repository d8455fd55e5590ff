-- Validation (tests/validation/test_uncertain.c): an uncertain PD, independent defaults.
-- One cohort of 1000 identical loans at risk for one year in one period, rho = 0, so given
-- the path's PD p the default count is Binomial(1000, p), and over the paths
-- Var(D) = E[n p (1 - p)] + n^2 Var(p). The whole loss goes to one pool far larger than any claim.
return poolsim.scenario{
  name = "validate: uncertain pd",
  periods = 1,
  step = "year",
  seed = 20261207,
  paths = 20000,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(1000) },
  },
  segments = {
    { id = "s", new_loans = 1000, originate = {1, 1}, loan = poolsim.wan(1), tenor = 1,
      repayment = "bullet", rate = 0.05, pd = poolsim.uncertain(poolsim.beta{mean = 0.05, sd = 0.02}),
      lgd = 1, rho = 0 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 1 } },
  },
}
