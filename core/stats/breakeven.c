/* breakeven.c — break-even terms (include/poolsim/study.h): the value of a field at which a party's
** expected cost in present value is zero, or its expected loss ratio or payout rate a target, by
** bisection over runs on common random numbers. A study: no files, no printing. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/model.h"
#include "stats/column.h"
#include "stats/results.h"
#include "stats/study.h"
#include "stats/weighted.h"

#define Z95 1.959964 /* the two-sided 95% normal quantile */
#define MAX_SETS 256

typedef struct {
  const char *file;
  ps_override sets[MAX_SETS + 1]; /* the caller's, then the field's value */
  int nsets;
  ps_options runs;      /* the runs' options: the caller's, with the first run's tail shift under tail sampling */
  double *shift;        /* that shift (owned), NULL under plain sampling */
  ps_sampling sampling; /* the first run's sampling */
  const ps_breakeven_options *bo;
  ps_breakeven *b;
  int party;      /* index, once the first model is loaded */
  int government; /* the party is a government: its cost is sim/cost.h's */
  int capruns;
  double end_g[2]; /* g at the two ends of the last bracket bisect left, and where they are */
  double end_v[2];
  char *err;
  size_t errlen;
} search;

static const char *measure_of(const ps_party *p, int use_target) {
  if (!use_target) return "pv_cost";
  return p->kind == PS_PARTY_INSURER ? "loss_ratio" : "payout_rate";
}

/* the party whose figure is sought, checked against what the figure needs; -1 with a message */
static int find_party(search *s, const ps_model *m) {
  const ps_breakeven_options *bo = s->bo;
  if (bo->party) {
    for (int i = 0; i < m->nparties; i++)
      if (strcmp(m->parties[i].id, bo->party) == 0) {
        ps_party_kind k = m->parties[i].kind;
        if (bo->use_target && k != PS_PARTY_INSURER && k != PS_PARTY_GUARANTOR) {
          snprintf(s->err, s->errlen, "--party %s: a --target is an insurer's loss ratio or a guarantor's payout rate, "
                   "and '%s' is neither", bo->party, bo->party);
          return -1;
        }
        return i;
      }
    snprintf(s->err, s->errlen, "--party %s: the scenario has no party with that id", bo->party);
    return -1;
  }
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < m->nparties; i++) {
      ps_party_kind k = m->parties[i].kind;
      if (bo->use_target ? k == (pass == 0 ? PS_PARTY_INSURER : PS_PARTY_GUARANTOR) : k == PS_PARTY_GOVERNMENT) return i;
    }
  snprintf(s->err, s->errlen, bo->use_target ? "--target: the scenario has no insurer or guarantor (name one with --party)"
                                             : "--breakeven: the scenario has no government (name a party with --party)");
  return -1;
}

/* the statistics of party i's net result in present value over the paths of r (weighted under tail
** sampling): from its outcomes, or from the holders of its blocks (stats/column.h); PS_OK or PS_ERUNTIME */
static int party_pv_stats(const ps_results *r, int i, ps_stats *st) {
  const ps_outcomes *o = &r->outcomes;
  if (!o->host) {
    const double *x = o->party_pv + ps_slot(o, i, 0);
    return o->weight ? ps_wstats_compute(x, o->weight, (size_t)o->paths, st) : ps_stats_compute(x, (size_t)o->paths, st);
  }
  const ps_outcomes *b = o->host->block;
  ps_column_source *src = NULL;
  int rc = o->host->open(o->host, b->party_pv + ps_slot(b, i, b->first), 1, NULL, 1, o->weight != NULL, LONG_MAX, &src);
  if (rc == PS_OK) rc = ps_column_stats(src, st);
  if (src) o->host->close(o->host, src);
  return rc;
}

/* the party's figure over the paths of r: its mean and standard error */
static int figure(search *s, const ps_results *r, ps_breakeven_run_point *pt) {
  const ps_party_result *p = &r->parties[s->party];
  if (s->bo->use_target) {
    pt->mean = p->ratio.mean;
    pt->se = p->ratio.se;
  } else if (s->government) {
    pt->mean = p->cost_pv.mean;
    pt->se = p->cost_pv.se;
  } else { /* minus its net result in present value */
    ps_stats st;
    if (party_pv_stats(r, s->party, &st)) {
      snprintf(s->err, s->errlen, "out of memory");
      return PS_ERUNTIME;
    }
    pt->mean = -st.mean;
    pt->se = st.se;
  }
  return PS_OK;
}

/* a message about the field's --set, as made by the value v tried, names --breakeven instead */
static int rename_set(search *s, const char *v, int rc) {
  char made[512];
  snprintf(made, sizeof made, "--set %s=%s: ", s->bo->field, v);
  size_t n = strlen(made);
  if (strncmp(s->err, made, n) == 0) {
    char rest[2048];
    snprintf(rest, sizeof rest, "%s", s->err + n);
    snprintf(s->err, s->errlen, "--breakeven %s (trying %s): %s", s->bo->field, v, rest);
  }
  return rc;
}

/* the run at value v (made once: a value met again is read back); PS_OK, PS_EINPUT or PS_ERUNTIME */
static int evaluate(search *s, double v, ps_breakeven_run_point *pt) {
  ps_breakeven *b = s->b;
  for (int k = 0; k < b->nruns; k++)
    if (b->runs[k].value == v) {
      *pt = b->runs[k];
      return PS_OK;
    }
  char text[32];
  snprintf(text, sizeof text, "%.17g", v);
  s->sets[s->nsets] = (ps_override){s->bo->field, text};
  ps_model *m = NULL;
  int rc = ps_model_new(s->file, s->sets, s->nsets + 1, &m, s->err, s->errlen);
  if (rc) return rename_set(s, text, rc);
  if (b->nruns == 0) s->sampling = m->sampling;
  if ((rc = b->nruns == 0 ? ps_study_sampling(m, &s->runs, &s->shift, s->err, s->errlen)
                          : ps_study_same_sampling(s->sampling, "the first value tried", m, "size --breakeven",
                                                   s->err, s->errlen))) {
    ps_model_free(m);
    return rc;
  }
  if (b->nruns == 0) { /* the first run: who, what, and the scenario as the study names it */
    if ((s->party = find_party(s, m)) < 0) rc = PS_EINPUT;
    else if (ps_study_scenario_init(&b->scenario, m) || !(b->party = strdup(m->parties[s->party].id)))
      rc = PS_ERUNTIME;
    s->government = s->party >= 0 && m->parties[s->party].kind == PS_PARTY_GOVERNMENT;
    if (s->party >= 0) b->measure = measure_of(&m->parties[s->party], s->bo->use_target);
  }
  m->track_party_pv = !s->bo->use_target && !s->government;
  ps_results *r = NULL;
  if (rc == PS_OK) rc = ps_scenario_run(m, &s->runs, &r, s->err, s->errlen);
  if (rc == PS_OK) {
    b->paths = r->paths;
    b->seed = r->seed;
    if (b->nruns == 0) ps_study_scenario_ran(&b->scenario, r);
    pt->value = v;
    rc = figure(s, r, pt);
  }
  ps_results_free(r);
  ps_model_free(m);
  if (rc) return rc;
  if (b->nruns == s->capruns) {
    int cap = s->capruns ? 2 * s->capruns : 16;
    ps_breakeven_run_point *grown = realloc(b->runs, (size_t)cap * sizeof *grown);
    if (!grown) {
      snprintf(s->err, s->errlen, "out of memory");
      return PS_ERUNTIME;
    }
    b->runs = grown;
    s->capruns = cap;
  }
  b->runs[b->nruns++] = *pt;
  return PS_OK;
}

/* g(v) = mean + k se - target at v */
static int shifted(search *s, double v, double k, double *g) {
  ps_breakeven_run_point pt = {0};
  int rc = evaluate(s, v, &pt);
  *g = pt.mean + k * pt.se - s->b->target;
  return rc;
}

/* where g (k standard errors above the mean) crosses zero in [lo, hi], to 1/10 000 of the range;
** *found 0 when g has one sign at both ends */
static int bisect(search *s, double k, double *root, int *found) {
  double lo = s->b->lo, hi = s->b->hi, glo, ghi;
  int rc = shifted(s, lo, k, &glo);
  if (!rc) rc = shifted(s, hi, k, &ghi);
  if (rc) return rc;
  *found = (glo <= 0 && ghi >= 0) || (glo >= 0 && ghi <= 0);
  if (!*found) return PS_OK;
  double tolerance = 1e-4 * (s->b->hi - s->b->lo);
  while (hi - lo > tolerance && glo != 0 && ghi != 0) {
    double mid = (lo + hi) / 2, gmid;
    if ((rc = shifted(s, mid, k, &gmid))) return rc;
    if ((gmid <= 0) == (glo <= 0)) {
      lo = mid;
      glo = gmid;
    } else {
      hi = mid;
      ghi = gmid;
    }
  }
  s->end_v[0] = lo, s->end_v[1] = hi, s->end_g[0] = glo, s->end_g[1] = ghi;
  /* the end nearer zero, or the line between the two ends where both are off it */
  *root = glo == 0 ? lo : ghi == 0 ? hi : lo + (hi - lo) * glo / (glo - ghi);
  return PS_OK;
}

/* "the expected PV cost of party 'x' zero" for messages */
static void goal_text(const ps_breakeven *b, char *buf, size_t n) {
  if (strcmp(b->measure, "pv_cost") == 0) snprintf(buf, n, "the expected PV cost of party '%s' zero", b->party);
  else snprintf(buf, n, "the expected %s of party '%s' %g%%", strcmp(b->measure, "loss_ratio") == 0 ? "loss ratio" : "payout rate",
                b->party, 100 * b->target);
}

/* the figure as messages show it: yuan, or a ratio in percent */
static void figure_text(const ps_breakeven *b, double x, char *buf, size_t n) {
  if (strcmp(b->measure, "pv_cost") == 0) snprintf(buf, n, "%.2f yuan", x);
  else snprintf(buf, n, "%.2f%%", 100 * x);
}

static int search_all(search *s) {
  ps_breakeven *b = s->b;
  int found, rc = bisect(s, 0, &b->value, &found);
  if (rc) return rc;
  if (!found) {
    char goal[256];
    goal_text(b, goal, sizeof goal);
    char at_lo[48], at_hi[48];
    figure_text(b, b->runs[0].mean, at_lo, sizeof at_lo);
    figure_text(b, b->runs[1].mean, at_hi, sizeof at_hi);
    snprintf(s->err, s->errlen, "--breakeven %s: no value in [%g, %g] makes %s: it is %s at %g and %s at %g "
             "(widen the range with --range LO,HI, or change the target)", b->field, b->lo, b->hi, goal, at_lo, b->lo,
             at_hi, b->hi);
    return PS_EINPUT;
  }
  /* a figure that jumps across the target (a loss ratio that is 0 at a premium of 0 and huge just above
  ** it) has a sign change but no root: the last bracket still spans much of the figure's whole move */
  double whole = fabs(b->runs[1].mean - b->runs[0].mean), jump = fabs(s->end_g[1] - s->end_g[0]);
  if (jump > 0.01 * whole && s->end_g[0] != 0 && s->end_g[1] != 0) {
    char goal[256], from[48], to[48];
    goal_text(b, goal, sizeof goal);
    figure_text(b, s->end_g[0] + b->target, from, sizeof from);
    figure_text(b, s->end_g[1] + b->target, to, sizeof to);
    snprintf(s->err, s->errlen, "--breakeven %s: no value in [%g, %g] makes %s: the figure jumps across it between %.6g "
             "and %.6g (from %s to %s); narrow the range with --range LO,HI to one side of the jump", b->field, b->lo,
             b->hi, goal, s->end_v[0], s->end_v[1], from, to);
    return PS_EINPUT;
  }
  /* which way the figure moves decides which shifted root bounds the interval from below */
  int rising = b->runs[1].mean >= b->runs[0].mean;
  for (int side = 0; side < 2; side++) {
    double k = (side == 0) == rising ? Z95 : -Z95;
    if ((rc = bisect(s, k, &b->ci[side], &found))) return rc;
    b->open[side] = !found;
    if (!found) b->ci[side] = side == 0 ? b->lo : b->hi;
  }
  if (b->ci[0] > b->value) b->ci[0] = b->value; /* the interpolated roots of a noisy figure */
  if (b->ci[1] < b->value) b->ci[1] = b->value;
  return evaluate(s, b->value, &b->at);
}

/* ps_breakeven_run — see include/poolsim/study.h */
int ps_breakeven_run(const char *file, const ps_override *sets, int nsets, const ps_options *opt,
                     const ps_breakeven_options *bo, ps_breakeven **out, char *err, size_t errlen) {
  ps_options runs = ps_study_runs(opt);
  opt = &runs;
  *out = NULL;
  if (nsets > MAX_SETS) {
    snprintf(err, errlen, "--breakeven: at most %d --set overrides", MAX_SETS);
    return PS_EINPUT;
  }
  double lo = bo->lo, hi = bo->hi;
  if (lo == 0 && hi == 0) hi = 1;
  if (!(lo < hi) || !isfinite(lo) || !isfinite(hi)) {
    snprintf(err, errlen, "--range %g,%g: the range must be two finite numbers, the lower first", lo, hi);
    return PS_EINPUT;
  }
  ps_breakeven *b = calloc(1, sizeof *b);
  search *s = calloc(1, sizeof *s);
  if (!b || !s || !(b->field = strdup(bo->field))) {
    free(s);
    ps_breakeven_free(b);
    snprintf(err, errlen, "out of memory");
    return PS_ERUNTIME;
  }
  *s = (search){.file = file, .nsets = nsets, .runs = *opt, .bo = bo, .b = b, .err = err, .errlen = errlen};
  if (nsets > 0) memcpy(s->sets, sets, (size_t)nsets * sizeof *sets);
  b->target = bo->use_target ? bo->target : 0;
  b->lo = lo;
  b->hi = hi;
  int rc = search_all(s);
  free(s->shift);
  free(s);
  if (rc) ps_breakeven_free(b);
  else *out = b;
  return rc;
}

void ps_breakeven_free(ps_breakeven *b) {
  if (!b) return;
  ps_study_scenario_destroy(&b->scenario);
  free(b->field);
  free(b->party);
  free(b->runs);
  free(b);
}

const char *ps_breakeven_field(const ps_breakeven *b) { return b->field; }
const char *ps_breakeven_party(const ps_breakeven *b) { return b->party; }
const char *ps_breakeven_measure(const ps_breakeven *b) { return b->measure; }
double ps_breakeven_target(const ps_breakeven *b) { return b->target; }
double ps_breakeven_value(const ps_breakeven *b) { return b->value; }
double ps_breakeven_ci(const ps_breakeven *b, int side, int *open) {
  if (open) *open = b->open[side != 0];
  return b->ci[side != 0];
}
int ps_breakeven_nruns(const ps_breakeven *b) { return b->nruns; }
