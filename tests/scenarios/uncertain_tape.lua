-- tests/validation/test_uncertain.c: a loan tape whose template segment has an uncertain rho
-- (tests/scenarios/data/small.csv): its loan-tape groups share the path's draw.
return poolsim.scenario{
  name = "uncertain rho on a tape template", periods = 3, step = "year", seed = 1, paths = 20,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(1000)} },
  segments = { {id = "tpl", new_loans = 0, loan = 1, tenor = 1, pd = 0, lgd = 0.5,
                rho = poolsim.uncertain(poolsim.uniform{min = 0.1, max = 0.3})} },
  programmes = { {id = "p", segments = {"tpl"}, bank = "bank", share = {fund = 0.4, bank = 0.6}, recovery_lag = 1} },
  loans = poolsim.csv("data/small.csv"),
}
