-- bad scenario for tests/catalogue: an on_period hook: pcall in a loop around a loop (issue 14)
return poolsim.scenario{
  name = "runaway hook",
  periods = 24,
  seed = 11,
  paths = 500,
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
    if ctx.period == 3 then
      while true do pcall(function() while true do end end) end  -- <-- error
    end
  end,
}
