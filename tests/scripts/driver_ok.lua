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
local a = poolsim.size(f, { paths = 300, alpha = { 0.2, 0.02 } })
local fa = a.sizing.fund
assert(#fa == 2 and fa[1].alpha == 0.2 and fa[2].alpha == 0.02, "opts.alpha: the targets sized for")
assert(fa[1].initial <= fa[2].initial, "a rarer depletion needs a larger fund")
local t = poolsim.run(f, { paths = 300, alpha = 0.05, set = { sampling = "importance" } })
assert(t.run.sampling == "importance" and #t.sizing.fund == 1 and t.sizing.fund[1].alpha == 0.05, "opts.alpha with tail sampling")
-- a sweep under tail sampling: every run takes the first value's shift, so the runs weigh their paths
-- alike (a run on its own chooses another shift for pd 0.08)
local imp = { paths = 300, set = { sampling = "importance" } }
local wi = poolsim.sweep(f, "segments.a_small.pd", { 0.02, 0.08 }, imp)
local own = poolsim.run(f, { paths = 300, set = { sampling = "importance", ["segments.a_small.pd"] = 0.08 } })
assert(wi[2].results.run.sampling == "importance", "a sweep under tail sampling")
assert(wi[1].results.run.effective_paths == wi[2].results.run.effective_paths, "one shift for the sweep's runs")
assert(own.run.effective_paths ~= wi[2].results.run.effective_paths, "a run alone chooses its own shift")
local ca = poolsim.compare(f, f, { paths = 200, alpha = 0.2 })
assert(#ca.compare.pools.fund.sizing == 1, "opts.alpha in a compare")
local ok, msg = pcall(poolsim.run, f, { alpha = { 0.1, 1.5 } })
assert(not ok and msg:find("opts.alpha needs probabilities in %(0, 1%), got 1.5"), msg)
print("driver ok", arg[1])
