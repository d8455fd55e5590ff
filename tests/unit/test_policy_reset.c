/* test_policy_reset.c — one Lua state serves a worker's paths (sim/policy.c,
** lua/lua_reset.c), yet hooks see a fresh state on every path:
** - tests/scenarios/hook_fresh.lua fails the run if anything an earlier path wrote
**   (an upvalue, a global, a library or metatable field, a replaced function) is
**   still there;
** - tests/scenarios/hook_counts.lua counts on_period's calls in an upvalue, a helper's
**   upvalue, a global, a table of the file, a field of the scenario table, poolsim and
**   its metatable and a module's table, and fails the run unless each equals the
**   period; its hooks without upvalues change the loan table they are given (which
**   poolsim refills for them) and fail the run if a change is still there at the next
**   call; a hook with upvalues keeps every loan table and checks each is its own;
** - the same file with a math.random() call at its top, so the scenario runs again
**   for each path instead of once per worker.
** Each with 1 and 2 threads, to the byte, and the upvalue's count of on_period calls,
** topped up at the last period, is the same on every path. */
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "load_scenario.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"

/* run file with 1 and 2 threads: both succeed, agree to the byte, every path tops up `periods`
** yuan, and some path has a default */
static void check_fresh(const char *file, int periods) {
  ps_model m;
  char err[1024];
  if (!load_scenario(file, &m)) return;
  const long paths = 300;
  ps_outcomes runs[2];
  int ok = 1;
  for (int i = 0; i < 2; i++) {
    ps_run_options o = {.paths = paths, .seed = m.seed, .threads = i + 1, .audit = 1};
    int rc = ps_simulate(&m, &o, &runs[i], err, sizeof err);
    if (rc) fprintf(stderr, "%s (%d threads)\n", err, i + 1);
    CHECK_EQ_INT(rc, 0);
    if (rc) {
      if (i == 1) ps_outcomes_destroy(&runs[0]);
      ok = 0;
      break;
    }
  }
  if (ok) {
    CHECK(same_outcomes(&m, &runs[0], &runs[1]));
    int all = 1; /* the count the upvalue reached, topped up as yuan */
    for (long p = 0; p < paths; p++) all &= runs[0].topups[p] == periods; /* one pool */
    CHECK(all);
    double defaults = 0; /* on_default ran (its checks with it) */
    for (long p = 0; p < paths * runs[0].nprogrammes; p++) defaults += runs[0].defaults[p];
    CHECK(defaults > 0);
    for (int i = 0; i < 2; i++) ps_outcomes_destroy(&runs[i]);
  }
  ps_model_destroy(&m);
}

/* file with `prefix` as its first line, written into a temp file (path[]); 0 on success */
static int with_prefix(const char *file, const char *prefix, char *path) {
  FILE *in = fopen(file, "rb");
  int fd = mkstemp(path);
  FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
  if (!in || !out) {
    if (in) fclose(in);
    if (fd >= 0) close(fd);
    return -1;
  }
  fputs(prefix, out);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
  fclose(in);
  return fclose(out);
}

int main(void) {
  gsl_set_error_handler_off();
  check_fresh("tests/scenarios/hook_fresh.lua", 12);
  check_fresh("tests/scenarios/hook_counts.lua", 12);
  char path[] = "/tmp/poolsim_hook_counts_XXXXXX";
  int written = with_prefix("tests/scenarios/hook_counts.lua", "local chunk_draw = math.random()\n", path);
  CHECK_EQ_INT(written, 0);
  if (written == 0) {
    check_fresh(path, 12);
    unlink(path);
  }
  return check_summary("test_policy_reset");
}
