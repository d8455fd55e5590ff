-- bad scenario for the catalogue: as hook_topup_overflow.lua, but the hook catches the error
-- with pcall and goes on; the run must stop all the same, never report a wrong number
return poolsim.scenario{
  name = "hook top-ups beyond the ledger, caught",
  periods = 12,
  step = "month",
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500) } },
  segments = { { id = "sme", new_loans = 1, originate = {1, 12}, loan = poolsim.wan(100), tenor = 12, pd = 0.01, lgd = 0.5 } },
  programmes = { { id = "prog", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
  on_period = function(ctx)
    for _ = 1, 1000 do pcall(ctx.topup, ctx, "fund", 9e14) end  -- <-- error
  end,
}
