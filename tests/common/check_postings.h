/* check_postings.h — one path of a small deterministic scenario, its posting
** log against postings computed by hand (test_hand_ledger, test_claims). */
#ifndef PS_CHECK_POSTINGS_H
#define PS_CHECK_POSTINGS_H

#include <string.h>

#include "check.h"
#include "sim/ledger.h"
#include "sim/outcomes.h"
#include "sim/path.h"

/* path 0 of m with its postings logged and its outcomes in o (one path); the
** caller frees both (o is zeroed first, so it can be freed when this fails) */
static inline ps_path *run_logged_path(const ps_model *m, ps_outcomes *o) {
  char err[1024] = "out of memory";
  memset(o, 0, sizeof *o);
  ps_path *w = ps_path_new(m, NULL, 1);
  int ok = w != NULL && ps_outcomes_init(o, m, 1, 0) == 0 && ps_path_run(w, m->seed, 0, NULL, o, err, sizeof err) == 0;
  CHECK(ok);
  if (!ok) fprintf(stderr, "%s\n", err);
  return w;
}

static inline void check_postings(const ps_ledger *l, const ps_posting *expected, size_t n) {
  CHECK_EQ_INT(l->nlog, n);
  for (size_t i = 0; i < n && i < l->nlog; i++) {
    const ps_posting *got = &l->log[i], *want = &expected[i];
    int same = got->period == want->period && got->from == want->from && got->to == want->to &&
               got->amount == want->amount && got->kind == want->kind;
    CHECK(same);
    if (!same)
      fprintf(stderr, "posting %zu: got (%d, %d->%d, %lld, %s), want (%d, %d->%d, %lld, %s)\n", i, got->period,
              got->from, got->to, (long long)got->amount, ps_kind_name(got->kind), want->period, want->from, want->to,
              (long long)want->amount, ps_kind_name(want->kind));
  }
}

#endif
