/* report.h — renderers: a run's results as bytes for people (terminal text,
** Markdown, HTML) and programs (JSON, CSV). All read the same ps_results; none
** computes statistics of its own (the HTML's histogram bins aside). Functions
** returning a string return NULL when out of memory; o may not be NULL. */
#ifndef POOLSIM_REPORT_H
#define POOLSIM_REPORT_H

#include <stddef.h>

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
  /* the command line that made the run (argv[0] first), for the audit blocks of the Markdown and
  ** HTML reports, which then also give the date and time and the machine's threads; argc 0: none
  ** of them, and the reports are the same bytes from run to run */
  int argc;
  char *const *argv;
} ps_report_options;

/* The JSON document (schema 1) as a string to free(), or NULL (out of memory). */
char *ps_report_json(const ps_results *r, const ps_report_options *o);

/* ps_report_text — the terminal summary of a run, as a string to free(), or
** NULL (out of memory). English unless o->lang is "zh" (the terminal does not
** follow the scenario's name, unlike the Markdown and HTML reports). */
char *ps_report_text(const ps_results *r, const ps_report_options *o);

/* ps_report_sizing_text — the sizing answer alone (poolsim size), as
** ps_report_text: a string to free() or NULL, English unless o->lang is "zh" */
char *ps_report_sizing_text(const ps_results *r, const ps_report_options *o);

/* the same tables in Markdown, as a string to free() (core/report/report_md.c) */
char *ps_report_markdown(const ps_results *r, const ps_report_options *o);

/* the CSV files for spreadsheets (core/report/report_csv.c), by index */
enum { PS_CSV_BANDS, PS_CSV_BUDGET, PS_CSV_PATHS, PS_CSV_SUMMARY, PS_CSV_SIZING, PS_NCSV };

/* ps_csv_names — their file names: "bands.csv", "budget.csv", "paths.csv", "summary.csv", "sizing.csv" */
extern const char *const ps_csv_names[PS_NCSV];

/* ps_report_csv — the CSV files as strings to free(), in files[] (by
** PS_CSV_*): PS_OK, or PS_ERUNTIME with a message naming the file (the run kept no
** per-path outcomes, out of memory) and every files[k] NULL. Writing them is the
** caller's (the command line writes each into its --csv directory atomically). */
int ps_report_csv(const ps_results *r, const ps_report_options *o, char *files[PS_NCSV], char *err, size_t errlen);

/* ps_report_xlsx — the Excel workbook (core/report/report_xlsx.c: the answer, sizing, the budget
** by fiscal year and kind, parties, balance bands, assumptions and audit) written to the file at path,
** created or replaced: PS_OK, or PS_ERUNTIME with a message. The command line gives it a temporary
** name beside the destination and renames it with the run's other reports. */
int ps_report_xlsx(const ps_results *r, const ps_report_options *o, const char *path, char *err, size_t errlen);

/* one self-contained HTML page with inline SVG charts, as a string to free()
** (core/report/html_run.c) */
char *ps_report_html(const ps_results *r, const ps_report_options *o);

#ifdef __cplusplus
}
#endif

#endif
