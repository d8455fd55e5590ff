-- Policy segments under every programme rule that applies to them (run with --check):
-- a co-paying pool that runs short, payer caps, a yearly cap, lags and a two-stage
-- payment, a loss-ratio trigger, an excess-of-loss layer, a tiered share by cover,
-- an on_period hook; beside a loan programme, so both kinds share one path.
local wan = poolsim.wan
return poolsim.scenario{
  name = "policy: rules", periods = 24, step = "month", seed = 3, paths = 500, cycle = 0.5,
  parties = { { id = "city", kind = "government" }, { id = "prov", kind = "government" },
              { id = "ins", kind = "insurer", loss_ratio_cap = 3 }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = wan(200) } },
  segments = {
    { id = "tech", kind = "policy", new_policies = 20, originate = {1, 12}, term = 12,
      cover = poolsim.lognormal{mean = wan(300), sd = wan(150)}, premium = 0.02, pd = 0.15, rho = 0.2,
      severity = poolsim.uniform{min = 0.1, max = 0.9}, deductible = wan(5) },
    { id = "loans", new_loans = 5, originate = {1, 12}, loan = wan(100), tenor = 12, pd = 0.05, lgd = 0.5, rate = 0.05 },
  },
  programmes = {
    { id = "tech_ins", segments = {"tech"}, insurer = "ins",
      share = { ins = "rest", fund = poolsim.tiered{ {upto = wan(200), ratio = 0.4}, {ratio = 0.2}, ceiling = 0.5 } },
      premium_subsidy = { share = 0.5, payer = "city" }, payer_caps = { fund = wan(100) }, cap_per_year = wan(3000),
      claim_lag = 2, first_payment = 0.75, recovery_lag = 4, excess_to = "prov",
      triggers = { { kind = "loss_ratio", above = 2.5, action = "stop_lending" } },
      excess_layer = { payer = "prov", of = "ins", above_loss_ratio = 1.2, share = 0.8 } },
    { id = "loan_prog", segments = {"loans"}, bank = "bank", share = { fund = 0.5, bank = 0.5 }, recovery_lag = 3 },
  },
  on_period = function(ctx) if ctx.period == 13 then ctx:topup("fund", 1e6) end end,
}
