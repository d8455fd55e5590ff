-- Loan amounts and LGDs drawn from poolsim.uniform{min=, max=} (test_scenario reads its
-- parameters back).
return poolsim.scenario{
  name = "uniform draws", periods = 24, paths = 2000, seed = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "s", new_loans = 10, tenor = 12, pd = 0.05,
      loan = poolsim.uniform{ min = 1e5, max = 3e5 },
      lgd = poolsim.uniform{ min = 0.2, max = 0.6 } },
  },
  programmes = { { id = "p", segments = { "s" }, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
