-- Hand-computed in tests/unit/test_rules.c (mechanism 4): covers =
-- "principal+interest" with a recognition lag; one claim falls after the horizon.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: principal and interest", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "s1", new_loans = 1, originate = {1, 1}, loan = 1000000.01, tenor = 2, rate = 0.0555, pd = 1, lgd = 0.45 },
    { id = "s2", new_loans = 1, originate = {3, 3}, loan = wan(50), tenor = 2, rate = 0.0555, pd = 1, lgd = 0.45 },
  },
  programmes = {
    { id = "p", segments = {"s1", "s2"}, bank = "bank", share = { fund = 0.4, bank = 0.6 },
      covers = "principal+interest", recognition_lag = 1, claim_lag = 1, recovery_lag = 3 },
  },
}
