-- Hand-computed in tests/unit/test_rules.c (mechanism 9): refill = "last_year"
-- with yield, shortfalls (the refill is of what was paid) and a year with a
-- negative net outlay (no refill).
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: refill last year", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(50), yield = 0.10, refill = "last_year" } },
  segments = {
    { id = "s", new_loans = 1, originate = {1, 2}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 0.6, bank = 0.4 }, recovery_lag = 1 },
  },
}
