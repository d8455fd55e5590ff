-- Hand-computed in tests/unit/test_rules.c (mechanism 5): 75% paid at the claim,
-- the rest with the recovery; the pool runs short on a second payment.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: two-stage payment", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(140) } },
  segments = {
    { id = "s1", new_loans = 2, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.4 },
    { id = "s2", new_loans = 1, originate = {2, 2}, loan = 1000000.02, tenor = 1, pd = 1, lgd = 0.4 },
  },
  programmes = {
    { id = "p", segments = {"s1", "s2"}, bank = "bank", share = { fund = 0.6, bank = 0.4 },
      first_payment = 0.75, claim_lag = 1, recovery_lag = 2 },
  },
}
