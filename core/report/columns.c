/* columns.c — one unit per column (report/columns.h). */
#include "report/columns.h"

#include <math.h>

#include "report/format.h"

ps_stats_units ps_stats_units_of(const ps_stats *const *rows, int n) {
  ps_stats_units u = {0};
  for (int i = 0; i < n; i++) {
    const ps_stats *s = rows[i];
    if (!s) continue;
    u.mean |= ps_unit_of(&s->mean, 1);
    u.se |= ps_unit_of(&s->se, 1);
    u.p50 |= ps_unit_of(&s->p50, 1);
    u.p95 |= ps_unit_of(&s->p95, 1);
    u.p99 |= ps_unit_of(&s->p99, 1);
    u.es99 |= ps_unit_of(&s->es99, 1);
  }
  return u;
}
