-- Hand-computed in tests/validation/test_parties.c (mechanism 3): a guarantor's
-- leverage_limit (outstanding guarantees <= 4 x capital left) declines new
-- loans as its payouts shrink its capital, and lends again as the book runs
-- off and recoveries come back.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: leverage limit", periods = 5, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor", capital = wan(100), leverage_limit = 4 } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 3, originate = {1, 5}, loan = wan(50), tenor = 2, pd = 0, lgd = 0.5 },
    { id = "b", new_loans = 2, originate = {1, 5}, loan = wan(40), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"g", "b"}, bank = "bank", share = { guar = 0.5, fund = 0.25, bank = 0.25 },
      recovery_lag = 1 },
  },
}
