/* pool_rows.c — a pool's rows of statistics (pool_rows.h) */
#include "report/pool_rows.h"

/* a row worth showing only when some path is not zero (top-ups, returns, claims left unsettled) */
static const ps_stats *unless_zero(const ps_stats *s) { return s->max > 0 || s->min < 0 ? s : NULL; }

void ps_pool_rows(const ps_pool_result *p, const ps_stats *rows[PS_NPOOL_ROWS]) {
  rows[PS_POOL_ROW_CLAIMS] = &p->claims;
  rows[PS_POOL_ROW_PAID] = &p->paid;
  rows[PS_POOL_ROW_SHORTFALL] = &p->shortfall;
  rows[PS_POOL_ROW_RECOVERED] = &p->recovered;
  rows[PS_POOL_ROW_NET_OUTLAY] = &p->net_outlay;
  rows[PS_POOL_ROW_REQUIRED] = &p->required_initial;
  rows[PS_POOL_ROW_TOPUPS] = unless_zero(&p->topups);
  rows[PS_POOL_ROW_RETURNED] = unless_zero(&p->returned);
  rows[PS_POOL_ROW_UNSETTLED] = unless_zero(&p->unsettled);
}
