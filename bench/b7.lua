-- Benchmark B7 (issue 18): 50 000 heterogeneous obligors over 72 months, the
-- size of portfolio CCruncher quotes. bench/run.sh writes the tape first:
--   awk -v n=50000 -f bench/b7_tape.awk > bench/data/b7_tape.csv
-- (PD log-uniform on 0.2%..10% a year, LGD 0.3..0.8, 10万..500万, lent quarterly over
-- four years for 12, 24 or 36 months; see bench/b7_tape.awk). Two templates, each
-- loading on its own sector; bullet repayment; the fund pays 40% of each loss, the
-- bank the rest, from a pool of 20亿.
local wan = poolsim.wan
return poolsim.scenario{
  name = "bench B7", periods = 72, seed = 7, paths = 2000,
  sectors = { { id = "mfg" }, { id = "svc" } },
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(200000) } },
  segments = {
    { id = "mfg", new_loans = 0, loan = wan(100), tenor = 12, pd = 0.02, lgd = 0.5, rho = 0.12, sector = "mfg", rho_sector = 0.08 },
    { id = "svc", new_loans = 0, loan = wan(100), tenor = 12, pd = 0.02, lgd = 0.5, rho = 0.10, sector = "svc", rho_sector = 0.10 },
  },
  programmes = { { id = "p", segments = {"mfg", "svc"}, bank = "bank", share = { fund = 0.4, bank = 0.6 } } },
  loans = poolsim.csv("data/b7_tape.csv"),
}
