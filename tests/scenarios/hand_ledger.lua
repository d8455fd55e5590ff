-- A deterministic scenario whose ledger tests/validation/test_hand_ledger.c computes by
-- hand, to the fen: pd = 1 (every loan defaults in its first period), fixed loan
-- sizes and LGDs, yearly steps so the yield is exactly 10% a period.
return poolsim.scenario{
  name = "hand-computed ledger",
  periods = 3,
  step = "year",
  seed = 1,
  paths = 1,
  parties = {
    { id = "gov", kind = "government" },
    { id = "bank", kind = "bank" },
    { id = "guar", kind = "guarantor" },
  },
  pools = {
    { id = "fund", owner = "gov", initial = poolsim.wan(50), topups = { [2] = poolsim.wan(50) }, yield = 0.10 },
  },
  segments = {
    { id = "s1", new_loans = 2, originate = {1, 1}, loan = poolsim.wan(100), tenor = 2, pd = 1, lgd = 0.3 },
    { id = "s2", new_loans = 1, originate = {2, 2}, loan = poolsim.wan(90), tenor = 3,
      repayment = "amortizing", pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p1", segments = {"s1"}, bank = "bank", share = { fund = 0.5, guar = 0.2, bank = 0.3 },
      cap_per_loan = poolsim.wan(40), claim_lag = 1, recovery_lag = 2 },
    { id = "p2", segments = {"s2"}, bank = "bank", share = { fund = 1 } },
  },
}
