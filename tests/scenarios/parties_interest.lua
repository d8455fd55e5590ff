-- Hand-computed in tests/validation/test_parties.c (mechanism 1): interest (borrowers
-- -> bank) and the bank's funding cost on a bullet and an amortizing segment
-- over several periods, with a defaulting segment that never pays either.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: interest and funding cost", periods = 5, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" },
              { id = "bank", kind = "bank", funding_cost = 0.02 } },
  pools = { { id = "fund", owner = "gov", initial = wan(100) } },
  segments = {
    { id = "b", new_loans = 2, originate = {1, 2}, loan = 1000000.09, tenor = 3, rate = 0.0555, pd = 0, lgd = 0.5 },
    { id = "a", new_loans = 3, originate = {1, 1}, loan = wan(70), tenor = 4, repayment = "amortizing",
      rate = 0.0637, pd = 0, lgd = 0.5 },
    { id = "d", new_loans = 1, originate = {2, 2}, loan = wan(50), tenor = 2, rate = 0.05, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "p", segments = {"b", "a", "d"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } },
  },
}
