-- Hand-computed in tests/unit/test_rules.c (mechanism 2): cap_per_year binds in
-- year 1 and resets in year 2; the cut falls to a second government (excess_to),
-- which pays the bank. The pool also runs short in year 1 (the cap counts asks).
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: cap per year", periods = 2, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "prov", kind = "government" } },
  pools = { { id = "fund", owner = "gov", initial = wan(60), topups = { [2] = wan(50) } } },
  segments = {
    { id = "s1", new_loans = 2, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "s2", new_loans = 2, originate = {2, 2}, loan = wan(60), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"s1", "s2"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      cap_per_year = wan(80), excess_to = "prov" },
  },
}
