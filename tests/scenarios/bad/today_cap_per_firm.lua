-- A negative cap_per_firm.
return poolsim.scenario{
  name = "bad: cap per firm", periods = 4, step = "quarter", seed = 1, paths = 10,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100)} },
  segments = { {id = "s", new_loans = 1, loan = poolsim.wan(10), tenor = 4, pd = 0.02, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 0.5, bank = 0.5},
                  cap_per_firm = -100} },
}
