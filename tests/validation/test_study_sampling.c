/* test_study_sampling.c — the studies under tail sampling (sampling = "importance"; stats/study.h
** ps_study_sampling, stats/paired.h weighted series).
**
** A is tests/scenarios/small.lua, B the same with segment a_small's PD 0.04 -> 0.05. Checked:
**   1. every run of a study takes its first run's shift: compare's B side is, to the bit, B run
**      alone with A's shift (ps_options.sampling_shift), and not B run with its own shift (which
**      differs, so the check can fail);
**   2. a scenario compared with itself under tail sampling: every B - A is exactly 0, se 0;
**   3. compare under tail sampling against plain sampling: the pool's net outlay and depletion and
**      every party figure's B - A agree within Z_TOL combined standard errors;
**   4. a study whose runs would sample differently is refused (PS_EINPUT, "one sampling");
**   5. 1 and 2 threads give the same bits;
**   6. a sweep over the pool's initial balance: row 2 against row 1 is, to the bit, compare of the
**      two scenarios (the sweep passes row 1's shift to every row);
**   7. size --volume: the scenario's covered lending (the same on every path) is its plain value,
**      not that value times the weights' mean.
** Each statistical check fails a correct engine with probability about 6.8e-6 (4.5 sigma); the
** seeds are fixed, so the outcome is deterministic. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "poolsim/poolsim.h"
#include "poolsim/study.h"
#include "scenario/model.h"
#include "sim/sampling.h"
#include "stats/results.h"
#include "stats/study.h"

#define Z_TOL 4.5
#define SMALL "tests/scenarios/small.lua"
#define ALPHA 0.01

/* SMALL with the sampling given, B's PD when b, and the pool's initial balance unless NULL */
static ps_model *load(const char *sampling, int b, const char *initial) {
  ps_override sets[4] = {{"sampling", sampling}};
  int n = 1;
  if (b) sets[n++] = (ps_override){"segments.a_small.pd", "0.05"};
  if (initial) sets[n++] = (ps_override){"pools.fund.initial", initial};
  ps_model *m = NULL;
  char err[1024];
  if (ps_model_new(SMALL, sets, n, &m, err, sizeof err)) {
    fprintf(stderr, "cannot load %s: %s\n", SMALL, err);
    CHECK(0);
  }
  return m;
}

static ps_compare *compare(const ps_model *a, const ps_model *b, long paths, int threads) {
  ps_options o = {.paths = paths, .threads = threads, .sampling_alpha = ALPHA};
  ps_compare *c = NULL;
  char err[1024];
  if (ps_compare_run(a, b, &o, NULL, &c, err, sizeof err)) {
    fprintf(stderr, "compare failed: %s\n", err);
    CHECK(0);
  }
  return c;
}

/* the pool's mean net outlay of m run alone with the shift given (NULL: its own) */
static double net_outlay(const ps_model *m, long paths, const double *shift, int nshift) {
  ps_options o = {.paths = paths, .threads = 2, .sampling_alpha = ALPHA, .sampling_shift = shift,
                  .sampling_shift_n = nshift};
  ps_results *r = NULL;
  char err[1024];
  if (ps_scenario_run(m, &o, &r, err, sizeof err)) {
    fprintf(stderr, "run failed: %s\n", err);
    CHECK(0);
    return NAN;
  }
  double v = r->pools[0].net_outlay.mean;
  ps_results_free(r);
  return v;
}

static int same_bits(double x, double y) { return memcmp(&x, &y, sizeof x) == 0; }

/* every difference of c and d the same bits */
static int same_compare(const ps_compare *c, const ps_compare *d) {
  int same = c->npools == d->npools && c->figures.n == d->figures.n;
  for (int p = 0; same && p < c->npools; p++)
    same = memcmp(&c->pools[p].net_outlay_mean, &d->pools[p].net_outlay_mean, sizeof(ps_difference)) == 0 &&
           memcmp(&c->pools[p].depletion, &d->pools[p].depletion, sizeof(ps_difference)) == 0;
  for (int k = 0; same && k < c->figures.n; k++)
    same = memcmp(&c->parties[k], &d->parties[k], sizeof(ps_difference)) == 0;
  return same;
}

/* two estimates of one difference agree within Z_TOL combined standard errors */
static void agree(const char *what, const ps_difference *x, const ps_difference *y) {
  double se = sqrt(x->se * x->se + y->se * y->se), gap = fabs(x->diff - y->diff);
  int ok = se > 0 ? gap <= Z_TOL * se : gap <= 1e-9 * fmax(1, fabs(x->diff));
  if (!ok)
    fprintf(stderr, "%s: importance %.6g (se %.3g) against plain %.6g (se %.3g)\n", what, x->diff, x->se, y->diff,
            y->se);
  CHECK(ok);
}

static void shared_shift(void) {
  ps_model *a = load("importance", 0, NULL), *b = load("importance", 1, NULL);
  if (!a || !b) goto done;
  ps_compare *c = compare(a, b, 4000, 2);
  double *mu = malloc(((size_t)a->periods + 1) * sizeof *mu);
  char err[1024];
  if (!c || !mu || ps_sampling_choose(a, a->seed, NULL, ALPHA, mu, err, sizeof err)) {
    CHECK(0);
  } else {
    double shared = net_outlay(b, 4000, mu, a->periods + 1), own = net_outlay(b, 4000, NULL, 0);
    CHECK(same_bits(c->pools[0].net_outlay_mean.b, shared));
    CHECK(!same_bits(shared, own)); /* B's own shift differs: the check above can fail */
    CHECK(same_bits(c->pools[0].net_outlay_mean.a, net_outlay(a, 4000, NULL, 0)));
    CHECK(c->a.importance && c->a.effective_paths < 0.99 * 4000 && c->a.effective_paths > 0);
    CHECK(same_bits(c->a.effective_paths, c->b.effective_paths)); /* one shift, the same weights */
  }
  free(mu);
  ps_compare_free(c);
done:
  ps_model_free(a);
  ps_model_free(b);
}

static void self_compare(void) {
  ps_model *a = load("importance", 0, NULL);
  ps_compare *c = a ? compare(a, a, 3000, 2) : NULL;
  for (int p = 0; c && p < c->npools; p++) {
    CHECK(c->pools[p].net_outlay_mean.diff == 0 && c->pools[p].net_outlay_mean.se == 0);
    CHECK(c->pools[p].depletion.diff == 0 && c->pools[p].depletion.se == 0);
  }
  for (int k = 0; c && k < c->figures.n; k++) CHECK(c->parties[k].diff == 0 && c->parties[k].se == 0);
  CHECK(c && c->npools == 1 && c->figures.n > 0);
  ps_compare_free(c);
  ps_model_free(a);
}

static void against_plain(void) {
  ps_model *ai = load("importance", 0, NULL), *bi = load("importance", 1, NULL);
  ps_model *ap = load("plain", 0, NULL), *bp = load("plain", 1, NULL);
  ps_compare *ci = ai && bi ? compare(ai, bi, 20000, 2) : NULL, *cp = ap && bp ? compare(ap, bp, 20000, 2) : NULL;
  if (ci && cp) {
    agree("net outlay", &ci->pools[0].net_outlay_mean, &cp->pools[0].net_outlay_mean);
    agree("depletion", &ci->pools[0].depletion, &cp->pools[0].depletion);
    CHECK(ci->figures.n == cp->figures.n);
    for (int k = 0; k < ci->figures.n && k < cp->figures.n; k++) {
      char what[128];
      snprintf(what, sizeof what, "%s %s", ci->figures.party[k], ci->figures.measure[k]);
      agree(what, &ci->parties[k], &cp->parties[k]);
    }
    CHECK(cp->pools[0].depletion.diff > 0); /* a higher PD runs the pool short more often */
  } else {
    CHECK(0);
  }
  /* 4: mixed samplings refused */
  ps_compare *mixed = NULL;
  char err[1024] = "";
  ps_options o = {.paths = 100, .threads = 1};
  CHECK(ap && bi && ps_compare_run(ap, bi, &o, NULL, &mixed, err, sizeof err) == PS_EINPUT && !mixed);
  CHECK(strstr(err, "one sampling") != NULL);
  ps_compare_free(ci);
  ps_compare_free(cp);
  ps_model_free(ai);
  ps_model_free(bi);
  ps_model_free(ap);
  ps_model_free(bp);
}

static void threads(void) {
  ps_model *a = load("importance", 0, NULL), *b = load("importance", 1, NULL);
  ps_compare *one = a && b ? compare(a, b, 3000, 1) : NULL, *two = a && b ? compare(a, b, 3000, 2) : NULL;
  CHECK(one && two && same_compare(one, two));
  ps_compare_free(one);
  ps_compare_free(two);
  ps_model_free(a);
  ps_model_free(b);
}

static void sweep_like_compare(void) {
  ps_override sets[1] = {{"sampling", "importance"}};
  ps_vary vary = {.key = "pools.fund.initial", .values = {"5e6", "7e6"}, .nvalues = 2};
  ps_options o = {.paths = 3000, .threads = 2, .sampling_alpha = ALPHA};
  ps_sweep *s = NULL;
  char err[1024];
  if (ps_sweep_run(SMALL, sets, 1, &vary, 1, &o, NULL, &s, err, sizeof err)) {
    fprintf(stderr, "sweep failed: %s\n", err);
    CHECK(0);
    return;
  }
  ps_model *a = load("importance", 0, "5e6"), *b = load("importance", 0, "7e6");
  ps_compare *c = a && b ? compare(a, b, 3000, 2) : NULL;
  CHECK(c && s->nrows == 2 && s->figures.n == c->figures.n);
  for (int k = 0; c && k < c->figures.n && k < s->figures.n; k++)
    CHECK(memcmp(&s->rows[1].parties[k], &c->parties[k], sizeof(ps_difference)) == 0);
  CHECK(c && same_bits(s->rows[1].pools[0].net_outlay_mean, c->pools[0].net_outlay_mean.b));
  CHECK(s->scenario.importance && same_bits(s->scenario.effective_paths, c ? c->a.effective_paths : -1));
  ps_compare_free(c);
  ps_model_free(a);
  ps_model_free(b);
  ps_sweep_free(s);
}

static void volume(void) {
  ps_options o = {.paths = 2000, .threads = 2, .sampling_alpha = ALPHA};
  ps_override sets[1] = {{"sampling", "importance"}}, plain[1] = {{"sampling", "plain"}};
  ps_volume *vi = NULL, *vp = NULL;
  char err[1024];
  if (ps_volume_run(SMALL, sets, 1, &o, NULL, &vi, err, sizeof err) ||
      ps_volume_run(SMALL, plain, 1, &o, NULL, &vp, err, sizeof err)) {
    fprintf(stderr, "volume failed: %s\n", err);
    CHECK(0);
  } else {
    CHECK(fabs(vi->base_lending - vp->base_lending) <= 1e-12 * vp->base_lending);
    CHECK(vi->scenario.importance && !vp->scenario.importance && vp->scenario.effective_paths == 2000);
  }
  ps_volume_free(vi);
  ps_volume_free(vp);
}

int main(void) {
  gsl_set_error_handler_off();
  shared_shift();
  self_compare();
  against_plain();
  threads();
  sweep_like_compare();
  volume();
  return check_summary("test_study_sampling");
}
