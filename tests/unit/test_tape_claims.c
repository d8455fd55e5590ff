/* test_tape_claims.c — loan-tape defaults gathered into one claim per programme, driver, cost cohort,
** recovery lag and period (sim/claims.c ps_claims_tape_default, docs/rules.md "Loan-tape defaults
** gathered"), against the reference that records each default on its own (ps_path_tape_per_loan):
**   1. by hand, tests/scenarios/tape_claims.lua: three loans of 100 004, 200 012 and 300 008 fen,
**      LGD 0.25, 0.25 and 1 (recoveries 75 003, 150 009 and 0), the fund paying a third: gathered,
**      the fund pays 200 008 fen (600 024 / 3) and recovers 75 004 (225 012 / 3); loan by loan it
**      pays 33 335 + 66 671 + 100 003 = 200 009 (each loan's third, x.67, rounds up) and recovers
**      25 001 + 50 003 + 0 = 75 004 (three quarters of what it paid, x.25, rounded down: the bank's
**      x.75 takes the fen);
**   2. twins, path by path, on the tape scenarios: the same draws, so the same defaults (the
**      programmes' counts, the principal lost and the exposure claimed, to the fen), and every
**      account's net of every kind
**      within 2 (G + L) fen of the reference, G the gathered path's records and L the reference's:
**      each split of a claim's dues (or of its recovery) gives each payer its exact share to within
**      a fen, and the exact shares add up, the recovery's weights (what was paid) being each within
**      a fen of the dues' exact shares themselves; and fewer records than the reference;
**   3. where the fund runs short, a gathered claim it cannot pay in full is parted into its loans, each
**      then paid as the reference pays it: on tape_claims.lua with a fund of 1 000 yuan (100 000 fen:
**      the first loan's 33 335 paid, the second's 66 671 short by 6, the third's not at all) the two
**      ledgers are the same to the fen (the fund recovers 25 001 + 49 999 + 0 = 75 000 fen; the
**      claim paid pro rata, unparted, would give it 225 012 x 100 000 / 600 024 = 37 500); on
**      tape_hetero.lua with a fund of 20万, whose periods have claims of several keys (so the loans
**      come to the fund in another order than the reference's), the means of what the fund paid and
**      recovered agree within 5 standard errors of the paired differences. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "scenario/scenario.h"
#include "sim/path.h"
#include "sim/path_state.h"

/* a ledger's net of account a, kind k */
static int64_t net(const ps_path *w, int a, ps_kind k) { return ps_ledger_net(ps_path_ledger(w), a, k); }

/* 1: the hand ledger, gathered (per_loan 0) or loan by loan */
static void hand(int per_loan, int64_t paid, int64_t recovered, size_t records) {
  ps_model m;
  char err[1024];
  if (!load_scenario("tests/scenarios/tape_claims.lua", &m)) return;
  ps_path *w = ps_path_new(&m, NULL, 1);
  CHECK(w != NULL);
  if (!w) return;
  ps_path_tape_per_loan(w, per_loan);
  int rc = ps_path_run(w, m.seed, 0, NULL, NULL, err, sizeof err);
  if (rc) fprintf(stderr, "%s\n", err);
  CHECK_EQ_INT(rc, PS_OK);
  int fund = ps_account_of_pool(&m, 0), bank = m.programmes[0].bank;
  CHECK_EQ_INT(w->progs[0].defaults, 3);
  CHECK_EQ_INT(net(w, bank, PS_KIND_PRINCIPAL_LOSS), -600024);
  CHECK_EQ_INT(net(w, fund, PS_KIND_COMPENSATION), -paid);
  CHECK_EQ_INT(net(w, bank, PS_KIND_COMPENSATION), paid);
  CHECK_EQ_INT(net(w, fund, PS_KIND_RECOVERY), recovered);
  CHECK_EQ_INT(net(w, bank, PS_KIND_RECOVERY), 225012 - recovered); /* 75 003 + 150 009 + 0 recovered */
  CHECK_EQ_INT(w->pools[0].paid, paid);
  CHECK_EQ_INT(w->pools[0].recovered, recovered);
  CHECK_EQ_INT((long)w->nrecords, (long)records);
  ps_path_free(w);
  ps_model_destroy(&m);
}

/* the records of every twin run: the gathered ones are fewer (main checks), so the test compares
** something */
static size_t all_gathered, all_per_loan;

/* running sums of a paired difference */
typedef struct {
  double n, sum, sum2;
} paired;

static void pair_add(paired *p, double d) {
  p->n++;
  p->sum += d;
  p->sum2 += d * d;
}

/* 2 and 3: file's first `paths` paths gathered (a) and loan by loan (b). Returns the paths where a pool
** ran short. parted: every claim is parted (its pool cannot pay it), so the two ledgers are the same
** to the fen, also where a pool runs short (else the bound is checked where none does) */
static long twins(const char *file, const ps_override *sets, int nsets, long paths, int parted) {
  ps_model m;
  char err[1024];
  if (!load_scenario_with(file, sets, nsets, &m)) return 0;
  ps_path *a = ps_path_new(&m, NULL, 1), *b = ps_path_new(&m, NULL, 1);
  CHECK(a && b);
  if (!a || !b) return 0;
  ps_path_tape_per_loan(b, 1);
  long short_paths = 0, within = 0, bounded = 0;
  size_t ra = 0, rb = 0;
  paired paid = {0}, recovered = {0};
  for (long i = 0; i < paths; i++) {
    int rca = ps_path_run(a, m.seed, i, NULL, NULL, err, sizeof err);
    if (rca) fprintf(stderr, "%s\n", err);
    int rcb = ps_path_run(b, m.seed, i, NULL, NULL, err, sizeof err);
    if (rcb) fprintf(stderr, "%s\n", err);
    CHECK(rca == PS_OK && rcb == PS_OK);
    if (rca || rcb) break;
    ra += a->nrecords;
    rb += b->nrecords;
    int ran_short = 0;
    for (int p = 0; p < m.npools; p++) ran_short |= b->pools[p].shortfall > 0 || a->pools[p].shortfall > 0;
    short_paths += ran_short;
    for (int k = 0; k < m.nprogrammes; k++) { /* the same defaults, and exposures claimed (parted or not) */
      CHECK_EQ_INT(a->progs[k].defaults, b->progs[k].defaults);
      CHECK_EQ_INT(a->progs[k].claimed, b->progs[k].claimed);
    }
    int64_t bound = parted ? 0 : 2 * (int64_t)(a->nrecords + b->nrecords), worst = 0;
    const ps_ledger *x = ps_path_ledger(a), *y = ps_path_ledger(b);
    for (int acc = 0; acc < x->naccounts; acc++) {
      CHECK_EQ_INT(net(a, acc, PS_KIND_PRINCIPAL_LOSS), net(b, acc, PS_KIND_PRINCIPAL_LOSS));
      for (int k = 0; k < PS_NKINDS; k++) {
        int64_t d = llabs(x->net[(size_t)acc * PS_NKINDS + k] - y->net[(size_t)acc * PS_NKINDS + k]);
        if (d > worst) worst = d;
      }
    }
    if (!ran_short || parted) {
      bounded++;
      within += worst <= bound;
      if (worst > bound) fprintf(stderr, "%s: path %ld: %lld fen apart, bound %lld\n", file, i, (long long)worst, (long long)bound);
    }
    pair_add(&paid, (double)(a->pools[0].paid - b->pools[0].paid));
    pair_add(&recovered, (double)(a->pools[0].recovered - b->pools[0].recovered));
  }
  CHECK_EQ_INT(within, bounded);
  CHECK(ra <= rb);
  all_gathered += ra;
  all_per_loan += rb;
  const paired *pp[] = {&paid, &recovered};
  for (int j = 0; j < 2; j++) { /* means within Monte Carlo error (or the rounding bound) */
    double mean = pp[j]->sum / pp[j]->n, var = pp[j]->sum2 / pp[j]->n - mean * mean;
    double se = sqrt(var > 0 ? var / pp[j]->n : 0);
    if (!(fabs(mean) <= 5 * se + 2.0 * (double)(ra + rb) / (double)paths))
      fprintf(stderr, "%s: mean difference %g, se %g\n", file, mean, se);
    CHECK(fabs(mean) <= 5 * se + 2.0 * (double)(ra + rb) / (double)paths);
  }
  ps_path_free(a);
  ps_path_free(b);
  ps_model_destroy(&m);
  return short_paths;
}

int main(void) {
  gsl_set_error_handler_off();
  hand(0, 200008, 75004, 1);
  hand(1, 200009, 75004, 3);
  const char *files[] = {"tests/scenarios/tape_hetero.lua",    "tests/scenarios/tape_rates.lua",
                         "tests/scenarios/tape_buckets.lua",   "tests/scenarios/today_amortizing.lua",
                         "tests/scenarios/today_seasoned.lua", "tests/scenarios/uncertain_tape.lua",
                         "tests/scenarios/tape_small.lua",     "scenarios/mianyang_2022_today.lua"};
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) twins(files[i], NULL, 0, 200, 0);
  ps_override tiny_fund[] = {{"pools.fund.initial", "1000"}};
  CHECK_EQ_INT(twins("tests/scenarios/tape_claims.lua", tiny_fund, 1, 1, 1), 1); /* the fund ran short */
  ps_override small_fund[] = {{"pools.fund.initial", "200000"}};
  long ran_short = twins("tests/scenarios/tape_hetero.lua", small_fund, 1, 400, 0);
  fprintf(stderr, "tape_hetero.lua with a fund of 20万: short in %ld of 400 paths\n", ran_short);
  CHECK(ran_short > 40);
  fprintf(stderr, "%zu records gathered, %zu loan by loan\n", all_gathered, all_per_loan);
  CHECK(all_gathered < all_per_loan);
  return check_summary("test_tape_claims");
}
