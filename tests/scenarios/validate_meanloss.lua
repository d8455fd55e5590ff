-- Validation (tests/validation/test_validation.c): expected claims with correlated
-- defaults. A pool with share 0.4 of every default, fixed loan amount and fixed
-- LGD; claims are on the exposure before recovery, so E[claims] = 0.4 * n *
-- amount * pd over one year whatever rho is. As written: one period of a year;
-- the test also runs it monthly over 12 periods with a cycle and a claim lag.
return poolsim.scenario{
  name = "validate: mean loss",
  periods = 1,
  step = "year",
  seed = 31337,
  paths = 20000,
  cycle = 0,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(1000) },
  },
  segments = {
    { id = "s", new_loans = 4000, originate = {1, 1}, loan = poolsim.wan(100), tenor = 1,
      repayment = "bullet", rate = 0.05, pd = 0.03, lgd = 0.45, rho = 0.2 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 0.4, bank = 0.6 } },
  },
}
