-- Validation (tests/validation/test_model_validation.c): the one-factor default model.
-- One cohort of identical loans (fixed amount, fixed LGD) originated in period 1
-- and at risk for one period of one year; the whole exposure goes to one pool
-- (share 1, no lags, no yield) that is far larger than any possible claim, so the
-- pool's claims are the defaulted exposure, its recoveries (1 - LGD) of it, and
-- D/n is the default rate. The test varies new_loans, pd, rho, lgd, copula, nu,
-- lgd_downturn and stress.factor[1] with --set style overrides.
return poolsim.scenario{
  name = "validate model: one factor, one period",
  periods = 1,
  step = "year",
  seed = 314159,
  paths = 20000,
  copula = "gaussian",
  stress = { factor = { [1] = 0 }, pd_multiplier = { [1] = 1 } },
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(100000) },
  },
  segments = {
    { id = "s", new_loans = 40, originate = {1, 1}, loan = poolsim.wan(1), tenor = 1,
      repayment = "bullet", pd = 0.05, lgd = 1, rho = 0.2, lgd_downturn = 0 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 1 } },
  },
}
