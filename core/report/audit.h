/* audit.h — what the audit blocks of the Markdown and HTML run reports add when the front end
** passes its command line (ps_report_options argc/argv): when the report was made (UTC; the
** SOURCE_DATE_EPOCH of the environment when set, for reproducible documents), the command line as
** a shell would read it, and the machine's hardware threads beside the threads the run used.
** Without a command line there is none of it, so a library caller's reports stay the same bytes
** from run to run. */
#ifndef PS_AUDIT_H
#define PS_AUDIT_H

#include "poolsim/report.h"

typedef struct {
  char when[40];       /* "2026-12-07 11:28:00 UTC" */
  char *command;       /* to free() */
  int machine_threads; /* 0: unknown */
} ps_audit;

/* ps_audit_get — fill a from o: 1, 0 when o has no command line (a untouched), -1 when out of memory */
int ps_audit_get(const ps_report_options *o, ps_audit *a);
void ps_audit_free(ps_audit *a);

#endif
