-- A heterogeneous loan tape (tests/scenarios/data/hetero.csv, written by hetero.awk):
-- 12 monthly periods, every loan originated in period 1 with tenor 12, so with rho = 0
-- each loan defaults within the horizon with exactly its own annual PD.
--   pair:   150 loans PD 20% of 1万 and 150 PD 25% of 2万 (one PD bucket), LGD 0.4/0.6;
--   spread: 400 loans, PD 0.1%..30% (geometric), 10万..49.9万, LGD 0.3..0.8, with an
--           LGD downturn link on top of each loan's own LGD;
--   low:    400 loans of 5万 at PD 0.5% (one homogeneous group).
-- No lags and a large pool, so every claim is paid and every recovery comes in.
-- tests/unit/test_path_thinning.c and test_path.c use it.
return poolsim.scenario{
  name = "tape hetero", periods = 12, step = "month", seed = 7, paths = 1000,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(1000000)} },
  segments = {
    {id = "tpl_pair", new_loans = 0, loan = 1, tenor = 12, pd = 0, lgd = 0.5, rho = 0},
    {id = "tpl_spread", new_loans = 0, loan = 1, tenor = 12, pd = 0, lgd = 0.5, rho = 0, lgd_downturn = 0.5},
    {id = "tpl_low", new_loans = 0, loan = 1, tenor = 12, pd = 0, lgd = 0.5, rho = 0},
  },
  programmes = {
    {id = "pair", segments = {"tpl_pair"}, bank = "bank", share = {fund = 0.4, bank = 0.6}},
    {id = "spread", segments = {"tpl_spread"}, bank = "bank", share = {fund = 0.5, bank = 0.5}},
    {id = "low", segments = {"tpl_low"}, bank = "bank", share = {fund = 0.3, bank = 0.7}},
  },
  loans = poolsim.csv("data/hetero.csv"),
}
