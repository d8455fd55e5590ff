-- Sector factors and the t copula with an empty tail (tests/unit/test_periods.c): lending in periods
-- 1..12, loans of tenor 12 (the factors' horizon is period 23) over 120 periods; two correlated
-- sectors (r = 0.6).
local wan = poolsim.wan
return poolsim.scenario{
  name = "sectors with an empty tail", periods = 120, seed = 7, paths = 2000, cycle = 0.7,
  copula = "t", nu = 5,
  sectors = { { id = "a" }, { id = "b" } },
  sector_correlation = { { 1, 0.6 }, { 0.6, 1 } },
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(5000) } },
  segments = {
    { id = "sa", new_loans = 40, originate = {1, 12}, loan = wan(100), tenor = 12, pd = 0.05, lgd = 0.6, rho = 0.1,
      sector = "a", rho_sector = 0.2 },
    { id = "sb", new_loans = 40, originate = {1, 12}, loan = wan(100), tenor = 12, pd = 0.05, lgd = 0.6, rho = 0.1,
      sector = "b", rho_sector = 0.2 },
  },
  programmes = { { id = "p", segments = {"sa", "sb"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
