-- Hand-computed in tests/validation/test_policy.c: the insurer's loss ratio, claims
-- it paid over premiums it earned pro rata over the term. 4 policies in quarter 1,
-- cover 200万, term 4 quarters, premium 2.5% a year: 5万 each, 20万 up front, of
-- which 5万 is earned each quarter. pd = 1: all four claim in quarter 1, each
-- 0.1 x 200万 - 5万 = 15万, the insurer paying 60% (9万) and the pool 40% (6万).
-- The horizon is 2 quarters: earned 10万, paid 36万, loss ratio 3.6.
return poolsim.scenario{
  name = "policy: loss ratio", periods = 2, step = "quarter", seed = 1, paths = 1,
  parties = { { id = "city", kind = "government" }, { id = "ins", kind = "insurer" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(100) } },
  segments = {
    { id = "eq", kind = "policy", new_policies = 4, originate = {1, 1}, cover = poolsim.wan(200), term = 4,
      premium = 0.025, pd = 1, severity = 0.1, deductible = poolsim.wan(5) },
  },
  programmes = { { id = "eq_ins", segments = {"eq"}, insurer = "ins", share = { ins = 0.6, fund = 0.4 } } },
}
