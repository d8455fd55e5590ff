-- Hand-computed in tests/validation/test_parties.c (mechanism 6): public
-- excess-of-loss layers over an insurer's claims above a multiple of the
-- premiums it earned in each programme. In p1, 80% of the excess over 1.2 x is
-- reimbursed by a pool at the start of the next fiscal year and, for the last
-- year, after the last period, as far as the pool's balance goes; in p2 (the
-- same insurer) 50% of the excess over 1.0 x by a government, in full.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: excess-of-loss layer", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "ins", kind = "insurer", premium = 0.02 } },
  pools = { { id = "lf", owner = "gov", initial = wan(30), topups = { [3] = wan(20) } } },
  segments = {
    { id = "g", new_loans = 10, originate = {1, 1}, loan = wan(100), tenor = 3, pd = 0, lgd = 1 },
    { id = "b1", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 1 },
    { id = "b2", new_loans = 1, originate = {2, 3}, loan = wan(50), tenor = 1, pd = 1, lgd = 1 },
    { id = "g2", new_loans = 10, originate = {1, 1}, loan = wan(100), tenor = 3, pd = 0, lgd = 1 },
    { id = "b3", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 1 },
  },
  programmes = {
    { id = "p1", segments = {"g", "b1", "b2"}, bank = "bank", share = { ins = 0.8, bank = 0.2 },
      excess_layer = { payer = "lf", of = "ins", above_loss_ratio = 1.2, share = 0.8 } },
    { id = "p2", segments = {"g2", "b3"}, bank = "bank", share = { ins = 0.5, bank = 0.5 },
      excess_layer = { payer = "gov", of = "ins", above_loss_ratio = 1.0, share = 0.5 } },
  },
}
