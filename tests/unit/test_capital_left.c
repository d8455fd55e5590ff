/* test_capital_left.c — what a guarantor can still pay (sim/flows.c ps_flows_capital_left): its
** capital plus its ledger balance, never below 0, and saturated at INT64_MAX where the sum would
** pass int64 (the ledger keeps each balance within int64, not the balance plus the capital). */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "scenario/scenario.h"
#include "sim/flows.h"
#include "sim/path_state.h"

int main(void) {
  ps_model m;
  char err[1024];
  if (ps_scenario_load("tests/scenarios/parties_guarantor.lua", NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    return 1;
  }
  int g = -1;
  for (int i = 0; i < m.nparties; i++)
    if (strcmp(m.parties[i].id, "guar") == 0) g = i;
  CHECK(g >= 0 && m.parties[g].capital == 50 * 10000 * 100LL); /* 50万, in fen */
  ps_path *w = ps_path_new(&m, NULL, 0);
  CHECK(w != NULL);
  if (w && g >= 0) {
    int64_t capital = m.parties[g].capital;
    printf("1. capital plus balance\n");
    CHECK(ps_flows_capital_left(w, g) == capital);
    CHECK_EQ_INT(ps_ledger_post(&w->ledger, 1, g, ps_account_outside(&m), capital / 2, PS_KIND_COMPENSATION), 0);
    CHECK(ps_flows_capital_left(w, g) == capital - capital / 2);
    printf("2. never below 0\n");
    CHECK_EQ_INT(ps_ledger_post(&w->ledger, 1, g, ps_account_outside(&m), capital, PS_KIND_COMPENSATION), 0);
    CHECK(ps_flows_capital_left(w, g) == 0);
    printf("3. saturated, not wrapped, when capital + balance passes int64\n");
    ps_path_free(w); /* a fresh ledger: its volume (every posting's sum) stays within int64 */
    w = ps_path_new(&m, NULL, 0);
    CHECK(w != NULL);
    if (w) {
      CHECK_EQ_INT(ps_ledger_post(&w->ledger, 1, ps_account_outside(&m), g, INT64_MAX - capital / 2, PS_KIND_FEE), 0);
      CHECK(ps_flows_capital_left(w, g) == INT64_MAX);
    }
  }
  ps_path_free(w);
  ps_model_destroy(&m);
  return check_summary("test_capital_left");
}
