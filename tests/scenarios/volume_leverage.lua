-- size --volume where the programme's leverage binds before the pool (tests/unit/test_study.c):
-- leverage 1 on a 3亿 fund allows 3亿 of loans at risk; the loans run one year and never default,
-- so lending cannot pass 30 loans of 1000万 a year (3亿 a year) however many are wanted, and the
-- fund, which pays nothing, never binds.
return poolsim.scenario{
  name = "volume: leverage binds", periods = 3, step = "year", seed = 3, paths = 200,
  parties = { { id = "gov", kind = "government", name = "City finance bureau" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = poolsim.yi(3) } },
  segments = {
    { id = "sme", new_loans = 4, originate = {1, 3}, loan = poolsim.wan(1000), tenor = 1, pd = 0, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 }, leverage = 1 },
  },
}
