-- Validated in tests/validation/test_policy.c: expected claims = n pd E[severity] cover.
-- 1 000 policies issued in month 1, term 12 months, annual claim probability 5%
-- (at most one claim each: P(claim within the term) = 5% exactly), no correlation,
-- severity beta(mean 0.4, sd 0.2) of a 50万 cover: mean claims 1 000万.
return poolsim.scenario{
  name = "policy: expected claims", periods = 12, step = "month", seed = 5, paths = 4000,
  parties = { { id = "city", kind = "government" }, { id = "ins", kind = "insurer" } },
  pools = {},
  segments = {
    { id = "p", kind = "policy", new_policies = 1000, originate = {1, 1}, cover = poolsim.wan(50), term = 12,
      premium = 0.03, pd = 0.05, severity = poolsim.beta{mean = 0.4, sd = 0.2} },
  },
  programmes = { { id = "pi", segments = {"p"}, insurer = "ins", share = { ins = 1 } } },
}
