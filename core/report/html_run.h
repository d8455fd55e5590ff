/* html_run.h — inside core/report/: the run page's parts in other files. */
#ifndef PS_REPORT_HTML_RUN_H
#define PS_REPORT_HTML_RUN_H

#include "report/html.h"

/* the run page's charts: per pool the net outlay histogram, the balance fan, depletion by year and the sizing curve; per government its outlay by year */
void html_run_charts(html_ctx *c);

/* the sizing answer of pool `pool` from more and more of the paths (html_run_convergence.c) */
void html_run_convergence(html_ctx *c, int pool);

#endif
