/* test_quiet.c — skipping what has nothing to do changes nothing. tests/scenarios/quiet.lua has
** years in which nothing is at risk (quiet periods, which path.c skips straight through), with
** claims and recoveries falling due in and after them, a yield, a top-up in the gap and a pool-floor
** trigger that counts its paused periods; quiet_hooked.lua is the same with an on_period hook that
** does nothing, under which no period is skipped (nor a trigger check, a funding step or an NPL
** ratio). Path by path, every outcome must be the same to the bit, whatever the thread count. A
** second pair does the same for B1 at 360 periods (324 quiet ones). */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "plain_and_hooked.h"

#define PATHS 1500

static void compare(const char *plain, const char *hooked, const ps_override *sets, int nsets) {
  ps_model m[2];
  ps_outcomes o[3];
  if (!run_plain_and_hooked(plain, hooked, sets, nsets, PATHS, 11, m, o)) return;
  size_t pools = (size_t)m[0].npools * PATHS, progs = (size_t)m[0].nprogrammes * PATHS;
  /* the scenarios do what the comparison needs: claims, pauses and recoveries do happen */
  double claims = 0, paused = 0, recovered = 0;
  for (size_t i = 0; i < pools; i++) claims += o[0].claims[i], recovered += o[0].recovered[i];
  for (size_t i = 0; o[0].paused && i < progs; i++) paused += o[0].paused[i];
  CHECK(claims > 0 && recovered > 0);
  if (sets == NULL) CHECK(paused > 0);
  free_plain_and_hooked(m, o);
}

int main(void) {
  gsl_set_error_handler_off();
  compare("tests/scenarios/quiet.lua", "tests/scenarios/quiet_hooked.lua", NULL, 0);
  ps_override long_b1[] = {{"periods", "360"}};
  compare("bench/b1.lua", "tests/scenarios/b1_hooked.lua", long_b1, 1);
  return check_summary("test_quiet");
}
