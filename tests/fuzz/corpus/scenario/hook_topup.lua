-- A scenario with an on_period policy: the city tops the fund up when it falls
-- below 200万, by a random amount between 50万 and 150万 (math.random draws from
-- the path's own stream). `calls` would grow across paths if a Lua state were
-- reused between paths; the hook fails loudly if that ever happens.
local periods = 24
local calls = 0

return poolsim.scenario{
  name = "hook top-up test",
  periods = periods,
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
    calls = calls + 1
    if calls > periods then error("Lua state reused across paths: " .. calls .. " calls") end
    assert(ctx.period == calls, "ctx.period out of step")
    if ctx:pool("fund").balance < poolsim.wan(200) then
      ctx:topup("fund", poolsim.wan(50) + math.random() * poolsim.wan(100))
    end
  end,
}
