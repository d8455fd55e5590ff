-- Benchmark B1 (issue 6): 36 monthly periods, one segment of 100 new loans a
-- period for 24 periods, 200万 bullet loans of tenor 12, PD 3%, LGD 0.6, rho 0.15,
-- fund/bank 50/50, a pool of 6 000万.
local wan = poolsim.wan
return poolsim.scenario{
  name = "bench B1", periods = 36, seed = 1, paths = 100000,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(6000) } },
  segments = { { id = "sme", new_loans = 100, originate = {1, 24}, loan = wan(200), tenor = 12,
                 pd = 0.03, lgd = 0.6, rho = 0.15 } },
  programmes = { { id = "p", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
