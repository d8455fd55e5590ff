-- A pending claim due after the horizon (period 9 of 4).
return poolsim.scenario{
  name = "bad: pending period", periods = 4, step = "quarter", seed = 1, paths = 10,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100),
             pending = { [1] = poolsim.wan(5), [9] = poolsim.wan(5) }} },
  segments = { {id = "s", new_loans = 1, loan = poolsim.wan(10), tenor = 4, pd = 0.02, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 0.5, bank = 0.5}} },
}
