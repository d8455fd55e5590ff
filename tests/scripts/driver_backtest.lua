-- a driver that checks what poolsim.backtest returns: the backtest document as tables
local b = poolsim.backtest("tests/scripts/scenarios/small.lua", "tests/scripts/scenarios/small_actual.csv",
                           { paths = 200 })
assert(b.schema == 1 and b.backtest.paths == 200 and b.backtest.seed == 1, "backtest run")
local a = b.backtest.programmes.prog_a
assert(#a.defaults == 2 and a.defaults[2].period == 4 and a.defaults[2].cumulative.actual == 3, "cumulative")
assert(#a.claims == 1 and a.claims[1].actual == 400000, "claims")
assert(a.defaults[1].percentile >= 0 and a.defaults[1].percentile <= 1, "percentile")
assert(#b.backtest.programmes.prog_b.claims == 1 and rawget(b.backtest.programmes.prog_b, "defaults") == nil, "prog_b")
assert(#b.backtest.verdict >= 3, "verdict")
print("backtest ok", #b.backtest.verdict)
