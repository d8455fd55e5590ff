-- A scenario that asks for tail sampling in its file (sampling = "importance"): the catalogue's
-- study whose runs would sample differently (compare tests/scenarios/small.lua with it).
return poolsim.scenario{
  name = "tail-sampled test scheme",
  periods = 12,
  step = "month",
  seed = 7,
  paths = 1000,
  sampling = "importance",
  parties = {
    { id = "city", kind = "government" },
    { id = "bank_a", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.wan(500) },
  },
  segments = {
    { id = "a_small", new_loans = 10, originate = {1, 6}, loan = poolsim.wan(200), tenor = 6,
      repayment = "bullet", pd = 0.04, lgd = 0.6, rho = 0.15 },
  },
  programmes = {
    { id = "prog_a", segments = {"a_small"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 } },
  },
}
