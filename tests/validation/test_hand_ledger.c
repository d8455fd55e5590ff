/* test_hand_ledger.c — tests/scenarios/hand_ledger.lua, computed by hand to
** the fen, posting by posting.
**
** Accounts: gov 0, bank 1, guar 2, fund 3, borrowers 4, outside 5.
** p1 (two loans of 100万 = 1e8 fen, default in period 1): shares 0.3/0.2/0.5 give
**   bank 3e7, guar 2e7, fund 5e7; guar + fund = 7e7 exceeds the 40万 cap, so 4e7
**   is split 2:5 -> guar 11428571.43, fund 28571428.57 -> floors 11428571 and
**   28571428, the leftover fen to the larger remainder (fund): 28571429.
**   Claims are due in period 2; recovery (1 - 0.3) * 1e8 = 7e7 in period 3,
**   shared pro rata to what was paid (guar 11428571, fund 28571429, bank bore 6e7):
**   guar 7999999.7, fund 20000000.3, bank 4.2e7 -> leftover fen to guar: 8000000.
**   The two loans are alike, so the engine keeps them as one record of two (a
**   run, docs/model.md §6) and each of their postings moves twice one loan's amount.
** p2 (one loan of 90万 = 9e7 fen, defaults in period 2, no lags): fund share 1.
** Fund: 5e7; period 1 yield 5e6 -> 5.5e7; period 2 yield 5.5e6 and top-up 5e7 ->
**   1.105e8; p1 claims 2 * 28571429 -> 53357142; p2 claim 9e7 -> pays 53357142,
**   shortfall 36642858 (depleted in period 2); p2 recovery 4.5e7 shared 53357142 :
**   36642858 -> fund 26678571. Period 3: yield 2667857.1 -> 2667857; p1
**   recoveries 2 * 2e7 -> closing balance 69346428.
** Required initial: B0 * 1.1^2 + 5e7 - 147142858 >= 0 -> B0 >= 97142858 / 1.21
**   = 80283353.72 fen, plus the half fen a period the sizing counts against
**   yield rounding (0.5/1.1 + 0.5/1.21 = 0.87 fen): 80283354.59 -> 802833.55 yuan. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "check_postings.h"
#include "sim/outcomes.h"
#include "sim/path.h"
#include "scenario/scenario.h"

enum { GOV, BANK, GUAR, FUND, FIRMS, OUTSIDE };

static const ps_posting expected[] = {
    {0, GOV, FUND, 50000000, PS_KIND_INITIAL},
    {1, OUTSIDE, FUND, 5000000, PS_KIND_YIELD},
    {1, BANK, FIRMS, 2 * 100000000, PS_KIND_PRINCIPAL_LOSS},
    {2, OUTSIDE, FUND, 5500000, PS_KIND_YIELD},
    {2, GOV, FUND, 50000000, PS_KIND_TOPUP},
    {2, BANK, FIRMS, 90000000, PS_KIND_PRINCIPAL_LOSS},
    {2, GUAR, BANK, 2 * 11428571, PS_KIND_COMPENSATION},
    {2, FUND, BANK, 2 * 28571429, PS_KIND_COMPENSATION},
    {2, FUND, BANK, 53357142, PS_KIND_COMPENSATION},
    {2, FIRMS, BANK, 45000000, PS_KIND_RECOVERY},
    {2, BANK, FUND, 26678571, PS_KIND_RECOVERY},
    {3, OUTSIDE, FUND, 2667857, PS_KIND_YIELD},
    {3, FIRMS, BANK, 2 * 70000000, PS_KIND_RECOVERY},
    {3, BANK, GUAR, 2 * 8000000, PS_KIND_RECOVERY},
    {3, BANK, FUND, 2 * 20000000, PS_KIND_RECOVERY},
};

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  char err[1024];
  int rc = ps_scenario_load("tests/scenarios/hand_ledger.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return check_summary("test_hand_ledger");
  }
  ps_outcomes o;
  ps_path *w = run_logged_path(&m, &o);
  if (!w) {
    ps_outcomes_destroy(&o);
    ps_model_destroy(&m);
    return check_summary("test_hand_ledger");
  }
  const ps_ledger *l = ps_path_ledger(w);
  check_postings(l, expected, sizeof expected / sizeof *expected);

  /* balances: the fund's closing balance and every party's losses */
  CHECK_EQ_INT(ps_ledger_balance(l, FUND), 69346428);
  CHECK_EQ_INT(ps_ledger_check_balanced(l), 0);
  CHECK_NEAR(o.balance[2], 693464.28, 1e-9);
  CHECK_NEAR(o.balance[1], 266785.71, 1e-9);
  CHECK_NEAR(o.claims[0], 1471428.58, 1e-9);
  CHECK_NEAR(o.paid[0], 1105000.00, 1e-9);
  CHECK_NEAR(o.shortfall[0], 366428.58, 1e-9);
  CHECK_NEAR(o.recovered[0], 666785.71, 1e-9);
  CHECK_EQ_INT(o.depletion[0], 2);
  CHECK_NEAR(o.required[0], 802833.55, 1e-9);
  CHECK_NEAR(o.unsettled[0], 0, 0);
  /* bank: 2.9e8 lost - 133357142 compensation - 102321429 recoveries kept */
  CHECK_NEAR(o.losses[BANK], 543214.29, 1e-9);
  CHECK_NEAR(o.losses[GUAR], 68571.42, 1e-9);
  CHECK_NEAR(o.losses[GOV], 0, 0);
  /* all losses = exposures - recoveries = 2.9e8 - 1.85e8 fen */
  CHECK_NEAR(o.losses[BANK] + o.losses[GUAR] + o.paid[0] - o.recovered[0], 1050000.00, 1e-6);
  CHECK_NEAR(o.defaults[0], 2, 0);
  CHECK_NEAR(o.defaults[1], 1, 0);
  CHECK_NEAR(o.originated[0], 2, 0);
  CHECK_NEAR(o.defaulted_exposure[1], 900000, 0);

  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
  return check_summary("test_hand_ledger");
}
