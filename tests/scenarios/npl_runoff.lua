-- tests/validation/test_figures.c: an npl_ratio trigger in run-off. 9 loans of 100万 lent in year 1
-- (tenor 2, pd 0) and one of 10万 in year 2 that defaults at once; no lending from year 3, when the
-- book has run off and the NPL ratio is 10万 / 10万 = 100%. The default (during = "lending") does not
-- watch it then: the claim of year 3 is paid, 7万. With during = "always" it pauses years 3 and 4
-- and refuses that claim.
local wan = poolsim.wan
return poolsim.scenario{
  name = "npl trigger in run-off", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 9, originate = {1, 1}, loan = wan(100), tenor = 2, pd = 0, lgd = 0.5 },
    { id = "b", new_loans = 1, originate = {2, 2}, loan = wan(10), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"g", "b"}, bank = "bank", share = { fund = 0.7, bank = 0.3 },
      claim_lag = 1, recovery_lag = 3,
      triggers = { { kind = "npl_ratio", above = 0.5, action = "pause" } } },
  },
}
