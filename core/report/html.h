/* html.h — inside core/report/: what the HTML pages share (html.c): the page
** being drawn (html_ctx), labels in its language (the table of labels.h through
** html_label, sentences through TR), escaping, the page's number and money
** formats (thin names over format.h), table cells and the stylesheet. The
** chart kit is svg.h. */
#ifndef PS_REPORT_HTML_H
#define PS_REPORT_HTML_H

#include <stddef.h>

#include "report/format.h"
#include "report/labels.h"
#include "report/report.h"
#include "report/strbuf.h"

/* a page being drawn: its text so far, what it is drawn from, its language */
typedef struct {
  ps_strbuf b;
  const ps_results *r;        /* the run page's results (a study page: NULL) */
  const ps_model *m;
  const ps_report_options *o;
  int zh;                     /* 1: Chinese labels, 0: English */
  const double *alphas;       /* the sizing targets */
  int nalphas;
  int nchart; /* charts drawn so far: unique ids */
} html_ctx;

/* a sentence of the page in its language, written in place */
#define TR(c, zh_text, en_text) ((c)->zh ? (zh_text) : (en_text))

/* html_label — a label of the table (labels.h) in the page's language */
static inline const char *html_label(const html_ctx *c, ps_label_id id) {
  return ps_label(id, c->zh ? PS_LANG_ZH : PS_LANG_EN);
}

/* The page's formats: the one formatter (format.h), non-finite values as 0. */
static inline int html_has_cjk(const char *s) { return ps_has_cjk(s); }
static inline double html_finite(double x) { return ps_finite(x); }
static inline const char *html_num(double x, int decimals, char *buf, size_t n) { return ps_number(x, decimals, buf, n); }
/* amounts in 万元 / 亿元 with separators; trim: no trailing zeros (amounts given) */
static inline const char *html_money_x(double yuan, int trim, char *buf, size_t n) { return ps_money_long(yuan, trim, buf, n); }
static inline const char *html_money(double yuan, char *buf, size_t n) { return ps_money_long(yuan, 0, buf, n); }
static inline const char *html_pct(double p, char *buf, size_t n) { return ps_percent(ps_finite(p), buf, n); }
static inline const char *html_alpha_text(double a, char *buf, size_t n) { return ps_alpha_text(a, buf, n); }
static inline const char *html_rate_text(double x, char *buf, size_t n) { return ps_rate_text(x, buf, n); }

/* text from the scenario (or anything else) as HTML text or attribute value; NULL writes nothing */
void html_esc(ps_strbuf *b, const char *s);

/* the model's period as a word: 月 / month, 季度 / quarter, 年 / year */
const char *html_step_name(const html_ctx *c);

/* n periods: "72 个月", "3 quarters", "1 year"; returns buf */
const char *html_span(const html_ctx *c, int n, char *buf, size_t len);

/* writes "3.25% (95% CI 2.99%–3.52%)" in the page's language */
void html_put_prob_ci(html_ctx *c, const ps_estimate *e);

/* the CSS class of a probability against a target: meets, misses or close */
const char *html_verdict_class(const ps_estimate *e, double alpha);

/* the same verdict as words in the page's language */
const char *html_verdict_text(const html_ctx *c, const ps_estimate *e, double alpha);

/* a header cell with s escaped */
void html_th(html_ctx *c, const char *s);

/* a table opened up to its body: the caption and a header cell each (labels of the page's language) */
void html_table_open(html_ctx *c, ps_label_id caption, const ps_label_id *heads, int nheads);

/* a cell with s escaped */
void html_td(html_ctx *c, const char *s);

/* a right-aligned number cell with s escaped */
void html_tdn(html_ctx *c, const char *s);

/* the stylesheet of every page (run and study pages) */
extern const char *const html_css;

#endif
