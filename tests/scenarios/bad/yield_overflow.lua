-- bad scenario for the catalogue: a pool doubling every year (yield = 1) for 10 000 years
-- passes what the ledger's int64 fen hold (about 9.2e16 yuan) after some fifty years
return poolsim.scenario{
  name = "compounding yield beyond the ledger",
  periods = 10000,
  step = "year",
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500), yield = 1 } },  -- <-- error
  segments = { { id = "sme", new_loans = 1, originate = {1, 1}, loan = poolsim.wan(100), tenor = 1, pd = 0.01, lgd = 0.5 } },
  programmes = { { id = "prog", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
