-- bad scenario for the catalogue: 1 000 loans of 1e15 yuan default in one period, one record
-- for all of them: 1e18 yuan passes what the ledger holds (int64 fen), and must be refused
-- rather than wrap around
return poolsim.scenario{
  name = "overflow in a batch of defaults", periods = 3, step = "year", paths = 10, seed = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = { { id = "s", new_loans = 1000, originate = {1, 1}, tenor = 2, loan = 1e15, pd = 1, lgd = 1 } },
  programmes = { { id = "p", segments = {"s"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
}
