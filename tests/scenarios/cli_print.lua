-- A valid scenario for tests/cli/test_cli.sh that prints while it loads (print
-- must go to stderr, so `--json -` keeps stdout pure JSON) and builds its
-- segments in a loop, as a researcher's scenario might.
print("building the revenue-band segments")

local bands = {
  { id = "startup", pd = 0.05, loan = poolsim.wan(150) },  -- 初创 < 2000万
  { id = "growth",  pd = 0.03, loan = poolsim.wan(400) },  -- 成长 2000万–1亿
  { id = "fast",    pd = 0.02, loan = poolsim.wan(900) },  -- 快速发展 1–5亿
}

local segments, ids = {}, {}
for _, b in ipairs(bands) do
  segments[#segments + 1] = {
    id = b.id,
    new_loans = 5,
    loan = b.loan,
    tenor = 12,
    rate = 0.04,
    pd = b.pd,
    lgd = 0.55,
    rho = 0.1,
  }
  ids[#ids + 1] = b.id
end

return poolsim.scenario{
  name = "revenue bands",
  periods = 36,
  step = "month",
  parties = {
    { id = "city", kind = "government" },
    { id = "bank", kind = "bank" },
  },
  pools = {
    { id = "fund", owner = "city", initial = poolsim.yi(0.5) },
  },
  segments = segments,
  programmes = {
    { id = "bands", segments = ids, bank = "bank", share = { fund = 0.5, bank = 0.5 } },
  },
}
