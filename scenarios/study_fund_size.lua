-- A study in Lua: how P(depletion) of the Mianyang fund moves with its size and
-- with the start-ups' PD, on common random numbers. Run it:
--   ./poolsim script scenarios/study_fund_size.lua 2000
-- (it lives beside the scenario it studies: without --trust a driver runs only
-- the scenarios below its own folder)
local paths = tonumber(arg[1]) or 5000
local file = "scenarios/mianyang_2022.lua"

print(string.format("%-10s %-8s %s", "fund", "pd", "P(depletion)"))
for _, pd in ipairs{ 0.03, 0.045, 0.06 } do
  for _, size in ipairs{ 2.2e8, 2.5e8, 2.8e8 } do
    local r = poolsim.run(file, { paths = paths, set = { ["pools.fund.initial"] = size,
                                                         ["segments.city_startup.pd"] = pd } })
    print(string.format("%-10s %-8s %.2f%%", size / 1e8 .. "亿", pd, 100 * r.pools.fund.depletion.value))
  end
end

local s = poolsim.size(file, { paths = paths })
for _, row in ipairs(s.sizing.fund) do
  print(string.format("P(depletion) <= %g%% needs %.3f亿", 100 * row.alpha, row.initial / 1e8))
end
