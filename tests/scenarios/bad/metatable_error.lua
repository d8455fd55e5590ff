-- bad scenario for tests/catalogue: a pool whose metatable's __index raises an
-- error when poolsim reads a field the pool does not set (yield); the loader
-- refuses any table with a metatable, naming the pool's table (its line, 5)
local strict = { __index = function(_, key) error("no default for '" .. key .. "'", 2) end }
return poolsim.scenario{
  name = "catalogue scheme",
  periods = 24,
  parties = {
    { id = "city", kind = "government" },
    { id = "bank_a", kind = "bank" },
  },
  pools = {
    setmetatable({
      id = "fund",
      owner = "city",
      initial = poolsim.wan(500),
    }, strict),
  },
  segments = {
    { id = "sme", new_loans = 10, loan = poolsim.wan(200), tenor = 12, pd = 0.04, lgd = 0.5 },
  },
  programmes = {
    { id = "prog_a", segments = {"sme"}, bank = "bank_a", share = { fund = 0.4, bank_a = 0.6 } },
  },
}
