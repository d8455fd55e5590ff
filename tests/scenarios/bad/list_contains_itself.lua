-- bad scenario for tests/catalogue: a cycle in the data: the parties list holds
-- itself as its third item
local parties = {
  { id = "city", kind = "government" },
  { id = "bank_a", kind = "bank" },
}
parties[3] = parties
return poolsim.scenario{  -- <-- error
  name = "catalogue scheme",
  periods = 24,
  parties = parties,
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500) } },
  segments = {
    { id = "sme", new_loans = 10, loan = poolsim.wan(200), tenor = 12, pd = 0.04, lgd = 0.5 },
  },
  programmes = {
    { id = "prog_a", segments = {"sme"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 } },
  },
}
