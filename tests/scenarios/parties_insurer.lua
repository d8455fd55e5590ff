-- Hand-computed in tests/validation/test_parties.c (mechanism 5): an insurer earns
-- premiums on the loans it insures; its loss_ratio_cap (1.5 x the premiums of
-- the fiscal year) refuses the excess within year 1, the rest falling to
-- excess_to (a province paying the bank); year 2 starts afresh.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: insurer premium and loss-ratio cap", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "ins", kind = "insurer", premium = 0.02, loss_ratio_cap = 1.5 },
              { id = "prov", kind = "government" } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 10, originate = {1, 1}, loan = wan(100), tenor = 3, pd = 0, lgd = 0.5 },
    { id = "b", new_loans = 4, originate = {1, 1}, loan = wan(20), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "b2", new_loans = 2, originate = {2, 2}, loan = wan(20), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"g", "b", "b2"}, bank = "bank", share = { ins = 0.6, fund = 0.2, bank = 0.2 },
      recovery_lag = 1, excess_to = "prov" },
  },
}
