-- A recovery lag drawn per default: 2 000 loans all default in period 1 (pd = 1) and each
-- recovers after a lag uniform on the whole periods 1..5 (mean 3).
-- tests/validation/test_today.c reads the recoveries' periods from the posting log.
return poolsim.scenario{
  name = "today: recovery lag uniform", periods = 7, step = "year", seed = 3, paths = 1,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100000)} },
  segments = { {id = "s", new_loans = 2000, originate = {1, 1}, loan = poolsim.wan(10), tenor = 1, pd = 1, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 0.5, bank = 0.5},
                  recovery_lag = poolsim.uniform{min = 1, max = 5}} },
}
