-- An outstanding column on a loan that is not seasoned (data/today_outstanding.csv line 2).
return poolsim.scenario{
  name = "bad: outstanding on a new loan", periods = 4, step = "quarter", seed = 1, paths = 10,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100)} },
  programmes = { {id = "p", bank = "bank", share = {fund = 0.5, bank = 0.5}} },
  loans = poolsim.csv("data/today_outstanding.csv"),
}
