/* study.h — studies: several runs on common random numbers (the same seed and
** paths, so differences come from the policy): compare two scenarios, sweep
** keys over values, a tornado of sensitivities, the largest lending a pool
** supports. */
#ifndef POOLSIM_STUDY_H
#define POOLSIM_STUDY_H

#include <stddef.h>
#include <stdio.h>

#include "poolsim/poolsim.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PS_MAX_VARY 2   /* keys in one sweep: a line or a grid */
#define PS_MAX_VALUES 64

/* one --vary KEY=V1,V2,... */
typedef struct {
  const char *key;
  const char *values[PS_MAX_VALUES];
  int nvalues;
} ps_vary;

/* Every study below reports as text (when `text`), as JSON to a file (when
** `json`) and as an HTML page with a chart to a file (when `html`: the page of
** ps_report_study_html for the same document, labels in ro->lang); files are
** written atomically, "-" is stdout. */

/* Run a and b with the same options (give them the same seed and paths) and
** report, per pool id they share, each one's figures and the paired
** difference B - A with its standard error, and the JSON as a string to free()
** (when `doc`). Returns PS_OK, PS_EINPUT (no pool in common) or PS_ERUNTIME. */
int ps_study_compare(const ps_model *a, const ps_model *b, const ps_options *opt, const ps_report_options *ro,
                     const char *json, const char *html, FILE *text, char **doc, char *err, size_t errlen);

/* Run the scenario once per combination of the varied values (on top of
** `sets`), and report a row per combination and pool. */
int ps_study_sweep(const char *file, const ps_override *sets, int nsets, const ps_vary *vary, int nvary,
                   const ps_options *opt, const ps_report_options *ro, const char *json, const char *html, FILE *text,
                   char *err, size_t errlen);

/* Sensitivity: move each key's value by -by and +by (relative to the
** scenario's) and report each pool's p95 net outlay and P(depletion), keys
** ordered by how far the p95 swings (a tornado). */
int ps_study_tornado(const char *file, const ps_override *sets, int nsets, const char *const *keys, int nkeys,
                     double by, const ps_options *opt, const ps_report_options *ro, const char *json,
                     const char *html, FILE *text, char *err, size_t errlen);

/* The largest lending a pool supports: every segment whose programme pays
** into the pool lends `k` times its new loans (rounded to whole loans), and k
** is the largest (to 1%) with P(the pool runs short) <= alpha at the pool's
** own initial balance, found by bisection on common random numbers. */
int ps_study_max_volume(const char *file, const ps_override *sets, int nsets, const char *pool,
                        const ps_options *opt, const ps_report_options *ro, const char *json, const char *html,
                        FILE *text, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
