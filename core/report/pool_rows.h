/* pool_rows.h — which rows a pool's table of statistics shows, in which order: the same in the
** terminal text, the Markdown and the HTML report (each has its own labels for them). */
#ifndef PS_POOL_ROWS_H
#define PS_POOL_ROWS_H

#include "stats/results.h"

typedef enum {
  PS_POOL_ROW_CLAIMS,
  PS_POOL_ROW_PAID,
  PS_POOL_ROW_SHORTFALL,
  PS_POOL_ROW_RECOVERED,
  PS_POOL_ROW_NET_OUTLAY,
  PS_POOL_ROW_REQUIRED,
  PS_POOL_ROW_TOPUPS,    /* shown only when some path has one */
  PS_POOL_ROW_RETURNED,  /* the same */
  PS_POOL_ROW_UNSETTLED, /* the same */
  PS_NPOOL_ROWS
} ps_pool_row;

/* ps_pool_rows — pool p's rows in order; NULL for an optional row that is zero on every path */
void ps_pool_rows(const ps_pool_result *p, const ps_stats *rows[PS_NPOOL_ROWS]);

#endif
