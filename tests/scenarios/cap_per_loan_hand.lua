-- tests/validation/test_figures.c: per-loan cap cuts in `capped`. 10 loans of 100万 default at once
-- (pd = 1); the fund's half of each is 50万, cut by cap_per_loan to 30万: the fund pays 300万 and
-- the programme's capped is 10 x 20万 = 200万 (the bank keeps the cut).
local wan = poolsim.wan
return poolsim.scenario{
  name = "cap per loan by hand", periods = 2, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(1000) } },
  segments = {
    { id = "b", new_loans = 10, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"b"}, bank = "bank", share = { fund = 0.5, bank = 0.5 }, cap_per_loan = wan(30),
      recovery_lag = 1 },
  },
}
