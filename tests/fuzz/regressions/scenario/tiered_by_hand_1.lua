-- a hand-made tiered share the loader trusted (crashed it before the fix)
return poolsim.scenario{
  name = "x", periods = 3, step = "year",
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = 1} },
  segments = { {id = "s", new_loans = 1, loan = 1, tenor = 1, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"s"}, bank = "bank", share = {fund = {dist = "tiered", ceiling = 1, bands = {}}, bank = "rest"}} },
}
