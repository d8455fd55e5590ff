-- Two tape loans that differ only in amount and rate share one group; both
-- default in period 1 (pd = 1) and the scheme covers interest, so each claim's
-- interest is at the loan's own rate: tests/unit/test_tape.c checks the ledger.
return poolsim.scenario{
  name = "tape rates", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(1000)} },
  segments = { {id = "tpl", new_loans = 0, loan = 1, tenor = 1, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"tpl"}, bank = "bank", share = {fund = 0.4, bank = 0.6},
                  covers = "principal+interest", recovery_lag = 1} },
  loans = poolsim.csv("data/rates.csv"),
}
