/* test_figures.c — figures a model-risk officer can defend (issue 16 §5), each by hand:
** (1) cap_per_loan cuts count in the programme's capped: tests/scenarios/cap_per_loan_hand.lua,
**     10 loans of 100万 default, the fund's half (50万 each) cut to 30万: capped 10 x 20万 = 200万,
**     the fund pays 300万 (claims = paid: the cut is not asked of it) and recovers 300/1000 of the
**     50% recovered, 150万.
** (2) capital_breach is a share the guarantor cannot pay in full: tests/scenarios/capital_exact.lua,
**     capital 60万 + fee 10万 = its 70万 share of the one default: paid in full, unpaid 0, no
**     breach; with 599 999 yuan of capital it is 1 yuan short: unpaid 1 yuan, breach.
** (3) an npl_ratio trigger is watched while its programme lends (during = "lending", the default),
**     or in run-off too (during = "always"): tests/scenarios/npl_runoff.lua, NPL ratio 100% in
**     years 3 and 4 after lending ends in year 2: by default no pause and the 7万 claim of year 3
**     paid; always: paused 2 periods, 7万 refused, nothing paid. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "poolsim/poolsim.h"
#include "stats/results.h"

/* the run of file with one override (key NULL: none); NULL and a failed check when it fails */
static ps_results *run(const char *file, const char *key, const char *value, ps_model **m) {
  char err[1024];
  ps_override set = {key, value};
  ps_options o = {.paths = 1, .seed = 1, .use_seed = 1, .threads = 1};
  ps_results *r = NULL;
  *m = NULL;
  if (ps_model_new(file, &set, key ? 1 : 0, m, err, sizeof err) || ps_scenario_run(*m, &o, &r, err, sizeof err)) {
    fprintf(stderr, "%s: %s\n", file, err);
    CHECK(!"the scenario runs");
    ps_model_free(*m);
    *m = NULL;
    return NULL;
  }
  return r;
}

static int party(const ps_model *m, const char *id) {
  for (int i = 0; i < m->nparties; i++)
    if (strcmp(m->parties[i].id, id) == 0) return i;
  return -1;
}

/* (1) */
static void cap_per_loan(void) {
  ps_model *m;
  ps_results *r = run("tests/scenarios/cap_per_loan_hand.lua", NULL, NULL, &m);
  if (!r) return;
  CHECK_NEAR(r->programmes[0].capped.mean, 2e6, 1e-6);
  CHECK_NEAR(r->pools[0].claims.mean, 3e6, 1e-6);
  CHECK_NEAR(r->pools[0].paid.mean, 3e6, 1e-6);
  CHECK_NEAR(r->pools[0].recovered.mean, 1.5e6, 1e-6);
  CHECK_NEAR(r->programmes[0].refused.mean, 0, 0);
  ps_results_free(r);
  ps_model_free(m);
}

/* (2) */
static void capital_breach(void) {
  static const struct {
    const char *capital;
    double unpaid, breach;
  } cases[] = {{"600000", 0, 0}, {"599999", 1, 1}};
  for (int k = 0; k < 2; k++) {
    ps_model *m;
    ps_results *r = run("tests/scenarios/capital_exact.lua", "parties.guar.capital", cases[k].capital, &m);
    if (!r) continue;
    int g = party(m, "guar");
    CHECK(g >= 0);
    if (g >= 0) {
      CHECK_NEAR(r->parties[g].unpaid.mean, cases[k].unpaid, 1e-9);
      CHECK_NEAR(r->parties[g].breached.value, cases[k].breach, 0);
    }
    ps_results_free(r);
    ps_model_free(m);
  }
}

/* (3) */
static void npl_trigger(void) {
  static const struct {
    const char *file;
    double paused, refused, paid;
  } cases[] = {{"tests/scenarios/npl_runoff.lua", 0, 0, 7e4}, {"tests/scenarios/npl_runoff_always.lua", 2, 7e4, 0}};
  for (int k = 0; k < 2; k++) {
    ps_model *m;
    ps_results *r = run(cases[k].file, NULL, NULL, &m);
    if (!r) continue;
    CHECK_NEAR(r->programmes[0].paused.mean, cases[k].paused, 0);
    CHECK_NEAR(r->programmes[0].refused.mean, cases[k].refused, 1e-9);
    CHECK_NEAR(r->pools[0].paid.mean, cases[k].paid, 1e-9);
    CHECK_NEAR(r->pools[0].claims.mean, cases[k].paid, 1e-9); /* a refused claim is not asked of the pool */
    ps_results_free(r);
    ps_model_free(m);
  }
}

int main(void) {
  gsl_set_error_handler_off();
  cap_per_loan();
  capital_breach();
  npl_trigger();
  return check_summary("test_figures");
}
