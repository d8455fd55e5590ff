-- A segment that originates loans (new_loans > 0) must give its own tenor.
return poolsim.scenario{
  name = "bad: generating segment without tenor", periods = 4, step = "quarter", seed = 1, paths = 10,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100)} },
  segments = { {id = "s", new_loans = 1, loan = poolsim.wan(10), pd = 0.02, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 0.5, bank = 0.5}} },
}
