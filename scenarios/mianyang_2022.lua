--[[
绵阳市科技型企业贷款风险补偿资金 (2022) — Mianyang city loan risk compensation fund

The question: the fund grows from 2.2亿 to 2.5亿 yuan to back science-and-technology
lending by two city banks. Does either size keep the probability that the fund runs
dry within the horizon at or below 5%, and what size would?

Run it:    ./poolsim run  scenarios/mianyang_2022.lua
Size it:   ./poolsim size scenarios/mianyang_2022.lua --at 2.2e8,2.5e8
What-if:   ./poolsim size scenarios/mianyang_2022.lua --set segments.city_startup.pd=0.06

Sources (SPEC/DOMAIN notes on Mianyang's 2022 "金十条" measures):
  [P1] the city loan risk compensation fund is enlarged from 2.2亿 to 2.5亿 yuan;
  [P2] two city banks each commit >= 60亿 of science-and-technology lending over three years;
  [P3] NPL tolerance raised to 3% (city commercial bank) and 5% (rural commercial bank);
  [P4] average loan rate <= 6% (credit/guaranteed loans from 5.15%, IP/receivable pledges
       from 4.9%, mortgages from 4.5%);
  [P5] firms classified by revenue: 初创 < 2000万, 成长 2000万–1亿, 快速发展 1–5亿.

Everything else is an ASSUMPTION, marked [A] where it is set, with its reason. The ones
that move the answer most are the PDs, the correlation and the cycle (the tail decides
the size), then the compensation ratio and the LGD. Change them with --set and rerun.

  [P6] interest subsidy (贴息) of up to 10%;
  [P7] 投贷联动 (equity + bank loan + guarantor) >= 10亿 over three years.

The NPL tolerances [P3] are the banks' own: the report gives the chance each bank's NPL
ratio passes its tolerance while it lends; they do not stop the fund paying. Not modelled:
the instrument-loan (仪器设备贷) scheme with its four parties, and the two other risk
compensation funds the city evaluates yearly.
]]

local yi, wan = poolsim.yi, poolsim.wan

-- [P2] each bank lends >= 60亿 over 36 months: 1.667亿 a month, spread over the bands.
local lending_per_month = yi(60) / 36

-- [P5] the three revenue bands. For each: the share of a bank's lending [A], the loan
-- size [A], the annual PD [A], the asset correlation [A] and the rate [P4].
local bands = {
  { id = "startup", name = "初创 (revenue < 2000万)",
    share = 0.25,                                  -- [A] start-ups take the smaller part by value
    loan = { mean = wan(300), sd = wan(200) },     -- [A] working-capital loans ~15-30% of revenue
    pd = 0.045,                                    -- [A] above the 3% tolerance: young firms default more
    rho = 0.10,                                    -- [A] Basel SME correlation is lower for small firms
    rate = 0.059 },                                -- [P4] credit loans from 5.15%, riskier firms priced higher
  { id = "growth", name = "成长 (revenue 2000万–1亿)",
    share = 0.40,                                  -- [A]
    loan = { mean = wan(1000), sd = wan(600) },    -- [A]
    pd = 0.025,                                    -- [A] close to the 2022 small-business NPL level (~2-3%)
    rho = 0.12,                                    -- [A] Basel II corporate R at PD 2.5% with the SME adjustment
    rate = 0.055 },                                -- [P4]
  { id = "scaleup", name = "快速发展 (revenue 1–5亿)",
    share = 0.35,                                  -- [A]
    loan = { mean = wan(3000), sd = wan(1500) },   -- [A]
    pd = 0.012,                                    -- [A] established firms with pledges
    rho = 0.15,                                    -- [A] larger firms load more on the cycle
    rate = 0.050 },                                -- [P4] pledge loans from 4.9%
}

-- the two banks [P2][P3]; the rural commercial bank's higher NPL tolerance (5% vs 3%)
-- suggests a riskier book: its PDs are scaled up by 25% [A].
local banks = {
  { id = "city_bank",  name = "绵阳市商业银行 (city commercial bank)",  npl_tolerance = 0.03, pd_scale = 1.00 }, -- [P3]
  { id = "rural_bank", name = "绵阳农村商业银行 (rural commercial bank)", npl_tolerance = 0.05, pd_scale = 1.25 }, -- [P3]
}

local parties = {
  { id = "finance_bureau", kind = "government", name = "绵阳市财政局" },
  { id = "tech_guarantor", kind = "guarantor", name = "市科技融资担保公司",
    capital = yi(5),            -- [A] net assets of a city science-and-technology guarantor
    leverage_limit = 10,        -- financing guarantee regulation: <= 10x net assets
    guarantee_fee = 0.008 },    -- [A] policy guarantee fees are to fall below 1%
}
local segments, programmes = {}, {}
for _, bank in ipairs(banks) do
  parties[#parties + 1] = { id = bank.id, kind = "bank", name = bank.name, npl_tolerance = bank.npl_tolerance }
  local covered = {}
  for _, band in ipairs(bands) do
    local id = bank.id:gsub("_bank", "") .. "_" .. band.id   -- e.g. city_startup
    segments[#segments + 1] = {
      id = id, name = band.name,
      new_loans = math.floor(lending_per_month * band.share / band.loan.mean + 0.5),
      originate = { 1, 36 },                       -- [P2] three years of lending, 2022-2024
      loan = poolsim.lognormal(band.loan),
      tenor = 12,                                  -- [A] one-year working-capital loans, the norm for SME credit
      repayment = "bullet",                        -- [A] principal at maturity, as for most one-year loans
      rate = band.rate,
      pd = band.pd * bank.pd_scale,
      lgd = poolsim.beta{ mean = 0.55, sd = 0.20 },-- [A] mostly credit and IP-pledge loans: low recoveries
      rho = band.rho,
    }
    covered[#covered + 1] = id
  end
  programmes[#programmes + 1] = {
    id = bank.id .. "_kechuang", segments = covered, bank = bank.id,
    share = { fund = 0.40, [bank.id] = 0.60 },     -- [A] 40% of the principal loss: the middle of the
                                                   --     30-50% range of Chinese pools (Suzhou 30%, Guangzhou <= 50%)
    cap_per_loan = wan(1000),                      -- [A] per-loan cap; the fund pays at most 1000万 on one loan
    claim_lag = 4,                                 -- [A] 3 months of arrears, then ~1 month of review and approval
    recovery_lag = 18,                             -- [A] collateral disposal and litigation take about 1.5 years
    interest_subsidy = { share = 0.10, payer = "finance_bureau" },   -- [P6] at its 10% ceiling
  }
end

-- [P7] 投贷联动: >= 10亿 over 36 months of guaranteed loans to growth-stage firms that also
-- raised equity, lent by the city bank [A] and guaranteed by the city's tech guarantor.
segments[#segments + 1] = {
  id = "touzhi_growth", name = "投贷联动 (equity-backed growth firms)",
  new_loans = math.floor(yi(10) / 36 / wan(1000) + 0.5),   -- [P7] 10亿 / 36 months / 1000万 a loan [A]
  originate = { 1, 36 },
  loan = poolsim.lognormal{ mean = wan(1000), sd = wan(500) },
  tenor = 24, repayment = "amortizing",            -- [A] two-year guaranteed loans, repaid monthly
  rate = 0.0515,                                   -- [P4] guaranteed loans from 5.15%
  pd = 0.03,                                       -- [A] growth firms with equity backing
  lgd = poolsim.beta{ mean = 0.5, sd = 0.2 },      -- [A] guarantor counter-guarantees recover more
  rho = 0.15,                                      -- [A]
}
programmes[#programmes + 1] = {
  id = "touzhi_liandong", segments = { "touzhi_growth" }, bank = "city_bank",
  share = { tech_guarantor = 0.6, city_bank = 0.2, fund = 0.2 },   -- [A] guarantor 60%, bank and fund 20% each
  claim_lag = 3, recovery_lag = 18,                                -- [A] the guarantor pays after 3 months
  interest_subsidy = { share = 0.10, payer = "finance_bureau" },   -- [P6]
}

return poolsim.scenario{
  name = "绵阳市科技贷款风险补偿资金 2022 (2.5亿)",
  description = "Mianyang loan risk compensation fund backing two banks' science-and-technology lending, 2022-2024",
  periods = 72,            -- [A] 2022-2027: three years of lending, then run-off until the last recoveries
  step = "month",
  seed = 20220601,
  paths = 20000,
  cycle = 0.95,            -- [A] monthly persistence of the credit cycle (half-life ~13 months)
  discount_rate = 0.027,   -- [A] the cost in present value at about the 10-year treasury yield of mid-2022
  parties = parties,
  pools = {
    { id = "fund", owner = "finance_bureau", name = "贷款风险补偿资金",
      initial = yi(2.5),   -- [P1] the enlarged fund; 2.2亿 was the size before
      yield = 0.015 },     -- [A] idle cash held as fiscal deposits at about 1.5% a year
  },
  segments = segments,
  programmes = programmes,
}
