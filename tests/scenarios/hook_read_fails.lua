-- A scenario that tries to give its scenario table an __index that behaves
-- differently when a path re-runs the file (the loader reads `step` first and
-- passes, a path reads `on_default` first and the __index raises). The scenario
-- table's metatable is protected, so the file stops at that line with exit code
-- 2 (tests/cli/test_cli.sh).
local seen_step = false
local scenario = poolsim.scenario{
  name = "hook read fails", periods = 12,
  parties = { { id = "city", kind = "government" }, { id = "bank_a", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500) } },
  segments = { { id = "sme", new_loans = 10, loan = poolsim.wan(200), tenor = 12, pd = 0.04, lgd = 0.5 } },
  programmes = { { id = "prog_a", segments = {"sme"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 } } },
  on_period = function(ctx) end,
}
getmetatable(scenario).__index = function(_, key)
  if key == "step" then seen_step = true
  elseif not seen_step then error("read '" .. key .. "' before 'step'") end
end
return scenario
