-- A pool refilled whenever it falls below 3% of the loans it covers: the rule
-- feeds back on the balance, so sizing searches each path's required balance.
-- The balance path is monotone in the initial balance here, so the searched
-- curve must agree exactly with reruns at other sizes (tests/unit/test_search.c).
local wan = poolsim.wan
return poolsim.scenario{
  name = "search with refill_below", periods = 36, seed = 21, paths = 400, cycle = 0.8,
  parties = { {id = "city", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "city", initial = wan(300), refill_below = 0.03, yield = 0.02} },
  segments = { {id = "sme", new_loans = 20, originate = {1, 24}, loan = poolsim.lognormal{mean = wan(150), sd = wan(80)},
                tenor = 12, pd = 0.05, lgd = poolsim.beta{mean = 0.6, sd = 0.2}, rho = 0.2} },
  programmes = { {id = "p", segments = {"sme"}, bank = "bank", share = {fund = 0.4, bank = 0.6},
                  claim_lag = 2, recovery_lag = 8} },
}
