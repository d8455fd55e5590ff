-- Bad input (tests/catalogue, issue 15 uncertain): a uniform PD up to 1.2
return poolsim.scenario{
  name = "bad: uncertain_pd_uniform", periods = 12, paths = 100, seed = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "s", tenor = 12, loan = 1e5, lgd = 0.5,
      new_loans = 10, pd = poolsim.uncertain(poolsim.uniform{min = 0.5, max = 1.2}) },
  },
  programmes = { { id = "p", segments = { "s" }, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
