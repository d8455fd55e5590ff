-- Hand-computed in tests/validation/test_parties.c (mechanism 2): a guarantor with
-- capital earns fees, pays its shares out of what is left, runs out; its unpaid
-- shares fall to excess_to (a province that pays the bank), which then shares
-- the recoveries in proportion to what it paid.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: guarantor capital", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor", capital = wan(50), guarantee_fee = 0.01 },
              { id = "prov", kind = "government" } },
  pools = { { id = "fund", owner = "city", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 10, originate = {1, 1}, loan = wan(100), tenor = 3, pd = 0, lgd = 0.5 },
    { id = "b", new_loans = 1, originate = {1, 3}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"g", "b"}, bank = "bank", share = { guar = 0.7, fund = 0.1, bank = 0.2 },
      recovery_lag = 1, excess_to = "prov" },
  },
}
