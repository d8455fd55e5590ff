-- Loan tapes by PD bucket (tests/validation/test_tape_buckets.c): 2 000 loans
-- (tests/scenarios/data/buckets.csv, written by buckets.awk) with PDs 0.2%..10% a year,
-- seasoned (start -6 and 0) and new (start 1 and 4), tenors 12 and 24 months, over
-- two templates: tpl_a (rho 0.2) and tpl_b (rho 0.1 and sector s1 at 0.1); and three
-- marked loans of PD 0.3%, 2.5% and 9%, each the only loan of its programme (m1..m3),
-- so a programme's defaults are its loan's. 12 monthly periods, cycle 0; no lags and
-- a large pool, so every claim is paid.
local wan = poolsim.wan
local function marked(id)
  return { id = id, bank = "bank", share = { fund = 0.5, bank = 0.5 } }
end
return poolsim.scenario{
  name = "tape buckets", periods = 12, step = "month", seed = 5, paths = 1000,
  sectors = { { id = "s1" } },
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(1000000) } },
  segments = {
    { id = "tpl_a", new_loans = 0, loan = 1, tenor = 12, pd = 0, lgd = 0.5, rho = 0.2 },
    { id = "tpl_b", new_loans = 0, loan = 1, tenor = 12, pd = 0, lgd = 0.5, rho = 0.1, sector = "s1", rho_sector = 0.1 },
  },
  programmes = {
    { id = "main", segments = { "tpl_a", "tpl_b" }, bank = "bank", share = { fund = 0.4, bank = 0.6 } },
    marked("m1"), marked("m2"), marked("m3"),
  },
  loans = poolsim.csv("data/buckets.csv"),
}
