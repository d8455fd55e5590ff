-- size --volume where a guarantor's capacity binds before the pool (tests/unit/test_study.c): a
-- guarantor with 1亿 of capital may guarantee 3 times that, so lending cannot pass 30 one-year loans of
-- 1000万 at risk (3亿 a year); the loans never default, so the fund never binds.
return poolsim.scenario{
  name = "volume: guarantor binds", periods = 3, step = "year", seed = 3, paths = 200,
  parties = { { id = "gov", kind = "government", name = "City finance bureau" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor", name = "City guarantee company", capital = poolsim.yi(1),
                leverage_limit = 3 } },
  pools = { { id = "fund", owner = "gov", initial = poolsim.yi(3) } },
  segments = {
    { id = "sme", new_loans = 4, originate = {1, 3}, loan = poolsim.wan(1000), tenor = 1, pd = 0, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"sme"}, bank = "bank", share = { guar = 0.5, fund = 0.3, bank = 0.2 } },
  },
}
