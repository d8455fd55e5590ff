-- bench/b1.lua with an on_period hook that does nothing (tests/unit/test_quiet.c).
local wan = poolsim.wan
return poolsim.scenario{
  name = "bench B1", periods = 36, seed = 1, paths = 100000,
  on_period = function(ctx) end,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(6000) } },
  segments = { { id = "sme", new_loans = 100, originate = {1, 24}, loan = wan(200), tenor = 12,
                 pd = 0.03, lgd = 0.6, rho = 0.15 } },
  programmes = { { id = "p", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
