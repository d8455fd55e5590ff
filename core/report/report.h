/* report.h — the report stage inside the engine: the public renderers
** (include/poolsim/report.h) and the run's JSON document as a walk. */
#ifndef PS_REPORT_H
#define PS_REPORT_H

#include <stdio.h>

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

#endif
