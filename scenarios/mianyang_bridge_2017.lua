--[[
绵阳市应急转贷资金 (2017) — Mianyang emergency bridge-loan fund

The question: the city raised its emergency bridge-loan (应急转贷) fund to 3亿 yuan. The
fund lends a firm the money to repay a maturing bank loan for a few days; the bank renews
the loan and the firm repays the fund. How much of the firms' demand does 3亿 serve, how
much does the fund lose when banks decline to renew, and what size would serve 95% of
requests in 95% of paths?

Run it:    ./poolsim run  scenarios/mianyang_bridge_2017.lua
Size it:   ./poolsim size scenarios/mianyang_bridge_2017.lua --serve 0.95
What-if:   ./poolsim run  scenarios/mianyang_bridge_2017.lua --set segments.renewals.pd=0.03

What the policy says [P] (../shared/DOMAIN.md: the 2017 Mianyang measures, and the terms
bridge funds of this kind publish):
  [P1] the fund is raised to 3亿 yuan;
  [P2] one use is at most 1 000–2 000万 yuan (we take the 2 000万 ceiling);
  [P3] a bridge is out 2–15 days;
  [P4] the fee is about 0.02% a day on the amount;
  [P5] the fund pauses when overdue money exceeds 40% of the fund (Qianjiang's rule,
       taken as the practice of such funds).

Everything else is an ASSUMPTION [A], marked where it is set, with its reason. The ones
that move the answer most are the demand (requests a month and their size, which decide
how much of the fund is out at once) and the probability that a bank declines to renew
(which decides the losses). Change them with --set and rerun.

The pause [P5] uses an existing trigger, not a hook: overdue money is what the fund has
paid out on unrepaid bridges and not yet recovered, which is 3亿 plus the fees and yield
received minus the balance. "Overdue > 40% of 3亿" is thus "balance < 1.8亿 + fees and
yield so far": a pool_floor trigger at 1.8亿 with action stop_lending. It ignores the
fee and yield income (about 0.3% of the fund a year here), so it pauses slightly later
than the rule; it resumes once recoveries lift the balance back above 1.8亿. The floor is
in yuan: when `size --serve` tries other initial balances it stays at 1.8亿, so for a
fund of B the pause comes when overdue money exceeds B − 1.8亿 (the 40% of 3亿 rule
applied to the 3亿 fund; a larger fund is sized with that same absolute tolerance).

Not modelled: the 80–95% of the maturing loan a bridge may cover (demand is given as
bridge amounts directly), and the city's other funds.
]]

local wan, yi = poolsim.wan, poolsim.yi

return poolsim.scenario{
  name = "绵阳市应急转贷资金 2017",
  description = "3亿 emergency bridge-loan fund: cash-days capacity, declined requests, losses on non-renewal",
  periods = 36,                 -- [A] three years, as the city reviews such funds
  step = "month",
  seed = 2017,
  paths = 10000,
  cycle = 0.5,                  -- [A] non-renewals cluster over quarters, as banks tighten together
  parties = {
    { id = "mianyang", kind = "government", name = "绵阳市财政局" },
  },
  pools = {
    { id = "fund", name = "应急转贷资金", owner = "mianyang",
      initial = yi(3),          -- [P1]
      yield = 0.015 },          -- [A] idle cash on demand deposit
  },
  segments = {
    { id = "renewals", kind = "bridge", name = "到期贷款转贷",
      requests = 40,            -- [A] 40 a month: about 53亿 a year, the fund turning over ~18
                                --     times a year, within what such funds report (10–30)
      amount = poolsim.uniform{min = wan(200), max = wan(2000)}, -- [A] spread up to [P2]'s ceiling
      days = 7,                 -- [A] within [P3]'s 2–15 days; firms repay once the bank re-lends
      fee = 0.0002,             -- [P4] 0.02% a day
      pd = 0.01,                -- [A] 1% of bridges not renewed: banks commit to renew before
                                --     the fund lends, so refusals are rare
      lgd = poolsim.beta{mean = 0.6, sd = 0.2}, -- [A] an unrenewed firm is in distress; the
                                --     fund recovers through the courts, unsecured
      rho = 0.20 },             -- [A] refusals follow the credit cycle
  },
  programmes = {
    { id = "bridge", name = "应急转贷", segments = {"renewals"}, lender = "fund",
      recovery_lag = 12,        -- [A] a year of workout
      triggers = {              -- [P5] overdue > 40% of the fund: see the header
        { kind = "pool_floor", pool = "fund", below = yi(1.8), action = "stop_lending" },
      } },
  },
}
