/* html_study.h — inside core/report/: what the study pages share (html_study.c)
** and the sweep's page (html_study_sweep.c). */
#ifndef PS_REPORT_HTML_STUDY_H
#define PS_REPORT_HTML_STUDY_H

#include <cJSON.h>

#include "report/html.h"

/* the number at key k of object o (0 when missing or not finite) */
double html_jnum(const cJSON *o, const char *k);

/* the string at key k of object o ("" when missing) */
const char *html_jstr(const cJSON *o, const char *k);

/* the member k of object o, or NULL */
const cJSON *html_jget(const cJSON *o, const char *k);

/* a [lo, hi] array at key k of o (either missing: the value) */
void html_jci(const cJSON *o, const char *k, double value, double *lo, double *hi);

/* PROB {value, ci} (or a bare number) as an estimate */
ps_estimate html_jprob(const cJSON *o);

/* at most max bytes of s (whole UTF-8 characters), "…" when cut; s itself when short enough, else buf */
const char *html_shorten(const char *s, size_t max, char *buf, size_t n);

/* a study page's head, stylesheet and title: "name — heading" (name may be "") */
void html_study_open(html_ctx *c, const char *name, const char *heading);

/* the line under the title: scenario, then extra (already HTML), and the note on units */
void html_study_sub(html_ctx *c, const char *name, const char *extra);

/* the audit block (software, the scenarios sa and sb (may be NULL), extra already HTML) and the end of the page */
void html_study_close(html_ctx *c, const cJSON *doc, const cJSON *sa, const cJSON *sb, const char *extra);

/* the sweep's page: one or two keys varied, the probability of depletion and the sizes over their values */
void html_sweep_page(html_ctx *c, const cJSON *doc, const cJSON *sw);

#endif
