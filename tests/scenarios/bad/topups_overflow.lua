-- bad scenario for the catalogue: 1e15 yuan topped up in each of 10 000 periods is 1e19 yuan,
-- more than the ledger's int64 fen hold (about 9.2e16 yuan); refused before any path runs
local topups = {}
for t = 1, 10000 do topups[t] = 1e15 end
return poolsim.scenario{
  name = "top-ups beyond the ledger",
  periods = 10000,
  step = "month",
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.wan(500),
      topups = topups },  -- <-- error
  },
  segments = { { id = "sme", new_loans = 1, originate = {1, 12}, loan = poolsim.wan(100), tenor = 12, pd = 0.01, lgd = 0.5 } },
  programmes = { { id = "prog", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
