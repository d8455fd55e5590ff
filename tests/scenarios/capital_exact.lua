-- tests/validation/test_figures.c: a guarantor whose capital (60万) plus its fee (1% of 1000万 = 10万)
-- is exactly its 70% share of the one default (100万): it pays in full, unpaid 0, no capital_breach.
-- With --set parties.guar.capital=599999 it is 1 yuan short: unpaid 1 yuan, a breach.
local wan = poolsim.wan
return poolsim.scenario{
  name = "capital used up exactly", periods = 1, step = "year", seed = 1, paths = 1,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor", capital = wan(60), guarantee_fee = 0.01 },
              { id = "prov", kind = "government" } },
  pools = { { id = "fund", owner = "city", initial = wan(100) } },
  segments = {
    { id = "g", new_loans = 10, originate = {1, 1}, loan = wan(100), tenor = 3, pd = 0, lgd = 0.5 },
    { id = "b", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"g", "b"}, bank = "bank", share = { guar = 0.7, fund = 0.1, bank = 0.2 },
      recovery_lag = 1, excess_to = "prov" },
  },
}
