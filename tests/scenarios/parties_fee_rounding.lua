-- Hand-computed in tests/validation/test_parties.c (mechanism 7, rounding): a fee, a
-- premium and an interest payment of 1000002.4 fen a year, each 70%
-- subsidised. The borrowers pay 1000002 fen each; "that share of the guarantee
-- fees / premiums" (and "share = 0.7 (of interest)") is 700001.4 fen.
return poolsim.scenario{
  name = "parties: subsidy of a fee in fen", periods = 1, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor", guarantee_fee = 0.01 },
              { id = "ins", kind = "insurer", premium = 0.01 } },
  pools = { { id = "fund", owner = "gov", initial = 0 } },
  segments = {
    { id = "si", new_loans = 1, originate = {1, 1}, loan = 1000002.40, tenor = 2, rate = 0.01, pd = 0, lgd = 0.5 },
    { id = "sf", new_loans = 1, originate = {1, 1}, loan = 1000002.40, tenor = 2, pd = 0, lgd = 0.5 },
    { id = "sp", new_loans = 1, originate = {1, 1}, loan = 1000002.40, tenor = 2, pd = 0, lgd = 0.5 },
  },
  programmes = {
    { id = "pi", segments = {"si"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      interest_subsidy = { share = 0.7, payer = "gov" } },
    { id = "pf", segments = {"sf"}, bank = "bank", share = { guar = 0.5, fund = 0.3, bank = 0.2 },
      fee_subsidy = { share = 0.7, payer = "gov" } },
    { id = "pp", segments = {"sp"}, bank = "bank", share = { ins = 0.5, bank = 0.5 },
      premium_subsidy = { share = 0.7, payer = "gov" } },
  },
}
