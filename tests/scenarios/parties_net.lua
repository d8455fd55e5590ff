-- Hand-computed in tests/validation/test_parties.c (mechanism 10): every party's net
-- result over the horizon and by year; two banks' highest NPL ratio while they
-- lend, against their tolerances (bank1 passes 5%; bank2 reaches exactly 20%;
-- bank3's two programmes together pass 30%, p4 alone would be at 50%).
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: net results and NPL tolerance", periods = 5, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" },
              { id = "bank1", kind = "bank", npl_tolerance = 0.05, funding_cost = 0.01 },
              { id = "bank2", kind = "bank", npl_tolerance = 0.2 },
              { id = "guar", kind = "guarantor", guarantee_fee = 0.01 },
              { id = "ins", kind = "insurer", premium = 0.02 },
              { id = "bank3", kind = "bank", npl_tolerance = 0.3 } },
  pools = { { id = "fund", owner = "gov", initial = wan(400) } },
  segments = {
    { id = "g1", new_loans = 9, originate = {1, 1}, loan = wan(100), tenor = 5, rate = 0.05, pd = 0, lgd = 0.5 },
    { id = "b1", new_loans = 1, originate = {1, 2}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "b1c", new_loans = 1, originate = {3, 3}, loan = wan(300), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "g2", new_loans = 4, originate = {1, 1}, loan = wan(100), tenor = 6, pd = 0, lgd = 0.5 },
    { id = "w2", new_loans = 1, originate = {1, 5}, loan = wan(100), tenor = 1, pd = 0, lgd = 0.5 },
    { id = "b2", new_loans = 1, originate = {2, 2}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "g3", new_loans = 3, originate = {1, 1}, loan = wan(100), tenor = 4, pd = 0, lgd = 0.5 },
    { id = "w3", new_loans = 1, originate = {1, 3}, loan = wan(100), tenor = 1, pd = 0, lgd = 0.5 },
    { id = "b3", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "g4", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 4, pd = 0, lgd = 0.5 },
    { id = "b4", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p1", segments = {"g1", "b1", "b1c"}, bank = "bank1", share = { fund = 0.5, guar = 0.3, bank1 = 0.2 },
      recovery_lag = 2 },
    { id = "p2", segments = {"g2", "w2", "b2"}, bank = "bank2", share = { ins = 0.6, bank2 = 0.4 },
      recovery_lag = 1 },
    { id = "p3", segments = {"g3", "w3", "b3"}, bank = "bank3", share = { fund = 0.5, bank3 = 0.5 },
      recovery_lag = 2 },
    { id = "p4", segments = {"g4", "b4"}, bank = "bank3", share = { fund = 0.5, bank3 = 0.5 },
      recovery_lag = 2 },
  },
}
