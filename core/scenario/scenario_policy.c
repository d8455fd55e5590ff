/* scenario_policy.c — reading a kind = "policy" segment: insurance that is not
** tied to a loan (首台套 first-of-kind equipment, 科技保险, patent insurance;
** SPEC 2.3b, docs/scenario.md). A policy segment is held in the loan segment's
** struct (model.h): new_policies in new_loans, cover in loan, term in tenor,
** severity in lgd, pd, rho and sector as for loans; premium and deductible are
** its own. */
#include <lauxlib.h>

#include "scenario/scenario_read.h"

const char *const ps_policy_fields[] = {"id",      "name", "kind",     "new_policies", "originate",  "cover",
                                        "term",    "premium", "pd",    "severity",     "deductible", "rho",
                                        "sector",  "rho_sector", "demand_rho", NULL};

/* ps_read_policy_segment — the policy fields of segment s (its id, name and kind are read);
** PS_OK, PS_EINPUT naming the field, PS_ERUNTIME (out of memory) */
int ps_read_policy_segment(const ps_entry *e, ps_model *m, ps_segment *s) {
  long v;
  int rc;
  /* a whole number, or poolsim.poisson{mean =} with demand_rho (scenario_uncertain.c) */
  if ((rc = ps_read_volume(e, "new_policies", m, &s->new_loans, &s->volume))) return rc;
  m->has_volumes |= s->volume.poisson;
  if ((rc = ps_read_origination(e, m, s))) return rc;
  if ((rc = ps_read_dist(e, "cover", "lognormal|uniform", -PS_MAX_AMOUNT_YUAN, PS_MAX_AMOUNT_YUAN, &s->loan)))
    return rc;
  if (s->loan.mean <= 0 || (s->loan.kind == PS_DIST_UNIFORM && s->loan.p1 < 0))
    return ps_read_fail(e, "cover", "the sum insured per policy must be > 0 yuan, got %g", s->loan.mean);
  if ((rc = ps_read_int(e, "term", 1, 0, 1, PS_MAX_PERIODS, &v))) return rc;
  s->tenor = (int)v;
  if ((rc = ps_read_volume_alive(e, "new_policies", s->new_loans, &s->volume, s->tenor))) return rc;
  if ((rc = ps_read_in_range(e, "premium", 1, 0, 0, 1, &s->premium))) return rc;
  if ((rc = ps_read_segment_risk(e, m, s))) return rc;
  /* a loss as a fraction of cover: within [0, 1] */
  if ((rc = ps_read_dist(e, "severity", "beta|uniform", 0, 1, &s->lgd))) return rc;
  return ps_read_amount(e, "deductible", 0, &s->deductible);
}
