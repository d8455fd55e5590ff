/* html_study.h — inside core/report/: what the study pages share (html_study.c)
** and the sweep's page (html_study_sweep.c), drawn from the studies' values
** (stats/study.h). */
#ifndef PS_REPORT_HTML_STUDY_H
#define PS_REPORT_HTML_STUDY_H

#include "report/html.h"
#include "stats/study.h"

/* the page's language: lang ("zh" or "en"), or zh when name has Chinese (lang NULL) */
void html_study_lang(html_ctx *c, const char *lang, const char *name);

/* the page built in c, to free(); NULL when memory ran out */
char *html_study_done(html_ctx *c);

/* e with each number that is not finite as 0 */
ps_estimate html_study_estimate(const ps_estimate *e);

/* at most max bytes of s (whole UTF-8 characters), "…" when cut; s itself when short enough, else buf */
const char *html_shorten(const char *s, size_t max, char *buf, size_t n);

/* a study page's head, stylesheet and title: "name — heading" (name may be "") */
void html_study_open(html_ctx *c, const char *name, const char *heading);

/* the line under the title: scenario, then extra (already HTML), and the note on units */
void html_study_sub(html_ctx *c, const char *name, const char *extra);

/* the table of every party's figures (html_study_parties.c), nothing when f has none: per group g
** (group: ngroups labels under the column group_head, or NULL for one group without that column) and
** figure k, d[g][k]'s a, b, b − a and its 95% interval, under head_a, head_b and head_diff */
void html_study_parties(html_ctx *c, const ps_study_figures *f, int ngroups, const char *group_head,
                        const char *const *group, const ps_difference *const *d, const char *head_a, const char *head_b,
                        const char *head_diff);

/* the answer of a study of a scheme without pools (insurance): a paragraph per figure k, from a to
** <b>b</b> with b − a and its interval, d[k] the differences of the last group; nothing when f has none */
void html_study_parties_answer(html_ctx *c, const ps_study_figures *f, const ps_difference *d, const char *name_a,
                               const char *name_b);

/* the audit block (software, the scenarios sa and sb (may be NULL), extra already HTML) and the end of the page */
void html_study_close(html_ctx *c, const ps_study_scenario *sa, const ps_study_scenario *sb, const char *extra);

#endif
