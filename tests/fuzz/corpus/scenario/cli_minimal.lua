-- A valid scenario for tests/cli/test_cli.sh with only the required fields
-- (every optional field takes its default), in yearly steps.
return poolsim.scenario{
  name = "minimal yearly scheme",
  periods = 5,
  step = "year",
  parties = {
    { id = "gov", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "pool", owner = "gov", initial = poolsim.yi(0.1) },
  },
  segments = {
    { id = "sme", new_loans = 20, loan = poolsim.wan(100), tenor = 3, pd = 0.03, lgd = 0.6 },
  },
  programmes = {
    { id = "scheme", segments = {"sme"}, bank = "bank", share = { pool = 0.3, bank = 0.7 } },
  },
}
