-- Validation (tests/validation/test_uncertain.c): a Poisson volume. A segment originates
-- Poisson(50) one-period loans each month for a year (cycle 0: independent periods); with
-- demand_rho = b the month's mean is 50 exp(b Z_t - b^2/2). The test varies demand_rho, pd and rho.
return poolsim.scenario{
  name = "validate: poisson volume",
  periods = 12,
  step = "month",
  seed = 20261208,
  paths = 20000,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(1000) },
  },
  segments = {
    { id = "s", new_loans = poolsim.poisson{mean = 50}, demand_rho = 0, originate = {1, 12},
      loan = poolsim.wan(1), tenor = 1, repayment = "bullet", rate = 0.05, pd = 0, lgd = 1, rho = 0 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 1 } },
  },
}
