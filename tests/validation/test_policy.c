/* test_policy.c — kind = "policy" segments and schemes without a pool (SPEC 2.3b;
** docs/model.md "Insurance policies", docs/rules.md), against hand-computed
** ledgers and a closed form:
**  1. a scheme with no pool and no bank (policy_nopool.lua): its posting log and
**     its budget by fiscal year and kind, to the fen;
**  2. a premium subsidy is exact to the fen whatever the claims (policy_subsidy.lua,
**     200 paths with random, correlated claims and a co-paying pool);
**  3. the insurer's loss ratio, claims paid / premiums earned pro rata over the
**     term (policy_loss_ratio.lua);
**  4. expected claims = n pd E[severity] cover (policy_claims.lua), within 5
**     standard errors of the compound binomial, computed here. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "scenario/scenario.h"
#include "sim/outcomes.h"
#include "sim/path.h"
#include "sim/path_state.h"

#define Y(fen) ((double)(fen) / 100.0) /* fen -> yuan */

typedef struct {
  ps_model m;
  ps_path *w;
  ps_outcomes o;
  int ok;
} run_t;

/* load a scenario and make room for `paths` paths (audit on: the posting log) */
static int open_run(const char *file, long paths, run_t *r) {
  char err[1024];
  memset(r, 0, sizeof *r);
  int rc = ps_scenario_load(file, NULL, 0, &r->m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s: %s\n", file, err);
    return 0;
  }
  r->w = ps_path_new(&r->m, NULL, 1);
  int ok = r->w && ps_outcomes_init(&r->o, &r->m, paths, 0) == 0;
  CHECK(ok);
  return r->ok = ok;
}

static int run_path(run_t *r, long index) {
  char err[1024];
  int rc = ps_path_run(r->w, r->m.seed, index, NULL, &r->o, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) fprintf(stderr, "%s: %s\n", r->m.file, err);
  return rc == PS_OK;
}

static void close_run(run_t *r) {
  if (r->ok) ps_outcomes_destroy(&r->o);
  ps_path_free(r->w);
  ps_model_destroy(&r->m);
}

/* a government's budget of one kind in fiscal year `year` (1-based) of path `path`, yuan */
static double budget(const run_t *r, int party, long path, int year, int kind) {
  return ps_budget_at(&r->o, r->o.budget_slot[party], path, year - 1, kind);
}

/* 1. Accounts: city 0, picc 1, firms 2 (no pool), outside 3. Each of years 1 and 2:
**    10 policies pay 10 x 0.03 x 100万 x 1 year = 30万 = 30 000 000 fen to picc; the city
**    pays the firms 80% = 24 000 000 fen; all 10 claim (pd = 1), each 0.5 x 100万 - 10万 =
**    40万, 400 000 000 fen from picc to the firms. No recovery, no principal. Year 3: none. */
static void test_nopool(void) {
  run_t r;
  if (!open_run("tests/scenarios/policy_nopool.lua", 1, &r)) return close_run(&r);
  CHECK_EQ_INT(r.m.npools, 0);
  if (!run_path(&r, 0)) return close_run(&r);
  const ps_posting want[] = {
      {1, 2, 1, 30000000, PS_KIND_PREMIUM},   {1, 0, 2, 24000000, PS_KIND_PREMIUM_SUBSIDY},
      {1, 1, 2, 400000000, PS_KIND_COMPENSATION}, {2, 2, 1, 30000000, PS_KIND_PREMIUM},
      {2, 0, 2, 24000000, PS_KIND_PREMIUM_SUBSIDY}, {2, 1, 2, 400000000, PS_KIND_COMPENSATION},
  };
  const ps_ledger *l = ps_path_ledger(r.w);
  size_t n = sizeof want / sizeof *want;
  CHECK_EQ_INT(l->nlog, n);
  for (size_t i = 0; i < n && i < l->nlog; i++) {
    const ps_posting *g = &l->log[i];
    int same = g->period == want[i].period && g->from == want[i].from && g->to == want[i].to &&
               g->amount == want[i].amount && g->kind == want[i].kind;
    CHECK(same);
    if (!same)
      fprintf(stderr, "nopool posting %zu: (%d, %d->%d, %lld, %s)\n", i, g->period, g->from, g->to,
              (long long)g->amount, ps_kind_name(g->kind));
  }
  CHECK_EQ_INT(ps_ledger_check_balanced(l), 0);
  /* the budget view: the city's premium subsidy by fiscal year, nothing else */
  const double by_year[] = {240000, 240000, 0};
  for (int y = 1; y <= 3; y++) {
    CHECK_NEAR(budget(&r, 0, 0, y, PS_BUDGET_PREMIUM_SUBSIDY), by_year[y - 1], 1e-9);
    CHECK_NEAR(budget(&r, 0, 0, y, PS_BUDGET_COMPENSATION), 0, 1e-9);
    CHECK_NEAR(budget(&r, 0, 0, y, PS_BUDGET_FUNDING), 0, 1e-9);
    CHECK_NEAR(r.o.net_by_year[(size_t)y - 1], -by_year[y - 1], 1e-9);
  }
  /* picc: claims 800万 over premiums earned 60万 (each year's, in full within the year) */
  CHECK_NEAR(r.o.ratio[ps_slot(&r.o, 1, 0)], 8e6 / 6e5, 1e-12);
  CHECK_NEAR(r.o.losses[ps_slot(&r.o, 1, 0)], 8e6, 1e-9);
  CHECK_NEAR(r.o.defaults[0], 20, 0);
  close_run(&r);
}

/* 2. One policy's premium: 0.0317 x 123456789 fen x 3 quarters x 0.25 = 2935185.158 -> 2935185
**    fen; 7 a quarter: 20546295 fen; the city's 80%: 16437036 fen a quarter in quarters 1..4 of
**    fiscal year 1, 65748144 fen in all, in every path. */
static void test_subsidy(void) {
  run_t r;
  const long paths = 200;
  if (!open_run("tests/scenarios/policy_subsidy.lua", paths, &r)) return close_run(&r);
  int64_t exact = 0;
  long claimed = 0;
  for (long i = 0; i < paths; i++) {
    if (!run_path(&r, i)) break;
    const ps_ledger *l = ps_path_ledger(r.w);
    exact += ps_ledger_net(l, 0, PS_KIND_PREMIUM_SUBSIDY) == -65748144 &&
             ps_ledger_net(l, 1, PS_KIND_PREMIUM) == 4 * 20546295;
    claimed += r.o.defaults[i] > 0;
    for (size_t k = 0; k < l->nlog; k++)
      if (l->log[k].kind == PS_KIND_PREMIUM_SUBSIDY) exact -= l->log[k].amount != 16437036;
    CHECK_NEAR(budget(&r, 0, i, 1, PS_BUDGET_PREMIUM_SUBSIDY), Y(65748144), 1e-6);
    CHECK_NEAR(budget(&r, 0, i, 2, PS_BUDGET_PREMIUM_SUBSIDY), 0, 1e-9);
  }
  CHECK_EQ_INT(exact, paths);
  CHECK(claimed > paths / 2); /* the claims vary from path to path; the subsidy does not */
  close_run(&r);
}

/* 3. Accounts: city 0, ins 1, fund 2, firms 3, outside 4. Premiums 4 x 5万 = 20 000 000 fen at
**    issue; earned 5 000 000 a quarter (floor(20 000 000 k / 4)), 10 000 000 by the end of quarter 2.
**    4 claims of 15万 in quarter 1: ins pays 4 x 9万 = 36 000 000 fen, the pool 4 x 6万. */
static void test_loss_ratio(void) {
  run_t r;
  if (!open_run("tests/scenarios/policy_loss_ratio.lua", 1, &r)) return close_run(&r);
  if (!run_path(&r, 0)) return close_run(&r);
  const ps_ledger *l = ps_path_ledger(r.w);
  CHECK_EQ_INT(ps_ledger_net(l, 1, PS_KIND_PREMIUM), 20000000);
  CHECK_EQ_INT(ps_ledger_net(l, 1, PS_KIND_COMPENSATION), -36000000);
  CHECK_EQ_INT(ps_ledger_net(l, 2, PS_KIND_COMPENSATION), -24000000);
  CHECK_EQ_INT(ps_ledger_net(l, 3, PS_KIND_COMPENSATION), 60000000);
  CHECK_EQ_INT(ps_ledger_net(l, 3, PS_KIND_PRINCIPAL_LOSS) + ps_ledger_net(l, 3, PS_KIND_RECOVERY), 0);
  CHECK_NEAR(r.o.ratio[ps_slot(&r.o, 1, 0)], 36000000.0 / 10000000.0, 1e-12);
  CHECK_NEAR(r.o.claims[0], 240000, 1e-9);
  CHECK_NEAR(r.o.paid[0], 240000, 1e-9);
  CHECK_NEAR(r.o.recovered[0], 0, 0);
  close_run(&r);
}

/* 4. N ~ Binomial(n, pd) claims of X = s c, s ~ beta(0.4, sd 0.2), c = 50万: E = n pd E[s] c and
**    Var = n pd (E[X^2] - pd E[X]^2) with E[X^2] = (sd^2 + mean^2) c^2. */
static void test_expected_claims(void) {
  run_t r;
  const long paths = 4000;
  if (!open_run("tests/scenarios/policy_claims.lua", paths, &r)) return close_run(&r);
  double sum = 0, sum_n = 0;
  for (long i = 0; i < paths; i++) {
    if (!run_path(&r, i)) break;
    sum += r.o.losses[ps_slot(&r.o, 1, i)];
    sum_n += r.o.defaults[i];
  }
  const double n = 1000, pd = 0.05, ms = 0.4, ss = 0.2, c = 5e5;
  double mean = n * pd * ms * c, ex2 = (ss * ss + ms * ms) * c * c;
  double se = sqrt(n * pd * (ex2 - pd * ms * ms * c * c) / (double)paths);
  CHECK_NEAR(sum / (double)paths, mean, 5 * se);
  CHECK_NEAR(sum_n / (double)paths, n * pd, 5 * sqrt(n * pd * (1 - pd) / (double)paths));
  close_run(&r);
}

int main(void) {
  test_nopool();
  test_subsidy();
  test_loss_ratio();
  test_expected_claims();
  return check_summary("test_policy");
}
