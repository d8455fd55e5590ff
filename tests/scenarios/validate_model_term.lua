-- Validation (tests/validation/test_model_validation.c): PD term structure and stress
-- by period. One cohort of identical loans (fixed amount, LGD 1) originated in
-- period 3 (so that a loan's age, t - 3, differs from the period number) and at
-- risk for 24 monthly periods, 3..26, with an annual PD of 2% in its first year
-- of age and 6% in its second; rho = 0, so loans default independently. The whole exposure goes to one pool (share 1, no lags, no
-- yield) far larger than any claim, so the pool's balance falls in each period
-- by exactly that period's defaulted exposure. The stress tables are here (as
-- no-ops) so that the test can set entries with --set style overrides.
return poolsim.scenario{
  name = "validate model: PD term structure and stress",
  periods = 26,
  step = "month",
  seed = 271828,
  paths = 20000,
  stress = { factor = { [6] = 0 }, pd_multiplier = { [6] = 1 } },
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(1000) },
  },
  segments = {
    { id = "s", new_loans = 1000, originate = {3, 3}, loan = poolsim.wan(1), tenor = 24,
      repayment = "bullet", pd = { 0.02, 0.06 }, lgd = 1, rho = 0 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 1 } },
  },
}
