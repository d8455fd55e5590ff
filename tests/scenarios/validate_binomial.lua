-- Validation (tests/validation/test_validation.c): independent defaults, rho = 0.
-- One cohort of identical loans originated in period 1; the whole loss goes to
-- one pool (share 1, LGD 1, no lags, no yield), and the pool is far larger than
-- any possible claim, so its balance drop in a period is that period's
-- defaulted exposure. The test varies pd, step, periods and tenor with --set
-- style overrides; as written it is one year in one period.
return poolsim.scenario{
  name = "validate: binomial defaults",
  periods = 1,
  step = "year",
  seed = 20240601,
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
      repayment = "bullet", rate = 0.05, pd = 0.05, lgd = 1, rho = 0 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 1 } },
  },
}
