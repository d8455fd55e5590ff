-- bad scenario for tests/catalogue: a severity above 1
return poolsim.scenario{
  name = "catalogue policy scheme", periods = 12, step = "quarter",
  parties = { { id = "city", kind = "government" }, { id = "bank_a", kind = "bank" }, { id = "picc", kind = "insurer" } },
  pools = {},
  segments = {
    { id = "equip", kind = "policy", new_policies = 2, cover = poolsim.yi(1), term = 4, premium = 0.03, pd = 0.02, severity = 1.2 },  -- <-- error
  },
  programmes = {
    { id = "sts", segments = {"equip"}, insurer = "picc", share = { picc = 1 }, premium_subsidy = { share = 0.8, payer = "city" } },
  },
}
