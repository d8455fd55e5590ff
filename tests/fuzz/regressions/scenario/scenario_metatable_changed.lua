-- the scenario table's own metatable changed by the script: a metamethod on it
-- would run while C reads the missing fields
local s = poolsim.scenario{
  name = "x", periods = 3, step = "year",
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = 1} },
  segments = { {id = "s", new_loans = 1, loan = 1, tenor = 1, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = 1}} },
}
local mt = getmetatable(s)
if type(mt) == "table" then mt.__index = function() error("boom") end end
pcall(setmetatable, s, {__index = function() error("boom") end})
return s
