-- Hand-computed in tests/unit/test_rules.c (mechanism 7): an annual_loss_rate
-- pause, monthly steps, that ends when the new fiscal year restarts the measure.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: annual loss rate pause", periods = 14, step = "month", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 1, originate = {1, 14}, loan = wan(100), tenor = 24, pd = 0, lgd = 0.5 },
    { id = "b1", new_loans = 1, originate = {10, 10}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "b2", new_loans = 1, originate = {11, 11}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "b3", new_loans = 1, originate = {12, 12}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"g", "b1", "b2", "b3"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      claim_lag = 1, triggers = { { kind = "annual_loss_rate", above = 0.05, action = "pause" } } },
  },
}
