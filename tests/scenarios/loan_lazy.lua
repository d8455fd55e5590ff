-- tests/unit/test_loan_table.c: hooks without upvalues are handed one reused loan table, filled only
-- once they read or write it (lua/loan_table.c). These hooks touch it in every way, chosen by the
-- count of defaults so far (so the calls alternate: nothing, a few reads, many reads, a write
-- before any read, a key added, the table itself returned); the test runs this file against its twin whose hooks have an
-- upvalue (the comment `--[[up]]` replaced by a use of a global), which are given a new table,
-- filled, at every call: both must give the same outcomes to the bit.
return poolsim.scenario{
  name = "loan tables filled on demand",
  periods = 24,
  seed = 11,
  paths = 200,
  parties = { { id = "city", kind = "government" }, { id = "bank", kind = "bank" } },
  pools = { { id = "fund", owner = "city", initial = poolsim.wan(2000) } },
  segments = {
    { id = "sme", new_loans = 20, originate = {1, 12}, loan = poolsim.wan(100), tenor = 12, repayment = "amortizing", rate = 0.06, pd = 0.15, lgd = 0.5, rho = 0.2 },
    { id = "big", new_loans = 10, originate = {1, 12}, loan = poolsim.wan(300), tenor = 12, pd = 0.15, lgd = 0.6, rho = 0.2 },
  },
  programmes = {
    { id = "p", segments = {"sme", "big"}, bank = "bank", share = { fund = 0.5, bank = 0.5 },
      split = function(loss, loan, ctx) --[[up]]
        local n = ctx:programme("p").defaults % 4
        if n == 0 then return { fund = 0.5, bank = 0.5 } end
        if n == 1 then loan.mark = n; return { fund = 0.6, bank = 0.4 } end
        if n == 2 then
          if loan.segment == "big" then return { fund = 0.7, bank = 0.3 } end
          return { fund = 0.4, bank = 0.6 }
        end
        if loss > loan.exposure * 0.55 then return { fund = 0.2, bank = 0.8 } end
        return { fund = 0.3, bank = 0.7 }
      end },
  },
  on_default = function(loan, ctx) --[[up]]
    local n = ctx:programme("p").defaults % 8
    if n == 0 then loan.note = n; return end
    if n == 1 then return end
    if n == 2 then
      if loan.note ~= nil then return "a key added at an earlier call is still there" end
      return { lgd = loan.lgd * 0.5 }
    end
    if n == 3 then return loan end
    if n == 4 then loan.exposure = 0; loan.lgd = loan.lgd * 0.9; return loan end
    if n == 5 then loan.seen = true; return end
    if n == 6 then -- every field read: the loss given default depends on each
      local x = loan.amount % 7 + loan.exposure % 5 + loan.period * 0.5 + loan.age * 0.25
      return { lgd = x / 100 + (loan.segment == "big" and 0.1 or 0) + (loan.programme == "p" and 0.05 or 0) + loan.lgd * 0.2 }
    end
    if loan.programme ~= "p" or loan.seen ~= nil then return "not the loan's own fields" end
    if loan.amount > 2000000 then return { lgd = 0.3 } end
  end,
}
