-- a driver that checks what poolsim.run / size / sweep / compare return
local f = "tests/scripts/scenarios/small.lua"
local r = poolsim.run(f, { paths = 200, set = { ["pools.fund.initial"] = 6e6 } })
assert(r.schema == 1 and r.pools.fund.initial == 6e6, "run")
assert(r.scenario.overrides[1].key == "pools.fund.initial", "overrides")
local s = poolsim.size(f, { paths = 200 })
assert(#s.sizing.fund == 3, "size")
local w = poolsim.sweep(f, "segments.a_small.pd", { 0.02, 0.08 }, { paths = 200 })
assert(#w == 2 and w[1].value == 0.02, "sweep")
assert(w[2].results.pools.fund.claims.mean > w[1].results.pools.fund.claims.mean, "a higher pd claims more")
local c = poolsim.compare(f, f, { paths = 200 })
assert(c.compare.pools.fund.depletion.diff == 0, "compare with itself")
local g = c.compare.parties.city
assert(g.outlay.diff == 0 and g.cost_pv.ci[1] == 0 and g.outlay.a > 0, "every party in a compare, from a driver")
print("driver ok", arg[1])
