-- A seasoned cohort on a loan tape (tests/scenarios/data/today_seasoned.csv): 300 loans of
-- 10万 lent in period -5 for 12 quarters, so at risk in periods 1..6 of this 8-quarter
-- horizon; flat annual PD 8%, no correlation (no segment: rho 0). The tape names its
-- programme, so the scenario has no segments at all. tests/validation/test_today.c checks
-- E[defaults] = n (1 - (1 - h)^6), h = 1 - (1 - 0.08)^(1/4).
return poolsim.scenario{
  name = "today: seasoned cohort", periods = 8, step = "quarter", seed = 15, paths = 4000,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(1000)} },
  programmes = { {id = "p", bank = "bank", share = {fund = 0.5, bank = 0.5}, recovery_lag = 2} },
  loans = poolsim.csv("data/today_seasoned.csv"),
}
