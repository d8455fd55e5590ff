-- for tests/cli/test_cli.sh: an on_period hook that works for a while at every
-- period, within its budget: SIGTERM must stop the run inside the hook within a second
return poolsim.scenario{
  name = "slow hook",
  periods = 24,
  seed = 11,
  paths = 100000,
  cycle = 0.5,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(300), yield = 0.02 } },
  segments = {
    { id = "sme", new_loans = 20, originate = {1, 12}, loan = poolsim.lognormal{mean = poolsim.wan(100), sd = poolsim.wan(50)},
      tenor = 12, pd = 0.08, lgd = poolsim.beta{mean = 0.5, sd = 0.2}, rho = 0.2 },
  },
  programmes = {
    { id = "prog", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 }, claim_lag = 1, recovery_lag = 6 },
  },
  on_period = function(ctx)
    for _ = 1, 2e6 do end
  end,
}
