-- A run split where the fund falls short (docs/model.md §6), computed by hand in
-- tests/unit/test_claims.c: three alike loans of 100万 default in period 1 (pd = 1),
-- fund/bank 50/50, so each is due 50万 from a fund of 75万: loan by loan the fund
-- pays the first in full, the second 25万 and the third nothing. LGD 0.5: each
-- loan recovers 50万 in period 2, shared pro rata to what was paid.
local wan = poolsim.wan
return poolsim.scenario{
  name = "run split", periods = 2, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(75) } },
  segments = { { id = "s", new_loans = 3, originate = {1, 1}, loan = wan(100), tenor = 2, pd = 1, lgd = 0.5 } },
  programmes = { { id = "p", segments = {"s"}, bank = "bank", share = { fund = 0.5, bank = 0.5 }, recovery_lag = 1 } },
}
