-- Bridge fund for tests/validation/test_bridge.c, varied there with overrides:
-- 20 requests a month of 100万 out 10 days against a 10亿 fund, which never binds.
return poolsim.scenario{
  name = "bridge validation",
  periods = 12,
  step = "month",
  seed = 20171,
  paths = 20000,
  parties = { { id = "city", kind = "government" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.yi(10) } },
  segments = {
    { id = "renewals", kind = "bridge", requests = 20, amount = poolsim.wan(100), days = 10, fee = 0,
      pd = 0.02, lgd = 1, rho = 0 },
  },
  programmes = { { id = "bridge", segments = {"renewals"}, lender = "fund", recovery_lag = 1 } },
}
