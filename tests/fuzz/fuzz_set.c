/* fuzz_set.c — `--set KEY=VALUE` overrides (core/overrides.c) on arbitrary text.
**
** Each input is a list of overrides, one per line, split at the first '=' as
** the CLI splits its argument (lines the CLI would refuse — no '=', or an empty
** key — are left out). They are applied to the flagship scenario, which is then
** validated: the path walk over lists by item id and over integer keys, the
** value's reading as number, boolean or string, and every field reader meeting
** an overridden value of the wrong type or range. A refusal must name the --set
** or the file. The last key is also read back as a number (ps_scenario_number,
** the path `--vary` and `poolsim tornado` use). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_tmp.h"
#include "poolsim/poolsim.h"
#include "scenario/scenario.h"

#define SCENARIO "scenarios/mianyang_2022.lua"
#define MAX_SETS 256 /* as core/main.c */

static int starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  FUZZ_ASSERT(text);
  memcpy(text, data, size);
  text[size] = '\0';
  ps_override sets[MAX_SETS];
  int n = 0;
  for (char *line = text, *next; line && n < MAX_SETS; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    char *eq = strchr(line, '=');
    if (!eq || eq == line) continue;
    *eq = '\0';
    sets[n++] = (ps_override){line, eq + 1};
  }
  char err[1024];
  ps_model *m;
  int rc = ps_model_new(SCENARIO, sets, n, &m, err, sizeof err);
  FUZZ_ASSERT(rc == PS_OK || rc == PS_EINPUT);
  if (rc == PS_EINPUT) FUZZ_ASSERT(starts(err, "--set ") || starts(err, SCENARIO));
  ps_model_free(m);
  if (n > 0) {
    double v;
    rc = ps_scenario_number(SCENARIO, sets, n, sets[n - 1].key, &v, err, sizeof err);
    FUZZ_ASSERT(rc == PS_OK || rc == PS_EINPUT);
  }
  free(text);
  return 0;
}
