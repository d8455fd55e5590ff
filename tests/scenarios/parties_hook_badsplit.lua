-- tests/validation/test_parties.c (mechanism 9): a split whose fractions sum to 0.9
-- stops the path with a message naming the split and its programme.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: bad split", periods = 2, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "s", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "pbad", segments = {"s"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      split = function(loss, loan, ctx) return { fund = 0.5, bank = 0.4 } end },
  },
}
