/* audit.c — the run's date, command line and machine threads for the audit blocks (report/audit.h). */
#include "report/audit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report/strbuf.h"

/* s as one shell word: as it is when it needs no quoting, else in single quotes */
static void shell_word(ps_strbuf *b, const char *s) {
  if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./=,:+-@%") == strlen(s)) {
    ps_strbuf_puts(b, s);
    return;
  }
  ps_strbuf_puts(b, "'");
  for (const char *p = s; *p; p++) {
    if (*p == '\'') ps_strbuf_puts(b, "'\\''");
    else ps_strbuf_put(b, p, 1);
  }
  ps_strbuf_puts(b, "'");
}

int ps_audit_get(const ps_report_options *o, ps_audit *a) {
  if (!o || o->argc < 1 || !o->argv) return 0;
  ps_strbuf b = {0};
  for (int i = 0; i < o->argc; i++) {
    if (i) ps_strbuf_puts(&b, " ");
    shell_word(&b, o->argv[i] ? o->argv[i] : "");
  }
  if (b.oom || !b.s) {
    free(b.s);
    return -1;
  }
  const char *epoch = getenv("SOURCE_DATE_EPOCH");
  char *end = NULL;
  long long t = epoch && *epoch ? strtoll(epoch, &end, 10) : 0;
  time_t now = epoch && *epoch && end && !*end && t >= 0 ? (time_t)t : time(NULL);
  struct tm tm;
  if (!gmtime_r(&now, &tm) || !strftime(a->when, sizeof a->when, "%Y-%m-%d %H:%M:%S UTC", &tm)) a->when[0] = 0;
  long threads = sysconf(_SC_NPROCESSORS_ONLN);
  a->machine_threads = threads > 0 && threads < 1 << 20 ? (int)threads : 0;
  a->command = b.s;
  return 1;
}

void ps_audit_free(ps_audit *a) {
  free(a->command);
  a->command = NULL;
}
