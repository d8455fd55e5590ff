/* test_api.c — the public C API, used the way an embedding program would:
** only include/poolsim/poolsim.h. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "poolsim/poolsim.h"

int main(void) {
  char err[1024];
  ps_model *m = NULL;
  CHECK_EQ_INT(ps_scenario_open("tests/scenarios/no_such_file.lua", NULL, 0, &m, err, sizeof err), PS_EINPUT);
  CHECK(m == NULL && strstr(err, "no_such_file.lua") != NULL);

  /* a singular sector correlation: an input error, not GSL's abort (found by tests/fuzz/fuzz_scenario) */
  CHECK_EQ_INT(ps_scenario_open("tests/scenarios/validate_model_sectors_singular.lua", NULL, 0, &m, err, sizeof err),
               PS_EINPUT);
  CHECK(m == NULL && strstr(err, "sector_correlation") != NULL);

  ps_override set = {"pools.fund.initial", "1e7"};
  CHECK_EQ_INT(ps_scenario_open("tests/scenarios/small.lua", &set, 1, &m, err, sizeof err), PS_OK);
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
    ps_results_destroy(r);
  }
  ps_scenario_close(m);
  return check_summary("test_api");
}
