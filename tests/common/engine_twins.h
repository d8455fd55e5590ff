/* engine_twins.h — an optimisation that skips work must change nothing but speed: every path of a
** scenario is simulated on two workspaces, the second with the skip switched off (by `alter`), and
** the two must post the same ledger (every account and kind, to the fen) and leave the same bytes in
** every outcome array. */
#ifndef PS_ENGINE_TWINS_H
#define PS_ENGINE_TWINS_H

#include <stdio.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"
#include "sim/path.h"
#include "sim/path_state.h"
#include "sim/policy.h"

/* check what the engine decided in workspace a, then switch the skip off in b */
typedef void twins_alter(const ps_model *m, ps_path *a, ps_path *b, int expected);

/* file's first `paths` paths run on both twins (b altered) */
static inline void check_twins(const char *file, long paths, twins_alter *alter, int expected) {
  ps_model m;
  char err[1024];
  if (!load_scenario(file, &m)) return;
  ps_path *a = ps_path_new(&m, NULL, 0), *b = ps_path_new(&m, NULL, 0);
  ps_policy *pa = m.has_hooks ? ps_policy_new(&m) : NULL, *pb = m.has_hooks ? ps_policy_new(&m) : NULL;
  ps_outcomes oa, ob;
  int ok = a && b && (!m.has_hooks || (pa && pb)) && ps_outcomes_init(&oa, &m, paths, 0) == 0 &&
           ps_outcomes_init(&ob, &m, paths, 0) == 0;
  CHECK(ok);
  if (!ok) return;
  alter(&m, a, b, expected);
  long same_ledger = 0;
  for (long i = 0; i < paths; i++) {
    int ra = ps_path_run(a, m.seed, i, pa, &oa, err, sizeof err);
    int rb = ps_path_run(b, m.seed, i, pb, &ob, err, sizeof err);
    if (ra || rb) {
      fprintf(stderr, "%s: path %ld: %s\n", file, i, err);
      CHECK(0);
      break;
    }
    const ps_ledger *x = ps_path_ledger(a), *y = ps_path_ledger(b);
    same_ledger += memcmp(x->net, y->net, (size_t)x->naccounts * PS_NKINDS * sizeof *x->net) == 0;
  }
  CHECK_EQ_INT(same_ledger, paths);
  CHECK(same_outcomes(&m, &oa, &ob));
  ps_outcomes_destroy(&oa);
  ps_outcomes_destroy(&ob);
  ps_policy_free(pa);
  ps_policy_free(pb);
  ps_path_free(a);
  ps_path_free(b);
  ps_model_destroy(&m);
}

#endif
