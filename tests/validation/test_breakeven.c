/* test_breakeven.c — break-even terms (core/stats/breakeven.c) against values found by hand in
** tests/scenarios/breakeven_insurer.lua, where every path is the same:
**   the insurer's loss ratio is 50万 / (premium x 1000万): 60% at premium = 1/12;
**   the reguarantor pays 30万 and earns fee x 300万: it breaks even at a fee of 10%.
** Then a scenario with risk (yunnan_zhengyinbao.lua): the premium for a 60% expected loss ratio,
** checked by a run of its own at that premium, and a target no premium reaches. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "poolsim/study.h"

#define HAND "tests/scenarios/breakeven_insurer.lua"

static void by_hand(void) {
  char err[2048];
  ps_breakeven *b = NULL;
  ps_options o = {0};
  ps_breakeven_options ins = {.field = "parties.ins.premium", .use_target = 1, .target = 0.6, .lo = 0.01, .hi = 1};
  int rc = ps_breakeven_run(HAND, NULL, 0, &o, &ins, &b, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    /* bisection to 1e-4 of the range, then the line between the two ends: exact for 1/x up to its curvature */
    CHECK_NEAR(ps_breakeven_value(b), 1.0 / 12, 1e-6);
    CHECK(strcmp(ps_breakeven_measure(b), "loss_ratio") == 0 && strcmp(ps_breakeven_party(b), "ins") == 0);
    int open;
    CHECK(ps_breakeven_ci(b, 0, &open) <= ps_breakeven_value(b) && !open);
    CHECK(ps_breakeven_ci(b, 1, &open) >= ps_breakeven_value(b) && !open);
    CHECK_NEAR(ps_breakeven_ci(b, 1, NULL) - ps_breakeven_ci(b, 0, NULL), 0, 1e-6); /* no noise: no width */
  } else fprintf(stderr, "%s\n", err);
  ps_breakeven_free(b);

  ps_breakeven_options reg = {.field = "parties.reg.reguarantee_fee", .party = "reg"};
  b = NULL;
  rc = ps_breakeven_run(HAND, NULL, 0, &o, &reg, &b, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    CHECK_NEAR(ps_breakeven_value(b), 0.1, 1e-9);
    CHECK(strcmp(ps_breakeven_measure(b), "pv_cost") == 0);
  } else fprintf(stderr, "%s\n", err);
  ps_breakeven_free(b);
}

static void with_risk(void) {
  const char *file = "scenarios/yunnan_zhengyinbao.lua";
  char err[2048];
  ps_options o = {.paths = 2000};
  ps_breakeven_options bo = {.field = "parties.insurer.premium", .use_target = 1, .target = 0.6, .lo = 0.001, .hi = 0.2};
  ps_breakeven *b = NULL;
  int rc = ps_breakeven_run(file, NULL, 0, &o, &bo, &b, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc != PS_OK) {
    fprintf(stderr, "%s\n", err);
    return;
  }
  double v = ps_breakeven_value(b), lo = ps_breakeven_ci(b, 0, NULL), hi = ps_breakeven_ci(b, 1, NULL);
  CHECK(lo < v && v < hi && hi - lo < 0.5 * (0.2 - 0.001));
  ps_breakeven_free(b);
  /* the same paths at that premium: the expected loss ratio is the target, within the noise of the
  ** interpolation between runs a 1e-4 of the range apart (far below one standard error) */
  char value[32];
  snprintf(value, sizeof value, "%.17g", v);
  ps_override set = {"parties.insurer.premium", value};
  ps_model *m = NULL;
  ps_results *r = NULL;
  rc = ps_model_new(file, &set, 1, &m, err, sizeof err);
  if (rc == PS_OK) rc = ps_scenario_run(m, &o, &r, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    char *json = ps_results_json(r);
    const char *at = json ? strstr(json, "\"loss_ratio\"") : NULL;
    const char *mean = at ? strstr(at, "\"mean\":") : NULL, *se = at ? strstr(at, "\"se\":") : NULL;
    CHECK(mean && se);
    if (mean && se) CHECK(fabs(atof(mean + 7) - 0.6) <= 0.1 * atof(se + 5));
    free(json);
  } else fprintf(stderr, "%s\n", err);
  ps_results_free(r);
  ps_model_free(m);

  /* a loss ratio of 5% needs a premium above the range: refused, saying what the ends give */
  bo.target = 0.05;
  o.paths = 200;
  b = NULL;
  rc = ps_breakeven_run(file, NULL, 0, &o, &bo, &b, err, sizeof err);
  CHECK_EQ_INT(rc, PS_EINPUT);
  CHECK(b == NULL && strstr(err, "no value in [0.001, 0.2] makes the expected loss ratio of party 'insurer' 5%") != NULL);
}

int main(void) {
  gsl_set_error_handler_off();
  by_hand();
  with_risk();
  return check_summary("test_breakeven");
}
