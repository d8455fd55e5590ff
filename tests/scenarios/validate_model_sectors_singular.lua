-- Validation (tests/validation/test_model_validation.c): ps_scenario_load must reject
-- this sector_correlation: symmetric, unit diagonal, positive semi-definite but
-- singular (sectors a and b perfectly correlated, determinant 0). It is not
-- positive definite, so GSL's Cholesky factorisation fails.
return poolsim.scenario{
  name = "validate model: sector correlation (singular)",
  periods = 1,
  step = "year",
  seed = 1,
  paths = 10,
  sectors = { { id = "a" }, { id = "b" }, { id = "c" } },
  sector_correlation = {
    { 1.0, 1.0, 0.0 },
    { 1.0, 1.0, 0.0 },
    { 0.0, 0.0, 1.0 },
  },
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(1) },
  },
  segments = {
    { id = "sa", new_loans = 10, originate = {1, 1}, loan = poolsim.wan(1), tenor = 1,
      pd = 0.05, lgd = 1, sector = "a", rho_sector = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"sa"}, bank = "bank", share = { fund = 1 } },
  },
}
