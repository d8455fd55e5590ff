-- Hand-computed in tests/validation/test_parties.c (mechanism 8): a payout_rate
-- trigger on the programme's guarantor (pause above 10%, resume at 5%) and a
-- loss_ratio trigger on the programme's insurer (stop lending above 1.2).
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: payout rate and loss ratio triggers", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor" },
              { id = "ins", kind = "insurer", premium = 0.05 } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 3, originate = {1, 4}, loan = wan(100), tenor = 1, pd = 0, lgd = 0.5 },
    { id = "b", new_loans = 1, originate = {1, 4}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "gi", new_loans = 10, originate = {1, 1}, loan = wan(100), tenor = 4, pd = 0, lgd = 1 },
    { id = "bi", new_loans = 1, originate = {1, 4}, loan = wan(100), tenor = 1, pd = 1, lgd = 1 },
  },
  programmes = {
    { id = "pg", segments = {"g", "b"}, bank = "bank", share = { guar = 0.5, fund = 0.2, bank = 0.3 },
      triggers = { { kind = "payout_rate", above = 0.1, resume = 0.05, action = "pause" } } },
    { id = "pi", segments = {"gi", "bi"}, bank = "bank", share = { ins = 0.8, bank = 0.2 },
      triggers = { { kind = "loss_ratio", above = 1.2, action = "stop_lending" } } },
  },
}
