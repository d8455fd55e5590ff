/* policies.h — kind = "policy" segments in a path (SPEC 2.3b, docs/model.md):
** insurance policies issued in cohorts, their premiums paid up front at issue
** (and the premium subsidy), earned pro rata over the term, and their claims
** (at most one per policy), drawn per cohort and per period from the factor
** copula as loan defaults are. Claims then go through claims.c like defaults,
** with no principal and no recovery. Above sim/path_state.h and claims.c;
** called by path.c. */
#ifndef PS_POLICIES_H
#define PS_POLICIES_H

#include <stdint.h>

#include "sim/path_state.h"

/* ps_policies_issue — n policies of segment s issued in period t (already counted in force): the
** insured firms pay their premiums to the programme's insurer, and the premium subsidy's payer pays the
** firms its share of them (rounded to the fen), both at issue. PS_OK, PS_EINPUT (the ledger refused a
** posting for overflow) or PS_ERUNTIME */
int ps_policies_issue(ps_path *w, int s, int t, int64_t n);

/* ps_policies_earn — the premiums each insurer programme's insurer earns in period t: each cohort's
** premiums pro rata over its term, to the fen (a cohort earns floor(P k / term) by its k-th period) */
void ps_policies_earn(ps_path *w, int t);

/* ps_policies_claims — the claims of policy segment s in period t: in each cohort in force,
** Binomial(policies in force, conditional claim probability); a policy with a claim leaves the book,
** and its claim, max(0, severity x cover - deductible), is recorded for claims.c. PS_OK, or
** PS_ERUNTIME when out of memory */
int ps_policies_claims(ps_path *w, int s, int t);

#endif
