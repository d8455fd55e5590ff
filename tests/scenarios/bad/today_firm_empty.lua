-- A tape with a firm column and a loan without its firm (data/today_firm_empty.csv line 3).
return poolsim.scenario{
  name = "bad: firm empty", periods = 4, step = "quarter", seed = 1, paths = 10,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100)} },
  programmes = { {id = "p", bank = "bank", share = {fund = 0.5, bank = 0.5}, cap_per_firm = poolsim.wan(50)} },
  loans = poolsim.csv("data/today_firm_empty.csv"),
}
