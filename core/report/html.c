/* html.c — what every HTML page of the report shares: escaping, labels that
** depend on the model (from the table of labels.c), a probability with its
** interval, verdicts, table cells and the stylesheet. */
#include "report/html.h"

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

/* html_step_name — the model's period as a word: 月 / month, 季度 / quarter, 年 / year */
const char *html_step_name(const html_ctx *c) { return html_label(c, (ps_label_id)(PS_L_MONTH + c->m->step)); }

/* html_span — n periods: "72 个月", "3 quarters", "1 year"; returns buf */
const char *html_span(const html_ctx *c, int n, char *buf, size_t len) {
  ps_label_id unit = (ps_label_id)((c->zh || n != 1 ? PS_L_MONTHS : PS_L_MONTH) + c->m->step);
  snprintf(buf, len, "%d %s", n, html_label(c, unit));
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
  return html_label(c, e->hi <= alpha ? PS_L_MEETS : e->lo > alpha ? PS_L_MISSES : PS_L_TOO_CLOSE);
}

/* html_th — a header cell with s escaped */
void html_th(html_ctx *c, const char *s) {
  ps_strbuf_puts(&c->b, "<th>");
  html_esc(&c->b, s);
  ps_strbuf_puts(&c->b, "</th>");
}
/* html_table_open — <table>, its caption and head, and <tbody> */
void html_table_open(html_ctx *c, ps_label_id caption, const ps_label_id *heads, int nheads) {
  ps_strbuf_printf(&c->b, "<table>\n<caption>%s</caption>\n<thead><tr>", html_label(c, caption));
  for (int k = 0; k < nheads; k++) html_th(c, html_label(c, heads[k]));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
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
    ".headline{font-size:17px;font-weight:600;margin:10px 0 6px}\n"
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
    "dl.glossary{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;font-size:13px}\n"
    "dl.glossary dt{font-weight:600}dl.glossary dd{margin:0}\n"
    "td.kind{white-space:nowrap}\n"
    /* printed: page numbers at the foot of every page (run pages add their title at the top); charts small
    ** enough that two share a page, so none leaves a half-empty page behind it */
    "@page{size:A4;margin:16mm 12mm;@bottom-center{content:counter(page) \" / \" counter(pages);font-size:9pt;"
    "color:#5b6570}}\n"
    "@media print{body{max-width:none;padding:0;font-size:11pt}h2{margin-top:18px}"
    "figure svg{max-width:100%;max-height:105mm}figcaption{max-width:none}.answer{break-inside:avoid}}\n";
