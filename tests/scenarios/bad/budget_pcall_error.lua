-- bad scenario for tests/catalogue: pcall(error) in a loop, stopped as fast as a plain loop (issue 14)
while true do pcall(error) end  -- <-- error
return poolsim.scenario{
  name = "cli test scheme",
  periods = 24,
  step = "month",
  seed = 7,
  paths = 200,
  parties = {
    { id = "city", kind = "government", name = "City finance bureau" },
    { id = "bank_a", kind = "bank" },
    { id = "bank_b", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.wan(500),
      topups = { [13] = poolsim.wan(100) }, yield = 0.015 },
  },
  segments = {
    {
      id = "a_small",
      new_loans = 10,
      originate = {1, 12},
      loan = poolsim.lognormal{mean = poolsim.wan(200), sd = poolsim.wan(100)},
      tenor = 12,
      repayment = "bullet",
      rate = 0.05,
      pd = 0.04,
      lgd = poolsim.beta{mean = 0.6, sd = 0.2},
      rho = 0.15,
    },
    {
      id = "b_term",
      new_loans = 4,
      originate = {1, 12},
      loan = poolsim.wan(500),
      tenor = 12,
      repayment = "amortizing",
      rate = 0.045,
      pd = 0.02,
      lgd = 0.5,
      rho = 0.15,
    },
  },
  programmes = {
    {
      id = "prog_a",
      segments = {"a_small"},
      bank = "bank_a",
      share = { fund = 0.4, bank_a = 0.6 },
      cap_per_loan = poolsim.wan(100),
      claim_lag = 3,
      recovery_lag = 9,
    },
    {
      id = "prog_b",
      segments = {"b_term"},
      bank = "bank_b",
      share = { fund = 0.5, bank_b = 0.5 },
      claim_lag = 2,
      recovery_lag = 6,
    },
  },
}
