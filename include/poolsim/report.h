/* report.h — renderers: a run's results as bytes for people (terminal text,
** Markdown, HTML) and programs (JSON, CSV). All read the same ps_results; none
** computes statistics of its own (the HTML's histogram bins aside). Functions
** returning a string return NULL when out of memory; o may not be NULL. */
#ifndef POOLSIM_REPORT_H
#define POOLSIM_REPORT_H

#include <stdio.h>

#include "poolsim/poolsim.h"

#ifdef __cplusplus
extern "C" {
#endif

/* the version of the JSON documents' layout (docs/json-schema.md) */
#define PS_JSON_SCHEMA 1

/* what the user asked to see besides the defaults */
typedef struct {
  const double *alphas; /* sizing targets; NULL: ps_alphas */
  int nalphas;
  const double *at;     /* initial balances (yuan) to give P(depletion) for */
  int nat;
  const char *pool;     /* only this pool in the sizing answer (NULL: all) */
  const char *lang;     /* "zh" or "en" labels; NULL: zh when the scenario's name has Chinese */
} ps_report_options;

/* The JSON document (schema 1) as a string to free(), or NULL (out of memory). */
char *ps_report_json(const ps_results *r, const ps_report_options *o);

/* the terminal summary of a run */
void ps_report_text(FILE *f, const ps_results *r, const ps_report_options *o);

/* the sizing answer alone (poolsim size) */
void ps_report_sizing_text(FILE *f, const ps_results *r, const ps_report_options *o);

/* the same tables in Markdown, as a string to free() (core/report_md.c) */
char *ps_report_markdown(const ps_results *r, const ps_report_options *o);

/* CSV files for spreadsheets in dir (created if missing): bands.csv, budget.csv,
** paths.csv (core/report_csv.c); each written atomically. 0, or -1 with a message. */
int ps_report_csv(const char *dir, const ps_results *r, const ps_report_options *o, char *err, size_t errlen);

/* one self-contained HTML page with inline SVG charts, as a string to free()
** (core/report/html_run.c) */
char *ps_report_html(const ps_results *r, const ps_report_options *o);

#ifdef __cplusplus
}
#endif

#endif
