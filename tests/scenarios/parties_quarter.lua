-- Hand-computed in tests/validation/test_parties.c (mechanism 7, quarterly): annual
-- rates and the yearly per-loan subsidy cap scale with the step (a quarter).
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: quarterly flows", periods = 3, step = "quarter", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" },
              { id = "bank", kind = "bank", funding_cost = 0.012 },
              { id = "guar", kind = "guarantor", guarantee_fee = 0.01 } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "q", new_loans = 2, originate = {1, 1}, loan = wan(100), tenor = 8, rate = 0.05, pd = 0, lgd = 0.5 },
    { id = "qa", new_loans = 1, originate = {1, 1}, loan = wan(16), tenor = 4, repayment = "amortizing",
      rate = 0.05, pd = 0, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"q", "qa"}, bank = "bank", share = { guar = 0.5, fund = 0.3, bank = 0.2 },
      interest_subsidy = { of_principal = 0.02, payer = "gov", cap_per_loan = 3000 },
      fee_subsidy = { share = 0.5, payer = "gov" } },
  },
}
