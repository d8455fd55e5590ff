-- A recovery lag drawn from poolsim.uniform whose min is shorter than the claim's lags.
return poolsim.scenario{
  name = "bad: recovery lag uniform min", periods = 4, step = "quarter", seed = 1, paths = 10,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(100)} },
  segments = { {id = "s", new_loans = 1, loan = poolsim.wan(10), tenor = 4, pd = 0.02, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 0.5, bank = 0.5}, claim_lag = 2,
                  recovery_lag = poolsim.uniform{min = 1, max = 4}} },
}
