-- Bad input (tests/catalogue, issue 15 uncertain): a lognormal PD can exceed 1
return poolsim.scenario{
  name = "bad: uncertain_pd_lognormal", periods = 12, paths = 100, seed = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "s", tenor = 12, loan = 1e5, lgd = 0.5,
      new_loans = 10, pd = poolsim.uncertain(poolsim.lognormal{mean = 0.03, sd = 0.02}) },
  },
  programmes = { { id = "p", segments = { "s" }, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
