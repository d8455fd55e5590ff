-- Hand-computed in tests/validation/test_policy.c: a scheme with no pool and no
-- bank. 10 policies a year in years 1 and 2, cover 100万 each, term 1 year,
-- premium 3% up front (3万 a policy), the city paying 80% of it (2.4万 a policy),
-- every policy claims (pd = 1) with severity 0.5 and a deductible of 10万: each
-- claim is 40万, paid by the insurer alone.
local wan = poolsim.wan
return poolsim.scenario{
  name = "policy: no pool, no bank", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { { id = "city", kind = "government" }, { id = "picc", kind = "insurer" } },
  pools = {},
  segments = {
    { id = "equip", kind = "policy", new_policies = 10, originate = {1, 2}, cover = wan(100), term = 1,
      premium = 0.03, pd = 1, severity = 0.5, deductible = wan(10) },
  },
  programmes = {
    { id = "sts", segments = {"equip"}, insurer = "picc", share = { picc = 1 },
      premium_subsidy = { share = 0.8, payer = "city" } },
  },
}
