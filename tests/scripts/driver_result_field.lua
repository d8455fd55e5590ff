-- a driver that reads a misspelt field of a result: an error naming it and the fields there are,
-- never a silent nil; rawget tells a field that is absent
local r = poolsim.run("tests/scripts/scenarios/small.lua", { paths = 50 })
assert(r.pools.fund.initial > 0, "a field there is")
assert(rawget(r.pools.fund, "no_such_field") == nil, "rawget of an absent field")
local ok, err = pcall(function() return r.pools.fund.intial end)
assert(not ok and err:find("no field 'intial' in a poolsim result %(fields: [^)]*initial"), err)
local n = 0
for _ in ipairs(r.scenario.overrides) do n = n + 1 end -- arrays end with nil as ever
assert(n == 0, "ipairs")
local s = poolsim.size("tests/scripts/scenarios/small.lua", { paths = 50 })
print(s.sizing.fund[1].intial)
