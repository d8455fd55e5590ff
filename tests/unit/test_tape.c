/* test_tape.c — loan tapes end to end: tests/scenarios/tape_small.lua reads
** tests/scenarios/data/small.csv (BOM, CRLF, quoted Chinese names with commas
** and "" escapes) and must give, by hand:
**   groups: A1 + A2 (start 1), A3 (start 2), B1 (programme p, no segment, pd 0);
**   period 1: A1 (100万) and A2 (200万) default, in either order: principal
**     losses 1e8 + 2e8 fen, the fund pays 40%: 4e7 + 8e7, gathered into one
**     claim (docs/rules.md: one posting each of 3e8 and 1.2e8), or, recorded
**     loan by loan (ps_path_tape_per_loan), two of each;
**   period 2: A3 (400万) defaults: fund pays 1.6e8; the period-1 recoveries
**     arrive (LGD 0.5): 1.5e8 to the bank, 40% of it (6e7) to the fund; B1 pays
**     interest 5e7 x 0.06 = 3e6 fen;
**   period 3: A3's recovery 2e8, 8e7 to the fund; B1 pays 3e6 interest again.
**   Fund: 1e9 - 1.2e8 - 1.6e8 + 6e7 + 8e7 = 8.6e8 fen. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "sim/outcomes.h"
#include "sim/path.h"
#include "scenario/scenario.h"

enum { GOV, BANK, FUND, FIRMS };

/* sum of postings of a kind between two accounts in a period */
static int64_t sum(const ps_ledger *l, int period, int from, int to, ps_kind kind) {
  int64_t s = 0;
  for (size_t i = 0; i < l->nlog; i++)
    if (l->log[i].period == period && l->log[i].from == from && l->log[i].to == to && l->log[i].kind == kind)
      s += l->log[i].amount;
  return s;
}

/* tests/scenarios/tape_rates.lua: R1 (100万 at 6%) and R2 (200万 at 9%) share a
** group whose rate is their amount-weighted mean, 8%; both default in period 1
** and each claim covers a year's interest at the loan's own rate: the fund pays
** 40% of 1e8 + 6e6 = 4.24e7 and 40% of 2e8 + 1.8e7 = 8.72e7 fen (at the mean
** rate it would be 4.32e7 and 8.64e7, the same total), loan by loan, or 1.296e8
** on their gathered claim */
static void check_rates(int per_loan) {
  ps_model m;
  char err[1024];
  int rc = ps_scenario_load("tests/scenarios/tape_rates.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return;
  }
  CHECK_EQ_INT(m.nsegments, 2);
  const ps_segment *g = &m.segments[1];
  CHECK(g->loan_rate != NULL && g->loan_pd == NULL && g->loan_lgd == NULL);
  CHECK_NEAR(g->rate, 0.08, 1e-15);
  ps_outcomes o;
  ps_path *w = ps_path_new(&m, NULL, 1);
  CHECK(w && ps_outcomes_init(&o, &m, 1, 0) == 0);
  if (w) ps_path_tape_per_loan(w, per_loan);
  CHECK_EQ_INT(ps_path_run(w, 7, 0, NULL, &o, err, sizeof err), 0);
  const ps_ledger *l = ps_path_ledger(w);
  int64_t paid[2] = {0, 0};
  int n = 0;
  for (size_t i = 0; i < l->nlog; i++)
    if (l->log[i].period == 1 && l->log[i].from == FUND && l->log[i].kind == PS_KIND_COMPENSATION && n < 2)
      paid[n++] = l->log[i].amount;
  if (per_loan) {
    CHECK_EQ_INT(n, 2);
    CHECK((paid[0] == 42400000 && paid[1] == 87200000) || (paid[0] == 87200000 && paid[1] == 42400000));
  } else {
    CHECK_EQ_INT(n, 1);
    CHECK_EQ_INT(paid[0], 129600000);
  }
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  char err[1024];
  int rc = ps_scenario_load("tests/scenarios/tape_small.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return check_summary("test_tape");
  }
  /* the template plus three groups; the data file is recorded */
  CHECK_EQ_INT(m.nsegments, 4);
  CHECK_EQ_INT(m.ndata, 1);
  CHECK(m.ndata == 1 && strcmp(m.data_files[0], "tests/scenarios/data/small.csv") == 0 && strlen(m.data_sha256[0]) == 64);
  int pair = -1; /* the group of A1 and A2 */
  for (int s = 1; s < m.nsegments; s++)
    if (m.segments[s].new_loans == 2) pair = s;
  CHECK(pair > 0 && m.segments[pair].first == 1 && m.segments[pair].loan.kind == PS_DIST_LIST);
  CHECK(pair > 0 && m.segments[pair].loan.mean == 1500000);

  for (int pass = 0; pass < 6; pass++) { /* several paths: the order of A1, A2 varies, sums do not; loan by
                                            loan from pass 3 */
    int per_loan = pass >= 3;
    ps_outcomes o;
    ps_path *w = ps_path_new(&m, NULL, 1);
    CHECK(w && ps_outcomes_init(&o, &m, 1, 0) == 0);
    if (w) ps_path_tape_per_loan(w, per_loan);
    CHECK_EQ_INT(ps_path_run(w, 100 + (uint64_t)pass % 3, 0, NULL, &o, err, sizeof err), 0);
    const ps_ledger *l = ps_path_ledger(w);
    CHECK_EQ_INT(sum(l, 1, BANK, FIRMS, PS_KIND_PRINCIPAL_LOSS), 300000000);
    CHECK_EQ_INT(sum(l, 2, BANK, FIRMS, PS_KIND_PRINCIPAL_LOSS), 400000000);
    CHECK_EQ_INT(sum(l, 1, FUND, BANK, PS_KIND_COMPENSATION), 120000000);
    CHECK_EQ_INT(sum(l, 2, FUND, BANK, PS_KIND_COMPENSATION), 160000000);
    CHECK_EQ_INT(sum(l, 2, FIRMS, BANK, PS_KIND_RECOVERY), 150000000);
    CHECK_EQ_INT(sum(l, 2, BANK, FUND, PS_KIND_RECOVERY), 60000000);
    CHECK_EQ_INT(sum(l, 3, BANK, FUND, PS_KIND_RECOVERY), 80000000);
    CHECK_EQ_INT(sum(l, 2, FIRMS, BANK, PS_KIND_INTEREST), 3000000);
    CHECK_EQ_INT(sum(l, 3, FIRMS, BANK, PS_KIND_INTEREST), 3000000);
    CHECK_EQ_INT(ps_ledger_balance(l, FUND), 860000000);
    /* each of A1 and A2 defaulted once: two distinct principal losses, or their sum gathered */
    int64_t first = 0, second = 0;
    for (size_t i = 0; i < l->nlog; i++)
      if (l->log[i].period == 1 && l->log[i].kind == PS_KIND_PRINCIPAL_LOSS) {
        if (!first) first = l->log[i].amount;
        else second = l->log[i].amount;
      }
    if (per_loan) CHECK((first == 100000000 && second == 200000000) || (first == 200000000 && second == 100000000));
    else CHECK(first == 300000000 && second == 0);
    CHECK_NEAR(o.originated[0], 4, 0);
    CHECK_NEAR(o.defaults[0], 3, 0);
    CHECK_NEAR(o.claims[0], 2800000, 0);
    ps_outcomes_destroy(&o);
    ps_path_free(w);
  }
  ps_model_destroy(&m);
  check_rates(0);
  check_rates(1);
  return check_summary("test_tape");
}
