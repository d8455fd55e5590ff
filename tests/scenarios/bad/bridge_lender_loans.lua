-- bad input for the catalogue: a programme with a lender over a loan segment
return poolsim.scenario{
  name = "bad bridge", periods = 12,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = 3e8 } },
  segments = {
    { id = "loans", new_loans = 10, loan = 1e6, tenor = 12, pd = 0.02, lgd = 0.5 },
  },
  programmes = {
    { id = "bridge", segments = {"loans"}, lender = "fund", recovery_lag = 3 },
  },
}
