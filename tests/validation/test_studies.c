/* test_studies.c — every party in the studies (stats/study_parties.c, issue 16 §4).
**
** (1) A scenario compared with itself: every party figure's B − A is exactly 0, with CI [0, 0]; A's
**     figures are the run's own (a government's outlay is minus its net result, its PV cost the
**     mean of cost_pv, an insurer's loss ratio the mean of its ratio, a bank's breach probability
**     the share of paths breached).
** (2) tests/scenarios/cost_hand.lua (deterministic) with B paying the whole interest instead of half
**     (interest_subsidy.share 0.5 -> 1): 1000万 x 5% = 50万 of interest in years 1 and 2, so B's
**     government pays 25万 more in each: outlay + 500 000 yuan, PV cost + 250 000 / 1.05 +
**     250 000 / 1.05^2 = 464 852.61 (docs/model.md §10: a flow at the end of year t at 1.05^-t),
**     standard error 0.
** (3) The same as a sweep over the share (0.5, 1): row 2 against row 1 gives the same difference.
** (4) A tornado of the share by 20% (0.4 and 0.6): the swing of the outlay is 2 x 50万 x 0.2 =
**     200 000 yuan; the scenario's own PV cost is test_cost.c's 1 726 530.61.
** (5) The largest volume: a row's figures at k = 1 are those of the scenario as given (a run). */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "poolsim/poolsim.h"
#include "poolsim/study.h"
#include "stats/results.h"

static const char *const hand = "tests/scenarios/cost_hand.lua";
static const char *const luoyang = "scenarios/luoyang_2017.lua";
#define SHARE "programmes.q.interest_subsidy.share"

static int figure_of(int n, const char *(*party)(const void *, int), const char *(*measure)(const void *, int),
                     const void *study, const char *p, const char *m) {
  for (int f = 0; f < n; f++)
    if (strcmp(party(study, f), p) == 0 && strcmp(measure(study, f), m) == 0) return f;
  return -1;
}
static const char *cmp_party(const void *c, int f) { return ps_compare_figure_party(c, f); }
static const char *cmp_measure(const void *c, int f) { return ps_compare_figure_measure(c, f); }

/* (1) */
static void self_compare(void) {
  char err[1024];
  ps_options o = {.paths = 2000, .seed = 3, .use_seed = 1, .threads = 2};
  ps_model *a = NULL;
  ps_results *r = NULL;
  ps_compare *c = NULL;
  if (ps_model_new(luoyang, NULL, 0, &a, err, sizeof err) || ps_scenario_run(a, &o, &r, err, sizeof err) ||
      ps_compare_run(a, a, &o, NULL, &c, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(!"luoyang_2017 compares with itself");
  } else {
    int n = ps_compare_nfigures(c);
    CHECK_EQ_INT(n, 4); /* city: outlay, cost_pv; bank: npl_breach; insurer: loss_ratio */
    for (int f = 0; f < n; f++) {
      ps_difference d = ps_compare_figure(c, f);
      CHECK(d.diff == 0 && d.se == 0 && d.lo == 0 && d.hi == 0 && d.a == d.b);
    }
    int out = figure_of(n, cmp_party, cmp_measure, c, "city", "outlay");
    int pv = figure_of(n, cmp_party, cmp_measure, c, "city", "cost_pv");
    int lr = figure_of(n, cmp_party, cmp_measure, c, "insurer", "loss_ratio");
    int npl = figure_of(n, cmp_party, cmp_measure, c, "bank", "npl_breach");
    CHECK(out >= 0 && pv >= 0 && lr >= 0 && npl >= 0);
    if (out >= 0 && pv >= 0 && lr >= 0 && npl >= 0) {
      int city = -1, insurer = -1, bank = -1;
      for (int i = 0; i < r->m->nparties; i++) {
        if (strcmp(r->m->parties[i].id, "city") == 0) city = i;
        if (strcmp(r->m->parties[i].id, "insurer") == 0) insurer = i;
        if (strcmp(r->m->parties[i].id, "bank") == 0) bank = i;
      }
      const ps_party_result *P = r->parties;
      CHECK_NEAR(ps_compare_figure(c, out).a, -P[city].net_result.mean, 1e-9 * fabs(P[city].net_result.mean));
      CHECK_NEAR(ps_compare_figure(c, pv).a, P[city].cost_pv.mean, 1e-9 * fabs(P[city].cost_pv.mean));
      CHECK_NEAR(ps_compare_figure(c, lr).a, P[insurer].ratio.mean, 1e-12);
      CHECK_NEAR(ps_compare_figure(c, npl).a, P[bank].breached.value, 1e-12);
      CHECK(ps_compare_figure(c, npl).a > 0 && ps_compare_figure(c, lr).a > 0); /* not a vacuous 0 = 0 */
    }
  }
  ps_compare_free(c);
  ps_results_free(r);
  ps_model_free(a);
}

static const double pv_more = 250000 / 1.05 + 250000 / (1.05 * 1.05);

/* (2) */
static void doubled_subsidy(void) {
  char err[1024];
  ps_options o = {.paths = 4, .seed = 1, .use_seed = 1, .threads = 1};
  ps_override twice = {SHARE, "1"};
  ps_model *a = NULL, *b = NULL;
  ps_compare *c = NULL;
  if (ps_model_new(hand, NULL, 0, &a, err, sizeof err) || ps_model_new(hand, &twice, 1, &b, err, sizeof err) ||
      ps_compare_run(a, b, &o, NULL, &c, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(!"cost_hand compares with its subsidy doubled");
  } else {
    int n = ps_compare_nfigures(c);
    CHECK_EQ_INT(n, 2);
    int out = figure_of(n, cmp_party, cmp_measure, c, "gov", "outlay");
    int pv = figure_of(n, cmp_party, cmp_measure, c, "gov", "cost_pv");
    CHECK(out >= 0 && pv >= 0);
    if (out >= 0 && pv >= 0) {
      ps_difference d = ps_compare_figure(c, out), e = ps_compare_figure(c, pv);
      CHECK_NEAR(d.diff, 500000, 1e-6);
      CHECK_NEAR(d.b - d.a, 500000, 1e-6);
      CHECK_NEAR(d.se, 0, 1e-9);
      CHECK_NEAR(e.diff, pv_more, 1e-6);
      CHECK_NEAR(e.diff, 464852.61, 0.01);
      CHECK_NEAR(e.a, 1726530.61, 0.01);
    }
  }
  ps_compare_free(c);
  ps_model_free(a);
  ps_model_free(b);
}

/* (3) and (4) */
static void sweep_and_tornado(void) {
  char err[1024];
  ps_options o = {.paths = 4, .seed = 1, .use_seed = 1, .threads = 1};
  ps_vary v = {SHARE, {"0.5", "1"}, 2};
  ps_sweep *s = NULL;
  if (ps_sweep_run(hand, NULL, 0, &v, 1, &o, NULL, &s, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(!"cost_hand sweeps");
  } else {
    CHECK_EQ_INT(ps_sweep_nfigures(s), 2);
    CHECK(strcmp(ps_sweep_figure_party(s, 0), "gov") == 0 && strcmp(ps_sweep_figure_measure(s, 0), "outlay") == 0);
    CHECK(strcmp(ps_sweep_figure_measure(s, 1), "cost_pv") == 0);
    CHECK(ps_sweep_figure(s, 0, 0).diff == 0 && ps_sweep_figure(s, 0, 1).hi == 0);
    CHECK_NEAR(ps_sweep_figure(s, 1, 0).diff, 500000, 1e-6);
    CHECK_NEAR(ps_sweep_figure(s, 1, 1).diff, pv_more, 1e-6);
    CHECK_NEAR(ps_sweep_figure(s, 1, 1).b, 1726530.61 + pv_more, 0.02);
  }
  ps_sweep_free(s);
  const char *keys[] = {SHARE};
  ps_tornado *t = NULL;
  if (ps_tornado_run(hand, NULL, 0, keys, 1, 0.2, &o, &t, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(!"cost_hand tornado");
  } else {
    CHECK_EQ_INT(ps_tornado_nfigures(t), 2);
    CHECK_NEAR(ps_tornado_figure_base(t, 1), 1726530.61, 0.01);
    ps_difference sw = ps_tornado_figure(t, 0, 0);
    CHECK_NEAR(sw.diff, 200000, 1e-6);
    CHECK_NEAR(sw.b - sw.a, 200000, 1e-6);
    CHECK_NEAR(ps_tornado_figure(t, 0, 1).diff, 0.4 * pv_more, 1e-6);
  }
  ps_tornado_free(t);
}

/* (5) */
static void volume(void) {
  char err[1024];
  ps_options o = {.paths = 300, .seed = 5, .use_seed = 1, .threads = 2};
  double alphas[] = {0.05};
  ps_study_options so = {alphas, 1, NULL};
  ps_volume *v = NULL;
  ps_model *m = NULL;
  ps_results *r = NULL;
  if (ps_volume_run(luoyang, NULL, 0, &o, &so, &v, err, sizeof err) || ps_model_new(luoyang, NULL, 0, &m, err, sizeof err) ||
      ps_scenario_run(m, &o, &r, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(!"luoyang_2017 largest volume");
  } else {
    CHECK_EQ_INT(ps_volume_nfigures(v), 4);
    CHECK(strcmp(ps_volume_figure_party(v, 0), "city") == 0 && strcmp(ps_volume_figure_measure(v, 0), "outlay") == 0);
    int city = -1;
    for (int i = 0; i < m->nparties; i++)
      if (strcmp(m->parties[i].id, "city") == 0) city = i;
    CHECK(city >= 0);
    if (city >= 0) {
      ps_difference d = ps_volume_figure(v, 0, 0);
      CHECK_NEAR(d.a, -r->parties[city].net_result.mean, 1e-9 * fabs(d.a));
      CHECK(ps_volume_scale(v, 0) != 1 ? d.diff != 0 : 1); /* a different volume, a different outlay */
    }
  }
  ps_results_free(r);
  ps_model_free(m);
  ps_volume_free(v);
}

int main(void) {
  gsl_set_error_handler_off();
  self_compare();
  doubled_subsidy();
  sweep_and_tornado();
  volume();
  return check_summary("test_studies");
}
