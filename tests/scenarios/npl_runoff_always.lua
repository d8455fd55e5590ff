-- tests/validation/test_figures.c: npl_runoff.lua with during = "always": the trigger is watched in
-- run-off too, when the NPL ratio is 100%: compensation pauses in years 3 and 4 and the 7万 claim of
-- year 3 is refused.
local wan = poolsim.wan
return poolsim.scenario{
  name = "npl trigger in run-off, always", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 9, originate = {1, 1}, loan = wan(100), tenor = 2, pd = 0, lgd = 0.5 },
    { id = "b", new_loans = 1, originate = {2, 2}, loan = wan(10), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"g", "b"}, bank = "bank", share = { fund = 0.7, bank = 0.3 },
      claim_lag = 1, recovery_lag = 3,
      triggers = { { kind = "npl_ratio", above = 0.5, action = "pause", during = "always" } } },
  },
}
