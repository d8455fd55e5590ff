-- Hand-computed in tests/validation/test_parties.c (mechanism 7): interest subsidies
-- (a share of the interest; a rate on principal capped per loan and year; paid
-- at maturity to the loans repaid in full), a fee subsidy and a premium subsidy.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: subsidies", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "prov", kind = "government" },
              { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor", guarantee_fee = 0.02 },
              { id = "ins", kind = "insurer", premium = 0.015 } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "sa", new_loans = 2, originate = {1, 1}, loan = wan(100), tenor = 2, rate = 0.05, pd = 0, lgd = 0.5 },
    { id = "sb", new_loans = 3, originate = {1, 1}, loan = wan(100), tenor = 3, repayment = "amortizing",
      rate = 0.04, pd = 0, lgd = 0.5 },
    { id = "sc", new_loans = 2, originate = {1, 2}, loan = wan(100), tenor = 3, rate = 0.06, pd = 0, lgd = 0.5 },
    { id = "sd", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 3, rate = 0.06, pd = 1, lgd = 0.5 },
    { id = "se", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 5, rate = 0.06, pd = 0, lgd = 0.5 },
    { id = "sf", new_loans = 4, originate = {1, 1}, loan = wan(100), tenor = 2, pd = 0, lgd = 0.5 },
    { id = "sg", new_loans = 2, originate = {1, 1}, loan = wan(100), tenor = 2, pd = 0, lgd = 0.5 },
  },
  programmes = {
    { id = "pA", segments = {"sa"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      interest_subsidy = { share = 0.1, payer = "gov" } },
    { id = "pB", segments = {"sb"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      interest_subsidy = { of_principal = 0.015, payer = "gov", cap_per_loan = 10000 } },
    { id = "pC", segments = {"sc", "sd", "se"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      interest_subsidy = { share = 0.5, payer = "gov", after_repayment = true } },
    { id = "pD", segments = {"sf"}, bank = "bank", share = { guar = 0.5, bank = 0.5 },
      fee_subsidy = { share = 0.5, payer = "gov" } },
    { id = "pE", segments = {"sg"}, bank = "bank", share = { ins = 0.5, bank = 0.5 },
      premium_subsidy = { share = 0.3, payer = "prov" } },
  },
}
