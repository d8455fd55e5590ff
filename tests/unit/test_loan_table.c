/* test_loan_table.c — the loan table a hook without upvalues is handed is filled only when the hook
** touches it (lua/loan_table.c), and the hook cannot tell:
** - tests/scenarios/loan_lazy.lua, whose bare hooks touch their loan in every way, gives the same
**   outcomes to the bit as its twin whose hooks have an upvalue (and so get a new table, filled, at
**   each call), on 1 and 2 threads; and a change to the value one of them reads changes the outcomes
**   (what the hooks read reaches the results);
** - C code that reads the table raw sees its fields: a split returning its loan table, and
**   ctx:set_share given it, fail with the message for a key that is not a payer (an empty table
**   would give "fractions sum to 0"); a nil key written to it fails as Lua's own tables do. */
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

#define LAZY "tests/scenarios/loan_lazy.lua"

/* the text of file with every `from` replaced by `to`, written to a temp file (path[]); 0 on success */
static int rewrite(const char *file, const char *from, const char *to, char *path) {
  FILE *in = fopen(file, "rb");
  if (!in) return -1;
  static char text[1 << 16], out[1 << 17];
  size_t n = fread(text, 1, sizeof text - 1, in);
  fclose(in);
  text[n] = 0;
  size_t o = 0, lf = strlen(from), lt = strlen(to);
  for (const char *s = text; *s;) {
    if (strncmp(s, from, lf) == 0 && o + lt < sizeof out) memcpy(out + o, to, lt), o += lt, s += lf;
    else if (o + 1 < sizeof out) out[o++] = *s++;
    else return -1;
  }
  int fd = mkstemp(path);
  FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
  if (!f) {
    if (fd >= 0) close(fd);
    return -1;
  }
  fwrite(out, 1, o, f);
  return fclose(f);
}

/* run file (paths, threads) into *o; the return code, the message in err */
static int run(const char *file, int threads, ps_outcomes *o, char *err, size_t errlen) {
  ps_model m;
  if (!load_scenario(file, &m)) return -1;
  ps_run_options ro = {.paths = 200, .seed = m.seed, .threads = threads};
  int rc = ps_simulate(&m, &ro, o, err, errlen);
  ps_model_destroy(&m);
  return rc;
}

/* the bare hooks of LAZY against the twin with upvalues, and against a bare change */
static void check_same_as_filled(void) {
  char twin[] = "/tmp/poolsim_loan_twin_XXXXXX", other[] = "/tmp/poolsim_loan_other_XXXXXX";
  CHECK_EQ_INT(rewrite(LAZY, "--[[up]]", "local _ = math;", twin), 0);
  CHECK_EQ_INT(rewrite(LAZY, "loan.lgd * 0.5", "loan.lgd * 0.25", other), 0);
  ps_model m;
  char err[1024];
  if (!load_scenario(LAZY, &m)) return;
  const char *files[4] = {LAZY, LAZY, twin, other};
  int threads[4] = {1, 2, 1, 1};
  ps_outcomes o[4];
  int ok = 1;
  for (int k = 0; k < 4; k++) {
    int rc = run(files[k], threads[k], &o[k], err, sizeof err);
    if (rc) fprintf(stderr, "%s: %s\n", files[k], err);
    CHECK_EQ_INT(rc, 0);
    if (rc) {
      for (int j = 0; j < k; j++) ps_outcomes_destroy(&o[j]);
      ok = 0;
      break;
    }
  }
  if (ok) {
    CHECK(same_outcomes(&m, &o[0], &o[1]));
    CHECK(same_outcomes(&m, &o[0], &o[2]));
    CHECK(!same_outcomes(&m, &o[0], &o[3]));
    double defaults = 0;
    for (long p = 0; p < o[0].paths; p++) defaults += o[0].defaults[p];
    CHECK(defaults > 1000); /* many calls of each kind */
    for (int k = 0; k < 4; k++) ps_outcomes_destroy(&o[k]);
  }
  ps_model_destroy(&m);
  unlink(twin);
  unlink(other);
}

/* LAZY with `from` replaced by `to` fails with a message containing `want` */
static void check_fails(const char *from, const char *to, const char *want) {
  char path[] = "/tmp/poolsim_loan_fail_XXXXXX";
  CHECK_EQ_INT(rewrite(LAZY, from, to, path), 0);
  ps_outcomes o;
  char err[1024] = "";
  int rc = run(path, 1, &o, err, sizeof err);
  CHECK_EQ_INT(rc, PS_EINPUT);
  if (rc == 0) ps_outcomes_destroy(&o);
  if (!strstr(err, want)) fprintf(stderr, "expected '%s' in: %s\n", want, err);
  CHECK(strstr(err, want) != NULL);
  unlink(path);
}

int main(void) {
  gsl_set_error_handler_off();
  check_same_as_filled();
  /* the first call of the run: the table is still empty */
  check_fails("local n = ctx:programme(\"p\").defaults % 4", "do return loan end local n = 0",
              "is not a payer of programme 'p'");
  check_fails("local n = ctx:programme(\"p\").defaults % 8", "ctx:set_share(\"p\", loan) local n = 0",
              "ctx:set_share: '");
  check_fails("local n = ctx:programme(\"p\").defaults % 8", "local k; loan[k] = 1 local n = 0", "index is nil");
  return check_summary("test_loan_table");
}
