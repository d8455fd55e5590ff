-- Runs of alike defaults (docs/model.md §6): tests/unit/test_claims.c simulates
-- this scenario with defaults kept as runs and recorded one by one, and requires
-- the same results to the fen and to the bit. Fixed loan sizes and LGDs, so most
-- defaults come in runs (bullet across cohorts, amortizing within one, a PD term
-- structure, an LGD downturn); every rule a run may meet (covered interest, a
-- per-loan cap, a pause, excess_to, 4321 with an unlimited guarantor, an insurer
-- with an excess-of-loss layer, recoveries after the horizon); and a fund that
-- runs dry and is topped up, so runs are split where the fund falls short. A
-- lognormal segment shares the first programme, so runs and single defaults mix.
local wan = poolsim.wan
local rules = poolsim.rules
return poolsim.scenario{
  name = "runs", periods = 30, step = "month", seed = 7, paths = 300, cycle = 0.5,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank", npl_tolerance = 0.05 },
    { id = "guar", kind = "guarantor", guarantee_fee = 0.01 },
    { id = "reg", kind = "reguarantor", reguarantee_fee = 0.005 },
    { id = "ins", kind = "insurer", premium = 0.02 },
  },
  pools = {
    { id = "fund", owner = "city", initial = wan(400), topups = { [12] = wan(300), [24] = wan(300) }, yield = 0.02 },
    { id = "xol", owner = "city", initial = wan(60) },
  },
  segments = {
    { id = "bullet", new_loans = 40, originate = {1, 18}, loan = wan(100), tenor = 12, rate = 0.05,
      pd = 0.06, lgd = 0.6, lgd_downturn = 0.4, rho = 0.25 },
    { id = "mixed", new_loans = 4, originate = {1, 18}, loan = poolsim.lognormal{mean = wan(100), sd = wan(40)},
      tenor = 12, rate = 0.05, pd = 0.06, lgd = poolsim.beta{mean = 0.6, sd = 0.2}, rho = 0.25 },
    { id = "amort", new_loans = 20, originate = {1, 18}, loan = wan(60), tenor = 12, repayment = "amortizing",
      rate = 0.05, pd = 0.08, lgd = 0.5, rho = 0.2 },
    { id = "term", new_loans = 15, originate = {1, 6}, loan = wan(80), tenor = 24, pd = { 0.03, 0.09 },
      lgd = 0.55, rho = 0.2 },
    { id = "insured", new_loans = 10, originate = {1, 24}, loan = wan(50), tenor = 6, rate = 0.06, pd = 0.1,
      lgd = 0.7, rho = 0.15 },
  },
  programmes = {
    { id = "main", segments = {"bullet", "mixed"}, bank = "bank", share = { fund = 0.6, bank = 0.4 },
      covers = "principal+interest", recognition_lag = 2, claim_lag = 1, recovery_lag = 6,
      cap_per_loan = wan(50), excess_to = "city",
      triggers = { {kind = "npl_ratio", above = 0.1, resume = 0.07, action = "pause"} } },
    { id = "g4321", segments = {"amort", "term"}, bank = "bank",
      share = rules.split_4321{ guarantor = "guar", reguarantor = "reg", bank = "bank", government = "fund" },
      claim_lag = 2, recovery_lag = 20 },
    { id = "zyb", segments = {"insured"}, bank = "bank",
      share = rules.split_bank_insurer{ bank = "bank", insurer = "ins" }, claim_lag = 1, recovery_lag = 3,
      excess_layer = { payer = "xol", of = "ins", above_loss_ratio = 1.0, share = 0.8 } },
  },
}
