-- Back-testing (poolsim backtest): tests/validation/test_backtest.c places
-- actual figures in forecasts known by hand. No correlation (rho = 0), no lags.
local wan = poolsim.wan
return poolsim.scenario{
  name = "backtest", periods = 4, step = "year", seed = 11, paths = 20000,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(1000000) } },
  segments = {
    -- three loans of 100万 that all default in year 1 (pd = 1): a point mass
    { id = "sure", new_loans = 3, originate = {1, 1}, loan = wan(100), tenor = 2, pd = 1, lgd = 0.5 },
    -- 200 loans at risk in year 1 only: defaults ~ Binomial(200, 0.05)
    { id = "binom", new_loans = 200, originate = {1, 1}, loan = wan(100), tenor = 1, pd = 0.05, lgd = 0.5 },
    -- 100 loans at risk for four years: defaults in every year
    { id = "spread", new_loans = 100, originate = {1, 1}, loan = wan(10), tenor = 4, pd = 0.1, lgd = 0.5 },
  },
  programmes = {
    { id = "p_sure", segments = {"sure"}, bank = "bank", share = { fund = 0.6, bank = 0.4 } },
    { id = "p_binom", segments = {"binom"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } },
    { id = "p_spread", segments = {"spread"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } },
  },
}
