-- Seasoned loans at their age (tests/scenarios/data/today_amortizing.csv), pd = 1 so each
-- defaults in period 1: S1 amortizing, lent in period -2 for 7 years, has 4/7 of 1 234 567.89
-- left; S2 amortizing with an outstanding column (333 333.33); S3 a bullet loan with
-- 250 000 outstanding. The template segment gives only the repayment and rho: the tape gives
-- loan, tenor, pd and lgd. tests/validation/test_today.c checks the principals to the fen.
return poolsim.scenario{
  name = "today: seasoned principal", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(1000)} },
  segments = { {id = "amort", repayment = "amortizing", rho = 0.1} },
  programmes = {
    {id = "p_sched", segments = {"amort"}, bank = "bank", share = {fund = 0.6, bank = 0.4}, recovery_lag = 1},
    {id = "p_out", bank = "bank", share = {fund = 0.6, bank = 0.4}, recovery_lag = 1},
    {id = "p_bullet", bank = "bank", share = {fund = 0.6, bank = 0.4}, recovery_lag = 1},
  },
  loans = poolsim.csv("data/today_amortizing.csv"),
}
