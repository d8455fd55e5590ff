-- bad scenario for tests/catalogue: segments listed by id where their tables belong
return poolsim.scenario{
  name = "catalogue scheme",
  periods = 24,
  parties = { { id = "city", kind = "government" }, { id = "bank_a", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500) } },
  segments = { "sme" },  -- <-- error
  programmes = { { id = "prog_a", segments = {"sme"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 } } },
}
