/* test_hook_quiet.c — a scenario whose hooks are only on_default and split keeps its quiet periods
** (sim/path_state.c: those hooks are called at defaults, and a quiet period has none), and skipping
** them changes nothing. tests/scenarios/quiet.lua (years with nothing at risk, claims and
** recoveries falling due in and after them, a yield, a top-up, a pool-floor trigger counting
** paused periods) is given an on_default that changes the LGD, suspends or resumes the programme
** (so paused periods are counted through the quiet ones) and tops the fund up by what ctx reads of
** the programme (its NPL ratio, book and defaults, after the gap too), and a split that depends on
** the segment; its twin adds an on_period that does nothing, under which no period is quiet. Path by
** path, every outcome must be the same to the bit, on 1 and 2 threads; the periods of the gap must
** be quiet in the first and not in the twin; and the hooks must change the outcomes. */
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "load_scenario.h"
#include "same_outcomes.h"
#include "sim/montecarlo.h"
#include "sim/path_state.h"

#define QUIET "tests/scenarios/quiet.lua"
#define PATHS 1000

static const char *const on_default =
    "  on_default = function(loan, ctx)\n"
    "    if loan.age >= 3 then ctx:suspend(\"p\") elseif loan.age == 1 then ctx:resume(\"p\") end\n"
    "    local v = ctx:programme(\"p\")\n"
    "    if v.npl_ratio > 0.05 then ctx:topup(\"fund\", v.performing / 1000 + v.defaults) end\n"
    "    return { lgd = loan.lgd * 0.8 }\n"
    "  end,\n";
static const char *const split =
    "      split = function(loss, loan, ctx)\n"
    "        if loan.segment == \"late\" then return { fund = 0.3, reserve = 0.2, bank = 0.5 } end\n"
    "        return { fund = 0.5, reserve = 0.1, bank = 0.4 }\n"
    "      end,\n";

/* QUIET with the hooks (hooks) and an empty on_period (on_period) inserted, into a temp file (path[]);
** 0 on success */
static int write_variant(int hooks, int on_period, char *path) {
  FILE *in = fopen(QUIET, "rb");
  int fd = mkstemp(path);
  FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
  if (!in || !out) {
    if (in) fclose(in);
    if (out) fclose(out);
    else if (fd >= 0) close(fd);
    return -1;
  }
  char line[4096];
  while (fgets(line, sizeof line, in)) {
    fputs(line, out);
    if (strstr(line, "name = \"quiet periods\"")) {
      if (hooks) fputs(on_default, out);
      if (on_period) fputs("  on_period = function(ctx) end,\n", out);
    }
    if (hooks && strstr(line, "claim_lag = 3, recovery_lag = 20,")) fputs(split, out);
  }
  fclose(in);
  return fclose(out);
}

/* how many periods of m a workspace marks as possibly quiet */
static int quiet_periods(const ps_model *m) {
  ps_path *w = ps_path_new(m, NULL, 0);
  CHECK(w != NULL);
  int n = 0;
  for (int t = 1; w && t <= m->periods; t++) n += (w->steps[t] & PS_STEP_MAY_BE_QUIET) != 0;
  ps_path_free(w);
  return n;
}

int main(void) {
  gsl_set_error_handler_off();
  char paths[3][64];
  int variants[3][2] = {{1, 0}, {1, 1}, {0, 0}}; /* the hooks; with an on_period; the plain file */
  ps_model m[3];
  int loaded = 0;
  for (int k = 0; k < 3; k++) {
    snprintf(paths[k], sizeof paths[k], "/tmp/poolsim_hook_quiet_XXXXXX");
    CHECK_EQ_INT(write_variant(variants[k][0], variants[k][1], paths[k]), 0);
    if (load_scenario(paths[k], &m[k])) loaded++;
    else break;
  }
  if (loaded == 3) {
    CHECK(m[0].has_on_default && !m[0].has_on_period && m[1].has_on_period);
    int q = quiet_periods(&m[0]);
    CHECK(q > 50);                      /* the gap between the waves, and the run-off */
    CHECK_EQ_INT(quiet_periods(&m[2]), q); /* as without hooks */
    CHECK_EQ_INT(quiet_periods(&m[1]), 0);
    const ps_model *which[4] = {&m[0], &m[0], &m[1], &m[2]};
    int threads[4] = {1, 2, 2, 1};
    ps_outcomes o[4];
    char err[1024];
    int ran = 0;
    for (; ran < 4; ran++) {
      ps_run_options ro = {.paths = PATHS, .seed = 5, .threads = threads[ran]};
      int rc = ps_simulate(which[ran], &ro, &o[ran], err, sizeof err);
      if (rc) fprintf(stderr, "%s\n", err);
      CHECK_EQ_INT(rc, 0);
      if (rc) break;
    }
    if (ran == 4) {
      CHECK(same_outcomes(&m[0], &o[0], &o[1]));
      CHECK(same_outcomes(&m[0], &o[0], &o[2]));
      CHECK(!same_outcomes(&m[0], &o[0], &o[3])); /* the hooks matter */
      double paused = 0;
      for (long i = 0; o[0].paused && i < PATHS * o[0].nprogrammes; i++) paused += o[0].paused[i];
      CHECK(paused > 0);
    }
    for (int k = 0; k < ran; k++) ps_outcomes_destroy(&o[k]);
  }
  for (int k = 0; k < loaded; k++) ps_model_destroy(&m[k]);
  for (int k = 0; k < 3; k++) unlink(paths[k]);
  return check_summary("test_hook_quiet");
}
