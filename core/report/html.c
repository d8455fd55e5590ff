/* html.c — what every HTML page of the report shares: escaping, labels that
** depend on the model, numbers, money and probabilities in the page's formats
** (thousands separators, 万元 / 亿元), table cells and the stylesheet. */
#include "report/html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* html_esc — text from the scenario (or anything else) as HTML text or attribute value; NULL writes nothing */
void html_esc(ps_strbuf *b, const char *s) {
  if (!s) return;
  for (const char *p = s; *p; p++) {
    switch (*p) {
    case '&': ps_strbuf_puts(b, "&amp;"); break;
    case '<': ps_strbuf_puts(b, "&lt;"); break;
    case '>': ps_strbuf_puts(b, "&gt;"); break;
    case '"': ps_strbuf_puts(b, "&quot;"); break;
    case '\'': ps_strbuf_puts(b, "&#39;"); break;
    default: ps_strbuf_put(b, p, 1);
    }
  }
}

/* html_has_cjk — does the UTF-8 text contain a CJK character (ideographs, kana, CJK punctuation)? NULL: no */
int html_has_cjk(const char *s) {
  if (!s) return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    unsigned cp = *p;
    int len = cp < 0x80 ? 1 : cp < 0xe0 ? 2 : cp < 0xf0 ? 3 : 4;
    if (len == 3 && p[1] && p[2]) cp = (cp & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    else if (len == 4 && p[1] && p[2] && p[3])
      cp = (cp & 0x07) << 18 | (p[1] & 0x3f) << 12 | (p[2] & 0x3f) << 6 | (p[3] & 0x3f);
    if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff))
      return 1;
    for (int i = 0; i < len && *p; i++) p++;
  }
  return 0;
}

/* html_step_name — the model's period as a word: 月 / month, 季度 / quarter, 年 / year */
const char *html_step_name(const html_ctx *c) {
  switch (c->m->step) {
  case PS_STEP_MONTH: return TR(c, "月", "month");
  case PS_STEP_QUARTER: return TR(c, "季度", "quarter");
  default: return TR(c, "年", "year");
  }
}

/* html_span — n periods: "72 个月", "3 quarters", "1 year"; returns buf */
const char *html_span(const html_ctx *c, int n, char *buf, size_t len) {
  if (c->zh)
    snprintf(buf, len, "%d %s", n, c->m->step == PS_STEP_MONTH ? "个月" : c->m->step == PS_STEP_QUARTER ? "个季度" : "年");
  else snprintf(buf, len, "%d %s%s", n, html_step_name(c), n == 1 ? "" : "s");
  return buf;
}

/* ---- numbers ------------------------------------------------------------ */

/* html_finite — x, or 0 when x is not finite */
double html_finite(double x) { return isfinite(x) ? x : 0; }

/* "1234567.8" -> "1,234,567.8" (at most n bytes) */
static void group_digits(char *out, size_t n, const char *num) {
  const char *s = num;
  size_t k = 0;
  if (*s == '-' && k + 1 < n) out[k++] = *s++;
  size_t digits = strspn(s, "0123456789");
  for (size_t i = 0; i < digits && k + 1 < n; i++) {
    out[k++] = s[i];
    size_t left = digits - i - 1;
    if (left > 0 && left % 3 == 0 && k + 1 < n) out[k++] = ',';
  }
  for (const char *p = s + digits; *p && k + 1 < n; p++) out[k++] = *p;
  out[k] = 0;
}

/* html_num — fixed decimals with thousands separators, never "-0.0"; returns buf */
const char *html_num(double x, int decimals, char *buf, size_t n) {
  char raw[64];
  x = html_finite(x);
  if (fabs(x) < 0.5 * pow(10, -decimals)) x = 0; /* no "-0.0" */
  snprintf(raw, sizeof raw, "%.*f", decimals, x);
  group_digits(buf, n, raw);
  return buf;
}

/* drop trailing zeros after the decimal point: "2.500" -> "2.5", "3.000" -> "3" */
static void trim_zeros(char *s) {
  char *dot = strchr(s, '.');
  if (!dot) return;
  char *end = s + strlen(s);
  while (end > dot + 1 && end[-1] == '0') *--end = 0;
  if (end == dot + 1) *dot = 0;
}

/* html_money_x — an amount of yuan in 亿元 (from 1亿 up) or 万元; trim: no trailing zeros (amounts given); returns buf */
const char *html_money_x(double yuan, int trim, char *buf, size_t n) {
  char a[64];
  yuan = html_finite(yuan);
  if (fabs(yuan) >= 1e8) {
    html_num(yuan / 1e8, 3, a, sizeof a);
    if (trim) trim_zeros(a);
    snprintf(buf, n, "%s亿元", a);
  } else {
    html_num(fabs(yuan) < 500 ? 0.0 : yuan / 1e4, 1, a, sizeof a);
    if (trim) trim_zeros(a);
    snprintf(buf, n, "%s万元", a);
  }
  return buf;
}
/* html_money — html_money_x without trimming: 3 decimals in 亿元, 1 in 万元; returns buf */
const char *html_money(double yuan, char *buf, size_t n) { return html_money_x(yuan, 0, buf, n); }

/* html_pct — a probability in percent, 3 decimals below 0.1%; returns buf */
const char *html_pct(double p, char *buf, size_t n) {
  p = html_finite(p);
  snprintf(buf, n, p < 0.001 && p > 0 ? "%.3f%%" : "%.2f%%", 100 * p);
  return buf;
}

/* html_alpha_text — a target such as 5% or 0.5%; returns buf */
const char *html_alpha_text(double a, char *buf, size_t n) {
  snprintf(buf, n, "%g%%", 100 * a);
  return buf;
}

/* html_rate_text — a ratio given in the scenario, e.g. 0.045 -> "4.5%"; returns buf */
const char *html_rate_text(double x, char *buf, size_t n) {
  char a[48];
  snprintf(a, sizeof a, "%.4f", 100 * html_finite(x));
  trim_zeros(a);
  snprintf(buf, n, "%s%%", a);
  return buf;
}

/* html_put_prob_ci — writes "3.25% (95% CI 2.99%–3.52%)" in the page's language */
void html_put_prob_ci(html_ctx *c, const ps_estimate *e) {
  char a[32], b[32], d[32];
  ps_strbuf_printf(&c->b, TR(c, "%s（95%%置信区间 %s–%s）", "%s (95%% CI %s–%s)"), html_pct(e->value, a, sizeof a), html_pct(e->lo, b, sizeof b),
     html_pct(e->hi, d, sizeof d));
}

/* html_verdict_class — the CSS class of a probability against a target: meets, misses or close */
const char *html_verdict_class(const ps_estimate *e, double alpha) {
  return e->hi <= alpha ? "meets" : e->lo > alpha ? "misses" : "close";
}
/* html_verdict_text — the same verdict as words in the page's language */
const char *html_verdict_text(const html_ctx *c, const ps_estimate *e, double alpha) {
  return e->hi <= alpha ? TR(c, "达标", "meets") : e->lo > alpha ? TR(c, "不达标", "misses")
                                                                 : TR(c, "难以判定", "too close to call");
}

/* html_th — a header cell with s escaped */
void html_th(html_ctx *c, const char *s) {
  ps_strbuf_puts(&c->b, "<th>");
  html_esc(&c->b, s);
  ps_strbuf_puts(&c->b, "</th>");
}
/* html_td — a cell with s escaped */
void html_td(html_ctx *c, const char *s) {
  ps_strbuf_puts(&c->b, "<td>");
  html_esc(&c->b, s);
  ps_strbuf_puts(&c->b, "</td>");
}
/* html_tdn — a right-aligned number cell with s escaped */
void html_tdn(html_ctx *c, const char *s) {
  ps_strbuf_puts(&c->b, "<td class=\"num\">");
  html_esc(&c->b, s);
  ps_strbuf_puts(&c->b, "</td>");
}

/* html_css — the stylesheet of every page (run and study pages) */
const char *const html_css =
    ":root{--ink:#1b1f24;--muted:#5b6570;--rule:#d5dbe1;--blue:#1f5fa8;--band:#a9c8ea;--red:#c0392b;--amber:#b9770e;"
    "--green:#1e7b43}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{margin:0 auto;padding:24px 28px 40px;max-width:1100px;color:var(--ink);background:#fff;"
    "font:15px/1.55 system-ui,-apple-system,\"Segoe UI\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
    "\"Microsoft YaHei\",\"WenQuanYi Micro Hei\",sans-serif}\n"
    "h1{font-size:24px;margin:0 0 4px}\n"
    "h2{font-size:19px;margin:28px 0 8px;padding-bottom:3px;border-bottom:2px solid var(--blue);break-after:avoid;"
    "page-break-after:avoid}\n"
    "h3{font-size:16px;margin:18px 0 6px;break-after:avoid;page-break-after:avoid}\n"
    ".sub{color:var(--muted);margin:0 0 14px}\n"
    ".answer{background:#f1f6fc;border-left:4px solid var(--blue);padding:10px 14px;margin:10px 0}\n"
    ".note-box{color:var(--muted);font-size:13px}\n"
    ".meets{color:var(--green);font-weight:600}.misses{color:var(--red);font-weight:600}"
    ".close{color:var(--amber);font-weight:600}\n"
    "table{border-collapse:collapse;margin:8px 0 14px;font-size:13px;break-inside:avoid;page-break-inside:avoid}\n"
    "th,td{border-bottom:1px solid var(--rule);padding:4px 8px;text-align:left;vertical-align:top}\n"
    "thead th{border-bottom:2px solid var(--ink);background:#f5f7f9}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "caption{caption-side:top;text-align:left;font-weight:600;padding:2px 0 4px}\n"
    "figure{margin:12px 0 18px;break-inside:avoid;page-break-inside:avoid}\n"
    "figure svg{display:block;width:100%;max-width:720px;height:auto}\n"
    "figcaption{color:var(--muted);font-size:12.5px;max-width:720px;margin-top:2px}\n"
    "svg text{font-family:inherit;fill:var(--ink)}\n"
    "svg .bg{fill:#fff}\n"
    "svg .ctitle{font-size:14px;font-weight:600}\n"
    "svg .tick{font-size:11px;fill:var(--muted)}\n"
    "svg .axis-x,svg .axis-y{font-size:12px}\n"
    "svg .legend,svg .note,svg .value{font-size:11px}\n"
    "svg .note-initial{font-size:11.5px;fill:var(--red);font-weight:600}\n"
    "svg .note-target{font-size:11px;fill:var(--amber)}\n"
    "svg .grid line{stroke:#e6e9ed;stroke-width:1}\n"
    "svg .axis,svg .tickmark{stroke:var(--ink);stroke-width:1}\n"
    "svg .zero{stroke:var(--ink);stroke-width:0.8;stroke-dasharray:2 2}\n"
    "svg .bars rect,svg rect.bar{fill:var(--blue);fill-opacity:.85}\n"
    "svg .band{fill:var(--band);fill-opacity:.6;stroke:none}\n"
    "svg .line{fill:none;stroke:var(--blue);stroke-width:2}\n"
    "svg .whisker line{stroke:var(--ink);stroke-width:1.2}\n"
    "svg .mark-initial{stroke:var(--red);stroke-width:2}\n"
    "svg .mark-q{stroke:var(--muted);stroke-width:1;stroke-dasharray:4 3}\n"
    "svg .mark-at{stroke:var(--muted);stroke-width:1.2;stroke-dasharray:2 3}\n"
    "svg .target{stroke:var(--amber);stroke-width:1.2;stroke-dasharray:6 4}\n"
    "svg .ci{stroke:var(--amber);stroke-width:3;stroke-opacity:.55}\n"
    "svg .size{fill:var(--amber);stroke:#fff;stroke-width:1}\n"
    "svg .at-initial{fill:var(--red)}\n"
    "svg .at{fill:var(--muted)}\n"
    "svg .p95{stroke:var(--red);stroke-width:2.5}\n"
    "code,.mono{font-family:ui-monospace,\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:12px}\n"
    "dl.audit code{word-break:break-all}\n"
    "dl.audit{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;font-size:13px;break-inside:avoid}\n"
    "dl.audit dt{color:var(--muted)}dl.audit dd{margin:0}\n"
    "@page{size:A4;margin:14mm 12mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:11pt}h2{margin-top:18px}"
    "figure svg{max-width:100%}figcaption{max-width:none}.answer{break-inside:avoid}}\n";
