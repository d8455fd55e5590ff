-- tests/validation/test_cost.c: a government's cost in present value, by hand.
-- Years, a 5% discount rate. Programme p: 10 loans of 100万 originated in year 1, all default
-- in year 1 (pd = 1); the fund pays 30% at once and gets 30% of the 60% recovered in year 2.
-- Programme q: 5 loans of 200万 a year in years 1 and 2, repaid (pd = 0), at 5% interest, half
-- of it subsidised by the government, which also pays a 2‰ lending reward.
return poolsim.scenario{
  name = "cost by hand", periods = 3, step = "year", seed = 1, paths = 1, discount_rate = 0.05,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "s", new_loans = 10, originate = {1, 1}, tenor = 2, loan = 1e6, pd = 1, lgd = 0.4, rate = 0.06 },
    { id = "t", new_loans = 5, originate = {1, 2}, tenor = 1, loan = 2e6, pd = 0, lgd = 0.5, rate = 0.05 },
  },
  programmes = {
    { id = "p", segments = {"s"}, bank = "bank", share = { fund = 0.3, bank = 0.7 }, recovery_lag = 1 },
    { id = "q", segments = {"t"}, bank = "bank", share = { bank = 1 },
      interest_subsidy = { share = 0.5, payer = "gov" }, lending_reward = { rate = 0.002, payer = "gov" } },
  },
}
