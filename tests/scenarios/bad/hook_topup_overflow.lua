-- bad scenario for the catalogue: 1 000 top-ups of 9e14 yuan in one hook are 9e17 yuan, more
-- than the ledger's int64 fen hold (about 9.2e16 yuan); the run stops at the one that overflows
return poolsim.scenario{
  name = "hook top-ups beyond the ledger",
  periods = 12,
  step = "month",
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500) } },
  segments = { { id = "sme", new_loans = 1, originate = {1, 12}, loan = poolsim.wan(100), tenor = 12, pd = 0.01, lgd = 0.5 } },
  programmes = { { id = "prog", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
  on_period = function(ctx)
    for _ = 1, 1000 do ctx:topup("fund", 9e14) end  -- <-- error
  end,
}
