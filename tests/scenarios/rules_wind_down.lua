-- Hand-computed in tests/unit/test_rules.c (mechanism 11): fundA winds down to
-- its owner (prov) after the last period; fundB keeps its balance. One claim
-- falls after the horizon.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: wind down", periods = 2, step = "year", seed = 1, paths = 1,
  parties = { { id = "city", kind = "government" }, { id = "prov", kind = "government" },
              { id = "bank", kind = "bank" } },
  pools = { { id = "fundA", owner = "prov", initial = wan(100), wind_down = true },
            { id = "fundB", owner = "city", initial = wan(100) } },
  segments = {
    { id = "s1", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "s2", new_loans = 1, originate = {2, 2}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"s1", "s2"}, bank = "bank", share = { fundA = 0.3, fundB = 0.3, bank = 0.4 },
      claim_lag = 1, recovery_lag = 1 },
  },
}
