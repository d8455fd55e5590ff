/* test_tape_book.c — the loan tapes' book and interest as running fixed-point sums (sim/tape_book.h,
** kept by tape_defaults.c, read by flows.c), against the walk over the groups at risk that flows.c
** makes without them, path by path on twin workspaces (the second's sums switched off), on
** tests/scenarios/tape_buckets.lua (seasoned and new groups, two templates), as it is and with both
** templates amortizing, and on tape_hetero.lua:
**   1. the sums themselves: after every path (audited) each programme's four sums equal those added
**      up afresh from the groups at risk and their loans left (ps_tape_check), and the check fails
**      when a sum is off by one unit (2^-16 fen);
**   2. the money: the same draws, so the same defaults; each period's interest and funding cost are
**      the same sums rounded to the fen (each loan's constants within 2^-17 fen of its doubles, so the
**      two reckonings of a period are well within a fen of each other): every account's net of every
**      kind within 2 fen a period of the walk's, and the same to the fen in most paths;
**   3. the book the rules take from the flows (book_tapes_summed, rules.c) passes its audit. */
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "load_scenario.h"
#include "scenario/scenario.h"
#include "sim/path.h"
#include "sim/path_state.h"
#include "sim/tape_defaults.h"

static void twins(const char *file, const ps_override *sets, int nsets, long paths) {
  ps_model m;
  char err[1024];
  if (!load_scenario_with(file, sets, nsets, &m)) return;
  ps_path *a = ps_path_new(&m, NULL, 1), *b = ps_path_new(&m, NULL, 1);
  CHECK(a && b && a->tape_fix && b->tape_fix);
  if (!a || !b || !a->tape_fix || !b->tape_fix) return;
  free(b->tape_fix); /* b walks the groups (flows.c tape_walk) */
  b->tape_fix = NULL;
  long within = 0, same = 0, ok = 0;
  for (long i = 0; i < paths; i++) {
    int ra = ps_path_run(a, m.seed, i, NULL, NULL, err, sizeof err);
    if (ra) fprintf(stderr, "%s\n", err);
    int rb = ps_path_run(b, m.seed, i, NULL, NULL, err, sizeof err);
    if (rb) fprintf(stderr, "%s\n", err);
    ok += ra == PS_OK && rb == PS_OK; /* with audit: ps_tape_check held, the sums and the rules' book */
    const ps_ledger *x = ps_path_ledger(a), *y = ps_path_ledger(b);
    int64_t worst = 0;
    for (size_t j = 0; j < (size_t)x->naccounts * PS_NKINDS; j++) {
      int64_t d = llabs(x->net[j] - y->net[j]);
      if (d > worst) worst = d;
    }
    within += worst <= 2 * m.periods;
    same += worst == 0;
    for (int k = 0; k < m.nprogrammes; k++) CHECK_EQ_INT(a->progs[k].defaults, b->progs[k].defaults);
  }
  CHECK_EQ_INT(ok, paths);
  CHECK_EQ_INT(within, paths);
  CHECK(same >= paths / 2);
  fprintf(stderr, "%s: %ld of %ld paths' ledgers the same to the fen\n", file, same, paths);
  /* 1: one unit off is seen */
  CHECK_EQ_INT(ps_tape_check(a), 1);
  a->tape_run[0]++;
  CHECK_EQ_INT(ps_tape_check(a), 0);
  a->tape_run[0]--;
  CHECK_EQ_INT(ps_tape_check(a), 1);
  ps_path_free(a);
  ps_path_free(b);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  twins("tests/scenarios/tape_buckets.lua", NULL, 0, 300);
  ps_override amortizing[] = {{"segments.tpl_a.repayment", "amortizing"}, {"segments.tpl_b.repayment", "amortizing"}};
  twins("tests/scenarios/tape_buckets.lua", amortizing, 2, 300);
  twins("tests/scenarios/tape_hetero.lua", NULL, 0, 300);
  return check_summary("test_tape_book");
}
