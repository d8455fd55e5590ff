/* test_flows_sums.c — an amortizing segment's book from running sums (path_state.h alive_w,
** ps_path_amortizing_book), which the flows (flows.c) and the book (rules.c) read instead of a loop over
** the cohorts, against that loop, kept here as the reference. Each scenario is cut at several horizons
** T (the model's periods set to T), and after every path, at T:
**   1. alive_w of every segment is the sum over its cohorts at risk of alive[c] (tenor + c), exactly;
**   2. an amortizing segment's book, sum over its cohorts of alive[c] (tenor - (T - c)) / tenor, is the
**      exact integer numerator divided once (correctly rounded), and is within the rounding of the loop
**      the engine used to add it with (one rounding a term and a sum: 2 n 2^-53 of the book, n cohorts):
**      the loop's figure and the running sums' differ in the last bits at most.
** Scenarios: Mianyang 2022 (an amortizing segment of tenor 24 next to bullets, a government's interest
** subsidy: alive_year kept too), portfolio_2400 (amortizing, tenor 12), small (amortizing and bullet),
** parties_subsidy (amortizing with interest subsidies capped, at repayment, fee and premium subsidies),
** and Mianyang today (amortizing tape groups, whose one cohort the flows take as it is). Horizons cut
** each while loans of every age are at risk, and past the end of lending. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "sim/path.h"
#include "sim/path_state.h"

static long books; /* amortizing books compared, over all scenarios */

/* after a path cut at T: the running sums of w against the cohorts */
static void compare(const ps_path *w, int T) {
  const ps_model *m = w->m;
  int nown = m->ntape_buckets ? m->nown_segments : m->nsegments;
  for (int s = 0; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    int lo = T - seg->tenor + 1 > seg->first ? T - seg->tenor + 1 : seg->first, hi = T < seg->last ? T : seg->last;
    int64_t weighted = 0, owed = 0;
    double loop = 0; /* as flows.c and rules.c added it: each cohort times its share outstanding */
    for (int c = lo; c <= hi; c++) {
      weighted += w->alive[s][c] * (int64_t)(seg->tenor + c);
      owed += w->alive[s][c] * (int64_t)(seg->tenor - (T - c));
      loop += (double)w->alive[s][c] * ((double)(seg->tenor - (T - c)) / (double)seg->tenor);
    }
    CHECK_EQ_INT(w->alive_w[s], weighted);
    if (!seg->amortizing || s >= nown) continue;
    double book = ps_path_amortizing_book(w, s, T);
    CHECK(book == (double)owed / (double)seg->tenor);
    CHECK_NEAR(book, loop, 2.0 * (hi - lo + 1) * ldexp(book, -53));
    books += owed != 0;
  }
}

/* the first `paths` paths of file cut at each horizon of cuts[] */
static void sums(const char *file, const int *cuts, int ncuts, long paths) {
  for (int i = 0; i < ncuts; i++) {
    ps_model m;
    char err[1024];
    if (!load_scenario(file, &m)) return;
    CHECK(cuts[i] <= m.periods);
    if (cuts[i] > m.periods) {
      ps_model_destroy(&m);
      return;
    }
    m.periods = cuts[i]; /* the horizon cut: every array the path keeps is sized from it */
    ps_path *w = ps_path_new(&m, NULL, 1);
    CHECK(w != NULL && w->alive_w != NULL);
    for (long p = 0; w && w->alive_w && p < paths; p++) {
      int rc = ps_path_run(w, m.seed, p, NULL, NULL, err, sizeof err);
      if (rc) fprintf(stderr, "%s: %s\n", file, err);
      CHECK_EQ_INT(rc, PS_OK);
      compare(w, cuts[i]);
    }
    ps_path_free(w);
    ps_model_destroy(&m);
  }
}

int main(void) {
  gsl_set_error_handler_off();
  static const int mianyang[] = {1, 7, 24, 25, 37, 50, 59}, twelve[] = {1, 6, 12, 13, 20, 24}, years[] = {1, 2, 3, 4},
                   today[] = {1, 5, 13, 30};
  sums("scenarios/mianyang_2022.lua", mianyang, 7, 40);
  sums("bench/portfolio_2400.lua", twelve, 6, 20);
  sums("tests/scenarios/small.lua", twelve, 6, 60);
  sums("tests/scenarios/parties_subsidy.lua", years, 4, 40);
  sums("scenarios/mianyang_2022_today.lua", today, 4, 10);
  CHECK(books > 500);
  printf("%ld amortizing books compared\n", books);
  return check_summary("test_flows_sums");
}
