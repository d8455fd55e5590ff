-- on_default returned a table whose metamethod raised while C read its lgd,
-- outside any pcall: Lua panicked and poolsim aborted mid-run
return poolsim.scenario{
  name = "x", periods = 3, step = "year",
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = 1} },
  segments = { {id = "s", new_loans = 10, loan = 1, tenor = 1, pd = 0.9, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 1}} },
  on_default = function(loan, ctx) return setmetatable({}, {__index = function() error("boom") end}) end,
}
