/* check_postings.h — a path's posting log against postings computed by hand
** (test_hand_ledger, test_runs): the same number, and each the same. */
#ifndef PS_CHECK_POSTINGS_H
#define PS_CHECK_POSTINGS_H

#include "check.h"
#include "ledger.h"

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
