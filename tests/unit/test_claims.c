/* test_claims.c — runs of alike defaults (docs/model.md §6) change nothing but
** speed: every path of each scenario is simulated twice, with defaults kept as
** runs and with every default recorded on its own, and the two must post the
** same ledger (every account and kind, to the fen) and leave the same bytes in
** every outcome array. tests/scenarios/runs.lua meets every rule a run may
** meet and a fund that runs dry (so runs are split); the flagship and the other
** shipped scenarios are checked too. Then a split computed by hand
** (tests/scenarios/runs_split.lua), posting by posting. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "check_postings.h"
#include "sim/path_state.h"
#include "sim/policy.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"

/* one way of recording defaults: its workspace, hooks and outcomes */
typedef struct {
  ps_path *w;
  ps_policy *policy;
  ps_outcomes out;
  size_t records; /* over all paths */
} recorder;

static int recorder_init(recorder *r, const ps_model *m, long paths, int runs) {
  memset(r, 0, sizeof *r);
  r->w = ps_path_new(m, NULL, 1);
  if (!r->w || ps_outcomes_init(&r->out, m, paths, 0)) return -1;
  if (!runs) memset(r->w->batchable, 0, (size_t)m->nsegments);
  if (m->has_hooks && !(r->policy = ps_policy_new(m))) return -1;
  return 0;
}

static void recorder_free(recorder *r) {
  ps_outcomes_destroy(&r->out);
  ps_policy_free(r->policy);
  ps_path_free(r->w);
}

/* returns how many of the scenario's segments may record runs */
static int check_variant(const char *file, const ps_override *sets, int nsets, long paths) {
  ps_model m;
  char err[1024];
  if (!load_scenario_with(file, sets, nsets, &m)) return 0;
  int batchable = 0;
  for (int s = 0; s < m.nsegments; s++) batchable += ps_path_batchable(&m, s);
  recorder runs, single;
  int ok = recorder_init(&runs, &m, paths, 1) == 0 && recorder_init(&single, &m, paths, 0) == 0;
  CHECK(ok);
  long same_ledger = 0, depleted = 0;
  for (long i = 0; ok && i < paths; i++) {
    int a = ps_path_run(runs.w, m.seed, i, runs.policy, &runs.out, err, sizeof err);
    int b = ps_path_run(single.w, m.seed, i, single.policy, &single.out, err, sizeof err);
    if (a || b) {
      fprintf(stderr, "%s: path %ld: %s\n", file, i, err);
      CHECK(0);
      break;
    }
    const ps_ledger *x = ps_path_ledger(runs.w), *y = ps_path_ledger(single.w);
    same_ledger += memcmp(x->net, y->net, (size_t)x->naccounts * PS_NKINDS * sizeof *x->net) == 0;
    runs.records += runs.w->nrecords;
    single.records += single.w->nrecords;
    for (int p = 0; p < m.npools; p++) depleted += ps_path_depleted(runs.w, p);
  }
  CHECK_EQ_INT(same_ledger, paths);
  CHECK(same_outcomes(&m, &runs.out, &single.out));
  /* runs were recorded where they may be, and nowhere else */
  if (batchable) CHECK(runs.records < single.records);
  else CHECK_EQ_INT(runs.records, single.records);
  printf("%s%s%s: %d of %d segments record runs; %zu records for %zu defaults one by one; %ld pool-paths depleted\n",
         file, nsets ? " --set " : "", nsets ? sets[0].key : "", batchable, m.nsegments, runs.records,
         single.records, depleted);
  recorder_free(&runs);
  recorder_free(&single);
  ps_model_destroy(&m);
  return batchable;
}

static int check_scenario(const char *file, long paths) { return check_variant(file, NULL, 0, paths); }

enum { GOV, BANK, FUND };

/* the run of three is split: the first loan stays a run of one paid in full
** (50万), the second is paid 25万 from what is left, the third nothing */
static void check_hand_split(void) {
  static const ps_posting expected[] = {
      {0, GOV, FUND, 75000000, PS_KIND_INITIAL},
      {1, BANK, 3, 3 * 100000000LL, PS_KIND_PRINCIPAL_LOSS}, /* one posting for the run */
      {1, FUND, BANK, 50000000, PS_KIND_COMPENSATION},
      {1, FUND, BANK, 25000000, PS_KIND_COMPENSATION},
      /* recoveries of 50万 each, pro rata to paid: 50/100, 25/100, 0/100 */
      {2, 3, BANK, 50000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 25000000, PS_KIND_RECOVERY},
      {2, 3, BANK, 50000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 12500000, PS_KIND_RECOVERY},
      {2, 3, BANK, 50000000, PS_KIND_RECOVERY},
  };
  ps_model m;
  if (!load_scenario("tests/scenarios/runs_split.lua", &m)) return;
  CHECK(ps_path_batchable(&m, 0));
  ps_outcomes o;
  ps_path *w = run_logged_path(&m, &o);
  if (!w) {
    ps_outcomes_destroy(&o);
    ps_model_destroy(&m);
    return;
  }
  const ps_ledger *l = ps_path_ledger(w);
  check_postings(l, expected, sizeof expected / sizeof *expected);
  CHECK_NEAR(o.paid[0], 750000, 0);
  CHECK_NEAR(o.shortfall[0], 750000, 0);
  CHECK_NEAR(o.recovered[0], 375000, 0);
  CHECK_EQ_INT(o.depletion[0], 1);
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  CHECK(check_scenario("tests/scenarios/runs.lua", 300) > 0);
  /* a run split in the period its recovery comes in too (the split loans join
  ** that period's recoveries); a fund short from the start; one never short */
  const ps_override same_period[] = {{"programmes.main.recovery_lag", "3"}, {"programmes.zyb.recovery_lag", "1"}};
  const ps_override starved[] = {{"pools.fund.initial", "1e5"}};
  const ps_override ample[] = {{"pools.fund.initial", "1e10"}, {"pools.xol.initial", "1e10"}};
  CHECK(check_variant("tests/scenarios/runs.lua", same_period, 2, 300) > 0);
  CHECK(check_variant("tests/scenarios/runs.lua", starved, 1, 200) > 0);
  CHECK(check_variant("tests/scenarios/runs.lua", ample, 2, 200) > 0);
  CHECK(check_scenario("bench/b1.lua", 300) > 0);
  check_scenario("tests/scenarios/all_rules.lua", 100);
  check_scenario("tests/scenarios/hand_ledger.lua", 1);
  const char *shipped[] = {"scenarios/mianyang_2022.lua", "scenarios/anhui_4321.lua", "scenarios/luoyang_2017.lua",
                           "scenarios/yunnan_zhengyinbao.lua", "scenarios/chongqing_ip_2018.lua"};
  for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) check_scenario(shipped[i], 100);
  check_hand_split();
  return check_summary("test_claims");
}
