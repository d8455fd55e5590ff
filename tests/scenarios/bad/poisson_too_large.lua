-- Bad input (tests/catalogue, issue 15 uncertain): a Poisson volume that may keep more than 2e9 loans alive
return poolsim.scenario{
  name = "bad: poisson_too_large", periods = 1000, paths = 100, seed = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "s", loan = 1e5, lgd = 0.5,
      new_loans = poolsim.poisson{mean = 5e6}, pd = 0.02, tenor = 1000 },
  },
  programmes = { { id = "p", segments = { "s" }, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
