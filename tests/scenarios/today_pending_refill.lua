-- A pending claim due in the first quarter of fiscal year 2, with refill = "last_year": it is
-- paid in year 2, so the owner refills it at the start of year 3 (period 9), not of year 2.
-- tests/validation/test_today.c reads the top-ups from the posting log.
return poolsim.scenario{
  name = "today: pending claims and the yearly refill", periods = 12, step = "quarter", seed = 1, paths = 1,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100), refill = "last_year",
             pending = { [5] = poolsim.wan(10) }} },
  segments = { {id = "s", new_loans = 1, loan = poolsim.wan(10), tenor = 1, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 0.8, bank = 0.2}} },
}
