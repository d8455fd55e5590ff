-- Validation (tests/validation/test_uncertain.c): demand_rho's link to defaults. One month,
-- Poisson(400) one-period loans with pd 0.05 and rho 0.3: the default rate falls as the
-- systemic factor Z rises, and demand_rho = b moves the volume with exp(b Z), so the
-- correlation of the volume with the default rate has the sign of -b. The test varies b.
return poolsim.scenario{
  name = "validate: demand_rho and defaults",
  periods = 1,
  step = "month",
  seed = 20261209,
  paths = 20000,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(1000) },
  },
  segments = {
    { id = "s", new_loans = poolsim.poisson{mean = 400}, demand_rho = 0.8, originate = {1, 1},
      loan = poolsim.wan(1), tenor = 1, repayment = "bullet", rate = 0.05, pd = 0.05, lgd = 1, rho = 0.3 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 1 } },
  },
}
