-- A small loan tape (tests/scenarios/data/small.csv: BOM, CRLF, quoted Chinese names
-- with commas and "" escapes): pd = 1 makes every loan of A1..A3 default in its
-- first period; B1 (pd 0) never does. tests/unit/test_tape.c computes the ledger.
return poolsim.scenario{
  name = "tape small", periods = 3, step = "year", seed = 1, paths = 1,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(1000)} },
  segments = { {id = "tpl", new_loans = 0, loan = 1, tenor = 1, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"tpl"}, bank = "bank", share = {fund = 0.4, bank = 0.6}, recovery_lag = 1} },
  loans = poolsim.csv("data/small.csv"),
}
