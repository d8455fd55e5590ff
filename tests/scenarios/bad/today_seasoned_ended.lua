-- A seasoned row whose term ended before period 1 (data/today_ended.csv line 3: lent in
-- period -5 for 3 periods, so its last period at risk was -3).
return poolsim.scenario{
  name = "bad: seasoned loan already ended", periods = 4, step = "quarter", seed = 1, paths = 10,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100)} },
  programmes = { {id = "p", bank = "bank", share = {fund = 0.5, bank = 0.5}} },
  loans = poolsim.csv("data/today_ended.csv"),
}
