/* html.h — inside core/report/: what the HTML pages share (html.c): the page
** being drawn (html_ctx), labels in its language (TR), escaping, number and
** money formats, table cells and the stylesheet. The chart kit is svg.h. */
#ifndef PS_REPORT_HTML_H
#define PS_REPORT_HTML_H

#include <stddef.h>

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

/* the label in the page's language */
#define TR(c, zh_text, en_text) ((c)->zh ? (zh_text) : (en_text))

/* text from the scenario (or anything else) as HTML text or attribute value; NULL writes nothing */
void html_esc(ps_strbuf *b, const char *s);

/* does the UTF-8 text contain a CJK character (ideographs, kana, CJK punctuation)? NULL: no */
int html_has_cjk(const char *s);

/* the model's period as a word: 月 / month, 季度 / quarter, 年 / year */
const char *html_step_name(const html_ctx *c);

/* n periods: "72 个月", "3 quarters", "1 year"; returns buf */
const char *html_span(const html_ctx *c, int n, char *buf, size_t len);

/* x, or 0 when x is not finite */
double html_finite(double x);

/* fixed decimals with thousands separators, never "-0.0"; returns buf */
const char *html_num(double x, int decimals, char *buf, size_t n);

/* an amount of yuan in 亿元 (from 1亿 up) or 万元; trim: no trailing zeros (amounts given); returns buf */
const char *html_money_x(double yuan, int trim, char *buf, size_t n);

/* html_money_x without trimming: 3 decimals in 亿元, 1 in 万元; returns buf */
const char *html_money(double yuan, char *buf, size_t n);

/* a probability in percent, 3 decimals below 0.1%; returns buf */
const char *html_pct(double p, char *buf, size_t n);

/* a target such as 5% or 0.5%; returns buf */
const char *html_alpha_text(double a, char *buf, size_t n);

/* a ratio given in the scenario, e.g. 0.045 -> "4.5%"; returns buf */
const char *html_rate_text(double x, char *buf, size_t n);

/* writes "3.25% (95% CI 2.99%–3.52%)" in the page's language */
void html_put_prob_ci(html_ctx *c, const ps_estimate *e);

/* the CSS class of a probability against a target: meets, misses or close */
const char *html_verdict_class(const ps_estimate *e, double alpha);

/* the same verdict as words in the page's language */
const char *html_verdict_text(const html_ctx *c, const ps_estimate *e, double alpha);

/* a header cell with s escaped */
void html_th(html_ctx *c, const char *s);

/* a cell with s escaped */
void html_td(html_ctx *c, const char *s);

/* a right-aligned number cell with s escaped */
void html_tdn(html_ctx *c, const char *s);

/* the stylesheet of every page (run and study pages) */
extern const char *const html_css;

#endif
