/* fuzz_scenario.c — the scenario loader (core/scenario*.c, core/tape.c) on
** arbitrary Lua source.
**
** Each input is a scenario file, run in the sandbox of core/lua_env.c and then
** validated field by field. The sandbox's instruction budget and memory cap must
** end every input quickly and within memory (libFuzzer's -timeout and
** -rss_limit_mb turn a hang or a blow-up into a finding); the result must be a
** model or PS_EINPUT with a message that names the file. A loan tape is at hand
** as data/small.csv (the seeds' tape_small.lua reads it). A small model is then
** run for two paths on one thread, so its hooks (on_period, on_default, split)
** and rules meet the engine. */
#include <stdint.h>
#include <string.h>

#include "fuzz_tmp.h"
#include "scenario/model.h"
#include "poolsim/poolsim.h"

/* a model small enough to simulate at every input: loan-periods across its segments */
#define MAX_LOAN_PERIODS 20000.0

static double loan_periods(const ps_model *m) {
  double total = 0;
  for (int s = 0; s < m->nsegments; s++)
    total += (double)m->segments[s].new_loans * (m->segments[s].last - m->segments[s].first + 1) *
             (m->segments[s].tenor + 1);
  return total + (double)m->periods * m->nsegments;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int ready;
  if (!ready++) fuzz_tmp_copy("data/small.csv", "tests/scenarios/data/small.csv");
  char file[512], err[1024];
  fuzz_tmp_write("scenario.lua", data, size, file, sizeof file);
  ps_model *m;
  int rc = ps_model_new(file, NULL, 0, &m, err, sizeof err);
  FUZZ_ASSERT(rc == PS_OK || rc == PS_EINPUT);
  if (rc == PS_EINPUT) { /* the message names the scenario, or the tape beside it */
    if (strncmp(err, file, strlen(file) - strlen("scenario.lua")) != 0) fprintf(stderr, "message: %s\n", err);
    FUZZ_ASSERT(strncmp(err, file, strlen(file) - strlen("scenario.lua")) == 0);
  }
  if (rc == PS_OK && loan_periods(m) <= MAX_LOAN_PERIODS) { /* two paths through the engine, hooks and all */
    ps_options o = {.paths = 2, .threads = 1};
    ps_results *r = NULL;
    int run = ps_scenario_run(m, &o, &r, err, sizeof err);
    /* PS_EINPUT: one of its hooks failed, which names the file and line */
    FUZZ_ASSERT(run == PS_OK || run == PS_ERUNTIME || (run == PS_EINPUT && strstr(err, file) != NULL));
    FUZZ_ASSERT((run == PS_OK) == (r != NULL));
    ps_results_free(r);
  }
  ps_model_free(m);
  return 0;
}
