local r = poolsim.run("tests/scripts/scenarios/small.lua", { paths = 50 })
local x = nil
print(x.y)
