-- Benchmark B2 (issue 6): a 36 000-loan tape with heterogeneous PD, LGD and amounts,
-- one year of monthly periods. bench/run.sh writes the tape first:
--   awk -v n=36000 -f bench/b2_tape.awk > bench/data/b2_tape.csv
-- (PD lognormal, median 2%, in [0.1%, 30%]; LGD 0.3..0.8; 10万..500万; tenor 12; see
-- bench/b2_tape.awk). The template gives rho 0.15, bullet repayment; the fund pays
-- half of each loss, the bank the other half, from a pool of 10亿.
local wan = poolsim.wan
return poolsim.scenario{
  name = "bench B2", periods = 12, seed = 1, paths = 10000,
  parties = { { id = "gov", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "gov", initial = wan(100000) } },
  segments = { { id = "sme", new_loans = 0, loan = wan(100), tenor = 12, pd = 0.02, lgd = 0.5, rho = 0.15 } },
  programmes = { { id = "p", segments = {"sme"}, bank = "bank", share = { fund = 0.5, bank = 0.5 } } },
  loans = poolsim.csv("data/b2_tape.csv"),
}
