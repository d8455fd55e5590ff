-- Bad input (tests/catalogue, issue 15 uncertain): demand_rho not finite
return poolsim.scenario{
  name = "bad: demand_rho_nan", periods = 12, paths = 100, seed = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "s", tenor = 12, loan = 1e5, lgd = 0.5,
      new_loans = poolsim.poisson{mean = 10}, pd = 0.02, demand_rho = 0/0 },
  },
  programmes = { { id = "p", segments = { "s" }, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
