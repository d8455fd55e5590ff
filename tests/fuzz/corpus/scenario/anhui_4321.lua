--[[
安徽 "4321" 新型政银担风险分担 — a county 4321 guarantee scheme

The question: a county sets up a risk compensation pool for its 10% share of guaranteed
loans. How big must it be, and how likely is the county guarantor to exhaust its capital?

Run it:  ./poolsim run scenarios/anhui_4321.lua

Sources (DOMAIN notes):
  [P1] 4321 (Anhui model): county/city guarantor 40%, provincial guarantee group 30%, bank 20%,
       local government 10%, for borrowers with <= 2000万 guaranteed;
  [P2] re-guarantee fee 0.5% of the re-guarantor's share (National Financing Guarantee Fund);
  [P3] policy guarantee fees to fall below 1%; fee subsidies of 1-1.3% exist (Chongqing);
  [P4] outstanding guarantees <= 10x net assets (financing guarantee regulation).
Assumptions are marked [A] where they are set.
]]
local wan, yi = poolsim.wan, poolsim.yi
local rules = poolsim.rules

return poolsim.scenario{
  name = "安徽县域4321政银担 (county 4321 guarantee scheme)",
  periods = 60,                 -- [A] three years of new guarantees, two of run-off
  step = "month",
  seed = 4321,
  paths = 20000,
  cycle = 0.9,                  -- [A] a county economy follows the provincial credit cycle
  parties = {
    { id = "county", kind = "government", name = "县财政局" },
    { id = "bank", kind = "bank", name = "县农商行", npl_tolerance = 0.05 },            -- [A] rural bank tolerance
    { id = "county_guar", kind = "guarantor", name = "县融资担保公司",
      capital = yi(2),          -- [A] a typical county policy guarantor's net assets
      leverage_limit = 10,      -- [P4]
      guarantee_fee = 0.01 },   -- [P3] policy fee at the 1% ceiling
    { id = "prov_group", kind = "reguarantor", name = "省信用融资担保集团", reguarantee_fee = 0.005 }, -- [P2]
  },
  pools = {
    { id = "county_pool", owner = "county", name = "县级风险补偿资金",
      initial = wan(3000),      -- [A] the size under test
      refill = "last_year",     -- [A] the county budget refills what the pool paid last year
      yield = 0.015 },
  },
  segments = {
    { id = "micro", name = "小微企业 (<= 500万)", new_loans = 25, originate = {1, 36},
      loan = poolsim.lognormal{ mean = wan(200), sd = wan(120) },   -- [A]
      tenor = 12, rate = 0.055, pd = 0.03,                            -- [A] small-firm PD
      lgd = poolsim.beta{ mean = 0.6, sd = 0.2 }, rho = 0.12 },       -- [A]
    { id = "sme", name = "中小企业 (500万-2000万)", new_loans = 6, originate = {1, 36},
      loan = poolsim.lognormal{ mean = wan(900), sd = wan(400) },   -- [A], capped at 2000万 by [P1]
      tenor = 12, rate = 0.05, pd = 0.02, lgd = poolsim.beta{ mean = 0.55, sd = 0.2 }, rho = 0.15 },
  },
  programmes = {
    { id = "guarantee_4321", segments = { "micro", "sme" }, bank = "bank",
      share = rules.split_4321{ guarantor = "county_guar", reguarantor = "prov_group",
                                bank = "bank", government = "county_pool" },       -- [P1]
      cap_per_loan = wan(2000),      -- [P1] guaranteed amounts up to 2000万
      claim_lag = 3,                 -- [A] the guarantor pays the bank after 3 months of arrears
      recovery_lag = 18,             -- [A]
      fee_subsidy = { share = 0.5, payer = "county" } },                      -- [A] half the fee, cf. [P3]
  },
}
