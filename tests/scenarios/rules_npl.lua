-- Hand-computed in tests/unit/test_rules.c (mechanism 6): an npl_ratio pause
-- (above 5%, resume at 2%) over a performing book of 9 loans.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: npl ratio pause", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 9, originate = {1, 1}, loan = wan(100), tenor = 4, pd = 0, lgd = 0.5 },
    { id = "b1", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "b2", new_loans = 1, originate = {2, 2}, loan = wan(25), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "b3", new_loans = 1, originate = {3, 3}, loan = wan(10), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"g", "b1", "b2", "b3"}, bank = "bank", share = { fund = 0.7, bank = 0.3 },
      claim_lag = 1, recovery_lag = 1,
      triggers = { { kind = "npl_ratio", above = 0.05, resume = 0.02, action = "pause" } } },
  },
}
