-- bad scenario for the catalogue: 100 001 parties built in a loop, one more than
-- a list may have (docs/errors.md); refused before any of them is read
local parties = {}
for i = 1, 100001 do parties[i] = { id = "p" .. i, kind = "government" } end
return poolsim.scenario{
  name = "too many parties",
  periods = 12,
  step = "month",
  parties = parties,  -- <-- error
  pools = { { id = "fund", owner = "p1", initial = 1e7 } },
  segments = { { id = "s", new_loans = 10, originate = {1, 1}, loan = 1e6, pd = 0.02, lgd = 0.5, tenor = 12 } },
  programmes = { { id = "g", segments = {"s"}, bank = "p2", share = { fund = 0.5, p2 = 0.5 } } },
}
