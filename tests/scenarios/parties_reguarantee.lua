-- Hand-computed in tests/validation/test_parties.c (mechanism 4): a re-guarantor's
-- fee on its share of the loans, paid by the programme's guarantor (p1) or by
-- the bank when the programme has no guarantor (p2); it pays its shares of a
-- default like any party.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: re-guarantee fee", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor", guarantee_fee = 0.012 },
              { id = "rg", kind = "reguarantor", reguarantee_fee = 0.005 } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "s1", new_loans = 5, originate = {1, 1}, loan = wan(100), tenor = 2, pd = 0, lgd = 0.5 },
    { id = "d1", new_loans = 1, originate = {2, 2}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "s2", new_loans = 2, originate = {1, 2}, loan = 1000000.07, tenor = 2, pd = 0, lgd = 0.5 },
  },
  programmes = {
    { id = "p1", segments = {"s1", "d1"}, bank = "bank", share = { guar = 0.5, rg = 0.3, bank = 0.2 } },
    { id = "p2", segments = {"s2"}, bank = "bank", share = { fund = 0.4, rg = 0.4, bank = 0.2 } },
  },
}
