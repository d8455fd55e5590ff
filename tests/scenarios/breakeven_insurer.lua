-- tests/validation/test_breakeven.c: one year; the insurer earns premium x 1000万 on ten loans
-- that are repaid, and pays half of one 100万 loan that defaults with nothing recovered: its loss
-- ratio is 50万 / (premium x 1000万), 60% at premium = 1/12. The reguarantor takes 30% of the
-- loss in the second programme (30万) for a fee on its 30% of a 1000万 book: it breaks even at
-- a fee of 30万 / 300万 = 10%.
return poolsim.scenario{
  name = "break-even by hand", periods = 1, step = "year", seed = 1, paths = 50,
  parties = {
    { id = "gov", kind = "government" }, { id = "bank", kind = "bank" },
    { id = "ins", kind = "insurer", premium = 0.02 },
    { id = "reg", kind = "reguarantor", reguarantee_fee = 0.01 },
  },
  pools = { { id = "fund", owner = "gov", initial = 1e7 } },
  segments = {
    { id = "good", new_loans = 10, tenor = 1, loan = 1e6, pd = 0, lgd = 1 },
    { id = "bad", new_loans = 1, tenor = 1, loan = 1e6, pd = 1, lgd = 1 },
    { id = "good2", new_loans = 10, tenor = 1, loan = 1e6, pd = 0, lgd = 1 },
    { id = "bad2", new_loans = 1, tenor = 1, loan = 1e6, pd = 1, lgd = 1 },
  },
  programmes = {
    { id = "insured", segments = { "good", "bad" }, bank = "bank", share = { ins = 0.5, bank = 0.5 } },
    { id = "reguaranteed", segments = { "good2", "bad2" }, bank = "bank", share = { reg = 0.3, bank = 0.7 } },
  },
}
