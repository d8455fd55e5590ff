/* fuzz_scenario.c — the scenario loader (core/scenario*.c, core/tape.c) on
** arbitrary Lua source.
**
** Each input is a scenario file, run in the sandbox of core/lua_env.c and then
** validated field by field. The sandbox's instruction budget and memory cap must
** end every input quickly and within memory (libFuzzer's -timeout and
** -rss_limit_mb turn a hang or a blow-up into a finding); the result must be a
** model or PS_EINPUT with a message that names the file. A loan tape is at hand
** as data/small.csv (the seeds' tape_small.lua reads it). */
#include <stdint.h>
#include <string.h>

#include "fuzz_tmp.h"
#include "poolsim/poolsim.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int ready;
  if (!ready++) fuzz_tmp_copy("data/small.csv", "tests/scenarios/data/small.csv");
  char file[512], err[1024];
  fuzz_tmp_write("scenario.lua", data, size, file, sizeof file);
  ps_model *m;
  int rc = ps_scenario_open(file, NULL, 0, &m, err, sizeof err);
  FUZZ_ASSERT(rc == PS_OK || rc == PS_EINPUT);
  if (rc == PS_EINPUT) { /* the message names the scenario, or the tape beside it */
    if (strncmp(err, file, strlen(file) - strlen("scenario.lua")) != 0) fprintf(stderr, "message: %s\n", err);
    FUZZ_ASSERT(strncmp(err, file, strlen(file) - strlen("scenario.lua")) == 0);
  }
  ps_scenario_close(m);
  return 0;
}
