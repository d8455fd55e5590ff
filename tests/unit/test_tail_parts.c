/* test_tail_parts.c — the Euler parts of a pool's ES (results.c, tail_means: the top m paths found by
** selection, not by a sort) against the definition computed here: the paths sorted by (net outlay,
** path index), the last m = round(n(1 - q)) of them, each programme's and segment slot's outlay summed
** exactly over them, over m. On the flagship's outcomes, then with many paths tied at the ES's
** threshold (their parts made different, so that which of them count shows), and with most paths at
** zero net outlay, half of them -0.0; and under tail sampling (results.c, weighted_tails: the paths
** sorted stably with their indices) against the definition on the paths sorted by qsort. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "sim/montecarlo.h"
#include "splitmix.h"
#include "stats/exact_sum.h"
#include "stats/results.h"

typedef struct {
  double x;
  long path;
} ranked;

static int by_outlay(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->x != y->x) return x->x < y->x ? -1 : 1;
  return (x->path > y->path) - (x->path < y->path);
}

/* want[0..G) and want[G..G+D): the parts by the definition, of pool p at level q */
static void parts_by_sort(const ps_model *m, const ps_outcomes *o, int p, double q, double *want) {
  size_t n = (size_t)o->paths, G = (size_t)m->nprogrammes, D = (size_t)m->ndrivers, base = ps_slot(o, p, 0);
  const double *by_slot = o->outlay_by_segment ? o->outlay_by_segment : o->outlay_by_programme;
  ranked *r = malloc(n * sizeof *r);
  ps_exact_sum *sums = malloc((G + D) * sizeof *sums);
  if (!r || !sums) {
    CHECK(0);
    free(r);
    free(sums);
    return;
  }
  for (size_t i = 0; i < n; i++) r[i] = (ranked){o->paid[base + i] - o->recovered[base + i], (long)i};
  qsort(r, n, sizeof *r, by_outlay);
  size_t tail = (size_t)llround((double)n * (1 - q));
  for (size_t g = 0; g < G + D; g++) ps_exact_init(&sums[g]);
  for (size_t j = n - tail; j < n; j++) {
    size_t k = base + (size_t)r[j].path;
    for (size_t g = 0; g < G; g++) ps_exact_add(&sums[g], o->outlay_by_programme[k * G + g]);
    for (size_t d = 0; d < D; d++) ps_exact_add(&sums[G + d], by_slot[k * D + d]);
  }
  for (size_t g = 0; g < G + D; g++) want[g] = ps_exact_value(&sums[g]) / (double)tail;
  free(r);
  free(sums);
}

/* parts_by_sort under tail sampling: down the sorted paths to weight n(1 - q), the weight taken rounded
** after each, the last path taken in part, each outlay times the weight taken summed exactly, over it */
static void weighted_parts_by_sort(const ps_model *m, const ps_outcomes *o, int p, double q, double *want) {
  size_t n = (size_t)o->paths, G = (size_t)m->nprogrammes, D = (size_t)m->ndrivers, base = ps_slot(o, p, 0);
  const double *by_slot = o->outlay_by_segment ? o->outlay_by_segment : o->outlay_by_programme;
  ranked *r = malloc(n * sizeof *r);
  ps_exact_sum *sums = malloc((G + D + 1) * sizeof *sums);
  if (!r || !sums) {
    CHECK(0);
    free(r);
    free(sums);
    return;
  }
  for (size_t i = 0; i < n; i++) r[i] = (ranked){o->paid[base + i] - o->recovered[base + i], (long)i};
  qsort(r, n, sizeof *r, by_outlay);
  for (size_t g = 0; g < G + D + 1; g++) ps_exact_init(&sums[g]);
  double target = (double)n * (1 - q), taken = 0;
  for (size_t j = n; j > 0 && (taken < target || taken == 0); j--) {
    double w = o->weight[r[j - 1].path];
    if (taken > 0 && taken + w > target) w = target - taken;
    size_t k = base + (size_t)r[j - 1].path;
    for (size_t g = 0; g < G; g++) ps_exact_add(&sums[g], w * o->outlay_by_programme[k * G + g]);
    for (size_t d = 0; d < D; d++) ps_exact_add(&sums[G + d], w * by_slot[k * D + d]);
    ps_exact_add(&sums[G + D], w);
    taken = ps_exact_value(&sums[G + D]);
  }
  for (size_t g = 0; g < G + D; g++) want[g] = taken > 0 ? ps_exact_value(&sums[g]) / taken : 0;
  free(r);
  free(sums);
}

/* the results' parts of every pool at both levels are the definition's, bit for bit */
static void check_parts(const ps_model *m, const ps_outcomes *o, const char *what) {
  ps_results *r;
  size_t G = (size_t)m->nprogrammes, D = (size_t)m->ndrivers;
  double *want = malloc((G + D) * sizeof *want);
  CHECK(want != NULL);
  if (!want || ps_results_new(m, o, NULL, 2, &r)) {
    CHECK(0);
    free(want);
    return;
  }
  int differ = 0;
  for (int p = 0; p < m->npools; p++)
    for (int level = 0; level < 2; level++) {
      if (o->weight) weighted_parts_by_sort(m, o, p, level ? 0.99 : 0.95, want);
      else parts_by_sort(m, o, p, level ? 0.99 : 0.95, want);
      const ps_pool_result *pr = &r->pools[p];
      const double *gp = level ? pr->es99_by_programme : pr->es95_by_programme;
      const double *dp = level ? pr->es99_by_segment : pr->es95_by_segment;
      for (size_t g = 0; g < G; g++) differ += !same_bits(gp[g], want[g]);
      for (size_t d = 0; d < D; d++) differ += !same_bits(dp[d], want[G + d]);
    }
  if (differ) fprintf(stderr, "  %s: %d parts differ\n", what, differ);
  CHECK_EQ_INT(differ, 0);
  ps_results_free(r);
  free(want);
}

/* new, different parts for path i of pool p */
static void scramble_parts(const ps_model *m, ps_outcomes *o, int p, size_t i, uint64_t *st) {
  size_t G = (size_t)m->nprogrammes, D = (size_t)m->ndrivers, k = ps_slot(o, p, (long)i);
  for (size_t g = 0; g < G; g++) o->outlay_by_programme[k * G + g] = floor(uniform(st) * 1e9) / 100;
  for (size_t d = 0; o->outlay_by_segment && d < D; d++)
    o->outlay_by_segment[k * D + d] = floor(uniform(st) * 1e9) / 100;
}

/* `count` paths of pool 0 spread over the run made to have the net outlay of the path at `rank` (the
** same paid and recovered, so the same difference), with parts of their own */
static void tie_at(const ps_model *m, ps_outcomes *o, size_t rank, size_t count, uint64_t *st) {
  size_t n = (size_t)o->paths, base = ps_slot(o, 0, 0);
  ranked *r = malloc(n * sizeof *r);
  if (!r) {
    CHECK(0);
    return;
  }
  for (size_t i = 0; i < n; i++) r[i] = (ranked){o->paid[base + i] - o->recovered[base + i], (long)i};
  qsort(r, n, sizeof *r, by_outlay);
  size_t at = base + (size_t)r[rank].path;
  for (size_t j = 0; j < count; j++) {
    size_t i = (j * 7919 + 13 * count) % n;
    o->paid[base + i] = o->paid[at];
    o->recovered[base + i] = o->recovered[at];
    scramble_parts(m, o, 0, i, st);
  }
  free(r);
}

/* the flagship's 600 paths, plain (weighted 0) or under tail sampling (1), their parts checked as
** simulated, with ties at the thresholds, and with zeros of both signs */
static void run(int weighted) {
  ps_model m;
  if (!load_scenario("scenarios/mianyang_2022.lua", &m)) return;
  if (weighted) m.sampling = PS_SAMPLING_IMPORTANCE;
  char err[1024];
  ps_outcomes o;
  ps_run_options opt = {.paths = 600, .seed = m.seed, .threads = 2};
  if (ps_simulate(&m, &opt, &o, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    ps_model_destroy(&m);
    return;
  }
  CHECK(m.nprogrammes > 1);
  CHECK((o.weight != NULL) == weighted);
  check_parts(&m, &o, "as simulated");
  uint64_t st = 99;
  size_t n = (size_t)o.paths, base = ps_slot(&o, 0, 0);
  /* paths tied with the ones at ranks 570 and 594 (0-based; ES95 and ES99 take the top 30 and 6): the
  ** later ones among them count */
  tie_at(&m, &o, 570, 40, &st);
  tie_at(&m, &o, 594, 9, &st);
  check_parts(&m, &o, "tied at the threshold");
  /* all but 12 paths at zero net outlay, half of those -0.0 (0.0 - 0.0 is 0.0; -0.0 - 0.0 is -0.0) */
  for (size_t i = 0; i < n; i++) {
    if (i % 50 == 7) continue;
    o.paid[base + i] = i % 2 ? -0.0 : 0.0;
    o.recovered[base + i] = 0.0;
    scramble_parts(&m, &o, 0, i, &st);
  }
  check_parts(&m, &o, "zeros of both signs");
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
}

int main(void) {
  run(0);
  run(1);
  return check_summary("test_tail_parts");
}
