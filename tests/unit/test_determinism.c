/* test_determinism.c — the same seed gives the same bytes whatever the number
** of threads (with and without Lua hooks), every path's ledger passes the audit
** (with every rule switched on together in all_rules.lua), no pool balance goes
** negative, and different seeds give different paths. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "montecarlo.h"
#include "scenario.h"

/* compare every outcome array of two runs byte for byte */
static int same_outcomes(const ps_outcomes *a, const ps_outcomes *b) {
  size_t np = (size_t)a->paths * (size_t)a->npools, ng = (size_t)a->paths * (size_t)a->nprogrammes;
  size_t nq = (size_t)a->paths * (size_t)a->nparties;
  return memcmp(a->claims, b->claims, np * sizeof(double)) == 0 &&
         memcmp(a->paid, b->paid, np * sizeof(double)) == 0 &&
         memcmp(a->shortfall, b->shortfall, np * sizeof(double)) == 0 &&
         memcmp(a->recovered, b->recovered, np * sizeof(double)) == 0 &&
         memcmp(a->unsettled, b->unsettled, np * sizeof(double)) == 0 &&
         memcmp(a->required, b->required, np * sizeof(double)) == 0 &&
         memcmp(a->depletion, b->depletion, np * sizeof(int)) == 0 &&
         memcmp(a->balance, b->balance, np * (size_t)a->periods * sizeof(double)) == 0 &&
         memcmp(a->defaults, b->defaults, ng * sizeof(double)) == 0 &&
         memcmp(a->originated, b->originated, ng * sizeof(double)) == 0 &&
         memcmp(a->defaulted_exposure, b->defaulted_exposure, ng * sizeof(double)) == 0 &&
         memcmp(a->losses, b->losses, nq * sizeof(double)) == 0;
}

static void check_scenario(const char *file, long paths) {
  ps_model m;
  char err[1024];
  if (ps_scenario_load(file, NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return;
  }
  ps_outcomes runs[3];
  const int threads[3] = {1, 2, 4};
  for (int i = 0; i < 3; i++) {
    ps_run_options o = {.paths = paths, .seed = m.seed, .threads = threads[i], .audit = 1};
    int rc = ps_simulate(&m, &o, &runs[i], err, sizeof err);
    CHECK_EQ_INT(rc, 0);
    if (rc) {
      fprintf(stderr, "%s: %s\n", file, err);
      for (int j = 0; j < i; j++) ps_outcomes_free(&runs[j]);
      ps_model_free(&m);
      return;
    }
  }
  CHECK(same_outcomes(&runs[0], &runs[1]));
  CHECK(same_outcomes(&runs[0], &runs[2]));
  /* no pool balance is ever negative */
  int negative = 0;
  for (size_t k = 0; k < (size_t)paths * (size_t)m.npools * (size_t)m.periods; k++) negative |= runs[0].balance[k] < 0;
  CHECK(!negative);
  /* something happened, and differently on different paths */
  double first = runs[0].claims[0];
  int varies = 0;
  for (long p = 1; p < paths; p++) varies |= runs[0].claims[p] != first;
  CHECK(varies);

  /* another seed gives other paths */
  ps_outcomes other;
  ps_run_options o = {.paths = paths, .seed = m.seed + 1, .threads = 2};
  CHECK_EQ_INT(ps_simulate(&m, &o, &other, err, sizeof err), 0);
  CHECK(memcmp(other.claims, runs[0].claims, (size_t)paths * sizeof(double)) != 0);
  ps_outcomes_free(&other);
  for (int i = 0; i < 3; i++) ps_outcomes_free(&runs[i]);
  ps_model_free(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  check_scenario("tests/scenarios/small.lua", 1000);
  check_scenario("tests/scenarios/hook_topup.lua", 200);
  check_scenario("tests/scenarios/all_rules.lua", 300);
  return check_summary("test_determinism");
}
