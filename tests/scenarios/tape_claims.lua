-- Three loan-tape loans of one template (tests/scenarios/data/tape_claims.csv: 100 004,
-- 200 012 and 300 008 fen, LGD 0.25, 0.25 and 1): pd = 1 makes all three default in period
-- 1, claimed then and recovered in period 2. The fund pays a third. Their defaults are
-- gathered into one claim of 600 024 fen (docs/rules.md), whose split differs from the sum
-- of the three loans' own splits by a fen; tests/unit/test_tape_claims.c computes both
-- ledgers by hand, and with a fund too small for the claim, which is then parted.
return poolsim.scenario{
  name = "tape claims", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(1000)} },
  segments = { {id = "tpl", new_loans = 0, loan = 1, tenor = 2, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"tpl"}, bank = "bank", share = {fund = 1 / 3, bank = 2 / 3}, recovery_lag = 1} },
  loans = poolsim.csv("data/tape_claims.csv"),
}
