-- Hand-computed in tests/validation/test_policy.c: a premium subsidy is exact to the
-- fen and does not depend on claims. 7 policies a quarter in quarters 1..4, cover
-- 1 234 567.89 yuan, term 3 quarters, premium 3.17% a year: a policy pays
-- 0.0317 x 123456789 fen x 0.75 = 2935185.158 -> 2 935 185 fen up front; the city
-- pays 80% of each quarter's 20 546 295 fen = 16 437 036 fen, 65 748 144 over the
-- year, whatever the claims (pd 30%, correlated, a beta severity, a pool co-paying).
return poolsim.scenario{
  name = "policy: premium subsidy to the fen", periods = 8, step = "quarter", seed = 11, paths = 200,
  parties = { { id = "city", kind = "government" }, { id = "ins", kind = "insurer" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(50) } },
  segments = {
    { id = "kit", kind = "policy", new_policies = 7, originate = {1, 4}, cover = 1234567.89, term = 3,
      premium = 0.0317, pd = 0.3, rho = 0.2, severity = poolsim.beta{mean = 0.4, sd = 0.2}, deductible = 1000 },
  },
  programmes = {
    { id = "kit_ins", segments = {"kit"}, insurer = "ins", share = { ins = 0.7, fund = 0.3 },
      premium_subsidy = { share = 0.8, payer = "city" } },
  },
}
