-- Hooks that try every way to carry state from one path to the next (an
-- upvalue, a global, fields of the libraries, of poolsim, of the string and ctx
-- metatables, the globals' metatable, a replaced or removed library function): each fails
-- loudly if what an earlier path left is still there, and the top-up each path
-- makes at its last period is the number of on_period calls the upvalue counted
-- (tests/unit/test_policy_reset.c checks it is `periods` yuan on every path).
local periods = 12
local calls, defaults = 0, 0

return poolsim.scenario{
  name = "hooks see a fresh state on every path",
  periods = periods,
  seed = 5,
  paths = 300,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500) } },
  segments = { { id = "sme", new_loans = 20, originate = {1, 6}, loan = poolsim.wan(100), tenor = 6,
                 pd = 0.1, lgd = 0.5, rho = 0.2 } },
  programmes = { { id = "prog", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
  on_period = function(ctx)
    calls = calls + 1
    if calls ~= ctx.period then error("an upvalue carried over: " .. calls .. " calls at period " .. ctx.period) end
    if ctx.period == 1 then
      if carried ~= nil then error("a global carried over") end
      if string.carried or math.carried or table.carried or utf8.carried or rawget(poolsim, "carried") then
        error("a library field carried over")
      end
      if getmetatable(_G) ~= nil then error("the globals' metatable carried over") end
      if getmetatable("").carried or getmetatable(ctx).carried or rawget(getmetatable(ctx).__index, "carried") then
        error("a metatable field carried over")
      end
      if string.rep("a", 2) ~= "aa" or math.floor(2.5) ~= 2 then error("a replaced library function carried over") end
      if table.insert == nil or pairs == nil then error("a removed function stayed removed") end
      carried = true
      string.carried, math.carried, table.carried, utf8.carried = 1, 1, 1, 1
      rawset(poolsim, "carried", 1)
      getmetatable("").carried, getmetatable(ctx).carried, getmetatable(ctx).__index.carried = 1, 1, 1
      string.rep, math.floor = function() return "x" end, function() return 0 end
      table.insert, pairs = nil, nil
      setmetatable(_G, { __index = function(_, k) return "leaked " .. k end })
    end
    if ctx.period == periods then ctx:topup("fund", calls) end
  end,
  on_default = function(loan, ctx)
    defaults = defaults + 1
    if rawget(_G, "carried") ~= true then error("a global written this path is not seen") end
  end,
}
