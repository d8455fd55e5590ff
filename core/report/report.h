/* report.h — the report stage inside the engine: the public renderers
** (include/poolsim/report.h) and the study page, drawn from a study's JSON
** document. */
#ifndef PS_REPORT_H
#define PS_REPORT_H

#include <stdio.h>

#include <cJSON.h>

#include "stats/results.h"
#include "scenario/scenario.h"

#include "poolsim/report.h"
#include "report/doc.h"

/* a run's results with the options its JSON document follows */
typedef struct {
  const ps_results *r;
  const ps_report_options *o;
} ps_run_doc;

/* the run's JSON document (docs/json-schema.md) as a walk (report/doc.h) of
** run, a ps_run_doc: ps_report_json prints it, the Lua drivers get its tables */
void ps_results_doc(const void *run, ps_doc_sink *s);

/* the same kind of page for a study: doc is a study's JSON document, as the
** walks of report/study_doc.h build it (found by its
** top-level key "compare", "sweep", "tornado" or "max_volume"; docs/json-schema.md).
** A title, a paragraph reading the result, one inline SVG chart and the table of
** numbers; every string from doc is escaped, and the bytes depend on doc and lang
** only. lang "zh" or "en"; NULL: zh when the scenario's name has Chinese (a sweep
** without "scenario": en). A string to free(), or NULL when out of memory or when
** doc is none of the four. */
char *ps_report_study_html(const cJSON *doc, const char *lang);

#endif
