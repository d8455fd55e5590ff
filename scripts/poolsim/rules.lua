--[[ poolsim.rules — standard risk-sharing rules, written in Lua against the same
API a scenario uses, so researchers can read how to write their own.

  local rules = poolsim.rules
  share = rules.split_4321{ guarantor = "city_guar", reguarantor = "prov_reguar",
                            bank = "ccb", government = "city" },
  on_period = rules.combine(rules.refill_last_year("fund"),
                            rules.pause_above_npl("kechuang", 0.05, 0.04)),
]]
local rules = {}

-- the fraction of each loss each id bears; fractions must sum to 1
local function split(parts)
  local total, out = 0, {}
  for _, p in ipairs(parts) do
    assert(type(p[1]) == "string", "rules: every payer needs an id")
    out[p[1]] = (out[p[1]] or 0) + p[2]
    total = total + p[2]
  end
  assert(math.abs(total - 1) < 1e-9, "rules: fractions sum to " .. total)
  return out
end

--- 4321 (Anhui model): guarantor 40%, re-guarantor 30%, bank 20%, government 10%.
function rules.split_4321(ids)
  return split{ {ids.guarantor, 0.4}, {ids.reguarantor, 0.3}, {ids.bank, 0.2}, {ids.government, 0.1} }
end

--- 政银保: bank 30%, insurer 70% of principal and interest losses (Wenzhou, Yiwu).
function rules.split_bank_insurer(ids)
  return split{ {ids.bank, 0.3}, {ids.insurer, 0.7} }
end

--- government 3 : bank 3 : guarantor 4 (Xiamen).
function rules.split_334(ids)
  return split{ {ids.government, 0.3}, {ids.bank, 0.3}, {ids.guarantor, 0.4} }
end

--- on_period: at the start of each fiscal year, top the pool back up to the
--- balance it had at the start of the previous year after its refill — that is,
--- refill what it paid out last year net of recoveries and yield.
function rules.refill_last_year(pool)
  local level
  return function(ctx)
    if ctx.period % ctx.periods_per_year ~= 1 and ctx.periods_per_year > 1 then return end
    local balance = ctx:pool(pool).balance
    if level and balance < level then ctx:topup(pool, level - balance) end
    level = ctx:pool(pool).balance
  end
end

--- on_period: pause a programme's compensation while its NPL ratio is above
--- `above`, and resume once it is back at or below `resume` (default `above`).
function rules.pause_above_npl(programme, above, resume)
  resume = resume or above
  local paused = false
  return function(ctx)
    local npl = ctx:programme(programme).npl_ratio
    if not paused and npl > above then
      ctx:suspend(programme); paused = true
    elseif paused and npl <= resume then
      ctx:resume(programme); paused = false
    end
  end
end

--- on_period: run several on_period rules in order.
function rules.combine(...)
  local fs = { ... }
  return function(ctx)
    for _, f in ipairs(fs) do f(ctx) end
  end
end

return rules
