/* backtest.h — back-testing: was the forecast right? Place what happened (an
** actual file of defaults and claims by period and programme, docs/backtest.md)
** in the distribution the scenario forecasts for the same figures.
**
** A back-test is a value, as a study is (study.h): ps_backtest_run reads the
** actual file, runs the scenario (the same paths and seed give the same paths
** as ps_scenario_run) and compares, into a heap object read through the
** getters and freed with ps_backtest_free (NULL is fine). The renderers return
** a string to free(), or NULL when out of memory.
**
**   ps_backtest *b; char err[1024];
**   if (ps_backtest_run(m, "actual.csv", &o, &b, err, sizeof err)) ...
**   ps_backtest_point p = ps_backtest_point_at(b, 0, PS_BACKTEST_CLAIMS, 0, 0);
**   if (p.outside99 > 0) ...  // above the 99% band: the forecast under-predicted
**   ps_backtest_free(b); */
#ifndef POOLSIM_BACKTEST_H
#define POOLSIM_BACKTEST_H

#include <stddef.h>

#include "poolsim/poolsim.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ps_backtest ps_backtest;

/* the figures an actual file may give */
typedef enum { PS_BACKTEST_DEFAULTS, PS_BACKTEST_CLAIMS, PS_BACKTEST_NMEASURES } ps_backtest_measure;

/* one actual figure in its forecast distribution: a programme's defaults (loans)
** or claims (yuan) in one period, or summed over the file's periods up to it.
** percentile: the mid-rank (#paths below + #paths equal / 2) / paths; the
** quantiles are core/stats' (type 1); outside90 / outside99: +1 above the
** band's top (p95, p99.5), -1 below its bottom (p05, p0.5), 0 inside */
typedef struct {
  int period;
  double actual, percentile;
  double p005, p05, p50, p95, p995;
  int outside90, outside99;
} ps_backtest_point;

/* Run m with o (paths, seed, threads as ps_scenario_run) and compare it with the
** actual file. PS_OK; PS_EINPUT with "FILE:LINE: column N (NAME): what is wrong"
** when the actual file is malformed (or a hook failed); PS_ERUNTIME otherwise. */
int ps_backtest_run(const ps_model *m, const char *actual_file, const ps_options *o, ps_backtest **out, char *err,
                    size_t errlen);
void ps_backtest_free(ps_backtest *b);
long ps_backtest_paths(const ps_backtest *b);
unsigned long long ps_backtest_seed(const ps_backtest *b);
/* the programmes the actual file names, in the scenario's order */
int ps_backtest_nprogrammes(const ps_backtest *b);
const char *ps_backtest_programme(const ps_backtest *b, int k);
/* how many periods of programme k the file gives that figure for (0: none) */
int ps_backtest_npoints(const ps_backtest *b, int k, ps_backtest_measure what);
/* its i-th (in period order), of that period alone (cumulative 0) or summed over the
** file's periods up to it (cumulative 1) */
ps_backtest_point ps_backtest_point_at(const ps_backtest *b, int k, ps_backtest_measure what, int i, int cumulative);

/* renderers: JSON (docs/json-schema.md), the terminal text, Markdown, one HTML
** page with the actuals drawn over each figure's fan chart. lang "zh" or "en";
** NULL: English for the text, else Chinese when the scenario's name has Chinese */
char *ps_report_backtest_json(const ps_backtest *b);
char *ps_report_backtest_text(const ps_backtest *b, const char *lang);
char *ps_report_backtest_md(const ps_backtest *b, const char *lang);
char *ps_report_backtest_html(const ps_backtest *b, const char *lang);

#ifdef __cplusplus
}
#endif

#endif
