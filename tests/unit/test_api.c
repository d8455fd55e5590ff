/* test_api.c — the public C API, used the way an embedding program would:
** only include/poolsim/poolsim.h. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "poolsim/poolsim.h"

/* a ps_progress_fn that counts its calls and keeps the total it was told */
static void count_progress(long done, long total, double seconds, void *arg) {
  long *calls = arg;
  if (done >= 0 && done <= total && seconds >= 0) calls[0]++;
  calls[1] = total;
}

int main(void) {
  char err[1024];
  ps_model *m = NULL;
  CHECK_EQ_INT(ps_model_new("tests/scenarios/no_such_file.lua", NULL, 0, &m, err, sizeof err), PS_EINPUT);
  CHECK(m == NULL && strstr(err, "no_such_file.lua") != NULL);

  /* a singular sector correlation: an input error, not GSL's abort (found by tests/fuzz/fuzz_scenario) */
  CHECK_EQ_INT(ps_model_new("tests/scenarios/validate_model_sectors_singular.lua", NULL, 0, &m, err, sizeof err),
               PS_EINPUT);
  CHECK(m == NULL && strstr(err, "sector_correlation") != NULL);

  ps_override set = {"pools.fund.initial", "1e7"};
  CHECK_EQ_INT(ps_model_new("tests/scenarios/small.lua", &set, 1, &m, err, sizeof err), PS_OK);
  if (!m) return check_summary("test_api");
  ps_options o = {.paths = 1000, .threads = 2};
  ps_results *r = NULL;
  CHECK_EQ_INT(ps_scenario_run(m, &o, &r, err, sizeof err), PS_OK);
  if (r) {
    double p = ps_results_depletion(r, "fund");
    double b10 = ps_results_required_initial(r, "fund", 0.10), b5 = ps_results_required_initial(r, "fund", 0.05);
    CHECK(p >= 0 && p <= 1);
    CHECK(b10 > 0 && b5 >= b10);
    /* the overridden 1000万 start: the pool depletes exactly when more was needed */
    CHECK((p <= 0.05) == (b5 <= 1e7));
    CHECK_NEAR(ps_results_depletion(r, "nope"), -1, 0);
    CHECK_NEAR(ps_results_required_initial(r, "fund", 1.5), -1, 0);
    char *json = ps_results_json(r);
    CHECK(json && strstr(json, "\"schema\":\t1") && strstr(json, "\"key\":\t\"pools.fund.initial\""));
    CHECK(json && strstr(json, "\"initial\":\t10000000"));
    free(json);
    CHECK_EQ_INT(ps_results_paths(r), 1000);
    CHECK_EQ_INT(ps_results_paths_requested(r), 1000);
    CHECK_EQ_INT(ps_results_stop_signal(r), 0);
    ps_results_free(r);
  }
  /* what a model is, through its accessors */
  CHECK(strcmp(ps_model_name(m), "") != 0);
  CHECK_EQ_INT(ps_model_count(m, PS_POOLS), 1);
  CHECK(strcmp(ps_model_pool_id(m, 0), "fund") == 0 && ps_model_pool_id(m, 1) == NULL && ps_model_pool_id(m, -1) == NULL);
  CHECK(ps_model_periods(m) > 0 && ps_model_count(m, PS_SEGMENTS) > 0 && ps_model_count(m, PS_PROGRAMMES) > 0);
  CHECK(strcmp(ps_version(), PS_VERSION) == 0);
  ps_model_free(m);
  ps_model_free(NULL);
  ps_results_free(NULL);

  /* the earlier names keep working: ps_scenario_open / ps_results_destroy / ps_scenario_close */
  m = NULL;
  CHECK_EQ_INT(ps_scenario_open("tests/scenarios/small.lua", NULL, 0, &m, err, sizeof err), PS_OK);
  if (m) {
    ps_options q = {.paths = 200, .threads = 1};
    r = NULL;
    CHECK_EQ_INT(ps_scenario_run(m, &q, &r, err, sizeof err), PS_OK);
    CHECK(r && ps_results_paths(r) == 200);
    ps_results_destroy(r);
    ps_scenario_close(m);
  }

  /* a progress callback is called from the caller's thread while paths run */
  CHECK_EQ_INT(ps_model_new("tests/scenarios/small.lua", NULL, 0, &m, err, sizeof err), PS_OK);
  if (m) {
    long calls[2] = {0, -1}; /* calls, the last total seen */
    ps_options q = {.paths = 200000, .threads = 2, .progress = count_progress, .progress_arg = calls};
    r = NULL;
    CHECK_EQ_INT(ps_scenario_run(m, &q, &r, err, sizeof err), PS_OK);
    CHECK(calls[0] >= 1 && calls[1] == 200000);
    ps_results_free(r);
    ps_model_free(m);
  }
  return check_summary("test_api");
}
