-- bad scenario for tests/catalogue: an npl_ratio trigger watched "during" a period that does not exist
return poolsim.scenario{
  name = "catalogue scheme",
  periods = 24,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank_a", kind = "bank" },
    { id = "guar", kind = "guarantor", capital = poolsim.wan(300) },
    { id = "ins", kind = "insurer", premium = 0.01, loss_ratio_cap = 1.5 },
  },
  pools = {
    {
      id = "fund",
      owner = "city",
      initial = poolsim.wan(500),
    },
  },
  segments = {
    {
      id = "sme",
      new_loans = 10,
      loan = poolsim.wan(200),
      tenor = 12,
      pd = 0.04,
      lgd = 0.5,
      rho = 0.15,
    },
  },
  programmes = {
    {
      id = "prog_a",
      segments = {"sme"},
      bank = "bank_a",
      triggers = { { kind = "npl_ratio", above = 0.05, action = "pause", during = "runoff" } },  -- <-- error
      share = { fund = 0.3, guar = 0.3, ins = 0.2, bank_a = 0.2 },
    },
  },
}
