-- Bridge fund for tests/validation/test_bridge.c (check 5): 20 requests a month against a 10亿 fund,
-- which never binds, with drawn amounts (uniform 50万–150万) and LGDs (beta).
return poolsim.scenario{
  name = "bridge validation, drawn amounts",
  periods = 12,
  step = "month",
  seed = 20171,
  paths = 20000,
  parties = { { id = "city", kind = "government" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.yi(10) } },
  segments = {
    { id = "renewals", kind = "bridge", requests = 20, amount = poolsim.uniform{min = 5e5, max = 1.5e6}, days = 10, fee = 0,
      pd = 0.05, lgd = poolsim.beta{mean = 0.6, sd = 0.2}, rho = 0 },
  },
  programmes = { { id = "bridge", segments = {"renewals"}, lender = "fund", recovery_lag = 1 } },
}
