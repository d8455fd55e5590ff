/* study_html.c — the studies' HTML pages: each study's document walk
** (report/study_doc.h) drawn by ps_report_study_html (report_html.c). */
#include <cJSON.h>

#include "report/report.h"
#include "report/study_doc.h"

/* the page of the document walk makes of value, NULL when out of memory */
static char *page(ps_doc_walk *walk, const void *value, const char *lang) {
  cJSON *doc = ps_doc_tree(walk, value);
  char *html = doc ? ps_report_study_html(doc, lang) : NULL;
  cJSON_Delete(doc);
  return html;
}

/* ps_report_<study>_html — the page as a string to free(), NULL when out of memory */
char *ps_report_compare_html(const ps_compare *c, const char *lang) { return page(ps_compare_doc, c, lang); }
char *ps_report_sweep_html(const ps_sweep *s, const char *lang) { return page(ps_sweep_doc, s, lang); }
char *ps_report_tornado_html(const ps_tornado *t, const char *lang) { return page(ps_tornado_doc, t, lang); }
char *ps_report_volume_html(const ps_volume *v, const char *lang) { return page(ps_volume_doc, v, lang); }
