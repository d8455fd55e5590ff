-- Validation (tests/validation/test_validation.c): the sizing identity. Three years
-- of monthly lending under two programmes with claim and recovery lags, random
-- loan sizes and LGDs, a scheduled top-up and a cyclical factor, and no hooks:
-- nothing feeds back on the pool balance, so a path depletes the pool exactly
-- when its required initial balance exceeds the pool's initial balance. The
-- test sets the yield and the initial balance.
return poolsim.scenario{
  name = "validate: sizing identity",
  periods = 36,
  step = "month",
  seed = 4242,
  paths = 4000,
  cycle = 0.7,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank_a", kind = "bank" },
    { id = "bank_b", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.wan(800), topups = { [13] = poolsim.wan(150) }, yield = 0 },
  },
  segments = {
    { id = "a", new_loans = 20, originate = {1, 24}, loan = poolsim.lognormal{mean = poolsim.wan(150), sd = poolsim.wan(80)},
      tenor = 12, repayment = "bullet", rate = 0.05, pd = 0.05, lgd = poolsim.beta{mean = 0.6, sd = 0.2}, rho = 0.2 },
    { id = "b", new_loans = 6, originate = {1, 30}, loan = poolsim.wan(400),
      tenor = 6, repayment = "amortizing", rate = 0.045, pd = 0.03, lgd = 0.5, rho = 0.15 },
  },
  programmes = {
    { id = "pa", segments = {"a"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 },
      cap_per_loan = poolsim.wan(80), claim_lag = 3, recovery_lag = 9 },
    { id = "pb", segments = {"b"}, bank = "bank_b", share = { fund = 0.5, bank_b = 0.5 },
      claim_lag = 2, recovery_lag = 6 },
  },
}
