/* scenario_bridge.c — reading segments of kind "bridge": an emergency
** bridge-loan fund (应急转贷, SPEC 2.3b, docs/scenario.md). A bridge lends a firm
** the money to repay a maturing bank loan for a few days; the bank renews and
** the firm repays. Its programme names a `lender` pool (scenario_programme.c). */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>

#include "scenario/scenario_read.h"

const char *const ps_bridge_fields[] = {"id",  "kind", "name", "requests", "amount",     "days",       "fee",
                                        "pd",  "lgd",  "rho",  "sector",   "rho_sector", "demand_rho", NULL};

/* requests = bridge requests a period: a whole number, or poolsim.poisson{mean =} with demand_rho
** (scenario_uncertain.c) */
static int read_requests(const ps_entry *e, ps_model *m, ps_segment *s) {
  int rc = ps_read_volume(e, "requests", m, &s->requests, &s->volume);
  m->has_volumes |= s->volume.poisson;
  return rc;
}

/* amount = yuan, or poolsim.lognormal{} / poolsim.uniform{}: each bridge's amount, > 0 */
static int read_amount(const ps_entry *e, ps_segment *s) {
  int rc = ps_read_dist(e, "amount", "lognormal|uniform", 0, PS_MAX_AMOUNT_YUAN, &s->loan);
  if (rc) return rc;
  double least = s->loan.kind == PS_DIST_UNIFORM ? s->loan.p1 : s->loan.mean;
  if (s->loan.kind != PS_DIST_LOGNORMAL && !(least > 0))
    return ps_read_fail(e, "amount", "a bridge amount must be > 0 yuan, got %g", least);
  return PS_OK;
}

/* ps_read_bridge_segment — the fields of a bridge segment (its id, kind and name already read,
** its fields checked against ps_bridge_fields); PS_OK, PS_EINPUT naming the field, PS_ERUNTIME */
int ps_read_bridge_segment(const ps_entry *e, ps_model *m, ps_segment *s) {
  double period_days = ps_days_per_period(m->step);
  int rc;
  s->first = 1;
  s->last = m->periods;
  s->tenor = 1; /* one hazard: the probability per bridge (ps_derive_hazards) */
  if ((rc = read_requests(e, m, s)) || (rc = read_amount(e, s))) return rc;
  if ((rc = ps_read_number(e, "days", 1, 0, &s->days))) return rc;
  if (!(s->days > 0) || s->days > period_days)
    return ps_read_fail(e, "days", "the days a bridge is out must be > 0 and at most the %g days of a period, got %g",
                        period_days, s->days);
  if ((rc = ps_read_number(e, "fee", 0, 0, &s->fee))) return rc;
  if (!(s->fee >= 0 && s->fee <= 0.01))
    return ps_read_fail(e, "fee", "must be a rate per day in [0, 0.01] (e.g. 0.0002 for 0.02%% a day), got %g", s->fee);
  if ((rc = ps_read_segment_risk(e, m, s))) return rc;
  if (s->pd_by_year) return ps_read_fail(e, "pd", "a bridge's pd is one probability per bridge, not a term structure");
  return ps_read_dist(e, "lgd", "beta|uniform", 0, 1, &s->lgd);
}
