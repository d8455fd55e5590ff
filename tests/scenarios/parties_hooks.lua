-- Hand-computed in tests/validation/test_parties.c (mechanism 9): Lua hooks. A split
-- returning fractions (pf) and one returning yuan (py, whose per-loan cap still
-- applies); on_default changing an
-- LGD; ctx:set_share and its restore (ps); ctx:suspend / ctx:resume (pz); the
-- NPL ratio of pn read in on_period, topped up as 1e6 x the ratio in yuan so
-- that the ledger shows the value the hook saw.
local wan = poolsim.wan
return poolsim.scenario{
  name = "parties: hooks", periods = 4, step = "year", seed = 1, paths = 1,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
              { id = "guar", kind = "guarantor" } },
  pools = { { id = "fund", owner = "gov", initial = wan(1000) } },
  segments = {
    { id = "f1", new_loans = 1, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "f2", new_loans = 1, originate = {1, 1}, loan = wan(200), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "y1", new_loans = 1, originate = {1, 1}, loan = 1000000.01, tenor = 1, pd = 1, lgd = 0.4 },
    { id = "s", new_loans = 1, originate = {1, 4}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "z", new_loans = 1, originate = {1, 4}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
    { id = "ng", new_loans = 9, originate = {1, 1}, loan = wan(100), tenor = 4, pd = 0, lgd = 0.5 },
    { id = "nb", new_loans = 1, originate = {1, 2}, loan = wan(100), tenor = 1, pd = 1, lgd = 0.5 },
  },
  programmes = {
    { id = "pf", segments = {"f1", "f2"}, bank = "bank", share = { fund = 0.5, guar = 0.2, bank = 0.3 },
      split = function(loss, loan, ctx)
        if loan.amount > 1500000 then return { fund = 0.2, guar = 0.3, bank = 0.5 } end
        return { fund = 0.6, bank = 0.4 }
      end },
    { id = "py", segments = {"y1"}, bank = "bank", share = { fund = 0.5, bank = 0.5 }, cap_per_loan = 100000,
      split = function(loss, loan, ctx) return { fund = 123456.78, bank = loss - 123456.78 } end },
    { id = "ps", segments = {"s"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } },
    { id = "pz", segments = {"z"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } },
    { id = "pn", segments = {"ng", "nb"}, bank = "bank", share = { fund = 0.5, bank = 0.5 }, recovery_lag = 2 },
  },
  on_period = function(ctx)
    if ctx.period == 2 then
      ctx:set_share("ps", { fund = 0.8, bank = 0.2 })
      ctx:suspend("pz")
    elseif ctx.period == 4 then
      ctx:set_share("ps")
      ctx:resume("pz")
    end
    if ctx.period == 2 then -- performing (yuan at risk), defaults, originated, as top-ups
      local v = ctx:programme("pn")
      ctx:topup("fund", v.performing / 1000)
      ctx:topup("fund", v.defaults)
      ctx:topup("fund", v.originated)
    end
    if ctx.period == 3 and ctx:programme("pz").paused and not ctx:programme("pz").stopped then
      ctx:topup("fund", 0.01)
    end
    local r = ctx:programme("pn").npl_ratio
    if r > 0 then ctx:topup("fund", r * 1e6) end
  end,
  on_default = function(loan, ctx)
    if loan.segment == "nb" then return { lgd = 0.2 } end
  end,
}
