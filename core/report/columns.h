/* columns.h — one unit per column in a table of statistics (mean, s.e., median, p95, p99, ES99 of
** amounts): each column in 亿 when its largest magnitude reaches 1亿, else in 万 (format.h), so the
** cells of one column never mix units. */
#ifndef PS_COLUMNS_H
#define PS_COLUMNS_H

#include "stats/stats.h"

typedef struct {
  int mean, se, p50, p95, p99, es99; /* 1: 亿, 0: 万 */
} ps_stats_units;

/* ps_stats_units_of — the units of the columns of the n rows (NULL rows are skipped) */
ps_stats_units ps_stats_units_of(const ps_stats *const *rows, int n);

#endif
