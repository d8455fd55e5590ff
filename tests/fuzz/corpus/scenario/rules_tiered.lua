-- Hand-computed in tests/unit/test_rules.c (mechanism 1): a tiered fund share
-- with bonus flags and a ceiling, the bank taking the rest, for loans in
-- different bands and above the last band. pd = 1, fixed sizes, yearly steps.
local wan = poolsim.wan
return poolsim.scenario{
  name = "rules: tiered share", periods = 2, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(1000) } },
  segments = {
    { id = "a", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.4, flags = {"first_loan"} },
    { id = "b", new_loans = 1, originate = {1, 1}, loan = wan(250), tenor = 1, pd = 1, lgd = 0.4, flags = {"pure_credit"} },
    { id = "c", new_loans = 1, originate = {1, 1}, loan = 4000000.03, tenor = 1, pd = 1, lgd = 0.4,
      flags = {"first_loan", "pure_credit"} },
    { id = "d", new_loans = 1, originate = {1, 1}, loan = wan(600), tenor = 1, pd = 1, lgd = 0.4, flags = {"first_loan"} },
    { id = "e", new_loans = 1, originate = {1, 1}, loan = wan(700), tenor = 1, pd = 1, lgd = 0.4 },
  },
  programmes = {
    { id = "p", segments = {"a", "b", "c", "d", "e"}, bank = "bank", recovery_lag = 1,
      share = { bank = "rest",
                fund = poolsim.tiered{ {upto = wan(100), ratio = 0.5}, {upto = wan(300), ratio = 0.4},
                                       {upto = wan(500), ratio = 0.3},
                                       bonus = { first_loan = 0.15, pure_credit = 0.1 }, ceiling = 0.6 } } },
  },
}
