-- A bridge fund that stops lending below a floor (tests/validation/test_bridge.c):
-- every bridge unrepaid (pd = 1), 60% recovered a month later.
return poolsim.scenario{
  name = "bridge fund with a floor",
  periods = 4,
  seed = 3,
  paths = 4,
  parties = { { id = "city", kind = "government" } },
  pools = { { id = "fund", owner = "city", initial = 1e8 } },
  segments = {
    { id = "renewals", kind = "bridge", requests = 3, amount = 1e7, days = 10, pd = 1, lgd = 0.4 },
  },
  programmes = {
    { id = "bridge", segments = {"renewals"}, lender = "fund", recovery_lag = 1,
      triggers = { { kind = "pool_floor", pool = "fund", below = 8e7, action = "stop_lending" } } },
  },
}
