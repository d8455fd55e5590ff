-- A per-firm cap, computed by hand in tests/validation/test_today.c (tape with a firm
-- column: tests/scenarios/data/today_firm.csv). pd = 1, LGD 1: every loan defaults in its
-- first period and recovers nothing. The fund pays 80%, at most 100万 on all of one firm's
-- loans: firm 甲's two 100万 loans ask 80万 each (the second is cut to 20万), its 50万 loan
-- of period 2 is cut to nothing; firm 乙's 50万 loan is paid its 40万. The government pays
-- the bank what the cap cuts (excess_to).
return poolsim.scenario{
  name = "today: cap per firm", periods = 3, step = "year", seed = 1, paths = 2,
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = poolsim.wan(1000)} },
  programmes = { {id = "p", bank = "bank", share = {fund = 0.8, bank = 0.2}, cap_per_firm = poolsim.wan(100),
                  excess_to = "gov"} },
  loans = poolsim.csv("data/today_firm.csv"),
}
