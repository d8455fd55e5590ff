/* test_montecarlo.c — the same seed gives the same bytes whatever the number
** of threads (with and without Lua hooks), an interrupted run's paths are the
** same bytes as a shorter run's, every path's ledger passes the audit
** (with every rule switched on together in all_rules.lua), no pool balance goes
** negative, and different seeds give different paths (also on a heterogeneous
** loan tape, drawn by thinning). */
#include <gsl/gsl_errno.h>
#include <stddef.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "sim/montecarlo.h"
#include "stats/results.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"

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
  ps_outcomes_destroy(&whole);
  ps_outcomes_destroy(&prefix);
}

/* the statistics stage gives the same bytes over 1 and 3 threads: every
** statistic of every pool, programme and party */
static void check_statistics_threads(const ps_model *m, const ps_outcomes *o) {
  ps_results *a, *b;
  CHECK_EQ_INT(ps_results_new(m, o, NULL, 1, &a), 0);
  CHECK_EQ_INT(ps_results_new(m, o, NULL, 3, &b), 0);
  size_t T = (size_t)m->periods, n = (size_t)o->paths;
  size_t G = (size_t)m->nprogrammes * sizeof(double), D = (size_t)m->ndrivers * sizeof(double);
  for (int p = 0; p < m->npools; p++) {
    const ps_pool_result *x = &a->pools[p], *y = &b->pools[p];
    /* the scalar statistics up to the arrays, then each array */
    CHECK(memcmp(x, y, offsetof(ps_pool_result, nyears)) == 0);
    CHECK(memcmp(x->depletion_by_year, y->depletion_by_year, (size_t)x->nyears * sizeof(ps_estimate)) == 0);
    CHECK(memcmp(x->band_p05, y->band_p05, T * sizeof(double)) == 0 &&
          memcmp(x->band_p50, y->band_p50, T * sizeof(double)) == 0 &&
          memcmp(x->band_p95, y->band_p95, T * sizeof(double)) == 0);
    CHECK(memcmp(x->sorted_required, y->sorted_required, n * sizeof(double)) == 0);
    CHECK(memcmp(x->es95_by_programme, y->es95_by_programme, G) == 0 &&
          memcmp(x->es99_by_programme, y->es99_by_programme, G) == 0 &&
          memcmp(x->es95_by_segment, y->es95_by_segment, D) == 0 &&
          memcmp(x->es99_by_segment, y->es99_by_segment, D) == 0);
  }
  CHECK(memcmp(a->programmes, b->programmes, (size_t)m->nprogrammes * sizeof *a->programmes) == 0);
  for (int p = 0; p < m->nparties; p++) {
    const ps_party_result *x = &a->parties[p], *y = &b->parties[p];
    size_t Y = (size_t)x->nyears;
    CHECK(memcmp(x, y, offsetof(ps_party_result, net_by_year)) == 0);
    CHECK(memcmp(x->net_by_year, y->net_by_year, Y * sizeof(ps_stats)) == 0 &&
          memcmp(x->outlay_by_year, y->outlay_by_year, Y * sizeof(ps_stats)) == 0 &&
          memcmp(x->budget, y->budget, Y * PS_NBUDGET * sizeof(ps_stats)) == 0);
  }
  ps_results_free(a);
  ps_results_free(b);
}

/* balance bands kept for the first b paths only: the same bands as a run of b
** paths, and an interrupted run that stops before b keeps what it has */
static void check_band_limit(const ps_model *m, long paths) {
  char err[1024];
  long b = paths / 4;
  ps_outcomes limited, shorter;
  ps_run_options o = {.paths = paths, .seed = m->seed, .threads = 2, .band_paths = b};
  ps_run_options s = {.paths = b, .seed = m->seed, .threads = 1};
  if (ps_simulate(m, &o, &limited, err, sizeof err) || ps_simulate(m, &s, &shorter, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return;
  }
  CHECK_EQ_INT(limited.band_paths, b);
  CHECK_EQ_INT(shorter.band_paths, b);
  CHECK(memcmp(limited.balance, shorter.balance, (size_t)b * (size_t)m->npools * (size_t)m->periods * sizeof(double)) ==
        0);
  ps_results *rl, *rs;
  CHECK_EQ_INT(ps_results_new(m, &limited, NULL, 2, &rl), 0);
  CHECK_EQ_INT(ps_results_new(m, &shorter, NULL, 1, &rs), 0);
  for (int p = 0; p < m->npools; p++) {
    CHECK_EQ_INT(rl->pools[p].band_paths, b);
    size_t bytes = (size_t)m->periods * sizeof(double);
    CHECK(memcmp(rl->pools[p].band_p05, rs->pools[p].band_p05, bytes) == 0 &&
          memcmp(rl->pools[p].band_p50, rs->pools[p].band_p50, bytes) == 0 &&
          memcmp(rl->pools[p].band_p95, rs->pools[p].band_p95, bytes) == 0);
  }
  ps_results_free(rl);
  ps_results_free(rs);
  long h = b / 2;
  ps_outcomes_truncate(&limited, m, h);
  CHECK_EQ_INT(limited.band_paths, h);
  size_t T = (size_t)m->periods;
  for (int p = 0; p < m->npools; p++) /* each pool's block, now at the shorter stride */
    CHECK(memcmp(limited.balance + (size_t)p * (size_t)h * T, shorter.balance + (size_t)p * (size_t)b * T,
                 (size_t)h * T * sizeof(double)) == 0);
  ps_outcomes_destroy(&limited);
  ps_outcomes_destroy(&shorter);
}

static void check_scenario(const char *file, long paths) {
  ps_model m;
  char err[1024];
  if (!load_scenario(file, &m)) return;
  ps_outcomes runs[3];
  const int threads[3] = {1, 2, 4};
  for (int i = 0; i < 3; i++) {
    ps_run_options o = {.paths = paths, .seed = m.seed, .threads = threads[i], .audit = 1};
    int rc = ps_simulate(&m, &o, &runs[i], err, sizeof err);
    CHECK_EQ_INT(rc, 0);
    if (rc) {
      fprintf(stderr, "%s: %s\n", file, err);
      for (int j = 0; j < i; j++) ps_outcomes_destroy(&runs[j]);
      ps_model_destroy(&m);
      return;
    }
  }
  CHECK(same_outcomes(&m, &runs[0], &runs[1]));
  CHECK(same_outcomes(&m, &runs[0], &runs[2]));
  check_truncate(&m, paths);
  check_band_limit(&m, paths);
  check_statistics_threads(&m, &runs[0]);
  /* no pool balance is ever negative */
  int negative = 0;
  for (size_t k = 0; k < (size_t)runs[0].band_paths * (size_t)m.npools * (size_t)m.periods; k++)
    negative |= runs[0].balance[k] < 0;
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
  ps_outcomes_destroy(&other);
  for (int i = 0; i < 3; i++) ps_outcomes_destroy(&runs[i]);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  check_scenario("tests/scenarios/small.lua", 1000);
  check_scenario("tests/scenarios/hook_topup.lua", 200);
  check_scenario("tests/scenarios/all_rules.lua", 300);
  check_scenario("tests/scenarios/tape_hetero.lua", 300); /* thinning on a heterogeneous loan tape */
  return check_summary("test_montecarlo");
}
