-- Hooks that count their calls in every place a count could outlive a path
-- (tests/unit/test_policy_reset.c; hook_fresh.lua tries the libraries and metatables):
-- an upvalue, an upvalue of a helper the hook calls, a global, a table of the file,
-- a field of the scenario table, `poolsim` and its metatable, and a module's table
-- (poolsim.rules, first loaded by the hook). on_period checks at each period that
-- every count equals the period, so a count an earlier path left fails the run, and
-- tops up the fund by the upvalue's count at the last period: `periods` yuan on every
-- path. on_default and split have no upvalues, so each call is given the same loan
-- table refilled (sim/policy.c): they change it, and return a string (which fails the
-- run) if a change of an earlier call is still there. The split of programme "kept"
-- has upvalues and keeps every loan it is given: each must be a table of its own,
-- still holding its own values.
local periods = 12
local calls = 0
local tally = { periods = 0 }
local helper_calls = 0
local helpers = { bump = function() helper_calls = helper_calls + 1; return helper_calls end }
local kept = {}
local scenario

scenario = poolsim.scenario{
  name = "hooks count in every place a count could outlive a path",
  periods = periods,
  seed = 7,
  paths = 300,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500) } },
  segments = {
    { id = "sme", new_loans = 20, originate = {1, 6}, loan = poolsim.wan(100), tenor = 6, pd = 0.1, lgd = 0.5, rho = 0.2 },
    { id = "big", new_loans = 10, originate = {1, 6}, loan = poolsim.wan(300), tenor = 6, pd = 0.1, lgd = 0.5, rho = 0.2 },
  },
  programmes = {
    { id = "bare", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      split = function(loss, loan, ctx)
        if loan.mark ~= nil or loan.amount == 0 or loan.programme ~= "bare" then
          return "a change to loan made by an earlier call is still there"
        end
        if loan.age % 2 == 1 then loan.mark = true end
        loan.amount, loan.programme = 0, nil
        return { fund = 0.5, bank = 0.5 }
      end },
    { id = "kept", segments = {"big"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      split = function(loss, loan, ctx)
        for _, k in ipairs(kept) do
          if k.loan == loan or k.loan.exposure ~= k.exposure or k.loan.period ~= k.period then
            error("a loan table kept by a hook was given again or changed")
          end
        end
        kept[#kept + 1] = { loan = loan, exposure = loan.exposure, period = loan.period }
        return { fund = 0.5, bank = 0.5 }
      end },
  },
  on_period = function(ctx)
    local p = ctx.period
    calls = calls + 1
    tally.periods = tally.periods + 1
    scenario.periods_seen = (scenario.periods_seen or 0) + 1
    counted = (counted or 0) + 1
    poolsim.periods_seen = (rawget(poolsim, "periods_seen") or 0) + 1
    getmetatable(poolsim).periods_seen = (getmetatable(poolsim).periods_seen or 0) + 1
    poolsim.rules.periods_seen = (poolsim.rules.periods_seen or 0) + 1
    local counts = {
      upvalue = calls, helper = helpers.bump(), file_table = tally.periods, scenario_field = scenario.periods_seen,
      global = counted, poolsim = poolsim.periods_seen, poolsim_metatable = getmetatable(poolsim).periods_seen,
      module = poolsim.rules.periods_seen,
    }
    for place, n in pairs(counts) do
      if n ~= p then error("the count in " .. place .. " carried over: " .. n .. " at period " .. p) end
    end
    if #kept > 0 and kept[1].loan.period > p then error("a kept loan is from a later period") end
    if p == periods then ctx:topup("fund", calls) end
  end,
  on_default = function(loan, ctx)
    if loan.seen ~= nil or loan.lgd > 1 or loan.segment == nil then
      return "a change to loan made by an earlier call is still there"
    end
    if loan.age % 3 == 0 then loan.seen = 1 end
    loan.lgd, loan.segment = 5, nil
  end,
}
return scenario
