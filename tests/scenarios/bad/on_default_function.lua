-- bad scenario for the catalogue: on_default returns a function
return poolsim.scenario{
  name = "bad hook return", periods = 3, step = "year", seed = 1, paths = 10,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(300) } },
  segments = { { id = "sme", new_loans = 5, originate = {1, 1}, loan = poolsim.wan(100), tenor = 2, pd = 1, lgd = 0.5 } },
  programmes = {
    { id = "prog", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
    },
  },
  on_default = function(loan, ctx)
    return function() return { lgd = 0.2 } end  -- <-- error
  end,
}
