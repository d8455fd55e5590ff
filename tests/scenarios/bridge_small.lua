-- A bridge-loan fund (应急转贷) for the tests: 1亿 lent to firms for 10 days at a
-- time to repay maturing bank loans; 2% of bridges are not renewed by the bank.
return poolsim.scenario{
  name = "small bridge fund",
  periods = 24,
  step = "month",
  seed = 11,
  paths = 2000,
  parties = {
    { id = "city", kind = "government" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(1) },
  },
  segments = {
    { id = "renewals", kind = "bridge", requests = 40, amount = poolsim.wan(1000), days = 10, fee = 0.0002,
      pd = 0.02, lgd = 0.5, rho = 0.2 },
  },
  programmes = {
    { id = "bridge", segments = {"renewals"}, lender = "fund", recovery_lag = 6 },
  },
}
