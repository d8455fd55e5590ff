-- Bad input (tests/catalogue, issue 15 uncertain): a uniform rho that reaches 1
return poolsim.scenario{
  name = "bad: uncertain_rho_uniform", periods = 12, paths = 100, seed = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "s", tenor = 12, loan = 1e5, lgd = 0.5,
      new_loans = 10, pd = 0.02, rho = poolsim.uncertain(poolsim.uniform{min = 0.1, max = 1}) },
  },
  programmes = { { id = "p", segments = { "s" }, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
