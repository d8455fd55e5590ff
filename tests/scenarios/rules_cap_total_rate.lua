-- Hand-computed in tests/unit/test_rules.c (mechanism 3): cap_total over the
-- horizon (split pro rata between a guarantor and a pool), and cap_rate on the
-- principal enrolled so far.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: cap total and cap rate", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor" } },
  pools = { { id = "fundT", owner = "gov", initial = wan(100) },
            { id = "fundR", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "tA", new_loans = 1, originate = {1, 3}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.4 },
    { id = "rg", new_loans = 2, originate = {1, 3}, loan = wan(100), tenor = 3, pd = 0, lgd = 0.5 },
    { id = "rb", new_loans = 1, originate = {1, 1}, loan = wan(50), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "rb2", new_loans = 2, originate = {3, 3}, loan = wan(50), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "pT", segments = {"tA"}, bank = "bank", share = { fundT = 0.5, guar = 0.3, bank = 0.2 },
      cap_total = 1000000.01 },
    { id = "pR", segments = {"rg", "rb", "rb2"}, bank = "bank", share = { fundR = 1 }, cap_rate = 0.1 },
  },
}
