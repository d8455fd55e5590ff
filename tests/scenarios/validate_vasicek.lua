-- Validation (tests/validation/test_validation.c): the Vasicek large homogeneous
-- portfolio. One period of one year, one cohort of identical loans with LGD 1,
-- all of the loss to one pool (share 1) that never runs dry, so the pool's
-- claims are the defaulted exposure and D/n is the default rate. The test sets
-- pd and rho with overrides.
return poolsim.scenario{
  name = "validate: Vasicek portfolio",
  periods = 1,
  step = "year",
  seed = 977,
  paths = 20000,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(10000) },
  },
  segments = {
    { id = "s", new_loans = 20000, originate = {1, 1}, loan = poolsim.wan(1), tenor = 1,
      repayment = "bullet", rate = 0.05, pd = 0.02, lgd = 1, rho = 0.12 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 1 } },
  },
}
