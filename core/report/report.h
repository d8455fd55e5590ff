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

/* the same kind of page for a study: doc is the JSON document ps_study_compare,
** ps_study_sweep, ps_study_tornado or ps_study_max_volume built (found by its
** top-level key "compare", "sweep", "tornado" or "max_volume"; docs/json-schema.md).
** A title, a paragraph reading the result, one inline SVG chart and the table of
** numbers; every string from doc is escaped, and the bytes depend on doc and lang
** only. lang "zh" or "en"; NULL: zh when the scenario's name has Chinese (a sweep
** without "scenario": en). A string to free(), or NULL when out of memory or when
** doc is none of the four. */
char *ps_report_study_html(const cJSON *doc, const char *lang);

#endif
