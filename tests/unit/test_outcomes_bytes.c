/* test_outcomes_bytes.c — ps_outcomes_bytes is what ps_outcomes_init takes (its one block, to the
** byte), with and without the arrays a model cannot make non-zero (sim/outcomes.h, "Arrays not
** kept"); every array ps_outcomes_arrays describes lies in that block, without overlap; a run
** whose arrays are not kept reports for them the statistics of zeros; and the tail of the Euler
** parts of the ES (stats/results.c) is the last paths by (net outlay, path), ties included. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "load_scenario.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"
#include "stats/exact_sum.h"
#include "stats/results.h"

/* which optional arrays a scenario keeps (1) or not (0), and how many budget kinds */
typedef struct {
  const char *file;
  int topups, returned, paused, refused, stopped, declined, by_segment, nbudget;
  double per_path; /* bytes a path beyond the bands, by hand from the layout; 0: not checked */
} expect;

static int by_address(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const ps_outcomes_array *)a)->data, y = (uintptr_t)((const ps_outcomes_array *)b)->data;
  return (x > y) - (x < y);
}

/* the block of o: the arrays described are in it, in order, none overlapping the next */
static void check_block(const ps_model *m, const ps_outcomes *o) {
  ps_outcomes_array a[PS_OUTCOMES_MAX_ARRAYS];
  int n = ps_outcomes_arrays(o, m, a), k = 0;
  for (int j = 0; j < n; j++)
    if (a[j].items > 0) a[k++] = a[j]; /* not kept (or no items): nothing to place */
  qsort(a, (size_t)k, sizeof *a, by_address);
  const char *lo = o->block, *hi = lo + o->block_bytes;
  for (int j = 0; j < k; j++) {
    size_t bytes = (size_t)a[j].items * (size_t)(a[j].band ? o->band_paths : o->paths) * a[j].inner * a[j].size;
    const char *p = a[j].data;
    CHECK(p >= lo && p + bytes <= hi);
    CHECK((uintptr_t)p % 64 == 0);
    if (j + 1 < k) CHECK(p + bytes <= (const char *)a[j + 1].data);
  }
}

static void check_scenario(const expect *e) {
  ps_model m;
  if (!load_scenario(e->file, &m)) return;
  long sizes[] = {1, 999, 100000, 250000};
  for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
    ps_outcomes o;
    CHECK_EQ_INT(ps_outcomes_init(&o, &m, sizes[s], 0), PS_OK);
    CHECK_NEAR(ps_outcomes_bytes(&m, sizes[s]), (double)o.block_bytes, 0);
    CHECK_EQ_INT(o.topups != NULL, e->topups);
    CHECK_EQ_INT(o.returned != NULL, e->returned);
    CHECK_EQ_INT(o.paused != NULL, e->paused);
    CHECK_EQ_INT(o.refused != NULL, e->refused);
    CHECK_EQ_INT(o.stopped != NULL, e->stopped);
    CHECK_EQ_INT(o.declined != NULL, e->declined);
    CHECK_EQ_INT(o.outlay_by_segment != NULL, e->by_segment);
    CHECK_EQ_INT(o.nbudget, e->nbudget);
    int kept = 0;
    for (int k = 0; k < PS_NBUDGET; k++) kept += o.budget_kind[k] >= 0;
    CHECK_EQ_INT(kept, o.nbudget);
    CHECK(o.budget_kind[PS_BUDGET_FUNDING] == 0 && o.budget_kind[PS_BUDGET_COMPENSATION] == 1);
    check_block(&m, &o);
    ps_outcomes_destroy(&o);
    CHECK(o.block == NULL);
  }
  /* past the bands (PS_BAND_PATHS), each path adds the same bytes (all sizes multiples of 64 here) */
  if (e->per_path > 0) CHECK_NEAR((ps_outcomes_bytes(&m, 400000) - ps_outcomes_bytes(&m, 200000)) / 200000, e->per_path, 0);
  ps_model_destroy(&m);
}

/* a run of B1, which keeps none of the optional arrays: their statistics are zeros, and the budget
** kinds no programme pays 0 on every path, as the paths would have left them */
static void check_zero_statistics(void) {
  ps_model m;
  char err[1024];
  if (!load_scenario("bench/b1.lua", &m)) return;
  ps_outcomes o;
  ps_results *r = NULL;
  ps_run_options ro = {.paths = 300, .seed = 3, .threads = 2};
  CHECK_EQ_INT(ps_simulate(&m, &ro, &o, err, sizeof err), PS_OK);
  CHECK_EQ_INT(ps_results_new(&m, &o, NULL, 2, &r), PS_OK);
  if (r) {
    const ps_stats *zero[] = {&r->pools[0].topups, &r->pools[0].returned, &r->programmes[0].paused,
                              &r->programmes[0].refused};
    for (size_t k = 0; k < sizeof zero / sizeof *zero; k++)
      CHECK(zero[k]->mean == 0 && zero[k]->sd == 0 && zero[k]->p999 == 0 && zero[k]->es99 == 0 && zero[k]->max == 0);
    const ps_stats *reward = &r->parties[0].budget[PS_BUDGET_LENDING_REWARD];
    /* a kind not kept is +0 on every path, as a kept kind in a year without it: never -0 (printed "-0") */
    CHECK(reward->mean == 0 && !signbit(reward->mean) && !signbit(reward->p50) && !signbit(reward->max));
    CHECK(r->pools[0].paid.mean > 0); /* the run paid claims: the zeros above are not a run of nothing */
    /* the one programme's and the one segment slot's parts of the ES are both the pool's */
    CHECK_NEAR(r->pools[0].es95_by_segment[0], r->pools[0].es95_by_programme[0], 0);
    CHECK(r->pools[0].es95_by_programme[0] > 0);
    CHECK_NEAR(ps_budget_at(&o, 0, 5, 0, PS_BUDGET_FEE_SUBSIDY), 0, 0);
    CHECK(!signbit(ps_budget_at(&o, 0, 5, 0, PS_BUDGET_FEE_SUBSIDY)));
  }
  ps_results_free(r);
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
}

/* order (net outlay, path) ascending, as a sort of every path does */
typedef struct {
  double x;
  long path;
} ranked;

static int compare_ranked(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->x != y->x) return x->x < y->x ? -1 : 1;
  return (x->path > y->path) - (x->path < y->path);
}

/* the Euler parts of the ES over paths whose net outlays tie at the tail's edge: the tail is the
** last paths of a full sort by (net outlay, path) */
static void check_tail_ties(void) {
  ps_model m;
  if (!load_scenario("bench/b1.lua", &m)) return;
  enum { N = 1000 };
  ps_outcomes o;
  CHECK_EQ_INT(ps_outcomes_init(&o, &m, N, 0), PS_OK);
  static ranked all[N];
  for (long i = 0; i < N; i++) {
    o.paid[i] = (double)(i % 7) * 10; /* 142 paths at the largest, 60: more than the 50 of the tail */
    o.recovered[i] = i % 3 == 0 ? 0.5 : 0;
    o.outlay_by_programme[i] = 1.0 / (double)(i + 3); /* each path's own: a wrong tie shows */
    all[i] = (ranked){o.paid[i] - o.recovered[i], i};
  }
  qsort(all, N, sizeof *all, compare_ranked);
  ps_results *r = NULL;
  CHECK_EQ_INT(ps_results_new(&m, &o, NULL, 1, &r), PS_OK);
  ps_exact_sum s95, s99; /* the stage sums exactly (stats/exact_sum.h): in any order, the same bits */
  ps_exact_init(&s95);
  ps_exact_init(&s99);
  for (int j = N - 50; j < N; j++) ps_exact_add(&s95, o.outlay_by_programme[all[j].path]);
  for (int j = N - 10; j < N; j++) ps_exact_add(&s99, o.outlay_by_programme[all[j].path]);
  double want95 = ps_exact_value(&s95), want99 = ps_exact_value(&s99);
  if (r) {
    CHECK_NEAR(r->pools[0].es95_by_programme[0], want95 / 50, 0);
    CHECK_NEAR(r->pools[0].es99_by_programme[0], want99 / 10, 0);
    CHECK_NEAR(r->pools[0].es99_by_segment[0], want99 / 10, 0);
  }
  ps_results_free(r);
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
}

/* the bands' default paths: 100 000, fewer where pools × periods would keep more than
** PS_BAND_VALUES balances, never fewer than PS_BAND_PATHS_MIN */
static void check_band_paths(const char *file, const char *periods, long want) {
  ps_model m;
  ps_override set = {"periods", periods};
  if (!load_scenario_with(file, periods ? &set : NULL, periods ? 1 : 0, &m)) return;
  CHECK_EQ_INT(ps_band_paths(&m), want);
  ps_outcomes o;
  CHECK_EQ_INT(ps_outcomes_init(&o, &m, 150000, 0), PS_OK);
  CHECK_EQ_INT(o.band_paths, want);
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  check_band_paths("bench/b1.lua", NULL, 100000);                        /* 36 periods, one pool */
  check_band_paths("scenarios/mianyang_2022.lua", NULL, 100000);         /* 72: exactly PS_BAND_VALUES */
  check_band_paths("bench/b1.lua", "360", 20000);                        /* 7 200 000 / 360 */
  check_band_paths("tests/scenarios/periods_tail.lua", NULL, 15000);     /* two pools of 240 periods */
  check_band_paths("bench/b1.lua", "1200", PS_BAND_PATHS_MIN);           /* 6 000, raised to the least */
  static const expect cases[] = {
      /* B1: 6 pool doubles + depletion + the programme's outlay (60), 4 programme doubles (32), two
      ** parties' 4 doubles + breached (72), their 3 years (48), funding and compensation for 3
      ** years (48), cost and subsidy rate (16), 4 cohorts' cost and volume (64) */
      {"bench/b1.lua", 0, 0, 0, 0, 0, 0, 0, 2, 340},
      /* top-ups, refills and a hook; a pool that winds down; pause triggers; four programmes; every
      ** subsidy but no lending reward */
      {"tests/scenarios/all_rules.lua", 1, 1, 1, 1, 1, 1, 1, 5, 0},
      {"tests/scenarios/cost_hand.lua", 0, 0, 0, 0, 0, 0, 1, 4, 0}, /* interest subsidy and lending reward */
      {"tests/scenarios/rules_wind_down.lua", 0, 1, 0, 0, 0, 0, 1, 2, 0},
      /* a guarantor's leverage limit, seven segment slots, an interest subsidy */
      {"scenarios/mianyang_2022.lua", 0, 0, 0, 0, 0, 1, 1, 3, 0},
      {"tests/scenarios/capacity.lua", 0, 0, 0, 0, 0, 1, 1, 2, 0}, /* a programme's leverage */
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) check_scenario(&cases[k]);
  check_zero_statistics();
  check_tail_ties();
  printf("test_outcomes_bytes: %d passed, %d failed\n", check_passed, check_failed);
  return check_failed > 0;
}
