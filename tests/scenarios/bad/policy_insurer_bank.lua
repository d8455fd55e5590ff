-- bad scenario for tests/catalogue: an insurer programme that names a bank
return poolsim.scenario{
  name = "catalogue policy scheme", periods = 12, step = "quarter",
  parties = { { id = "city", kind = "government" }, { id = "bank_a", kind = "bank" }, { id = "picc", kind = "insurer" } },
  pools = {},
  segments = {
    { id = "equip", kind = "policy", new_policies = 2, cover = poolsim.yi(1), term = 4, premium = 0.03, pd = 0.02, severity = 0.5 },
  },
  programmes = {
    { id = "sts", segments = {"equip"}, insurer = "picc", bank = "bank_a", share = { picc = 1 } },  -- <-- error
  },
}
