-- a metamethod that raised while C read the table: Lua panicked (abort)
local boom = setmetatable({id = "gov"}, {__index = function(t, k) error("boom " .. k) end})
return poolsim.scenario{
  name = "x", periods = 3, step = "year",
  parties = { boom, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = 1} },
  segments = { {id = "s", new_loans = 1, loan = 1, tenor = 1, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 1}} },
}
