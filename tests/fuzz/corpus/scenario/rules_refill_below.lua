-- Hand-computed in tests/unit/test_rules.c (mechanism 10): refill_below = 0.1
-- of the expected principal at risk of an amortizing performing book.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: refill below", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(50), refill_below = 0.1 } },
  segments = {
    { id = "g", new_loans = 10, originate = {1, 1}, loan = wan(100), tenor = 4, repayment = "amortizing",
      pd = 0, lgd = 0.5 },
    { id = "b1", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.6 },
    { id = "b2", new_loans = 1, originate = {2, 2}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.6 },
  },
  programmes = {
    { id = "p", segments = {"g", "b1", "b2"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } },
  },
}
