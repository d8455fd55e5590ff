-- Validation (tests/validation/test_model_validation.c): sector factors. Three
-- sectors; a and b have correlated factors (r = 0.6), c is independent of both.
-- One segment per sector (rho = 0: no systemic loading, rho_sector = 0.5), one
-- period of one year, each segment in its own programme so that each sector's
-- default count is a programme's `defaults`. All exposure goes to one pool far
-- larger than any claim. The test varies sector_correlation entries (to show a
-- matrix that is not positive definite is rejected) with --set style overrides.
local function segment(id, sector)
  return { id = id, new_loans = 1000, originate = {1, 1}, loan = poolsim.wan(1), tenor = 1,
           repayment = "bullet", pd = 0.05, lgd = 1, rho = 0, sector = sector, rho_sector = 0.5 }
end
return poolsim.scenario{
  name = "validate model: sector factors",
  periods = 1,
  step = "year",
  seed = 161803,
  paths = 20000,
  sectors = { { id = "a" }, { id = "b" }, { id = "c" } },
  sector_correlation = {
    { 1.0, 0.6, 0.0 },
    { 0.6, 1.0, 0.0 },
    { 0.0, 0.0, 1.0 },
  },
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(100000) },
  },
  segments = { segment("sa", "a"), segment("sb", "b"), segment("sc", "c") },
  programmes = {
    { id = "pa", segments = {"sa"}, bank = "bank", share = { fund = 1 } },
    { id = "pb", segments = {"sb"}, bank = "bank", share = { fund = 1 } },
    { id = "pc", segments = {"sc"}, bank = "bank", share = { fund = 1 } },
  },
}
