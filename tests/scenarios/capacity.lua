-- Deterministic checks of leverage (放大倍数), a first-loss payer, a payer's
-- yearly cap and moral hazard; tests/validation/test_capacity.c computes them by hand.
local wan = poolsim.wan
return poolsim.scenario{
  name = "capacity", periods = 3, step = "year", seed = 1, paths = 1,
  parties = {
    { id = "gov", kind = "government" },
    { id = "bank", kind = "bank" },
    { id = "guar", kind = "guarantor" },
  },
  pools = { { id = "fund", owner = "gov", initial = wan(100) }, { id = "fund2", owner = "gov", initial = wan(1000) } },
  segments = {
    -- 5 loans of 100万 a year, tenor 2: leverage 6 x 100万 allows 600万 at risk
    { id = "lev", new_loans = 5, originate = {1, 3}, loan = wan(100), tenor = 2, pd = 0, lgd = 0.5 },
    -- one loan of 100万 defaulting each year (pd = 1, tenor 1)
    { id = "fl", new_loans = 1, originate = {1, 3}, loan = wan(100), tenor = 1, pd = 1, lgd = 1 },
    -- one loan of 100万 defaulting each year, 90% of it asked of fund2, at most 80% of losses
    { id = "ls", new_loans = 1, originate = {1, 3}, loan = wan(100), tenor = 1, pd = 1, lgd = 1 },
  },
  programmes = {
    { id = "levered", segments = {"lev"}, bank = "bank", share = { fund = 0.5, bank = 0.5 }, leverage = 6 },
    { id = "firstloss", segments = {"fl"}, bank = "bank", share = { fund = 0.3, guar = 0.3, bank = 0.4 },
      first_loss = { payer = "fund", limit = wan(50) }, payer_caps = { guar = wan(20) } },
    { id = "lossshare", segments = {"ls"}, bank = "bank", share = { fund2 = 0.9, bank = 0.1 }, cap_loss_share = 0.8 },
  },
}
