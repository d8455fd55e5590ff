/* test_rules.c — the programme and pool rules of docs/rules.md, computed by
** hand from the documentation, to the fen, posting by posting.
**
** One small deterministic scenario per mechanism (tests/scenarios/rules_*.lua),
** built like tests/scenarios/hand_ledger.lua: pd = 1 makes every loan default
** in its first period at risk, pd = 0 none; loan sizes and LGDs are fixed;
** step = "year" (one fiscal year per period) unless the rule needs months.
** Every expected number below was worked out from docs/rules.md and
** docs/model.md alone. Amounts in the comments are fen unless marked 万/yuan.
** Accounts: parties in scenario order, then pools, then borrowers (firms),
** then outside.
**
** Conventions read from the docs (each affects the expected posting order):
**  - in a period: funding (yield, scheduled top-up, last_year refill,
**    refill_below) -> triggers -> originations -> defaults (principal_loss,
**    segment order) -> claims (default order) -> recoveries (default order) ->
**    wind-down after the last period;
**  - one claim: the excess_to party's payment (step 7) before the payers'
**    first payments (step 8); payers in account order;
**  - one recovery: the second payments (step 9), then borrowers -> bank and
**    bank -> each payer in account order (step 10);
**  - a payment of 0 fen makes no posting. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "sim/outcomes.h"
#include "sim/path.h"
#include "scenario/scenario.h"

/* an outcome array's element, 0 where the array is not kept (sim/outcomes.h: the model cannot make it non-zero) */
#define KEPT(a, i) ((a) ? (a)[i] : 0.0)

#define Y(fen) ((double)(fen) / 100.0) /* fen -> yuan */
#define TOL 1e-6                        /* well below a fen */

typedef struct {
  const char *name;
  ps_model m;
  ps_path *w;
  ps_outcomes o;
  int ok;
} run_t;

/* load and run path 0 of a scenario with the posting log on */
static int run(const char *name, const char *file, run_t *r) {
  char err[1024];
  memset(r, 0, sizeof *r);
  r->name = name;
  int rc = ps_scenario_load(file, NULL, 0, &r->m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s: %s\n", name, err);
    return 0;
  }
  r->w = ps_path_new(&r->m, NULL, 1);
  int alloc = r->w != NULL && ps_outcomes_init(&r->o, &r->m, 1, 0) == 0;
  CHECK(alloc);
  if (!alloc) return 0;
  int prc = ps_path_run(r->w, r->m.seed, 0, NULL, &r->o, err, sizeof err);
  CHECK_EQ_INT(prc, 0);
  if (prc) {
    fprintf(stderr, "%s: %s\n", name, err);
    return 0;
  }
  r->ok = 1;
  return 1;
}

static void done(run_t *r) {
  if (r->w) {
    ps_outcomes_destroy(&r->o);
    ps_path_free(r->w);
  }
  ps_model_destroy(&r->m);
}

static void print_log(const run_t *r) {
  const ps_ledger *l = ps_path_ledger(r->w);
  for (size_t i = 0; i < l->nlog; i++)
    fprintf(stderr, "  %s log[%zu] = (%d, %d->%d, %lld, %s)\n", r->name, i, l->log[i].period, l->log[i].from,
            l->log[i].to, (long long)l->log[i].amount, ps_kind_name(l->log[i].kind));
}

/* the posting log, entry by entry */
static void check_log(const run_t *r, const ps_posting *want, size_t n) {
  const ps_ledger *l = ps_path_ledger(r->w);
  int all = 1;
  CHECK_EQ_INT(l->nlog, n);
  all &= l->nlog == n;
  for (size_t i = 0; i < n && i < l->nlog; i++) {
    const ps_posting *got = &l->log[i], *w = &want[i];
    int same = got->period == w->period && got->from == w->from && got->to == w->to && got->amount == w->amount &&
               got->kind == w->kind;
    CHECK(same);
    all &= same;
    if (!same)
      fprintf(stderr, "%s posting %zu: got (%d, %d->%d, %lld, %s), want (%d, %d->%d, %lld, %s)\n", r->name, i,
              got->period, got->from, got->to, (long long)got->amount, ps_kind_name(got->kind), w->period, w->from,
              w->to, (long long)w->amount, ps_kind_name(w->kind));
  }
  if (!all) print_log(r);
}

/* every scenario: the ledger balances and no pool balance is ever negative */
static void check_common(const run_t *r) {
  CHECK_EQ_INT(ps_ledger_check_balanced(ps_path_ledger(r->w)), 0);
  int nonneg = 1;
  for (int p = 0; p < r->m.npools; p++)
    for (int t = 1; t <= r->m.periods; t++) nonneg &= r->o.balance[(size_t)p * r->m.periods + (t - 1)] >= 0;
  CHECK(nonneg);
}

static double bal(const run_t *r, int pool, int t) { return r->o.balance[(size_t)pool * r->m.periods + (t - 1)]; }

/* ======================================================================== */
/* (1) tiered share: rules_tiered.lua
** Accounts: gov 0, bank 1, fund 2, firms 3, outside 4.
** fund = tiered{ <=100万: 0.5, <=300万: 0.4, <=500万: 0.3; bonus first_loan
**   0.15, pure_credit 0.10; ceiling 0.6 }, bank = "rest". lgd 0.4 (recovery
**   0.6 E), recovery_lag 1 (claims in period 1, recoveries in period 2).
**  a 100万 = 1e8, first_loan: band 1 (upto is inclusive) 0.5 + 0.15 = 0.65
**     -> ceiling 0.6: fund 6e7, bank 4e7. Recovery 6e7: fund 3.6e7.
**  b 250万 = 2.5e8, pure_credit: 0.4 + 0.1 = 0.5: fund 1.25e8.
**     Recovery 1.5e8: fund 7.5e7.
**  c 4000000.03 yuan = 400000003, both flags: 0.3 + 0.25 = 0.55 (under the
**     ceiling): fund 220000001.65, bank 180000001.35 -> floors 220000001 +
**     180000001, the leftover fen to fund (.65): fund 220000002, bank 180000001.
**     Recovery round(0.6 * 400000003 = 240000001.8) = 240000002, split
**     bank 180000001 : fund 220000002 -> 108000000.69 / 132000001.31 -> floors
**     108000000 + 132000001, leftover to bank: fund 132000001.
**  d 600万 = 6e8, first_loan, above the last band: ratio 0 "plus the points of
**     every bonus flag" (rules.md, Shares) = 0.15: fund 9e7, bank 5.1e8.
**     Recovery 3.6e8: fund 5.4e7.
**  e 700万 = 7e8, no flag, above the last band: 0, the bank bears all: no
**     compensation posting; recovery 4.2e8 all kept by the bank.
** Fund: 1e9 - 6e7 - 1.25e8 - 220000002 - 9e7 = 504999998 after period 1;
**   + 3.6e7 + 7.5e7 + 132000001 + 5.4e7 = 801999999 after period 2.
** Claims = paid = 495000002; recovered 297000001. required = 495000002 (all
**   claims in period 1, recoveries later, no yield).
** Bank losses: exposures 2050000003 - compensation 495000002 - recoveries
**   kept (1230000002 - 297000001 = 933000001) = 622000000. */
static void test_tiered(void) {
  enum { GOV, BANK, FUND, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUND, 1000000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {1, BANK, FIRMS, 250000000, PS_KIND_PRINCIPAL_LOSS},
      {1, BANK, FIRMS, 400000003, PS_KIND_PRINCIPAL_LOSS},
      {1, BANK, FIRMS, 600000000, PS_KIND_PRINCIPAL_LOSS},
      {1, BANK, FIRMS, 700000000, PS_KIND_PRINCIPAL_LOSS},
      {1, FUND, BANK, 60000000, PS_KIND_COMPENSATION},
      {1, FUND, BANK, 125000000, PS_KIND_COMPENSATION},
      {1, FUND, BANK, 220000002, PS_KIND_COMPENSATION},
      {1, FUND, BANK, 90000000, PS_KIND_COMPENSATION},
      {2, FIRMS, BANK, 60000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 36000000, PS_KIND_RECOVERY},
      {2, FIRMS, BANK, 150000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 75000000, PS_KIND_RECOVERY},
      {2, FIRMS, BANK, 240000002, PS_KIND_RECOVERY},
      {2, BANK, FUND, 132000001, PS_KIND_RECOVERY},
      {2, FIRMS, BANK, 360000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 54000000, PS_KIND_RECOVERY},
      {2, FIRMS, BANK, 420000000, PS_KIND_RECOVERY},
  };
  run_t r;
  if (run("tiered", "tests/scenarios/rules_tiered.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_EQ_INT(ps_ledger_balance(ps_path_ledger(r.w), FUND), 801999999);
    CHECK_NEAR(bal(&r, 0, 1), Y(504999998), TOL);
    CHECK_NEAR(bal(&r, 0, 2), Y(801999999), TOL);
    CHECK_NEAR(r.o.claims[0], Y(495000002), TOL);
    CHECK_NEAR(r.o.paid[0], Y(495000002), TOL);
    CHECK_NEAR(r.o.shortfall[0], 0, 0);
    CHECK_NEAR(r.o.recovered[0], Y(297000001), TOL);
    CHECK_NEAR(r.o.unsettled[0], 0, 0);
    CHECK_NEAR(r.o.required[0], Y(495000002), TOL);
    CHECK_EQ_INT(r.o.depletion[0], 0);
    CHECK_NEAR(r.o.defaults[0], 5, 0);
    CHECK_NEAR(r.o.originated[0], 5, 0);
    CHECK_NEAR(r.o.defaulted_exposure[0], Y(2050000003), TOL);
    CHECK_NEAR(KEPT(r.o.refused, 0), 0, 0);
    CHECK_NEAR(r.o.capped[0], 0, 0);
    CHECK_NEAR(r.o.losses[BANK], Y(622000000), TOL);
    CHECK_NEAR(r.o.losses[GOV], 0, 0);
  }
  done(&r);
}

/* ======================================================================== */
/* (2) cap_per_year with excess_to: rules_cap_year.lua
** Accounts: gov 0, bank 1, prov 2, fund 3, firms 4, outside 5.
** fund 0.5 / bank 0.5, cap_per_year 80万 = 8e7, excess_to prov, no lags,
** lgd 0.5. Fund 6e7, top-up 5e7 in period 2.
** Period 1 (year 1): two loans of 1e8; fund asked 5e7 each.
**   L1: room 8e7 -> ask 5e7, fund pays 5e7 (balance 1e7).
**   L2: room 3e7 -> ask cut to 3e7, capped 2e7; prov pays the bank 2e7
**     (compensation); fund pays 1e7 of the 3e7, shortfall 2e7 (borne by the
**     bank, not by excess_to), depletion period 1. The ask counts 3e7 against
**     the cap although only 1e7 was paid.
**   Recovery L1 5e7: fund paid 5e7, bank bore 5e7 -> fund 2.5e7.
**   Recovery L2 5e7: fund paid 1e7, prov 2e7, bank bore 1e8 - 3e7 = 7e7
**     -> prov 1e7, fund 5e6, bank 3.5e7.
**   Fund: 6e7 - 5e7 - 1e7 + 2.5e7 + 5e6 = 3e7.
** Period 2 (year 2: the cap resets): top-up 5e7 -> 8e7; two loans of 6e7,
**   asks 3e7 + 3e7 = 6e7 <= 8e7: paid in full -> 2e7; recoveries 3e7 each,
**   fund 1.5e7 each -> 5e7.
** claims 5e7 + 3e7 + 3e7 + 3e7 = 1.4e8; paid 1.2e8; shortfall 2e7;
** recovered 2.5e7 + 5e6 + 3e7 = 6e7; capped 2e7.
** required: need_1 = 8e7; need_2 = 8e7 + 6e7 - 5e7 - (2.5e7 + 1.5e7, the
**   recoveries had every claim been paid) = 5e7 -> 8e7.
** prov losses 2e7 - 1e7 = 1e7. Bank: 3.2e8 - 1.4e8 received - (1.6e8 - 7e7)
**   kept = 9e7.
** NOTE (reported, not fixed here): the engine gives prov no part of L2's
**   recovery and weighs the bank at 1e8 - 1e7 = 9e7 (what prov paid counted
**   as borne by the bank): bank -> fund 5e6 only, prov losses 2e7, bank 8e7.
**   rules.md step 10 shares the recovery "in proportion to what that payer
**   actually paid on this loan (the bank's weight is what it bore)": prov
**   paid 2e7 on this loan and the bank bore 7e7, so these checks follow that. */
static void test_cap_year(void) {
  enum { GOV, BANK, PROV, FUND, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUND, 60000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {1, FUND, BANK, 50000000, PS_KIND_COMPENSATION},
      {1, PROV, BANK, 20000000, PS_KIND_COMPENSATION},
      {1, FUND, BANK, 10000000, PS_KIND_COMPENSATION},
      {1, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {1, BANK, FUND, 25000000, PS_KIND_RECOVERY},
      {1, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {1, BANK, FUND, 5000000, PS_KIND_RECOVERY}, /* the payers in share order, then excess_to */
      {1, BANK, PROV, 10000000, PS_KIND_RECOVERY},
      {2, GOV, FUND, 50000000, PS_KIND_TOPUP},
      {2, BANK, FIRMS, 60000000, PS_KIND_PRINCIPAL_LOSS},
      {2, BANK, FIRMS, 60000000, PS_KIND_PRINCIPAL_LOSS},
      {2, FUND, BANK, 30000000, PS_KIND_COMPENSATION},
      {2, FUND, BANK, 30000000, PS_KIND_COMPENSATION},
      {2, FIRMS, BANK, 30000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 15000000, PS_KIND_RECOVERY},
      {2, FIRMS, BANK, 30000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 15000000, PS_KIND_RECOVERY},
  };
  run_t r;
  if (run("cap_year", "tests/scenarios/rules_cap_year.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(bal(&r, 0, 1), Y(30000000), TOL);
    CHECK_NEAR(bal(&r, 0, 2), Y(50000000), TOL);
    CHECK_NEAR(r.o.claims[0], Y(140000000), TOL);
    CHECK_NEAR(r.o.paid[0], Y(120000000), TOL);
    CHECK_NEAR(r.o.shortfall[0], Y(20000000), TOL);
    CHECK_NEAR(r.o.recovered[0], Y(60000000), TOL);
    CHECK_NEAR(KEPT(r.o.topups, 0), Y(50000000), TOL);
    CHECK_EQ_INT(r.o.depletion[0], 1);
    CHECK_NEAR(r.o.required[0], Y(80000000), TOL);
    CHECK_NEAR(r.o.capped[0], Y(20000000), TOL);
    CHECK_NEAR(KEPT(r.o.refused, 0), 0, 0);
    CHECK_NEAR(r.o.defaults[0], 4, 0);
    CHECK_NEAR(r.o.losses[PROV], Y(10000000), TOL);
    CHECK_NEAR(r.o.losses[BANK], Y(90000000), TOL);
    CHECK_NEAR(r.o.losses[GOV], 0, 0);
  }
  done(&r);
}

/* ======================================================================== */
/* (3) cap_total and cap_rate: rules_cap_total_rate.lua
** Accounts: gov 0, bank 1, guar 2, fundT 3, fundR 4, firms 5, outside 6.
** pT: fundT 0.5, guar 0.3, bank 0.2, cap_total 1000000.01 yuan = 100000001;
**   one loan of 1e8 a year (segment tA), lgd 0.4 (recovery 6e7).
**   P1: asks fundT 5e7 + guar 3e7 = 8e7 <= 100000001: paid in full.
**     Recovery 6e7 pro rata 5:3:2 -> fundT 3e7, guar 1.8e7, bank 1.2e7.
**   P2: room 20000001: the cut 59999999 is split 3:5 -> guar 22499999.625,
**     fundT 37499999.375 -> floors, leftover fen to guar: guar 22500000,
**     fundT 37499999; asks guar 7500000, fundT 12500001 (the same as splitting
**     the room). Recovery 6e7 over bank 79999999, guar 7500000, fundT
**     12500001: 47999999.4, 4500000, 7500000.6 -> leftover to fundT:
**     bank 47999999, guar 4500000, fundT 7500001.
**   P3: room 0: all 8e7 cut; recovery 6e7 all to the bank.
**   capped 59999999 + 8e7 = 139999999. fundT 1e8 -> 8e7 -> 7.5e7 -> 7.5e7.
**   required fundT: need_1 = 5e7, need_2 = 5e7 + 12500001 - 3e7 -> 5e7.
** pR: fundR 1, cap_rate 0.1 of the principal enrolled so far (including the
**   period's own originations, which come before its claims), at mean sizes.
**   rg: 2 loans of 1e8 a year, pd 0; rb: one 5e7 loan in P1; rb2: two 5e7
**   loans in P3; lgd 0.5.
**   Enrolled: P1 2e8 + 5e7 = 2.5e8; P2 4.5e8; P3 4.5e8 + 2e8 + 1e8 = 7.5e8.
**   P1: cap 2.5e7, rb asks 5e7 -> 2.5e7 paid, 2.5e7 capped. Recovery 2.5e7
**     split fundR 2.5e7 : bank 2.5e7 -> 1.25e7.
**   P3: cap 7.5e7 - 2.5e7 asked -> room 5e7: rb2#1 5e7 paid in full, rb2#2
**     0 paid, 5e7 capped. Recoveries 2.5e7 each: #1 all to fundR (the bank
**     bore 0), #2 all kept by the bank.
**   capped 7.5e7. fundR 1e8 -> 8.75e7 -> 8.75e7 -> 6.25e7.
**   required fundR: need_1 = 2.5e7, need_3 = 2.5e7 + 5e7 - 1.25e7 = 6.25e7.
** guar losses 3e7 + 7.5e6 - 1.8e7 - 4.5e6 = 1.5e7. */
static void test_cap_total_rate(void) {
  enum { GOV, BANK, GUAR, FUNDT, FUNDR, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUNDT, 100000000, PS_KIND_INITIAL},
      {0, GOV, FUNDR, 100000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {1, BANK, FIRMS, 50000000, PS_KIND_PRINCIPAL_LOSS},
      {1, GUAR, BANK, 30000000, PS_KIND_COMPENSATION},
      {1, FUNDT, BANK, 50000000, PS_KIND_COMPENSATION},
      {1, FUNDR, BANK, 25000000, PS_KIND_COMPENSATION},
      {1, FIRMS, BANK, 60000000, PS_KIND_RECOVERY},
      {1, BANK, GUAR, 18000000, PS_KIND_RECOVERY},
      {1, BANK, FUNDT, 30000000, PS_KIND_RECOVERY},
      {1, FIRMS, BANK, 25000000, PS_KIND_RECOVERY},
      {1, BANK, FUNDR, 12500000, PS_KIND_RECOVERY},
      {2, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {2, GUAR, BANK, 7500000, PS_KIND_COMPENSATION},
      {2, FUNDT, BANK, 12500001, PS_KIND_COMPENSATION},
      {2, FIRMS, BANK, 60000000, PS_KIND_RECOVERY},
      {2, BANK, GUAR, 4500000, PS_KIND_RECOVERY},
      {2, BANK, FUNDT, 7500001, PS_KIND_RECOVERY},
      {3, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {3, BANK, FIRMS, 50000000, PS_KIND_PRINCIPAL_LOSS},
      {3, BANK, FIRMS, 50000000, PS_KIND_PRINCIPAL_LOSS},
      {3, FUNDR, BANK, 50000000, PS_KIND_COMPENSATION},
      {3, FIRMS, BANK, 60000000, PS_KIND_RECOVERY},
      {3, FIRMS, BANK, 25000000, PS_KIND_RECOVERY},
      {3, BANK, FUNDR, 25000000, PS_KIND_RECOVERY},
      {3, FIRMS, BANK, 25000000, PS_KIND_RECOVERY},
  };
  run_t r;
  if (run("cap_total_rate", "tests/scenarios/rules_cap_total_rate.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(bal(&r, 0, 1), Y(80000000), TOL);
    CHECK_NEAR(bal(&r, 0, 2), Y(75000000), TOL);
    CHECK_NEAR(bal(&r, 0, 3), Y(75000000), TOL);
    CHECK_NEAR(bal(&r, 1, 1), Y(87500000), TOL);
    CHECK_NEAR(bal(&r, 1, 2), Y(87500000), TOL);
    CHECK_NEAR(bal(&r, 1, 3), Y(62500000), TOL);
    CHECK_NEAR(r.o.capped[0], Y(139999999), TOL);
    CHECK_NEAR(r.o.capped[1], Y(75000000), TOL);
    CHECK_NEAR(r.o.claims[0], Y(62500001), TOL);
    CHECK_NEAR(r.o.paid[0], Y(62500001), TOL);
    CHECK_NEAR(r.o.claims[1], Y(75000000), TOL);
    CHECK_NEAR(r.o.paid[1], Y(75000000), TOL);
    CHECK_NEAR(r.o.shortfall[0] + r.o.shortfall[1], 0, 0);
    CHECK_NEAR(r.o.recovered[0], Y(37500001), TOL);
    CHECK_NEAR(r.o.recovered[1], Y(37500000), TOL);
    CHECK_NEAR(r.o.required[0], Y(50000000), TOL);
    CHECK_NEAR(r.o.required[1], Y(62500000), TOL);
    CHECK_NEAR(r.o.defaults[0], 3, 0);
    CHECK_NEAR(r.o.defaults[1], 3, 0);
    CHECK_NEAR(r.o.originated[0], 3, 0);
    CHECK_NEAR(r.o.originated[1], 9, 0);
    CHECK_NEAR(r.o.losses[GUAR], Y(15000000), TOL);
    CHECK_NEAR(KEPT(r.o.refused, 0) + KEPT(r.o.refused, 1), 0, 0);
  }
  done(&r);
}

/* ======================================================================== */
/* (4) covers = "principal+interest" with recognition_lag: rules_interest.lua
** Accounts: gov 0, bank 1, fund 2, firms 3, outside 4.
** fund 0.4 / bank 0.6; recognition_lag 1, claim_lag 1 (claim at d + 2),
** recovery_lag 3; rate 5.55%, lgd 0.45 (recovery 0.55 E). Every loan defaults
** in its first period, so no borrower is performing at any period: no interest
** postings.
**  L1 (P1): principal 1000000.01 yuan = 100000001; interest 100000001 * 0.0555
**    * 1 * (1 + 1) = 11100000.111 -> 11100000; E = 111100001. The bank books
**    principal_loss 100000001. fund 44440000.4, bank 66660000.6 -> leftover to
**    the bank: fund 44440000, bank 66660001. Claim in P3; recovery in P4:
**    round(0.55 * 111100001 = 61105000.55) = 61105001 split bank 66660001 :
**    fund 44440000 -> 36663000.82 / 24442000.18 -> leftover to the bank:
**    fund 24442000.
**  L2 (P3): 5e7 + 5e7 * 0.0555 * 2 = 55550000; fund 22220000, due in P5 > T:
**    unsettled 22220000 (no claim, no recovery within the horizon).
** Fund 1e8 -> 1e8, 1e8, 55560000 (P3), 80002000 (P4).
** defaulted_exposure is "principal outstanding at default" (json-schema.md):
** 100000001 + 5e7 = 150000001, interest not included. Bank losses:
** principal 150000001 - 44440000 - (61105001 - 24442000) = 68897000. */
static void test_interest(void) {
  enum { GOV, BANK, FUND, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUND, 100000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000001, PS_KIND_PRINCIPAL_LOSS},
      {3, BANK, FIRMS, 50000000, PS_KIND_PRINCIPAL_LOSS},
      {3, FUND, BANK, 44440000, PS_KIND_COMPENSATION},
      {4, FIRMS, BANK, 61105001, PS_KIND_RECOVERY},
      {4, BANK, FUND, 24442000, PS_KIND_RECOVERY},
  };
  run_t r;
  if (run("interest", "tests/scenarios/rules_interest.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(bal(&r, 0, 2), Y(100000000), TOL);
    CHECK_NEAR(bal(&r, 0, 3), Y(55560000), TOL);
    CHECK_NEAR(bal(&r, 0, 4), Y(80002000), TOL);
    CHECK_NEAR(r.o.claims[0], Y(44440000), TOL);
    CHECK_NEAR(r.o.paid[0], Y(44440000), TOL);
    CHECK_NEAR(r.o.recovered[0], Y(24442000), TOL);
    CHECK_NEAR(r.o.unsettled[0], Y(22220000), TOL);
    CHECK_NEAR(r.o.required[0], Y(44440000), TOL);
    CHECK_NEAR(r.o.defaults[0], 2, 0);
    CHECK_NEAR(r.o.defaulted_exposure[0], Y(150000001), TOL);
    CHECK_NEAR(r.o.losses[BANK], Y(68897000), TOL);
  }
  done(&r);
}

/* ======================================================================== */
/* (5) two-stage payment: rules_two_stage.lua
** Accounts: gov 0, bank 1, fund 2, firms 3, outside 4.
** fund 0.6 / bank 0.4, first_payment 0.75, claim_lag 1, recovery_lag 2,
** lgd 0.4 (recovery 0.6 E). Fund 1.4e8.
**  L1, L2 (P1): 1e8 each, fund part 6e7: first round(4.5e7) in P2, second
**    6e7 - 4.5e7 = 1.5e7 with the recovery in P3.
**  L3 (P2): 1000000.02 yuan = 100000002: fund 60000001.2, bank 40000000.8 ->
**    leftover to the bank: fund 60000001, bank 40000001. First payment
**    round(45000000.75) = 45000001 in P3; second 60000001 - 45000001 =
**    15000000 in P4.
**  P2: first payments 4.5e7 + 4.5e7 -> 5e7.
**  P3: L3 first payment 45000001 -> 4999999. L1 second payment 1.5e7: the
**    fund pays 4999999, shortfall 10000001 (depletion period 3) -> 0.
**    L1 recovery 6e7: fund paid 49999999, bank bore 50000001 -> 29999999.4 /
**    30000000.6 -> leftover to the bank: fund 29999999 -> 29999999.
**    L2 second payment 1.5e7 -> 14999999; recovery 6e7 split 6:4 -> fund
**    3.6e7 -> 50999999.
**  P4: L3 second payment 1.5e7 -> 35999999; recovery round(60000001.2) =
**    60000001 split bank 40000001 : fund 60000001 -> 24000000.52 /
**    36000000.48 -> leftover to the bank: fund 36000000 -> 71999999.
** claims 4.5e7 * 2 + 45000001 + 1.5e7 * 3 = 180000001; shortfall 10000001;
** paid 170000000; recovered 29999999 + 3.6e7 + 3.6e7 = 101999999.
** required (the smallest initial balance never short, payments and recoveries
** in the order above, recoveries as if everything had been paid): P2 9e7;
** P3 9e7 + 45000001 + 1.5e7 = 150000001 before L1's recovery (then 3.6e7
** back, + 1.5e7, - 3.6e7); P4 lower -> 150000001. */
static void test_two_stage(void) {
  enum { GOV, BANK, FUND, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUND, 140000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {2, BANK, FIRMS, 100000002, PS_KIND_PRINCIPAL_LOSS},
      {2, FUND, BANK, 45000000, PS_KIND_COMPENSATION},
      {2, FUND, BANK, 45000000, PS_KIND_COMPENSATION},
      {3, FUND, BANK, 45000001, PS_KIND_COMPENSATION},
      {3, FUND, BANK, 4999999, PS_KIND_COMPENSATION},
      {3, FIRMS, BANK, 60000000, PS_KIND_RECOVERY},
      {3, BANK, FUND, 29999999, PS_KIND_RECOVERY},
      {3, FUND, BANK, 15000000, PS_KIND_COMPENSATION},
      {3, FIRMS, BANK, 60000000, PS_KIND_RECOVERY},
      {3, BANK, FUND, 36000000, PS_KIND_RECOVERY},
      {4, FUND, BANK, 15000000, PS_KIND_COMPENSATION},
      {4, FIRMS, BANK, 60000001, PS_KIND_RECOVERY},
      {4, BANK, FUND, 36000000, PS_KIND_RECOVERY},
  };
  run_t r;
  if (run("two_stage", "tests/scenarios/rules_two_stage.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(bal(&r, 0, 1), Y(140000000), TOL);
    CHECK_NEAR(bal(&r, 0, 2), Y(50000000), TOL);
    CHECK_NEAR(bal(&r, 0, 3), Y(50999999), TOL);
    CHECK_NEAR(bal(&r, 0, 4), Y(71999999), TOL);
    CHECK_NEAR(r.o.claims[0], Y(180000001), TOL);
    CHECK_NEAR(r.o.paid[0], Y(170000000), TOL);
    CHECK_NEAR(r.o.shortfall[0], Y(10000001), TOL);
    CHECK_NEAR(r.o.recovered[0], Y(101999999), TOL);
    CHECK_EQ_INT(r.o.depletion[0], 3);
    CHECK_NEAR(r.o.required[0], Y(150000001), TOL);
    CHECK_NEAR(r.o.unsettled[0], 0, 0);
    CHECK_NEAR(r.o.defaults[0], 3, 0);
  }
  done(&r);
}

/* ======================================================================== */
/* (6) npl_ratio pause with resume: rules_npl.lua
** Accounts: gov 0, bank 1, fund 2, firms 3, outside 4.
** fund 0.7 / bank 0.3, claim_lag 1, recovery_lag 1, lgd 0.5; trigger
** npl_ratio above 0.05, resume 0.02, pause. Performing book: g, 9 loans of 1e8
** from P1 (pd 0, tenor 4): 9e8 at risk in P2..P4 (cohorts before t).
**  P1: nothing defaulted, nothing at risk before P1 -> not paused.
**    b1 (1e8) defaults.
**  P2: NPL 1e8 / (1e8 + 9e8) = 0.10 > 0.05 -> paused. b2 (2.5e7) defaults.
**    b1's claim: the fund's 7e7 refused. b1 recovery 5e7: the fund paid 0,
**    all to the bank.
**  P3: NPL 2.5e7 / 9.25e8 = 0.027: not <= 0.02, still paused. b3 (1e7)
**    defaults; b2's claim refused (1.75e7); recovery 1.25e7 to the bank.
**  P4: NPL 1e7 / 9.1e8 = 0.011 <= 0.02 -> resumed. b3's claim paid 7e6;
**    recovery 5e6: fund 3.5e6.
** paused 2 periods; refused 7e7 + 1.75e7 = 8.75e7; fund 1e8 -> 96500000.
** Bank losses 1.35e8 - 7e6 - (6.75e7 - 3.5e6) = 6.4e7. */
static void test_npl(void) {
  enum { GOV, BANK, FUND, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUND, 100000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {2, BANK, FIRMS, 25000000, PS_KIND_PRINCIPAL_LOSS},
      {2, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {3, BANK, FIRMS, 10000000, PS_KIND_PRINCIPAL_LOSS},
      {3, FIRMS, BANK, 12500000, PS_KIND_RECOVERY},
      {4, FUND, BANK, 7000000, PS_KIND_COMPENSATION},
      {4, FIRMS, BANK, 5000000, PS_KIND_RECOVERY},
      {4, BANK, FUND, 3500000, PS_KIND_RECOVERY},
  };
  run_t r;
  if (run("npl", "tests/scenarios/rules_npl.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(KEPT(r.o.paused, 0), 2, 0);
    CHECK_NEAR(KEPT(r.o.stopped, 0), 0, 0);
    CHECK_NEAR(KEPT(r.o.refused, 0), Y(87500000), TOL);
    CHECK_NEAR(r.o.capped[0], 0, 0);
    CHECK_NEAR(bal(&r, 0, 3), Y(100000000), TOL);
    CHECK_NEAR(bal(&r, 0, 4), Y(96500000), TOL);
    CHECK_NEAR(r.o.claims[0], Y(7000000), TOL);
    CHECK_NEAR(r.o.paid[0], Y(7000000), TOL);
    CHECK_NEAR(r.o.recovered[0], Y(3500000), TOL);
    CHECK_NEAR(r.o.defaults[0], 3, 0);
    CHECK_NEAR(r.o.originated[0], 12, 0);
    CHECK_NEAR(r.o.losses[BANK], Y(64000000), TOL);
  }
  done(&r);
}

/* ======================================================================== */
/* (7) annual_loss_rate pause, reset at the new fiscal year: rules_loss_rate.lua
** Monthly steps, 14 periods (fiscal year 2 starts in period 13).
** Accounts: gov 0, bank 1, fund 2, firms 3, outside 4.
** fund 0.5 / bank 0.5, claim_lag 1 (recovery_lag 1), lgd 0.5; trigger
** annual_loss_rate above 0.05, pause. g: one loan of 1e8 a month, pd 0.
** b1, b2, b3: one 1e8 loan each, originated and defaulting in P10, P11, P12.
**  P10: defaulted this year 0 -> not paused.
**  P11: defaulted 1e8 / enrolled (g 10 + b1) 1.1e9 = 0.091 -> paused:
**    b1's claim refused (5e7), its recovery 5e7 all to the bank.
**  P12: 2e8 / 1.3e9 = 0.15 -> paused: b2's claim refused, recovery to the bank.
**  P13: a new fiscal year: both measures restart -> 0 -> not paused: b3's
**    claim paid 5e7; recovery 5e7: fund 2.5e7.
**  P14: nothing defaulted in year 2 -> not paused.
** paused 2; refused 1e8; fund 1e8 -> 7.5e7 from P13. */
static void test_loss_rate(void) {
  enum { GOV, BANK, FUND, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUND, 100000000, PS_KIND_INITIAL},
      {10, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {11, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {11, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {12, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {12, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {13, FUND, BANK, 50000000, PS_KIND_COMPENSATION},
      {13, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {13, BANK, FUND, 25000000, PS_KIND_RECOVERY},
  };
  run_t r;
  if (run("loss_rate", "tests/scenarios/rules_loss_rate.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(KEPT(r.o.paused, 0), 2, 0);
    CHECK_NEAR(KEPT(r.o.refused, 0), Y(100000000), TOL);
    CHECK_NEAR(bal(&r, 0, 12), Y(100000000), TOL);
    CHECK_NEAR(bal(&r, 0, 13), Y(75000000), TOL);
    CHECK_NEAR(bal(&r, 0, 14), Y(75000000), TOL);
    CHECK_NEAR(r.o.claims[0], Y(50000000), TOL);
    CHECK_NEAR(r.o.paid[0], Y(50000000), TOL);
    CHECK_NEAR(r.o.recovered[0], Y(25000000), TOL);
    CHECK_NEAR(r.o.defaults[0], 3, 0);
    CHECK_NEAR(r.o.originated[0], 17, 0);
  }
  done(&r);
}

/* ======================================================================== */
/* (8) pool_floor with stop_lending: rules_pool_floor.lua
** Accounts: gov 0, bank 1, fund 2, firms 3, outside 4.
** fund 0.8 / bank 0.2, no lags, lgd 0.5; one loan of 1e8 a period; trigger
** pool_floor fund below 100万 (1e8), resume 150万 (1.5e8), stop_lending.
** Fund 1.2e8, top-ups 5e7 (P3) and 3e7 (P4).
**  P1: 1.2e8 >= 1e8: lends; the loan defaults: fund pays 8e7, recovery 5e7,
**    fund 4e7 -> 8e7.
**  P2: 8e7 < 1e8 -> stopped: no loan.
**  P3: top-up -> 1.3e8, below the resume level 1.5e8 -> still stopped.
**  P4: top-up -> 1.6e8 >= 1.5e8 -> lends: pays 8e7, gets 4e7 -> 1.2e8.
** originated 2, defaults 2, stopped 2, topups 8e7. */
static void test_pool_floor(void) {
  enum { GOV, BANK, FUND, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUND, 120000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {1, FUND, BANK, 80000000, PS_KIND_COMPENSATION},
      {1, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {1, BANK, FUND, 40000000, PS_KIND_RECOVERY},
      {3, GOV, FUND, 50000000, PS_KIND_TOPUP},
      {4, GOV, FUND, 30000000, PS_KIND_TOPUP},
      {4, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {4, FUND, BANK, 80000000, PS_KIND_COMPENSATION},
      {4, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {4, BANK, FUND, 40000000, PS_KIND_RECOVERY},
  };
  run_t r;
  if (run("pool_floor", "tests/scenarios/rules_pool_floor.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(KEPT(r.o.stopped, 0), 2, 0);
    CHECK_NEAR(KEPT(r.o.paused, 0), 0, 0);
    CHECK_NEAR(r.o.originated[0], 2, 0);
    CHECK_NEAR(r.o.defaults[0], 2, 0);
    CHECK_NEAR(KEPT(r.o.topups, 0), Y(80000000), TOL);
    CHECK_NEAR(bal(&r, 0, 1), Y(80000000), TOL);
    CHECK_NEAR(bal(&r, 0, 2), Y(80000000), TOL);
    CHECK_NEAR(bal(&r, 0, 3), Y(130000000), TOL);
    CHECK_NEAR(bal(&r, 0, 4), Y(120000000), TOL);
    CHECK_NEAR(r.o.paid[0], Y(160000000), TOL);
    CHECK_NEAR(r.o.recovered[0], Y(80000000), TOL);
  }
  done(&r);
}

/* ======================================================================== */
/* (9) refill = "last_year": rules_refill_last_year.lua
** Accounts: gov 0, bank 1, fund 2, firms 3, outside 4.
** fund 0.6 / bank 0.4, claims at the default, recovery_lag 1, lgd 0.5; one
** loan of 1e8 in P1 and P2. Fund 5e7, yield 10% a year.
**  P1: yield 5e6 -> 5.5e7. L1's claim 6e7: the fund pays 5.5e7, shortfall
**    5e6 (depletion 1) -> 0. Year 1 net outlay 5.5e7 - 0 (paid, not claimed).
**  P2: yield 0; refill 5.5e7 -> 5.5e7. L2's claim 6e7: pays 5.5e7, shortfall
**    5e6 -> 0. L1's recovery 5e7: fund paid 5.5e7, bank bore 4.5e7 ->
**    2.75e7. Year 2 net 5.5e7 - 2.75e7 = 2.75e7.
**  P3: yield 2.75e6 -> 30250000; refill 2.75e7 -> 57750000. L2's recovery
**    2.75e7 -> 85250000. Year 3 net 0 - 2.75e7 < 0.
**  P4: yield 8525000 -> 93775000; no refill.
** topups 8.25e7; claims 1.2e8; paid 1.1e8; shortfall 1e7; recovered 5.5e7. */
static void test_refill_last_year(void) {
  enum { GOV, BANK, FUND, FIRMS, OUTSIDE };
  static const ps_posting want[] = {
      {0, GOV, FUND, 50000000, PS_KIND_INITIAL},
      {1, OUTSIDE, FUND, 5000000, PS_KIND_YIELD},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {1, FUND, BANK, 55000000, PS_KIND_COMPENSATION},
      {2, GOV, FUND, 55000000, PS_KIND_TOPUP},
      {2, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {2, FUND, BANK, 55000000, PS_KIND_COMPENSATION},
      {2, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 27500000, PS_KIND_RECOVERY},
      {3, OUTSIDE, FUND, 2750000, PS_KIND_YIELD},
      {3, GOV, FUND, 27500000, PS_KIND_TOPUP},
      {3, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {3, BANK, FUND, 27500000, PS_KIND_RECOVERY},
      {4, OUTSIDE, FUND, 8525000, PS_KIND_YIELD},
  };
  run_t r;
  if (run("refill_last_year", "tests/scenarios/rules_refill_last_year.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(KEPT(r.o.topups, 0), Y(82500000), TOL);
    CHECK_NEAR(r.o.claims[0], Y(120000000), TOL);
    CHECK_NEAR(r.o.paid[0], Y(110000000), TOL);
    CHECK_NEAR(r.o.shortfall[0], Y(10000000), TOL);
    CHECK_NEAR(r.o.recovered[0], Y(55000000), TOL);
    CHECK_EQ_INT(r.o.depletion[0], 1);
    CHECK_NEAR(bal(&r, 0, 1), 0, 0);
    CHECK_NEAR(bal(&r, 0, 2), Y(27500000), TOL);
    CHECK_NEAR(bal(&r, 0, 3), Y(85250000), TOL);
    CHECK_NEAR(bal(&r, 0, 4), Y(93775000), TOL);
  }
  done(&r);
}

/* ======================================================================== */
/* (10) refill_below: rules_refill_below.lua
** Accounts: gov 0, bank 1, fund 2, firms 3, outside 4.
** fund 0.5 / bank 0.5, no lags, lgd 0.6 (recovery 0.4 E); refill_below 0.1.
** g: 10 amortizing loans of 1e8, tenor 4, from P1, pd 0: expected principal
** at risk (cohorts before t) 1e9 * (4 - a)/4 at age a = t - 1: P1 none (the
** cohort is not before P1), P2 7.5e8, P3 5e8, P4 2.5e8. b1 (P1) and b2 (P2)
** default: 1e8 each.
**  P1: target 0. b1: fund pays 5e7 -> 0; recovery 4e7, fund 2e7 -> 2e7.
**  P2: target 7.5e7 > 2e7: top-up 5.5e7 -> 7.5e7. b2: pays 5e7 -> 2.5e7;
**    recovery 2e7 -> 4.5e7.
**  P3: target 5e7: top-up 5e6 -> 5e7.
**  P4: target 2.5e7 <= 5e7: none.
** topups 6e7. */
static void test_refill_below(void) {
  enum { GOV, BANK, FUND, FIRMS };
  static const ps_posting want[] = {
      {0, GOV, FUND, 50000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {1, FUND, BANK, 50000000, PS_KIND_COMPENSATION},
      {1, FIRMS, BANK, 40000000, PS_KIND_RECOVERY},
      {1, BANK, FUND, 20000000, PS_KIND_RECOVERY},
      {2, GOV, FUND, 55000000, PS_KIND_TOPUP},
      {2, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {2, FUND, BANK, 50000000, PS_KIND_COMPENSATION},
      {2, FIRMS, BANK, 40000000, PS_KIND_RECOVERY},
      {2, BANK, FUND, 20000000, PS_KIND_RECOVERY},
      {3, GOV, FUND, 5000000, PS_KIND_TOPUP},
  };
  run_t r;
  if (run("refill_below", "tests/scenarios/rules_refill_below.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    CHECK_NEAR(KEPT(r.o.topups, 0), Y(60000000), TOL);
    CHECK_NEAR(bal(&r, 0, 1), Y(20000000), TOL);
    CHECK_NEAR(bal(&r, 0, 2), Y(45000000), TOL);
    CHECK_NEAR(bal(&r, 0, 3), Y(50000000), TOL);
    CHECK_NEAR(bal(&r, 0, 4), Y(50000000), TOL);
    CHECK_NEAR(r.o.paid[0], Y(100000000), TOL);
    CHECK_NEAR(r.o.shortfall[0], 0, 0);
    CHECK_NEAR(r.o.recovered[0], Y(40000000), TOL);
    CHECK_NEAR(r.o.originated[0], 12, 0);
  }
  done(&r);
}

/* ======================================================================== */
/* (11) wind_down: rules_wind_down.lua
** Accounts: city 0, prov 1, bank 2, fundA 3 (owner prov, wind_down),
** fundB 4 (owner city), firms 5, outside 6.
** fundA 0.3, fundB 0.3, bank 0.4; claim_lag 1, recovery_lag 1; lgd 0.5.
**  L1 (P1, 1e8): claims in P2: fundA 3e7, fundB 3e7; recovery 5e7 in P2:
**    fundA 1.5e7, fundB 1.5e7, bank 2e7. Each fund 1e8 -> 8.5e7.
**  L2 (P2, 1e8): claims due in P3 > T: unsettled 3e7 for each fund.
**  After P2: fundA returns 8.5e7 to prov (period 2, kind wind_down):
**    returned 8.5e7; its recorded balance for P2 is the one before (8.5e7);
**    its ledger balance ends at 0. fundB keeps 8.5e7.
** prov's losses do not count the wind-down: 0. */
static void test_wind_down(void) {
  enum { CITY, PROV, BANK, FUNDA, FUNDB, FIRMS };
  static const ps_posting want[] = {
      {0, PROV, FUNDA, 100000000, PS_KIND_INITIAL},
      {0, CITY, FUNDB, 100000000, PS_KIND_INITIAL},
      {1, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {2, BANK, FIRMS, 100000000, PS_KIND_PRINCIPAL_LOSS},
      {2, FUNDA, BANK, 30000000, PS_KIND_COMPENSATION},
      {2, FUNDB, BANK, 30000000, PS_KIND_COMPENSATION},
      {2, FIRMS, BANK, 50000000, PS_KIND_RECOVERY},
      {2, BANK, FUNDA, 15000000, PS_KIND_RECOVERY},
      {2, BANK, FUNDB, 15000000, PS_KIND_RECOVERY},
      {2, FUNDA, PROV, 85000000, PS_KIND_WIND_DOWN},
  };
  run_t r;
  if (run("wind_down", "tests/scenarios/rules_wind_down.lua", &r)) {
    check_log(&r, want, sizeof want / sizeof *want);
    check_common(&r);
    const ps_ledger *l = ps_path_ledger(r.w);
    CHECK_EQ_INT(ps_ledger_balance(l, FUNDA), 0);
    CHECK_EQ_INT(ps_ledger_balance(l, FUNDB), 85000000);
    CHECK_NEAR(KEPT(r.o.returned, 0), Y(85000000), TOL);
    CHECK_NEAR(KEPT(r.o.returned, 1), 0, 0);
    CHECK_NEAR(bal(&r, 0, 2), Y(85000000), TOL);
    CHECK_NEAR(bal(&r, 1, 2), Y(85000000), TOL);
    CHECK_NEAR(r.o.unsettled[0], Y(30000000), TOL);
    CHECK_NEAR(r.o.unsettled[1], Y(30000000), TOL);
    CHECK_NEAR(r.o.paid[0], Y(30000000), TOL);
    CHECK_NEAR(r.o.recovered[0], Y(15000000), TOL);
    CHECK_NEAR(r.o.losses[PROV], 0, 0);
    CHECK_NEAR(r.o.losses[CITY], 0, 0);
  }
  done(&r);
}

int main(void) {
  gsl_set_error_handler_off();
  test_tiered();
  test_cap_year();
  test_cap_total_rate();
  test_interest();
  test_two_stage();
  test_npl();
  test_loss_rate();
  test_pool_floor();
  test_refill_last_year();
  test_refill_below();
  test_wind_down();
  return check_summary("test_rules");
}
