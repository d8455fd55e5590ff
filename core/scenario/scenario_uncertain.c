/* scenario_uncertain.c — reading demand risk and estimation risk (SPEC 2.3a): a volume that is
** a whole number or poolsim.poisson{mean =} with demand_rho, and poolsim.uncertain(dist) in
** place of a segment's pd, lgd or rho or the scenario's cycle. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/scenario.h"
#include "scenario/scenario_read.h"

#define MAX_VOLUME 100000000L /* a whole-number volume a period, as new_loans always allowed */
#define MAX_DEMAND_RHO 3.0
/* the largest systemic factor a period's volume bound allows for: P(|Z| > 8) ~ 1e-15 */
#define FACTOR_BOUND 8.0

/* the period's Poisson mean at its largest: the systemic factor at FACTOR_BOUND beyond the largest
** stress shift, in the direction demand_rho makes demand rise */
static double largest_mean(const ps_model *m, const ps_demand *v) {
  double shift = 0;
  for (int t = 1; t <= m->periods; t++) shift = fmax(shift, fabs(m->stress_shift[t]));
  double b = v->demand_rho;
  return v->mean * exp(fabs(b) * (FACTOR_BOUND + shift) - 0.5 * b * b);
}

/* the most a period may draw: the largest mean plus ten of its standard deviations, beyond
** anything a path reaches */
static double volume_bound(const ps_model *m, const ps_demand *v) {
  double q = largest_mean(m, v);
  return ceil(q + 10 * sqrt(q) + 10);
}

/* ps_read_volume — field (new_loans; new_policies, requests) as a whole number into *count, or
** poolsim.poisson{mean =} into *v (with demand_rho; *count 0) */
int ps_read_volume(const ps_entry *e, const char *field, const ps_model *m, int *count, ps_demand *v) {
  lua_State *L = e->rd->L;
  memset(v, 0, sizeof *v);
  *count = 0;
  int type = ps_read_push(e, field), rc, poisson = 0;
  if (type == LUA_TTABLE) {
    lua_getfield(L, -1, "dist");
    poisson = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "poisson") == 0;
    lua_pop(L, 1);
  }
  if (!poisson) {
    lua_pop(L, 1);
    if (type == LUA_TTABLE) return ps_read_fail(e, field, "must be a whole number or poolsim.poisson{mean =}");
    long n;
    if ((rc = ps_read_int(e, field, 1, 0, 0, MAX_VOLUME, &n))) return rc;
    *count = (int)n;
    double b;
    if ((rc = ps_read_number(e, "demand_rho", 0, 0, &b))) return rc;
    if (b != 0) return ps_read_fail(e, "demand_rho", "applies to a volume poolsim.poisson{mean =} only");
    return PS_OK;
  }
  lua_getfield(L, -1, "mean");
  int number = lua_type(L, -1) == LUA_TNUMBER;
  v->mean = lua_tonumber(L, -1);
  lua_pop(L, 2);
  if (!number || !isfinite(v->mean) || !(v->mean > 0))
    return ps_read_fail(e, field, "poolsim.poisson needs a finite mean > 0");
  v->poisson = 1;
  if ((rc = ps_read_in_range(e, "demand_rho", 0, 0, -MAX_DEMAND_RHO, MAX_DEMAND_RHO, &v->demand_rho))) return rc;
  double bound = volume_bound(m, v);
  if (!(bound <= (double)MAX_VOLUME))
    return ps_read_fail(e, field, "a Poisson mean of %g a period (up to %g when the cycle drives it) may draw more than "
                        "%ld a period", v->mean, largest_mean(m, v), MAX_VOLUME);
  v->bound = (int64_t)bound;
  return PS_OK;
}

/* ps_scenario_scale_volume — a Poisson volume's new mean and bound (scenario/scenario.h); the bound
** stays within what a period may draw */
void ps_scenario_scale_volume(const ps_model *m, ps_demand *v, double mean) {
  v->mean = mean;
  v->bound = (int64_t)fmin(volume_bound(m, v), (double)MAX_VOLUME);
}

/* ps_read_volume_alive — the loans a volume may keep alive at once over `tenor` periods stay within
** PS_MAX_LOANS_ALIVE (the loans alive are drawn as one binomial, whose count is 32-bit) */
int ps_read_volume_alive(const ps_entry *e, const char *field, int count, const ps_demand *v, int tenor) {
  double most = v->poisson ? (double)v->bound : count;
  if (most * tenor <= (double)PS_MAX_LOANS_ALIVE) return PS_OK;
  if (v->poisson)
    return ps_read_fail(e, field, "a Poisson mean of %g a period over a tenor of %d periods may put more than %ld "
                        "loans alive at once", v->mean, tenor, (long)PS_MAX_LOANS_ALIVE);
  return ps_read_fail(e, field, "%d loans a period over a tenor of %d periods is more than %ld loans alive at once", count,
                      tenor, (long)PS_MAX_LOANS_ALIVE);
}

/* the field's range and how it is written in messages */
typedef struct {
  const char *name;
  double lo, hi;
  int lo_open, hi_open;
} field_range;

static const field_range ranges[] = {
    [PS_UNCERTAIN_PD] = {"pd", 0, 1, 0, 0},
    [PS_UNCERTAIN_LGD] = {"lgd", 0, 1, 0, 0},
    [PS_UNCERTAIN_RHO] = {"rho", 0, 1, 0, 1},
    [PS_UNCERTAIN_CYCLE] = {"cycle", -1, 1, 1, 1},
};

/* ps_dist_support_max — the largest value a beta, uniform or lognormal draw may take */
double ps_dist_support_max(const ps_dist *d) {
  return d->kind == PS_DIST_BETA ? 1 : d->kind == PS_DIST_UNIFORM ? d->p2 : HUGE_VAL;
}

/* does every draw of d stay in r? beta draws lie in (0, 1), lognormal ones in (0, inf),
** uniform ones in [min, max] */
static int inside(const ps_dist *d, const field_range *r) {
  double lo = d->kind == PS_DIST_UNIFORM ? d->p1 : 0, hi = ps_dist_support_max(d);
  int open = d->kind != PS_DIST_UNIFORM;
  int lo_ok = lo > r->lo || (lo == r->lo && (open || !r->lo_open));
  int hi_ok = hi < r->hi || (hi == r->hi && (open || !r->hi_open));
  return lo_ok && hi_ok;
}

/* ps_read_uncertain — when field holds poolsim.uncertain(dist): check that every draw stays in the
** field's range, put the distribution's mean (the point value) in *value, add the parameter to
** m->uncertain (segment: its index, -1 for the cycle) and set *found; else *found = 0 and the
** caller reads the field as usual */
int ps_read_uncertain(const ps_entry *e, const char *field, ps_model *m, int segment, ps_uncertain_field which,
                      double *value, int *found) {
  lua_State *L = e->rd->L;
  ps_read_push(e, field);
  *found = ps_read_is_uncertain(L, -1);
  lua_pop(L, 1);
  if (!*found) return PS_OK;
  ps_dist d;
  int rc = ps_read_dist(e, field, "beta|uniform|lognormal|uncertain", -HUGE_VAL, HUGE_VAL, &d);
  if (rc) return rc;
  const field_range *r = &ranges[which];
  char range[64];
  snprintf(range, sizeof range, "%s%g, %g%s", r->lo_open ? "(" : "[", r->lo, r->hi, r->hi_open ? ")" : "]");
  if (!inside(&d, r)) {
    if (d.kind == PS_DIST_LOGNORMAL)
      return ps_read_fail(e, field, "poolsim.uncertain of a lognormal can draw any value above 0, outside %s: use "
                          "poolsim.beta{mean=, sd=} or poolsim.uniform{min=, max=} within it", range);
    if (d.kind == PS_DIST_BETA)
      return ps_read_fail(e, field, "poolsim.uncertain of a beta draws in (0, 1), outside %s: use poolsim.uniform{min=, "
                          "max=} within it", range);
    return ps_read_fail(e, field, "poolsim.uncertain of poolsim.uniform{min=%g, max=%g} can draw outside %s", d.p1,
                        d.p2, range);
  }
  ps_uncertain *grown = realloc(m->uncertain, ((size_t)m->nuncertain + 1) * sizeof *grown);
  if (!grown) return PS_ERUNTIME;
  m->uncertain = grown;
  ps_uncertain *u = &m->uncertain[m->nuncertain];
  char key[600];
  if (segment >= 0) snprintf(key, sizeof key, "segments.%.500s.%s", m->segments[segment].id, r->name);
  else snprintf(key, sizeof key, "%s", r->name);
  *u = (ps_uncertain){.key = strdup(key), .field = which, .segment = segment, .dist = d};
  if (!u->key) return PS_ERUNTIME;
  m->nuncertain++;
  *value = d.mean;
  return PS_OK;
}
