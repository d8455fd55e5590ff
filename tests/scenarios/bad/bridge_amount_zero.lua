-- bad input for the catalogue: an amount of 0
return poolsim.scenario{
  name = "bad bridge", periods = 12,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = 3e8 } },
  segments = {
    { id = "renewals", kind = "bridge", requests = 10, amount = 0, days = 10, fee = 0.0002, pd = 0.01, lgd = 0.5 },
  },
  programmes = {
    { id = "bridge", segments = {"renewals"}, lender = "fund", recovery_lag = 3 },
  },
}
