-- a hook raising error(msg, 2): the level points at its caller, the engine, so Lua gives no
-- position; the message names the file and the line where the hook is written
return poolsim.scenario{
  name = "hook error level 2", periods = 6, seed = 3,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = 1e6 } },
  segments = { { id = "s", new_loans = 5, originate = { 1, 3 }, loan = 1e5, tenor = 3, pd = 0.3, lgd = 0.5 } },
  programmes = { { id = "p", segments = { "s" }, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
  on_period = function(ctx) -- <-- error
    if ctx.period == 2 then error("the fund's rule is not met", 2) end
  end,
}
