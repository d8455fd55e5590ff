-- bad scenario for tests/catalogue: a cycle in references. The segment takes
-- its defaults from a table whose __index leads back to itself, so reading a
-- field it does not set would go round the loop; the loader refuses any table
-- with a metatable, naming the segment's table (its line, 8).
local defaults = {}
setmetatable(defaults, { __index = defaults })
local function with_defaults(t) return setmetatable(t, { __index = defaults }) end
return poolsim.scenario{
  name = "catalogue scheme",
  periods = 24,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank_a", kind = "bank" },
  },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(500) } },
  segments = {
    with_defaults{
      id = "sme",
      new_loans = 10,
      loan = poolsim.wan(200),
      tenor = 12,
      pd = 0.04,
      lgd = 0.5,
    },
  },
  programmes = {
    { id = "prog_a", segments = {"sme"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 } },
  },
}
