/* cost_sentence.c — see cost_sentence.h */
#include "report/cost_sentence.h"

#include <gsl/gsl_cdf.h>
#include <stdio.h>

#include "report/format.h"
#include "stats/stats.h"

void ps_cost_sentence(const ps_party_result *p, ps_lang L, char *buf, size_t n) {
  char a[32], b[32], c[32], d[32];
  double volume = 0;
  for (int y = 0; y < p->ncohorts; y++) volume += p->volume_by_cohort[y];
  double z = gsl_cdf_ugaussian_Pinv(0.5 + PS_CI_LEVEL / 2); /* the mean's interval: z standard errors */
  snprintf(buf, n, ps_label(PS_L_COST_RATE, L), ps_money(p->cost_pv.mean, a, sizeof a),
           ps_percent(p->subsidy_rate.mean, b, sizeof b), ps_percent(z * p->subsidy_rate.se, c, sizeof c),
           ps_money(volume, d, sizeof d));
}

int ps_cost_cohort_label(const ps_party_result *p, int y, ps_lang L, char *buf, size_t n) {
  if (p->volume_by_cohort[y] == 0 && p->cost_by_cohort[y].mean == 0) return 0;
  if (y == 0) snprintf(buf, n, "%s", ps_label(PS_L_COST_BOOK, L));
  else snprintf(buf, n, ps_label(PS_L_COST_COHORT_N, L), y);
  return 1;
}

ps_stats_units ps_cost_units(const ps_party_result *p) {
  ps_stats_units u = ps_stats_units_of((const ps_stats *const[]){&p->cost_pv}, 1);
  for (int y = 0; y < p->ncohorts; y++) {
    ps_stats_units v = ps_stats_units_of((const ps_stats *const[]){&p->cost_by_cohort[y]}, 1);
    u.mean |= v.mean, u.se |= v.se, u.p50 |= v.p50, u.p95 |= v.p95, u.p99 |= v.p99, u.es99 |= v.es99;
  }
  return u;
}
