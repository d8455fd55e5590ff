/* report_backtest.h — inside core/report/: the back-test's words shared by its
** renderers (report_backtest.c: JSON, text, Markdown; html_backtest.c: the page). */
#ifndef PS_REPORT_BACKTEST_H
#define PS_REPORT_BACKTEST_H

#include <stddef.h>

#include "report/doc.h"
#include "report/labels.h"
#include "stats/backtest.h"

/* ps_backtest_doc — the back-test's JSON document (docs/json-schema.md) as a walk of a ps_backtest:
** the JSON renderer prints it, the Lua drivers get its tables */
void ps_backtest_doc(const void *backtest, ps_doc_sink *s);

/* period t named as the reports name years: "year 2 Q3 (period 7)", "year 2 month 5 (period 17)",
** "year 3 (period 3)"; returns buf */
const char *ps_bt_period_name(const ps_backtest *b, int t, ps_lang L, char *buf, size_t n);

/* the figure's name: "defaults", "claims" */
const char *ps_bt_measure_name(ps_backtest_measure w, ps_lang L);

/* where a point lies: "above 99%", ..., "inside" */
const char *ps_bt_where(const ps_backtest_point *p, ps_lang L);

/* a line of the verdict in words; returns buf */
const char *ps_bt_finding_text(const ps_backtest *b, const ps_backtest_finding *f, ps_lang L, char *buf, size_t n);

/* a figure's value as the text and Markdown show it: loans, or yuan in 万 / 亿; returns buf */
const char *ps_bt_value(ps_backtest_measure w, double v, char *buf, size_t n);

#endif
