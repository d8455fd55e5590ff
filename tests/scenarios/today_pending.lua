-- Claims in the pipeline, computed by hand in tests/validation/test_today.c: the fund
-- (100万, 10% yield a year) owes 30万 approved before period 1, due in period 1, and 200万
-- due in period 3, which it cannot pay in full; its programme has one bank, which receives
-- them. fund2 serves no programme: its 1万 due in period 2 goes to the outside world. The
-- loans never default (pd = 0), so the pending claims are the only ones.
return poolsim.scenario{
  name = "today: pending claims", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = {
    {id = "fund", owner = "gov", initial = poolsim.wan(100), yield = 0.10,
     pending = { [1] = poolsim.wan(30), [3] = poolsim.wan(200) }},
    {id = "fund2", owner = "gov", initial = poolsim.wan(5), pending = { [2] = poolsim.wan(1) }},
  },
  segments = { {id = "s", new_loans = 1, loan = poolsim.wan(10), tenor = 1, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 0.8, bank = 0.2}} },
}
