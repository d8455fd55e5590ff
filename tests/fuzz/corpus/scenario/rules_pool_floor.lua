-- Hand-computed in tests/unit/test_rules.c (mechanism 8): lending stops while
-- the fund is below 100万 and restarts once it is back at 150万.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: pool floor stops lending", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(120), topups = { [3] = wan(50), [4] = wan(30) } } },
  segments = {
    { id = "s", new_loans = 1, originate = {1, 4}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 0.8, bank = 0.2 },
      triggers = { { kind = "pool_floor", pool = "fund", below = wan(100), resume = wan(150),
                     action = "stop_lending" } } },
  },
}
