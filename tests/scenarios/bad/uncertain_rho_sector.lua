-- Bad input (tests/catalogue, issue 15 uncertain): a beta rho (up to 1) with a sector loading
return poolsim.scenario{
  name = "bad: uncertain_rho_sector", periods = 12, paths = 100, seed = 1,
  sectors = { { id = "tech" } },
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "s", tenor = 12, loan = 1e5, lgd = 0.5,
      new_loans = 10, pd = 0.02, sector = "tech", rho = poolsim.uncertain(poolsim.beta{mean = 0.2, sd = 0.05}), rho_sector = 0.1 },
  },
  programmes = { { id = "p", segments = { "s" }, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
