/* test_tape_periods.c — the loan-tape groups by period (scenario/tape_buckets.c: m->tape_periods)
** and the running state the path keeps from them (sim/tape_defaults.c, flows.c, rules.c), on
** tests/scenarios/tape_buckets.lua (seasoned groups lent in periods -6 and 0, new ones in 1 and 4,
** tenors 12 and 24, over 12 periods), as it is and with its templates amortizing and lending loans
** of their own (then a programme's book has an own part and a tapes' part):
**   1. each period's lists are what a walk over all the groups finds: the groups at risk, bucket by
**      bucket in each bucket's order (the buckets' own lists); those originate visits, which are
**      exactly the groups a walk over all segments originates, in segment order; those that leave;
**   2. after every path (audited: check_accounts walks the groups each period the book takes the
**      tapes' part from the last flows, and checks each bucket's tree group by group), each
**      programme's tapes' book for the period after the last, from the flows' running sums
**      (sim/tape_book.h), equals the fixed-point sum the test makes walking the groups at risk,
**      exactly, and the walk's doubles within 2^-17 fen a loan; and each bucket's count of loans at
**      risk equals its groups' counts;
**   3. the check fails when a bucket's count, a node of its tree or a book is wrong. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "scenario/scenario.h"
#include "sim/path.h"
#include "sim/tape_defaults.h"

#define FILE_ "tests/scenarios/tape_buckets.lua"

static int load(const ps_override *sets, int nsets, ps_model *m) {
  char err[1024];
  int rc = ps_scenario_load(FILE_, sets, nsets, m, err, sizeof err);
  if (rc) fprintf(stderr, "%s\n", err);
  CHECK_EQ_INT(rc, PS_OK);
  return rc;
}

/* 1: the lists against walks over all the groups */
static void lists(const ps_model *m) {
  const ps_tape_periods *p = &m->tape_periods;
  int ngroups = m->nsegments - m->nown_segments, entered = 0, seen = 0;
  CHECK(ngroups > 10 && m->ntape_buckets > 2);
  for (int t = 0; t <= m->periods; t++) {
    /* at risk: the buckets' lists laid end to end */
    int k = p->live_at[t];
    for (int b = 0; b < m->ntape_buckets; b++)
      for (int j = m->tape_buckets[b].live_at[t]; j < m->tape_buckets[b].live_at[t + 1]; j++, k++)
        CHECK_EQ_INT(m->tape_groups[p->live[k]].segment, m->tape_buckets[b].live[j]);
    CHECK_EQ_INT(k, p->live_at[t + 1]);
    if (t == 0) continue;
    /* originate's walk: the own segments, then the groups lent now, against all segments */
    int n = m->nown_segments + p->enter_at[t + 1] - p->enter_at[t], j = m->nown_segments;
    for (int s = m->nown_segments; s < m->nsegments; s++) {
      const ps_segment *seg = &m->segments[s];
      if (t < seg->first || t > seg->last) continue; /* as originate skips it */
      while (j < n && m->tape_groups[p->enter[p->enter_at[t] + j - m->nown_segments]].segment != s) {
        CHECK(m->segments[m->tape_groups[p->enter[p->enter_at[t] + j - m->nown_segments]].segment].first <= 0);
        j++; /* a seasoned group comes at risk in period 1 but is not originated */
      }
      CHECK(j < n);
      j++;
      entered++;
    }
    for (; j < n; j++) CHECK(m->segments[m->tape_groups[p->enter[p->enter_at[t] + j - m->nown_segments]].segment].first <= 0);
    for (int i = p->enter_at[t]; i + 1 < p->enter_at[t + 1]; i++) CHECK(p->enter[i] < p->enter[i + 1]);
    /* leaving: whose last period at risk was t - 1 */
    int nleave = 0;
    for (int g = 0; g < ngroups; g++) nleave += m->tape_groups[g].first + m->tape_groups[g].tenor == t;
    CHECK_EQ_INT(p->leave_at[t + 1] - p->leave_at[t], nleave);
    for (int i = p->leave_at[t]; i < p->leave_at[t + 1]; i++)
      CHECK_EQ_INT(m->tape_groups[p->leave[i]].first + m->tape_groups[p->leave[i]].tenor, t);
    seen += p->enter_at[t + 1] - p->enter_at[t];
  }
  CHECK(entered > 0);
  CHECK_EQ_INT(seen, ngroups); /* every group comes at risk once */
  for (int b = 0; b < m->ntape_buckets; b++) /* each group in one bucket, at its place */
    for (int j = 0; j < m->tape_buckets[b].ngroups; j++) {
      CHECK_EQ_INT(m->tape_groups[m->tape_buckets[b].groups[j]].bucket, b);
      CHECK_EQ_INT(m->tape_groups[m->tape_buckets[b].groups[j]].slot, j);
    }
}

/* 2: the book the flows summed for period T + 1 from the running sums (sim/tape_book.h), against the
** walk in the book's order: the fixed-point sum of the groups' constants exactly, and the walk's
** doubles within the fixed point's rounding (2^-17 fen a loan) */
static void next_book(const ps_path *w, const ps_model *m) {
  int T = m->periods, checked = 0;
  CHECK_EQ_INT(w->tape_next_for, T + 1);
  CHECK(w->tape_fix != NULL);
  for (int k = 0; w->tape_fix && k < m->nprogrammes; k++) {
    double sum = 0, loans = 0;
    int64_t fixed = 0;
    for (int j = m->tape_periods.live_at[T]; j < m->tape_periods.live_at[T + 1]; j++) {
      int gi = m->tape_periods.live[j];
      const ps_tape_group *g = &m->tape_groups[gi];
      if (g->programme != k || g->first + g->tenor == T + 1) continue;
      double n = (double)w->alive[g->segment][g->first];
      loans += n;
      fixed += w->alive[g->segment][g->first] * (w->tape_fix[4 * gi] - (int64_t)(T + 1) * w->tape_fix[4 * gi + 1]);
      if (g->amortizing) n *= (double)(g->tenor - (T + 1 - g->first)) / (double)g->tenor;
      sum += n * g->mean_fen;
    }
    CHECK(w->progs[k].tape_next == (double)fixed / PS_TAPE_BOOK_ONE);
    CHECK(fabs(w->progs[k].tape_next - sum) <= loans * 0x1p-17 + 1e-12 * sum);
    checked += sum > 0;
  }
  CHECK(checked > 0);
}

/* 2 and 3 on one variant of the scenario */
static void paths(const ps_override *sets, int nsets, int corrupt) {
  ps_model m;
  if (load(sets, nsets, &m)) return;
  if (nsets == 0) lists(&m);
  ps_path *w = ps_path_new(&m, NULL, 1);
  CHECK(w != NULL);
  char err[1024];
  for (long i = 0; w && i < 40; i++) {
    int rc = ps_path_run(w, 17, i, NULL, NULL, err, sizeof err);
    if (rc) fprintf(stderr, "%s\n", err);
    CHECK_EQ_INT(rc, PS_OK);
    CHECK_EQ_INT(ps_tape_check(w), 1);
    next_book(w, &m);
  }
  if (w && corrupt) { /* 3: each wrong number is seen */
    w->tape_at_risk[0]++;
    CHECK_EQ_INT(ps_tape_check(w), 0);
    w->tape_at_risk[0]--;
    int64_t *node = &w->tape_tree[m.tape_buckets[0].tree_at + 1];
    (*node)++;
    CHECK_EQ_INT(ps_tape_check(w), 0);
    (*node)--;
    CHECK_EQ_INT(ps_tape_check(w), 1);
    w->tape_book_bad = 1;
    CHECK_EQ_INT(ps_tape_check(w), 0);
  }
  ps_path_free(w);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  paths(NULL, 0, 1);
  ps_override amortizing[] = {{"segments.tpl_a.repayment", "amortizing"}, {"segments.tpl_b.repayment", "amortizing"}};
  paths(amortizing, 2, 0);
  ps_override own[] = {{"segments.tpl_a.new_loans", "20"}, {"segments.tpl_a.pd", "0.05"},
                       {"segments.tpl_b.repayment", "amortizing"}};
  paths(own, 3, 0);
  return check_summary("test_tape_periods");
}
