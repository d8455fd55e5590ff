/* test_periods.c — periods with nothing at risk cost little and change nothing (issue 18).
**
** 1. Run at once: tests/scenarios/periods_tail.lua has 217 periods after its last loan in which
**    recoveries still fall due, top-ups arrive and the fund is refilled at each fiscal year's turn;
**    path.c runs such quiet periods at once (run_still). periods_tail_hooked.lua is the same with an
**    on_period hook (which keeps every period from being run at once) doing in period 150 the top-up
**    the plain one has scheduled there. Path by path, every outcome must be the same to the bit, on 1
**    and 2 threads; also by quarters, by years (every period closes a year) and with a reserve that
**    refills below a share of the book (the funding rules run every period).
** 2. The factors' horizon (sim/factors.h): hand-computed for the scenarios; a workspace drawing
**    every period's factors gives the same systemic factor in periods 1..H and the same outcomes path
**    by path; nothing is drawn after H.
** 3. Sectors and the t copula with an empty tail: the systemic factor is the same; the sector
**    factors, drawn for 1..H only, keep their law (mean 0, variance 1, correlation 0.6 at period H
**    within 5 standard errors over 20 000 draws).
** 4. Tail sampling with an empty tail: the shift is 0 after H, each path's weight is the exact
**    likelihood ratio of the innovations drawn (recomputed from its factor path), and the weighted
**    mean claims agree with plain sampling's within 5 combined standard errors.
** 5. The balance bands (stats/bands.c: periods in which no band path's balance moved take the bands
**    of the period before) are, period by period and to the bit, the quantiles of each period's
**    column computed afresh, plain and weighted. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "plain_and_hooked.h"
#include "scenario/scenario.h"
#include "sim/factors.h"
#include "sim/montecarlo.h"
#include "sim/path.h"
#include "sim/path_state.h"
#include "sim/rng.h"
#include "sim/sampling.h"
#include "stats/results.h"
#include "stats/weighted.h"

#define PATHS 1500
#define TAIL "tests/scenarios/periods_tail.lua"
#define TAIL_HOOKED "tests/scenarios/periods_tail_hooked.lua"
#define SECTORS "tests/scenarios/periods_sectors.lua"

/* 1. the plain scenario (quiet periods run at once) against the hooked one (none), path by path */
static void test_run_at_once(const ps_override *sets, int nsets) {
  ps_model m[2];
  ps_outcomes o[3];
  if (!run_plain_and_hooked(TAIL, TAIL_HOOKED, sets, nsets, PATHS, 13, m, o)) return;
  /* the tail does what the comparison needs: recoveries, and refills at the years' turns after the
  ** last loan (the fund's top-ups exceed the two scheduled ones and the hook's) */
  double recovered = 0, topups = 0, scheduled = 500000;
  for (long i = 0; i < PATHS; i++) {
    recovered += o[0].recovered[ps_slot(&o[0], 0, i)];
    topups += o[0].topups[ps_slot(&o[0], 0, i)];
  }
  CHECK(recovered > 0 && topups > scheduled * PATHS);
  free_plain_and_hooked(m, o);
}

/* the horizon of a scenario with overrides */
static int horizon_of(const char *file, const ps_override *sets, int nsets) {
  ps_model m;
  if (!load_scenario_with(file, sets, nsets, &m)) return -1;
  int h = ps_factors_horizon(&m);
  ps_model_destroy(&m);
  return h;
}

/* 2. the horizon, and a workspace drawing every period's factors against one drawing up to it */
static void test_horizon(void) {
  /* periods_tail's sme: last cohort 12, tenor 12: at risk until 12 + 12 - 1 = 23 (term: 9 + 6 - 1) */
  CHECK_EQ_INT(horizon_of(TAIL, NULL, 0), 23);
  ps_override short_b1[] = {{"periods", "30"}}, long_b1[] = {{"periods", "360"}};
  CHECK_EQ_INT(horizon_of("bench/b1.lua", NULL, 0), 35); /* 24 + 12 - 1 of 36 */
  CHECK_EQ_INT(horizon_of("bench/b1.lua", short_b1, 1), 30); /* at most the run's periods */
  CHECK_EQ_INT(horizon_of("bench/b1.lua", long_b1, 1), 35);

  ps_model m;
  char err[1024];
  if (!load_scenario_with(TAIL, NULL, 0, &m)) return;
  ps_path *w[2] = {ps_path_new(&m, NULL, 0), ps_path_new(&m, NULL, 0)};
  ps_outcomes o[2];
  int ok = w[0] && w[1] && ps_outcomes_init(&o[0], &m, PATHS, 0) == 0 && ps_outcomes_init(&o[1], &m, PATHS, 0) == 0;
  CHECK(ok);
  if (!ok) return;
  w[1]->factors.horizon = m.periods; /* every period's factors, as before the horizon */
  int H = w[0]->factors.horizon, T = m.periods, z_same = 1, none_after = 1, full_after = 0;
  for (long i = 0; i < PATHS; i++) {
    for (int k = 0; k < 2; k++) CHECK_EQ_INT(ps_path_run(w[k], 17, i, NULL, &o[k], err, sizeof err), 0);
    z_same &= memcmp(w[0]->factors.z + 1, w[1]->factors.z + 1, (size_t)H * sizeof(double)) == 0;
    for (int t = H + 1; t <= T; t++) {
      none_after &= w[0]->factors.z[t] == 0;
      full_after |= w[1]->factors.z[t] != 0;
    }
  }
  CHECK(z_same && none_after && full_after);
  check_same_kept(&m, &o[0], &o[1]);
  for (int k = 0; k < 2; k++) {
    ps_outcomes_destroy(&o[k]);
    ps_path_free(w[k]);
  }
  ps_model_destroy(&m);
}

/* 3. sectors and the t copula: the systemic factor unchanged, the sectors' law kept */
static void test_sectors(void) {
  ps_model m;
  if (!load_scenario_with(SECTORS, NULL, 0, &m)) return;
  ps_factors f[2];
  gsl_rng *r = ps_rng_new();
  int ok = r && ps_factors_init(&f[0], &m) == 0 && ps_factors_init(&f[1], &m) == 0;
  CHECK(ok);
  if (!ok) return;
  int H = f[0].horizon, T = m.periods, n = m.nsectors;
  CHECK_EQ_INT(H, 23);
  CHECK_EQ_INT(n, 2);
  f[1].horizon = T;
  const long N = 20000;
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  int z_same = 1, rest = 1;
  for (long i = 0; i < N; i++) {
    for (int k = 0; k < 2; k++) {
      ps_rng_seed_stream(r, 19, (uint64_t)i, PS_STREAM_FACTORS);
      ps_factors_draw(&f[k], &m, r);
    }
    z_same &= memcmp(f[0].z + 1, f[1].z + 1, (size_t)H * sizeof(double)) == 0;
    for (int t = H + 1; t <= T; t++) rest &= f[0].s[t * n] == 0 && f[0].s[t * n + 1] == 0 && f[0].mix[t] == 1;
    double a = f[0].s[H * n], b = f[0].s[H * n + 1];
    sa += a, sb += b, saa += a * a, sbb += b * b, sab += a * b;
  }
  CHECK(z_same && rest);
  double ma = sa / N, mb = sb / N, va = saa / N - ma * ma, vb = sbb / N - mb * mb;
  double corr = (sab / N - ma * mb) / sqrt(va * vb);
  /* se of a mean 1 / sqrt(N), of a variance sqrt(2 / N), of a correlation (1 - r^2) / sqrt(N) */
  printf("  sector factors at the horizon: means %.4f %.4f, variances %.4f %.4f, correlation %.4f\n", ma, mb, va, vb,
         corr);
  CHECK_NEAR(ma, 0, 5 / sqrt(N));
  CHECK_NEAR(mb, 0, 5 / sqrt(N));
  CHECK_NEAR(va, 1, 5 * sqrt(2.0 / N));
  CHECK_NEAR(vb, 1, 5 * sqrt(2.0 / N));
  CHECK_NEAR(corr, 0.6, 5 * (1 - 0.36) / sqrt(N));
  ps_factors_destroy(&f[0]);
  ps_factors_destroy(&f[1]);
  gsl_rng_free(r);
  ps_model_destroy(&m);
}

/* the weighted mean of x over n paths and its standard error (the sd of w x over sqrt(n)) */
static void weighted_mean(const double *x, const double *w, long n, double *mean, double *se) {
  double s = 0, s2 = 0;
  for (long i = 0; i < n; i++) {
    double y = (w ? w[i] : 1) * x[i];
    s += y, s2 += y * y;
  }
  *mean = s / n;
  *se = sqrt((s2 / n - *mean * *mean) / (n - 1));
}

/* 4. tail sampling with an empty tail */
static void test_sampling(void) {
  ps_override importance[] = {{"sampling", "importance"}};
  ps_model m[2];
  char err[1024];
  if (!load_scenario_with(TAIL, NULL, 0, &m[0]) || !load_scenario_with(TAIL, importance, 1, &m[1])) return;
  int T = m[1].periods, H = ps_factors_horizon(&m[1]);
  double *mu = calloc((size_t)T + 1, sizeof *mu);
  CHECK_EQ_INT(ps_sampling_choose(&m[1], 23, NULL, 0.05, mu, err, sizeof err), 0);
  int zero_after = 1, shifted = 0;
  for (int t = 1; t <= T; t++) {
    if (t > H) zero_after &= mu[t] == 0;
    else shifted |= mu[t] != 0;
  }
  CHECK(zero_after && shifted);
  /* each path's weight: exp(sum_{t <= H} mu_t (mu_t / 2 - e_t)), e_t recovered from its z */
  ps_path *w = ps_path_new(&m[1], NULL, 0);
  CHECK(w != NULL);
  double phi = m[1].cycle, sd = sqrt(1 - phi * phi), worst = 0;
  for (long i = 0; w && i < 200; i++) {
    w->factors.shift = mu;
    CHECK_EQ_INT(ps_path_run(w, 23, i, NULL, NULL, err, sizeof err), 0);
    const double *z = w->factors.z;
    double lw = 0;
    for (int t = 1; t <= H; t++) {
      double e = t == 1 ? z[1] : (z[t] - phi * z[t - 1]) / sd;
      lw += mu[t] * (0.5 * mu[t] - e);
    }
    worst = fmax(worst, fabs(lw - w->factors.log_weight));
  }
  CHECK(worst < 1e-9);
  ps_path_free(w);
  free(mu);
  /* the weighted mean claims against plain sampling's */
  ps_outcomes o[2];
  double mean[2], se[2];
  for (int k = 0; k < 2; k++) {
    ps_run_options ro = {.paths = 6000, .seed = 29 + (uint64_t)k, .threads = 2, .sampling_alpha = 0.05};
    CHECK_EQ_INT(ps_simulate(&m[k], &ro, &o[k], err, sizeof err), 0);
    weighted_mean(o[k].claims, o[k].weight, o[k].paths, &mean[k], &se[k]);
  }
  CHECK(o[0].weight == NULL && o[1].weight != NULL);
  printf("  mean claims with an empty tail: plain %.0f (se %.0f), importance %.0f (se %.0f)\n", mean[0], se[0], mean[1],
         se[1]);
  CHECK_NEAR(mean[1], mean[0], 5 * sqrt(se[0] * se[0] + se[1] * se[1]));
  for (int k = 0; k < 2; k++) {
    ps_outcomes_destroy(&o[k]);
    ps_model_destroy(&m[k]);
  }
}

/* 5. the bands against each period's quantiles computed afresh */
static void test_bands(const ps_override *sets, int nsets) {
  ps_model m;
  char err[1024];
  if (!load_scenario_with(TAIL, sets, nsets, &m)) return;
  ps_outcomes o;
  ps_results *r = NULL;
  ps_run_options ro = {.paths = PATHS, .seed = 31, .threads = 2, .band_paths = 1000, .sampling_alpha = 0.05};
  CHECK_EQ_INT(ps_simulate(&m, &ro, &o, err, sizeof err), 0);
  CHECK_EQ_INT(ps_results_new(&m, &o, NULL, 2, &r), 0);
  size_t n = (size_t)o.band_paths;
  double *column = malloc(n * sizeof *column), *w = malloc(n * sizeof *w);
  int equal = 1, unchanged = 0;
  for (int i = 0; r && column && w && i < m.npools; i++)
    for (int t = 0; t < m.periods; t++) {
      int moved = t == 0;
      for (size_t j = 0; j < n; j++) {
        const double *row = o.balance + ps_band_slot(&o, i, (long)j);
        column[j] = row[t];
        moved |= t > 0 && row[t] != row[t - 1];
        if (o.weight) w[j] = o.weight[j];
      }
      unchanged += !moved;
      double q[3];
      if (o.weight) {
        CHECK_EQ_INT(ps_sort_weighted(column, w, n), PS_OK);
        q[0] = ps_wquantile_ci_sorted(column, w, n, 0.05, 0).value;
        q[1] = ps_wquantile_ci_sorted(column, w, n, 0.50, 0).value;
        q[2] = ps_wquantile_ci_sorted(column, w, n, 0.95, 0).value;
      } else {
        q[0] = ps_quantile_select(column, n, 0.05);
        q[1] = ps_quantile_select(column, n, 0.50);
        q[2] = ps_quantile_select(column, n, 0.95);
      }
      const ps_pool_result *pr = &r->pools[i];
      equal &= memcmp(&q[0], &pr->band_p05[t], sizeof *q) == 0 && memcmp(&q[1], &pr->band_p50[t], sizeof *q) == 0 &&
               memcmp(&q[2], &pr->band_p95[t], sizeof *q) == 0;
    }
  CHECK(equal && unchanged > 100); /* most of the 240 periods of each pool have nothing moving */
  free(column);
  free(w);
  ps_results_free(r);
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  test_run_at_once(NULL, 0);
  ps_override quarters[] = {{"step", "quarter"}}, years[] = {{"step", "year"}};
  ps_override refills[] = {{"pools.reserve.refill_below", "0.02"}};
  test_run_at_once(quarters, 1);
  test_run_at_once(years, 1);
  test_run_at_once(refills, 1);
  test_horizon();
  test_sectors();
  test_sampling();
  ps_override importance[] = {{"sampling", "importance"}};
  test_bands(NULL, 0);
  test_bands(importance, 1);
  return check_summary("test_periods");
}
