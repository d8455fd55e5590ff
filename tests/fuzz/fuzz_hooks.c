/* fuzz_hooks.c — policy hooks (core/sim/policy.c, core/lua/ctx.c) on arbitrary
** Lua: each input is the body of an on_period hook, `function(ctx) INPUT end`,
** in a small fixed scenario that then runs two paths on one thread. What the
** hook does with ctx (top-ups, suspending, shares), the sandbox's libraries and
** its budgets must end in a finished run or a clear error: PS_EINPUT naming the
** scenario file (a body that does not parse, a hook that raises or overruns its
** budget) or PS_ERUNTIME (the engine's limits); never a crash, a hang or a leak. */
#include <stdint.h>
#include <string.h>

#include "fuzz_tmp.h"
#include "poolsim/poolsim.h"

static const char head[] =
    "return poolsim.scenario{\n"
    "  name = 'fuzz hooks', periods = 6, seed = 3,\n"
    "  parties = { { id = 'city', kind = 'government' }, { id = 'bank', kind = 'bank' } },\n"
    "  pools = { { id = 'fund', owner = 'city', initial = 1e6 } },\n"
    "  segments = { { id = 's', new_loans = 5, originate = {1, 3}, loan = 1e5, tenor = 3, pd = 0.3, lgd = 0.5 } },\n"
    "  programmes = { { id = 'p', segments = {'s'}, bank = 'bank', share = { fund = 0.5, bank = 0.5 } } },\n"
    "  on_period = function(ctx)\n";
static const char tail[] = "\n  end,\n}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t n = sizeof head - 1 + size + sizeof tail - 1;
  char *src = malloc(n), file[512], err[1024];
  FUZZ_ASSERT(src != NULL);
  memcpy(src, head, sizeof head - 1);
  memcpy(src + sizeof head - 1, data, size);
  memcpy(src + sizeof head - 1 + size, tail, sizeof tail - 1);
  fuzz_tmp_write("hooks.lua", src, n, file, sizeof file);
  free(src);
  ps_model *m;
  int rc = ps_model_new(file, NULL, 0, &m, err, sizeof err);
  FUZZ_ASSERT(rc == PS_OK || rc == PS_EINPUT);
  if (rc == PS_EINPUT) FUZZ_ASSERT(strncmp(err, file, strlen(file)) == 0);
  if (rc == PS_OK) {
    ps_options o = {.paths = 2, .threads = 1};
    ps_results *r = NULL;
    int run = ps_scenario_run(m, &o, &r, err, sizeof err);
    if (run == PS_EINPUT && !strstr(err, file)) fprintf(stderr, "message: %s\n", err);
    FUZZ_ASSERT(run == PS_OK || run == PS_ERUNTIME || (run == PS_EINPUT && strstr(err, file) != NULL));
    FUZZ_ASSERT((run == PS_OK) == (r != NULL));
    ps_results_free(r);
  }
  ps_model_free(m);
  return 0;
}
