/* test_determinism.c — the same seed gives the same bytes whatever the number
** of threads (with and without Lua hooks), an interrupted run's paths are the
** same bytes as a shorter run's, every path's ledger passes the audit
** (with every rule switched on together in all_rules.lua), no pool balance goes
** negative, and different seeds give different paths (also on a heterogeneous
** loan tape, drawn by thinning). */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "montecarlo.h"
#include "scenario.h"

/* an array of n elements of each run's outcomes */
#define SAME(field, n) (memcmp(a->field, b->field, (n) * sizeof *a->field) == 0)

/* compare every outcome array of two runs byte for byte */
static int same_outcomes(const ps_model *m, const ps_outcomes *a, const ps_outcomes *b) {
  size_t np = (size_t)a->paths * (size_t)a->npools, ng = (size_t)a->paths * (size_t)a->nprogrammes;
  size_t nq = (size_t)a->paths * (size_t)a->nparties, ny = nq * (size_t)a->nyears;
  return a->paths == b->paths && SAME(claims, np) && SAME(paid, np) && SAME(shortfall, np) && SAME(recovered, np) &&
         SAME(unsettled, np) && SAME(required, np) && SAME(topups, np) && SAME(returned, np) &&
         SAME(depletion, np) && SAME(balance, np * (size_t)a->periods) &&
         SAME(outlay_by_programme, np * (size_t)a->nprogrammes) &&
         SAME(outlay_by_segment, np * (size_t)m->ndrivers) && SAME(defaults, ng) && SAME(originated, ng) &&
         SAME(defaulted_exposure, ng) && SAME(refused, ng) && SAME(capped, ng) && SAME(paused, ng) &&
         SAME(stopped, ng) && SAME(declined, ng) && SAME(losses, nq) && SAME(net_result, nq) && SAME(unpaid, nq) &&
         SAME(ratio, nq) && SAME(breached, nq) && SAME(net_by_year, ny) && SAME(budget, ny * PS_NBUDGET);
}

/* an interrupted run keeps its first n paths (ps_outcomes_truncate): the same
** bytes as a run of n paths, for every array and every pool, programme, party */
static void check_truncate(const ps_model *m, long paths) {
  char err[1024];
  long n = paths * 2 / 3 + 1;
  ps_outcomes whole, prefix;
  ps_run_options o = {.paths = paths, .seed = m->seed, .threads = 2};
  ps_run_options p = {.paths = n, .seed = m->seed, .threads = 1};
  if (ps_simulate(m, &o, &whole, err, sizeof err) || ps_simulate(m, &p, &prefix, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return;
  }
  CHECK(!same_outcomes(m, &whole, &prefix)); /* different lengths differ */
  ps_outcomes_truncate(&whole, m, n);
  CHECK(same_outcomes(m, &whole, &prefix));
  ps_outcomes_free(&whole);
  ps_outcomes_free(&prefix);
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
  CHECK(same_outcomes(&m, &runs[0], &runs[1]));
  CHECK(same_outcomes(&m, &runs[0], &runs[2]));
  check_truncate(&m, paths);
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
  check_scenario("tests/scenarios/tape_hetero.lua", 300); /* thinning on a heterogeneous loan tape */
  return check_summary("test_determinism");
}
