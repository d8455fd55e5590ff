--[[
重庆市首台（套）重大技术装备保险 (2017) — Chongqing first-of-kind equipment insurance

The question: the municipal budget pays most of the premium of the insurance that covers
a buyer against the failure of first-of-kind equipment. What does that cost the budget
each year, and is the cover fairly priced for the insurer (its loss ratio)? There is no
fund and no bank: the answer is the budget view (SPEC 2.3b), which the reports put first.

Run it:    ./poolsim run scenarios/chongqing_shoutaitao_2017.lua
What-if:   ./poolsim run scenarios/chongqing_shoutaitao_2017.lua --set segments.equipment.pd=0.1
(`poolsim size` refuses it: there is no pool to size.)

What the policy texts say (../shared/DOMAIN.md: Chongqing's 2018 report on the 2017 round,
and the national first-of-kind scheme):
  [P1] 9 policies were written, 2 781万 of premium for 9.27亿 of cover: about 3.0% of the
       sum insured (2 781 / 92 700 = 3.0%);
  [P2] the premium rate is at most 3% a year;
  [P3] the government pays most of the premium: 80% of it under the national rule;
  [P4] cover runs for up to 3 years.

What is ASSUMED, marked [A] where it is set, and why:
  [A1] the 9 policies are alike, each 9.27亿 / 9 = 1.03亿 of cover, all written in the first
       month of 2017: the report gives only totals;
  [A2] term 12 months at 3% a year, so one policy's premium is 3% x 1.03亿 = 309万 and the 9
       pay 2 781万, as [P1] reports (a 3-year term [P4] would triple the premium, which [P1]
       does not show);
  [A3] the municipal budget pays the 80% share [P3] (2 224.8万, the issue's figure); the
       report says only "the budget"; who pays does not change the total;
  [A4] a claim event (the equipment fails to perform and the buyer claims) has a 4% chance
       in the year: first-of-kind equipment is untried, but it is built by established
       makers and accepted after trials; there is no public claims history to anchor it,
       so this is the field to vary;
  [A5] a claim costs a fraction of the cover drawn from a beta with mean 30% and sd 20%:
       most failures are repaired or replaced in part, few are total;
  [A6] a deductible of 50万 a claim, a usual clause for equipment cover;
  [A7] a loading of 0.1 on the systemic factor: the buyers' industries move together
       little for quality failures.
The insurer's loss ratio is claims paid over premiums earned (pro rata over the term); the
expected one here is about 9 x 4% x (30% x 1.03亿 - 50万) / 2 781万 = 39%.
]]

local yi, wan = poolsim.yi, poolsim.wan

return poolsim.scenario{
  name = "重庆首台套保险 2017 (Chongqing first-of-kind equipment insurance)",
  periods = 12,
  step = "month",
  paths = 20000,
  parties = {
    { id = "cq_finance", kind = "government", name = "重庆市财政局 (municipal budget)" },
    { id = "insurer", kind = "insurer", name = "首台套承保机构 (insurer)" },
  },
  pools = {}, -- no fund: the budget pays the premium subsidy directly
  segments = {
    {
      id = "equipment", name = "首台套装备 (first-of-kind equipment)", kind = "policy",
      new_policies = 9, originate = {1, 1}, -- [P1] 9 policies, [A1] written at once
      cover = yi(9.27) / 9,                  -- [A1] 1.03亿 each, 9.27亿 in all [P1]
      term = 12, premium = 0.03,             -- [A2] one year at 3% [P2]: 2 781万 [P1]
      pd = 0.04,                             -- [A4]
      severity = poolsim.beta{mean = 0.3, sd = 0.2}, -- [A5]
      deductible = wan(50),                  -- [A6]
      rho = 0.1,                             -- [A7]
    },
  },
  programmes = {
    {
      id = "shoutaitao", segments = {"equipment"}, insurer = "insurer",
      share = { insurer = 1 },                                  -- the insurer pays every claim
      premium_subsidy = { share = 0.8, payer = "cq_finance" },  -- [P3] [A3]
    },
  },
}
