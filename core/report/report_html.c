/* report_html.c — one self-contained HTML page for a budget committee: the answer
** up front, inline SVG charts drawn here, the tables, the assumptions and an audit
** block. No scripts, no network, no run time or thread count: the page is
** byte-identical for the same scenario, overrides, paths and seed. Prints to A4.
** Reads ps_results only; the one statistic computed here is the histogram of the
** per-path net outlay. Amounts in 万元 / 亿元. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "stats/sizing.h"
#include "report/strbuf.h"

/* ---- a growing string ---------------------------------------------------- */

/* text from the scenario (or anything else) as HTML text or attribute value */
static void esc(ps_strbuf *b, const char *s) {
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

/* ---- context and labels ------------------------------------------------- */

typedef struct {
  ps_strbuf b;
  const ps_results *r;
  const ps_model *m;
  const ps_report_options *o;
  int zh;
  const double *alphas;
  int nalphas;
  int nchart; /* charts drawn so far: unique ids */
} ctx;

#define TR(c, zh_text, en_text) ((c)->zh ? (zh_text) : (en_text))

/* does the UTF-8 text contain a CJK character (ideographs, kana, CJK punctuation)? */
static int has_cjk(const char *s) {
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

static const char *step_name(const ctx *c) {
  switch (c->m->step) {
  case PS_STEP_MONTH: return TR(c, "月", "month");
  case PS_STEP_QUARTER: return TR(c, "季度", "quarter");
  default: return TR(c, "年", "year");
  }
}

/* n periods: "72 个月", "3 quarters", "1 year" */
static const char *span(const ctx *c, int n, char *buf, size_t len) {
  if (c->zh)
    snprintf(buf, len, "%d %s", n, c->m->step == PS_STEP_MONTH ? "个月" : c->m->step == PS_STEP_QUARTER ? "个季度" : "年");
  else snprintf(buf, len, "%d %s%s", n, step_name(c), n == 1 ? "" : "s");
  return buf;
}

static const char *kind_name(const ctx *c, ps_party_kind k) {
  switch (k) {
  case PS_PARTY_GOVERNMENT: return TR(c, "政府", "government");
  case PS_PARTY_BANK: return TR(c, "银行", "bank");
  case PS_PARTY_GUARANTOR: return TR(c, "担保机构", "guarantor");
  case PS_PARTY_REGUARANTOR: return TR(c, "再担保机构", "reguarantor");
  default: return TR(c, "保险机构", "insurer");
  }
}

/* ---- numbers ------------------------------------------------------------ */

static double finite(double x) { return isfinite(x) ? x : 0; }

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

/* fixed decimals with thousands separators */
static const char *num(double x, int decimals, char *buf, size_t n) {
  char raw[64];
  x = finite(x);
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

/* an amount of yuan in 亿元 (from 1亿 up) or 万元; trim: no trailing zeros (amounts given) */
static const char *money_x(double yuan, int trim, char *buf, size_t n) {
  char a[64];
  yuan = finite(yuan);
  if (fabs(yuan) >= 1e8) {
    num(yuan / 1e8, 3, a, sizeof a);
    if (trim) trim_zeros(a);
    snprintf(buf, n, "%s亿元", a);
  } else {
    num(fabs(yuan) < 500 ? 0.0 : yuan / 1e4, 1, a, sizeof a);
    if (trim) trim_zeros(a);
    snprintf(buf, n, "%s万元", a);
  }
  return buf;
}
static const char *money(double yuan, char *buf, size_t n) { return money_x(yuan, 0, buf, n); }

static const char *pct(double p, char *buf, size_t n) {
  p = finite(p);
  snprintf(buf, n, p < 0.001 && p > 0 ? "%.3f%%" : "%.2f%%", 100 * p);
  return buf;
}

/* a target such as 5% or 0.5% */
static const char *alpha_text(double a, char *buf, size_t n) {
  snprintf(buf, n, "%g%%", 100 * a);
  return buf;
}

/* a ratio given in the scenario, e.g. 0.045 -> "4.5%" */
static const char *rate_text(double x, char *buf, size_t n) {
  char a[48];
  snprintf(a, sizeof a, "%.4f", 100 * finite(x));
  trim_zeros(a);
  snprintf(buf, n, "%s%%", a);
  return buf;
}

/* "3.25% (95% CI 2.99%–3.52%)" */
static void put_prob_ci(ctx *c, const ps_estimate *e) {
  char a[32], b[32], d[32];
  ps_strbuf_printf(&c->b, TR(c, "%s（95%%置信区间 %s–%s）", "%s (95%% CI %s–%s)"), pct(e->value, a, sizeof a), pct(e->lo, b, sizeof b),
     pct(e->hi, d, sizeof d));
}

static const char *verdict_class(const ps_estimate *e, double alpha) {
  return e->hi <= alpha ? "meets" : e->lo > alpha ? "misses" : "close";
}
static const char *verdict_text(const ctx *c, const ps_estimate *e, double alpha) {
  return e->hi <= alpha ? TR(c, "达标", "meets") : e->lo > alpha ? TR(c, "不达标", "misses")
                                                                 : TR(c, "难以判定", "too close to call");
}

/* ---- SVG charts ---------------------------------------------------------- */

#define CW 720.0 /* chart width and height in SVG units */
#define CH 320.0

typedef struct {
  double left, right, top, bottom; /* margins */
  double x0, x1, y0, y1;           /* data range */
  double ch;                       /* height of the panel; 0: CH */
} plot;

static double px(const plot *p, double x) {
  double w = CW - p->left - p->right;
  return finite(p->left + (x - p->x0) / (p->x1 - p->x0) * w);
}
static double ph(const plot *p) { return p->ch > 0 ? p->ch : CH; }
static double py(const plot *p, double y) {
  double h = ph(p) - p->top - p->bottom;
  return finite(ph(p) - p->bottom - (y - p->y0) / (p->y1 - p->y0) * h);
}

/* a 1-2-2.5-5 step giving about `target` intervals over range */
static double nice_step(double range, int target) {
  if (!(range > 0) || !isfinite(range)) return 1;
  double raw = range / target, mag = pow(10, floor(log10(raw))), f = raw / mag;
  double s = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return s * mag;
}

/* widen [*lo, *hi] to multiples of a nice step; returns the step */
static double nice_range(double *lo, double *hi, int target) {
  if (!(*hi > *lo)) *hi = *lo + (*lo != 0 ? fabs(*lo) * 0.5 : 1);
  double step = nice_step(*hi - *lo, target);
  *lo = floor(*lo / step + 1e-9) * step;
  *hi = ceil(*hi / step - 1e-9) * step;
  return step;
}

/* decimals a tick label needs for this step */
static int step_decimals(double step) {
  int d = 0;
  while (d < 6 && fabs(step * pow(10, d) - floor(step * pow(10, d) + 0.5)) > 1e-6) d++;
  return d;
}

typedef struct {
  double div;
  const char *zh, *en;
} unit;

/* 亿元 when the data reach 1亿, else 万元 */
static unit unit_for(double maxabs) {
  return maxabs >= 1e8 ? (unit){1e8, "亿元", "亿元 = 100 million yuan"} : (unit){1e4, "万元", "万元 = 10,000 yuan"};
}

/* an svg of height h (CH for one panel) */
static void chart_open_h(ctx *c, const char *title, double h) {
  c->nchart++;
  ps_strbuf_puts(&c->b, "<figure class=\"chart\">\n");
  ps_strbuf_printf(&c->b,
     "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
     "role=\"img\" aria-labelledby=\"chart%d-title\">\n<title id=\"chart%d-title\">",
     CW, h, CW, h, c->nchart, c->nchart);
  esc(&c->b, title);
  ps_strbuf_puts(&c->b, "</title>\n");
  ps_strbuf_printf(&c->b, "<rect class=\"bg\" x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\"/>\n", CW, h);
  ps_strbuf_printf(&c->b, "<text class=\"ctitle\" x=\"%.1f\" y=\"20\">", 10.0);
  esc(&c->b, title);
  ps_strbuf_puts(&c->b, "</text>\n");
}
static void chart_open(ctx *c, const char *title) { chart_open_h(c, title, CH); }

static void chart_close(ctx *c, const char *caption) {
  ps_strbuf_puts(&c->b, "</svg>\n");
  if (caption) {
    ps_strbuf_puts(&c->b, "<figcaption>");
    ps_strbuf_puts(&c->b, caption); /* built by the caller, already escaped */
    ps_strbuf_puts(&c->b, "</figcaption>\n");
  }
  ps_strbuf_puts(&c->b, "</figure>\n");
}

/* grid, axes, tick labels and the two axis titles. x ticks: every xstep from
** p->x0 (labels divided by xdiv with xdec decimals), or, when xcat > 0, category
** labels 1..xcat centred in their slots, every xcat_every-th. */
typedef struct {
  double xstep, xdiv;
  int xdec;
  int xcat, xcat_every;
  const char *xprefix; /* before category labels */
  const char *const *xlabels; /* category labels instead of prefix and number */
  double ystep, ydiv;
  int ydec;
  const char *ysuffix;
  int ycat; /* > 0: ycat categories, ylabels[0] at the top; vertical grid at the x ticks */
  const char *const *ylabels;
} axis_spec;

static void axes(ctx *c, const plot *p, const axis_spec *a, const char *xtitle, const char *ytitle) {
  ps_strbuf *b = &c->b;
  char t[64], lab[96];
  double xl = px(p, p->x0), xr = px(p, p->x1), yb = py(p, p->y0), yt = py(p, p->y1);
  /* horizontal grid and y tick labels */
  ps_strbuf_puts(b, "<g class=\"grid\">\n");
  for (int i = 0; a->ycat > 0; i++) { /* categories on y: the grid follows the x ticks */
    double v = p->x0 + i * a->xstep;
    if (v > p->x1 + a->xstep * 1e-6 || i > 200) break;
    ps_strbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(p, v), yb, px(p, v), yt);
  }
  for (int i = 0; a->ycat <= 0; i++) {
    double v = p->y0 + i * a->ystep;
    if (v > p->y1 + a->ystep * 1e-6 || i > 200) break;
    ps_strbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", xl, py(p, v), xr, py(p, v));
  }
  ps_strbuf_puts(b, "</g>\n<g class=\"ticks-y\">\n");
  for (int k = 0; k < a->ycat; k++) {
    ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", xl - 6,
       py(p, p->y1 - (k + 0.5) * (p->y1 - p->y0) / a->ycat) + 4);
    esc(b, a->ylabels ? a->ylabels[k] : "");
    ps_strbuf_puts(b, "</text>\n");
  }
  for (int i = 0; a->ycat <= 0; i++) {
    double v = p->y0 + i * a->ystep;
    if (v > p->y1 + a->ystep * 1e-6 || i > 200) break;
    num(v / a->ydiv, a->ydec, t, sizeof t);
    ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s%s</text>\n", xl - 6, py(p, v) + 4, t,
       a->ysuffix ? a->ysuffix : "");
  }
  ps_strbuf_puts(b, "</g>\n<g class=\"ticks-x\">\n");
  if (a->xcat > 0) {
    double slot = (xr - xl) / a->xcat;
    for (int k = 1; k <= a->xcat; k++) {
      if ((k - 1) % a->xcat_every && k != a->xcat) continue;
      if (a->xlabels) {
        ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", xl + (k - 0.5) * slot, yb + 16);
        esc(b, a->xlabels[k - 1]);
        ps_strbuf_puts(b, "</text>\n");
        continue;
      }
      ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s%d</text>\n", xl + (k - 0.5) * slot,
         yb + 16, a->xprefix ? a->xprefix : "", k);
    }
  } else {
    for (int i = 0;; i++) {
      double v = p->x0 + i * a->xstep;
      if (v > p->x1 + a->xstep * 1e-6 || i > 200) break;
      num(v / a->xdiv, a->xdec, t, sizeof t);
      ps_strbuf_printf(b, "<line class=\"tickmark\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(p, v), yb, px(p, v),
         yb + 4);
      ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", px(p, v), yb + 17, t);
    }
  }
  ps_strbuf_puts(b, "</g>\n");
  ps_strbuf_printf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", xl, yb, xr, yb);
  ps_strbuf_printf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", xl, yb, xl, yt);
  snprintf(lab, sizeof lab, "%s", xtitle);
  ps_strbuf_printf(b, "<text class=\"axis-x\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", (xl + xr) / 2, ph(p) - 8);
  esc(b, lab);
  ps_strbuf_puts(b, "</text>\n");
  double ymid = (yb + yt) / 2;
  ps_strbuf_printf(b, "<text class=\"axis-y\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">",
     16.0, ymid, 16.0, ymid);
  esc(b, ytitle);
  ps_strbuf_puts(b, "</text>\n");
}

/* a label that stays inside the plot: anchored at its start, or its end when
** it would run past the right edge */
static void label_at(ctx *c, const plot *p, double x, double y, const char *cls, const char *text) {
  int right = x > px(p, p->x0) + 0.62 * (px(p, p->x1) - px(p, p->x0));
  ps_strbuf_printf(&c->b, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", cls, right ? x - 4 : x + 4, y,
     right ? "end" : "start");
  esc(&c->b, text);
  ps_strbuf_puts(&c->b, "</text>\n");
}

static void vline(ctx *c, const plot *p, double x, const char *cls) {
  ps_strbuf_printf(&c->b, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cls, px(p, x), py(p, p->y0),
     px(p, x), py(p, p->y1));
}

static void legend_item(ctx *c, double x, double y, const char *cls, int swatch, const char *text) {
  if (swatch) ps_strbuf_printf(&c->b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"9\"/>\n", cls, x, y - 8);
  else ps_strbuf_printf(&c->b, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cls, x, y - 4, x + 14, y - 4);
  ps_strbuf_printf(&c->b, "<text class=\"legend\" x=\"%.1f\" y=\"%.1f\">", x + 18, y);
  esc(&c->b, text);
  ps_strbuf_puts(&c->b, "</text>\n");
}

/* (1) histogram of the pool's net outlay over paths */
static void chart_histogram(ctx *c, int pool) {
  const ps_results *r = c->r;
  const ps_outcomes *oc = &r->outcomes;
  const ps_pool_result *pr = &r->pools[pool];
  if (!oc->paid || !oc->recovered || oc->paths != r->paths || oc->paths <= 0 || pool >= oc->npools) return;
  size_t n = (size_t)oc->paths, base = ps_slot(oc, pool, 0);
  double lo = INFINITY, hi = -INFINITY;
  for (size_t i = 0; i < n; i++) {
    double v = oc->paid[base + i] - oc->recovered[base + i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  double initial = pr->initial;
  int initial_shown = initial <= 3 * fmax(hi, 0) + 1 && initial >= lo;
  double xlo = fmin(lo, 0), xhi = initial_shown ? fmax(hi, initial) : hi;
  if (!(xhi > xlo)) xhi = xlo + fmax(1e5, fabs(xlo) * 0.1);
  double bw = nice_step(xhi - xlo, 36);
  double start = floor(xlo / bw) * bw;
  int nbins = (int)ceil((xhi - start) / bw + 1e-9);
  if (nbins < 1) nbins = 1;
  if (nbins > 400) nbins = 400;
  long *count = calloc((size_t)nbins, sizeof *count);
  if (!count) {
    c->b.oom = 1;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    double v = oc->paid[base + i] - oc->recovered[base + i];
    int k = (int)floor((v - start) / bw);
    if (k < 0) k = 0;
    if (k >= nbins) k = nbins - 1;
    count[k]++;
  }
  long cmax = 0;
  for (int k = 0; k < nbins; k++)
    if (count[k] > cmax) cmax = count[k];

  plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48};
  p.x0 = start;
  p.x1 = start + nbins * bw;
  unit u = unit_for(fmax(fabs(p.x0), fabs(p.x1)));
  double xs = nice_step((p.x1 - p.x0) / u.div, 7) * u.div;
  p.x0 = floor(p.x0 / xs + 1e-9) * xs;
  p.x1 = ceil(p.x1 / xs - 1e-9) * xs;
  p.y0 = 0;
  p.y1 = 100.0 * (double)cmax / (double)n * 1.15;
  double ys = nice_range(&p.y0, &p.y1, 5);
  if (p.y1 > 100) p.y1 = 100;

  char title[256], xt[128], a[64];
  snprintf(title, sizeof title, TR(c, "资金池 %s：各路径净支出（赔付减追偿）的分布", "Pool %s: net outlay (paid less recovered) over paths"),
           c->m->pools[pool].id);
  chart_open(c, title);
  snprintf(xt, sizeof xt, TR(c, "%s（%s）", "%s (%s)"), TR(c, "期内净支出", "net outlay over the horizon"), TR(c, u.zh, u.en));
  axis_spec as = {.xstep = xs, .xdiv = u.div, .xdec = step_decimals(xs / u.div), .ystep = ys, .ydiv = 1,
                  .ydec = step_decimals(ys), .ysuffix = "%"};
  axes(c, &p, &as, xt, TR(c, "路径占比（%）", "share of paths (%)"));
  ps_strbuf_puts(&c->b, "<g class=\"bars\">\n");
  for (int k = 0; k < nbins; k++) {
    if (!count[k]) continue;
    double x = start + k * bw, h = 100.0 * (double)count[k] / (double)n;
    ps_strbuf_printf(&c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", px(&p, x) + 0.5, py(&p, h),
       fmax(px(&p, x + bw) - px(&p, x) - 1, 0.5), py(&p, 0) - py(&p, h));
  }
  ps_strbuf_puts(&c->b, "</g>\n");
  free(count);
  /* marks: p95 and p99 of the net outlay, and the initial balance */
  const struct {
    double v;
    const char *cls, *zh, *en;
  } mk[] = {{pr->net_outlay.p95, "mark-q", "95%分位", "p95"}, {pr->net_outlay.p99, "mark-q", "99%分位", "p99"}};
  char lab[128];
  for (int i = 0; i < 2; i++) {
    if (mk[i].v < p.x0 || mk[i].v > p.x1) continue;
    vline(c, &p, mk[i].v, mk[i].cls);
    snprintf(lab, sizeof lab, "%s %s", TR(c, mk[i].zh, mk[i].en), money(mk[i].v, a, sizeof a));
    label_at(c, &p, px(&p, mk[i].v), p.top + 30 + 14 * i, "note", lab);
  }
  if (initial_shown) {
    vline(c, &p, initial, "mark-initial");
    snprintf(lab, sizeof lab, "%s %s", TR(c, "初始余额", "initial balance"), money_x(initial, 1, a, sizeof a));
    label_at(c, &p, px(&p, initial), p.top + 14, "note-initial", lab);
  } else {
    snprintf(lab, sizeof lab, "%s %s %s", TR(c, "初始余额", "initial balance"), money_x(initial, 1, a, sizeof a),
             TR(c, "（超出图幅）→", "(off the scale) →"));
    ps_strbuf_printf(&c->b, "<text class=\"note-initial\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", CW - p.right, p.top - 10);
    esc(&c->b, lab);
    ps_strbuf_puts(&c->b, "</text>\n");
  }
  char cap[1024];
  snprintf(cap, sizeof cap,
           TR(c, "%ld条路径；柱宽 %s。竖线为初始余额及净支出的95%%、99%%分位数。净支出为整个期间的赔付减追偿；由于追偿滞后于赔付，资金池可能在净支出低于初始余额时仍出现阶段性缺口，耗尽概率见规模测算曲线。",
              "%ld paths; bins of %s. Vertical lines: the initial balance and the 95th and 99th percentiles of the net outlay. "
              "The net outlay is over the whole horizon; recoveries arrive long after the claims are paid, so a pool can run short "
              "on the way even when its net outlay ends below the initial balance: the sizing curve gives the probability."),
           r->paths, money_x(bw, 1, a, sizeof a));
  chart_close(c, cap);
}

/* x ticks for a chart over periods 0..T: at fiscal year ends */
static void period_ticks(const ctx *c, double *step) {
  int per_year = ps_periods_per_year(c->m->step), years = c->m->periods / per_year;
  if (years < 2) { /* under two fiscal years: plain period ticks */
    *step = fmax(1, floor(nice_step(c->m->periods, 6)));
    return;
  }
  int every = years <= 12 ? 1 : (int)nice_step(years, 8);
  if (every < 1) every = 1;
  *step = (double)per_year * every;
}

/* (2) fan chart of the closing balance */
static void chart_fan(ctx *c, int pool) {
  const ps_pool_result *pr = &c->r->pools[pool];
  int T = c->m->periods;
  if (!pr->band_p05 || !pr->band_p50 || !pr->band_p95 || T < 1) return;
  double lo = fmin(0, pr->initial), hi = pr->initial;
  for (int t = 0; t < T; t++) {
    lo = fmin(lo, pr->band_p05[t]);
    hi = fmax(hi, pr->band_p95[t]);
  }
  unit u = unit_for(fmax(fabs(lo), fabs(hi)));
  plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48, .x0 = 0, .x1 = T};
  p.y0 = lo / u.div;
  p.y1 = hi / u.div * 1.08;
  double ys = nice_range(&p.y0, &p.y1, 5) * u.div;
  p.y0 *= u.div;
  p.y1 *= u.div;
  double xs;
  period_ticks(c, &xs);

  char title[256], xt[128];
  snprintf(title, sizeof title, TR(c, "资金池 %s：期末余额（5%%–95%%区间与中位数）", "Pool %s: closing balance (5%%–95%% band and median)"),
           c->m->pools[pool].id);
  chart_open(c, title);
  if (c->m->periods / ps_periods_per_year(c->m->step) >= 2)
    snprintf(xt, sizeof xt, TR(c, "期数（%s，刻度为财政年度末）", "periods (%ss; ticks at fiscal year ends)"), step_name(c));
  else snprintf(xt, sizeof xt, TR(c, "期数（%s）", "periods (%ss)"), step_name(c));
  char yt[128];
  snprintf(yt, sizeof yt, TR(c, "%s（%s）", "%s (%s)"), TR(c, "余额", "balance"), TR(c, u.zh, u.en));
  axis_spec as = {.xstep = xs, .xdiv = 1, .xdec = 0, .ystep = ys, .ydiv = u.div, .ydec = step_decimals(ys / u.div)};
  axes(c, &p, &as, xt, yt);
  /* the band: p95 forward, p05 back; period 0 is the initial balance */
  ps_strbuf_puts(&c->b, "<polygon class=\"band\" points=\"");
  ps_strbuf_printf(&c->b, "%.1f,%.1f", px(&p, 0), py(&p, pr->initial));
  for (int t = 1; t <= T; t++) ps_strbuf_printf(&c->b, " %.1f,%.1f", px(&p, t), py(&p, pr->band_p95[t - 1]));
  for (int t = T; t >= 1; t--) ps_strbuf_printf(&c->b, " %.1f,%.1f", px(&p, t), py(&p, pr->band_p05[t - 1]));
  ps_strbuf_puts(&c->b, "\"/>\n<polyline class=\"line\" points=\"");
  ps_strbuf_printf(&c->b, "%.1f,%.1f", px(&p, 0), py(&p, pr->initial));
  for (int t = 1; t <= T; t++) ps_strbuf_printf(&c->b, " %.1f,%.1f", px(&p, t), py(&p, pr->band_p50[t - 1]));
  ps_strbuf_puts(&c->b, "\"/>\n");
  if (p.y0 < 0) {
    ps_strbuf_printf(&c->b, "<line class=\"zero\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, p.x0), py(&p, 0),
       px(&p, p.x1), py(&p, 0));
  }
  legend_item(c, p.left, 40, "band", 1, TR(c, "5%–95%的路径落在此区间", "5%–95% of paths"));
  legend_item(c, p.left + 190, 40, "line", 0, TR(c, "中位数", "median"));
  char cap[384];
  int n = snprintf(cap, sizeof cap,
                   TR(c, "每期期末余额在各路径上的5%%、50%%、95%%分位数；第0期为初始余额。",
                      "Quantiles over paths of the balance at the end of each period; period 0 is the initial balance."));
  if (pr->band_paths < c->r->paths && n > 0 && (size_t)n < sizeof cap)
    snprintf(cap + n, sizeof cap - (size_t)n, TR(c, "区间取自前%ld条路径。", " The bands use the first %ld paths."),
             pr->band_paths);
  chart_close(c, cap);
}

/* bars over fiscal years with the plot for them */
static plot year_plot(int nyears) {
  plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48, .x0 = 0, .x1 = nyears};
  return p;
}

/* (3) P(depleted by the end of fiscal year y), with Wilson whiskers */
static void chart_depletion_years(ctx *c, int pool) {
  const ps_pool_result *pr = &c->r->pools[pool];
  int ny = pr->nyears;
  if (ny < 1 || !pr->depletion_by_year) return;
  double top = 0;
  for (int y = 0; y < ny; y++) top = fmax(top, pr->depletion_by_year[y].hi);
  for (int k = 0; k < c->nalphas; k++) top = fmax(top, c->alphas[k]);
  plot p = year_plot(ny);
  p.y0 = 0;
  p.y1 = fmax(100 * top * 1.15, 1);
  if (p.y1 > 100) p.y1 = 100;
  double ys = nice_range(&p.y0, &p.y1, 5);

  char title[256];
  snprintf(title, sizeof title, TR(c, "资金池 %s：截至各财政年度末的耗尽概率（累计）", "Pool %s: probability of depletion by the end of each fiscal year (cumulative)"),
           c->m->pools[pool].id);
  chart_open(c, title);
  axis_spec as = {.xcat = ny, .xcat_every = ny <= 15 ? 1 : (ny + 9) / 10, .xprefix = TR(c, "第", "Y"), .ystep = ys,
                  .ydiv = 1, .ydec = step_decimals(ys), .ysuffix = "%"};
  axes(c, &p, &as, TR(c, "财政年度", "fiscal year"), TR(c, "耗尽概率（%）", "probability of depletion (%)"));
  double slot = px(&p, 1) - px(&p, 0), w = fmin(slot * 0.6, 60);
  char a[32];
  for (int k = 0; k < c->nalphas; k++) {
    double v = 100 * c->alphas[k];
    if (v > p.y1) continue;
    ps_strbuf_printf(&c->b, "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, 0), py(&p, v),
       px(&p, ny), py(&p, v));
    ps_strbuf_printf(&c->b, "<text class=\"note-target\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">α = %s</text>\n", px(&p, ny) + 4,
       py(&p, v) + 4, alpha_text(c->alphas[k], a, sizeof a));
  }
  ps_strbuf_puts(&c->b, "<g class=\"bars\">\n");
  for (int y = 0; y < ny; y++) {
    const ps_estimate *e = &pr->depletion_by_year[y];
    double cx = px(&p, y + 0.5), v = 100 * e->value;
    ps_strbuf_printf(&c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", cx - w / 2, py(&p, v), w,
       py(&p, 0) - py(&p, v));
  }
  ps_strbuf_puts(&c->b, "</g>\n<g class=\"whisker\">\n");
  for (int y = 0; y < ny; y++) {
    const ps_estimate *e = &pr->depletion_by_year[y];
    double cx = px(&p, y + 0.5), l = py(&p, 100 * e->lo), h = py(&p, 100 * e->hi);
    ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx, l, cx, h);
    ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx - 5, l, cx + 5, l);
    ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx - 5, h, cx + 5, h);
  }
  ps_strbuf_puts(&c->b, "</g>\n");
  if (ny <= 15)
    for (int y = 0; y < ny; y++) {
      const ps_estimate *e = &pr->depletion_by_year[y];
      ps_strbuf_printf(&c->b, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">%s</text>\n", px(&p, y + 0.5) + 7,
         py(&p, 100 * e->value) - 3, pct(e->value, a, sizeof a));
    }
  chart_close(c, (char *)TR(c, "柱：截至该年末已耗尽（首次出现缺口）的路径比例；须线：95% Wilson置信区间；虚线：规模测算目标α。",
                            "Bars: share of paths with a first shortfall by the end of the year; whiskers: 95% Wilson interval; dashed lines: the sizing targets α."));
}

/* (4) the sizing curve P(depletion | initial balance), with the targets */
static void chart_sizing(ctx *c, int pool) {
  const ps_pool_result *pr = &c->r->pools[pool];
  size_t n = (size_t)c->r->paths;
  if (!pr->sorted_required || n == 0) return;
  const double *R = pr->sorted_required;
  ps_estimate size[64];
  int na = c->nalphas < 64 ? c->nalphas : 64;
  double amax = 0, xmax = fmax(pr->initial, ps_quantile_sorted(R, n, 0.998));
  for (int k = 0; k < na; k++) {
    size[k] = ps_sizing_initial(R, n, c->alphas[k]);
    amax = fmax(amax, c->alphas[k]);
    xmax = fmax(xmax, size[k].hi);
  }
  ps_estimate at_init = ps_sizing_depletion_at(R, n, pr->initial);
  double ymax = fmax(3 * amax, at_init.hi * 1.2);
  for (int k = 0; k < c->o->nat; k++) {
    ps_estimate e = ps_sizing_depletion_at(R, n, c->o->at[k]);
    ymax = fmax(ymax, e.hi * 1.2);
    xmax = fmax(xmax, c->o->at[k]);
  }
  if (ymax > 1 || !(ymax > 0)) ymax = 1;
  double xmin = fmin(0, R[0]);
  unit u = unit_for(fmax(fabs(xmin), fabs(xmax)));
  plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48};
  p.x0 = xmin / u.div;
  p.x1 = xmax * 1.05 / u.div;
  double xs = nice_range(&p.x0, &p.x1, 7) * u.div;
  p.x0 *= u.div;
  p.x1 *= u.div;
  p.y0 = 0;
  p.y1 = 100 * ymax;
  double ys = nice_range(&p.y0, &p.y1, 5);
  if (p.y1 > 100) p.y1 = 100;

  char title[256], xt[128], a[64], b2[64], lab[192];
  snprintf(title, sizeof title, TR(c, "资金池 %s：耗尽概率与初始余额（规模测算曲线）", "Pool %s: probability of depletion against the initial balance (sizing curve)"),
           c->m->pools[pool].id);
  chart_open(c, title);
  snprintf(xt, sizeof xt, TR(c, "%s（%s）", "%s (%s)"), TR(c, "初始余额", "initial balance"), TR(c, u.zh, u.en));
  axis_spec as = {.xstep = xs, .xdiv = u.div, .xdec = step_decimals(xs / u.div), .ystep = ys, .ydiv = 1,
                  .ydec = step_decimals(ys), .ysuffix = "%"};
  axes(c, &p, &as, xt, TR(c, "耗尽概率（%）", "probability of depletion (%)"));
  ps_strbuf_printf(&c->b, "<clipPath id=\"clip%d\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/></clipPath>\n", c->nchart,
     px(&p, p.x0), py(&p, p.y1), px(&p, p.x1) - px(&p, p.x0), py(&p, p.y0) - py(&p, p.y1));
  ps_strbuf_printf(&c->b, "<g clip-path=\"url(#clip%d)\">\n", c->nchart);
  /* pointwise Wilson band and the curve on a grid of balances */
  enum { G = 360 };
  ps_estimate e[G + 1];
  for (int i = 0; i <= G; i++) e[i] = ps_sizing_depletion_at(R, n, p.x0 + (p.x1 - p.x0) * i / G);
  ps_strbuf_puts(&c->b, "<polygon class=\"band\" points=\"");
  for (int i = 0; i <= G; i++)
    ps_strbuf_printf(&c->b, "%s%.1f,%.1f", i ? " " : "", px(&p, p.x0 + (p.x1 - p.x0) * i / G), py(&p, 100 * e[i].hi));
  for (int i = G; i >= 0; i--) ps_strbuf_printf(&c->b, " %.1f,%.1f", px(&p, p.x0 + (p.x1 - p.x0) * i / G), py(&p, 100 * e[i].lo));
  ps_strbuf_puts(&c->b, "\"/>\n<polyline class=\"line\" points=\"");
  for (int i = 0; i <= G; i++)
    ps_strbuf_printf(&c->b, "%s%.1f,%.1f", i ? " " : "", px(&p, p.x0 + (p.x1 - p.x0) * i / G), py(&p, 100 * e[i].value));
  ps_strbuf_puts(&c->b, "\"/>\n</g>\n");
  /* targets: a horizontal line at alpha, the size as a point with its interval */
  for (int k = 0; k < na; k++) {
    double v = 100 * c->alphas[k];
    if (v > p.y1) continue;
    ps_strbuf_printf(&c->b, "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, p.x0), py(&p, v),
       px(&p, p.x1), py(&p, v));
    ps_strbuf_printf(&c->b, "<line class=\"ci\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, size[k].lo), py(&p, v),
       px(&p, size[k].hi), py(&p, v));
    ps_strbuf_printf(&c->b, "<circle class=\"size\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n", px(&p, size[k].value), py(&p, v));
    snprintf(lab, sizeof lab, "α = %s: %s", alpha_text(c->alphas[k], a, sizeof a), money(size[k].value, b2, sizeof b2));
    ps_strbuf_printf(&c->b, "<text class=\"note-target\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">", px(&p, size[k].hi) + 6,
       py(&p, v) - 4);
    esc(&c->b, lab);
    ps_strbuf_puts(&c->b, "</text>\n");
  }
  /* the run's initial balance, and the balances asked about */
  if (pr->initial >= p.x0 && pr->initial <= p.x1) {
    vline(c, &p, pr->initial, "mark-initial");
    if (100 * at_init.value <= p.y1)
      ps_strbuf_printf(&c->b, "<circle class=\"at-initial\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n", px(&p, pr->initial),
         py(&p, 100 * at_init.value));
    snprintf(lab, sizeof lab, "%s %s: %s", TR(c, "初始余额", "initial balance"), money_x(pr->initial, 1, a, sizeof a),
             pct(at_init.value, b2, sizeof b2));
    label_at(c, &p, px(&p, pr->initial), p.top + 14, "note-initial", lab);
  }
  for (int k = 0; k < c->o->nat; k++) {
    double x = c->o->at[k];
    if (x < p.x0 || x > p.x1 || fabs(x - pr->initial) < 1e-6) continue;
    ps_estimate ea = ps_sizing_depletion_at(R, n, x);
    vline(c, &p, x, "mark-at");
    if (100 * ea.value <= p.y1)
      ps_strbuf_printf(&c->b, "<circle class=\"at\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n", px(&p, x), py(&p, 100 * ea.value));
    snprintf(lab, sizeof lab, "%s: %s", money_x(x, 1, a, sizeof a), pct(ea.value, b2, sizeof b2));
    label_at(c, &p, px(&p, x), p.top + 30 + 14 * (k % 3), "note", lab);
  }
  chart_close(c, (char *)TR(c, "曲线：初始余额为横轴数值时的耗尽概率（所需初始余额超过该数值的路径比例），阴影为95%置信区间；圆点：各目标α所需的规模，横线为其95%置信区间。",
                            "Curve: the share of paths whose required initial balance exceeds the balance on the x axis, with its 95% band; dots: the size needed for each target α, with its 95% interval."));
}

/* (5) a government's outlay by fiscal year: mean bars, p95 markers */
static void chart_outlay(ctx *c, int party) {
  const ps_party_result *pr = &c->r->parties[party];
  int ny = pr->nyears;
  if (ny < 1 || !pr->outlay_by_year) return;
  double lo = 0, hi = 0;
  for (int y = 0; y < ny; y++) {
    lo = fmin(lo, fmin(pr->outlay_by_year[y].mean, pr->outlay_by_year[y].p95));
    hi = fmax(hi, fmax(pr->outlay_by_year[y].mean, pr->outlay_by_year[y].p95));
  }
  unit u = unit_for(fmax(fabs(lo), fabs(hi)));
  plot p = year_plot(ny);
  p.y0 = lo / u.div;
  p.y1 = hi * 1.12 / u.div;
  double ys = nice_range(&p.y0, &p.y1, 5) * u.div;
  p.y0 *= u.div;
  p.y1 *= u.div;

  char title[256], yt[128];
  snprintf(title, sizeof title, TR(c, "%s：各财政年度支出（均值与95%%分位）", "%s: outlay by fiscal year (mean and 95th percentile)"),
           c->m->parties[party].name && *c->m->parties[party].name ? c->m->parties[party].name : c->m->parties[party].id);
  chart_open(c, title);
  snprintf(yt, sizeof yt, TR(c, "%s（%s）", "%s (%s)"), TR(c, "年度支出", "outlay in the year"), TR(c, u.zh, u.en));
  axis_spec as = {.xcat = ny, .xcat_every = ny <= 15 ? 1 : (ny + 9) / 10, .xprefix = TR(c, "第", "Y"), .ystep = ys,
                  .ydiv = u.div, .ydec = step_decimals(ys / u.div)};
  axes(c, &p, &as, TR(c, "财政年度", "fiscal year"), yt);
  double slot = px(&p, 1) - px(&p, 0), w = fmin(slot * 0.6, 60);
  ps_strbuf_puts(&c->b, "<g class=\"bars\">\n");
  for (int y = 0; y < ny; y++) {
    double v = pr->outlay_by_year[y].mean, cx = px(&p, y + 0.5);
    double y0 = py(&p, fmax(v, 0)), y1 = py(&p, fmin(v, 0));
    ps_strbuf_printf(&c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", cx - w / 2, y0, w, fmax(y1 - y0, 0));
  }
  ps_strbuf_puts(&c->b, "</g>\n");
  if (p.y0 < 0)
    ps_strbuf_printf(&c->b, "<line class=\"zero\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, p.x0), py(&p, 0),
       px(&p, p.x1), py(&p, 0));
  for (int y = 0; y < ny; y++) {
    double cx = px(&p, y + 0.5), v = py(&p, pr->outlay_by_year[y].p95);
    ps_strbuf_printf(&c->b, "<line class=\"p95\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx - w / 2 - 4, v, cx + w / 2 + 4,
       v);
  }
  legend_item(c, p.left, 40, "bar", 1, TR(c, "均值", "mean"));
  legend_item(c, p.left + 110, 40, "p95", 0, TR(c, "95%分位（二十年一遇）", "95th percentile (1 year in 20)"));
  chart_close(c, (char *)TR(c, "支出：资金池注资、补充及补贴等该年度的全部付出减去收回（如期末清算返还）。",
                            "Outlay: everything the government pays out in the year (pool funding, top-ups, subsidies) less what comes back (e.g. a wind-down)."));
}

/* ---- tables -------------------------------------------------------------- */

static void th(ctx *c, const char *s) {
  ps_strbuf_puts(&c->b, "<th>");
  esc(&c->b, s);
  ps_strbuf_puts(&c->b, "</th>");
}
static void td(ctx *c, const char *s) {
  ps_strbuf_puts(&c->b, "<td>");
  esc(&c->b, s);
  ps_strbuf_puts(&c->b, "</td>");
}
static void tdn(ctx *c, const char *s) {
  ps_strbuf_puts(&c->b, "<td class=\"num\">");
  esc(&c->b, s);
  ps_strbuf_puts(&c->b, "</td>");
}

static void stats_row(ctx *c, const char *label, const ps_stats *s) {
  char a[64];
  ps_strbuf_puts(&c->b, "<tr>");
  td(c, label);
  tdn(c, money(s->mean, a, sizeof a));
  tdn(c, money(s->se, a, sizeof a));
  tdn(c, money(s->p50, a, sizeof a));
  tdn(c, money(s->p95, a, sizeof a));
  tdn(c, money(s->p99, a, sizeof a));
  tdn(c, money(s->es99, a, sizeof a));
  ps_strbuf_puts(&c->b, "</tr>\n");
}

static void stats_head(ctx *c, const char *first) {
  ps_strbuf_puts(&c->b, "<thead><tr>");
  th(c, first);
  th(c, TR(c, "均值", "mean"));
  th(c, TR(c, "标准误", "std. error"));
  th(c, TR(c, "中位数", "median"));
  th(c, TR(c, "95%分位", "p95"));
  th(c, TR(c, "99%分位", "p99"));
  th(c, "ES99");
  ps_strbuf_puts(&c->b, "</tr></thead>\n");
}

static int shown(const ctx *c, int pool) { return !c->o->pool || strcmp(c->o->pool, c->m->pools[pool].id) == 0; }

static const char *account_name(const ps_model *m, int a) {
  if (a >= 0 && a < m->nparties) return m->parties[a].id;
  if (ps_is_pool_account(m, a)) return m->pools[a - m->nparties].id;
  return "?";
}

static const char *party_label(const ps_model *m, int i) {
  if (i < 0 || i >= m->nparties) return "—";
  return m->parties[i].id;
}

/* ---- the page ------------------------------------------------------------ */

static const char *const css =
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

static void answer(ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  ps_strbuf *b = &c->b;
  char a[64], d[64], e2[64], f[32];
  int per_year = ps_periods_per_year(m->step), years = (m->periods + per_year - 1) / per_year;
  for (int i = 0; i < m->npools; i++) {
    if (!shown(c, i)) continue;
    const ps_pool_result *p = &r->pools[i];
    int ow = m->pools[i].owner;
    const char *owner = ow >= 0 && ow < m->nparties && m->parties[ow].name && *m->parties[ow].name ? m->parties[ow].name
                                                                                                   : party_label(m, ow);
    ps_strbuf_puts(b, "<p class=\"answer\">");
    if (c->zh) {
      ps_strbuf_puts(b, "资金池 <b>");
      esc(b, m->pools[i].id);
      ps_strbuf_puts(b, "</b>（");
      esc(b, owner);
      ps_strbuf_printf(b, "）初始余额 <b>%s</b>，在 %s（%d 个财政年度）内耗尽（出现赔付缺口）的概率为 <b>", money_x(p->initial, 1, a, sizeof a),
         span(c, m->periods, f, sizeof f), years);
      put_prob_ci(c, &p->depletion);
      ps_strbuf_puts(b, "</b>。");
      for (int k = 0; k < c->nalphas; k++) {
        ps_estimate s = ps_sizing_initial(p->sorted_required, (size_t)r->paths, c->alphas[k]);
        ps_strbuf_printf(b, "%s耗尽概率不超过 %s，初始余额需 <b>%s</b>（95%%置信区间 %s–%s）", k ? "；" : "要使", alpha_text(c->alphas[k], f, sizeof f),
           money(s.value, a, sizeof a), money(s.lo, d, sizeof d), money(s.hi, e2, sizeof e2));
      }
      if (c->nalphas) ps_strbuf_puts(b, "。");
      for (int k = 0; k < c->o->nat; k++) {
        ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, c->o->at[k]);
        ps_strbuf_printf(b, "若初始余额为 <b>%s</b>，耗尽概率为 ", money_x(c->o->at[k], 1, a, sizeof a));
        put_prob_ci(c, &e);
        ps_strbuf_puts(b, "：");
        for (int q = 0; q < c->nalphas; q++)
          ps_strbuf_printf(b, "%s目标 %s <span class=\"%s\">%s</span>", q ? "，" : "", alpha_text(c->alphas[q], f, sizeof f),
             verdict_class(&e, c->alphas[q]), verdict_text(c, &e, c->alphas[q]));
        ps_strbuf_puts(b, "。");
      }
      if (m->balance_feedback && !r->searched)
        ps_strbuf_puts(b, "（注：本情景含随余额变化的规则，上述规模测算假定这些规则不影响结果，应以该规模重新运行核验。）");
    } else {
      ps_strbuf_puts(b, "Pool <b>");
      esc(b, m->pools[i].id);
      ps_strbuf_puts(b, "</b> (owner ");
      esc(b, owner);
      ps_strbuf_printf(b, ") starts with <b>%s</b>. The probability that it runs short of money (depletion) within the horizon of %s "
            "(%d fiscal year%s) is <b>",
         money_x(p->initial, 1, a, sizeof a), span(c, m->periods, f, sizeof f), years, years == 1 ? "" : "s");
      put_prob_ci(c, &p->depletion);
      ps_strbuf_puts(b, "</b>.");
      for (int k = 0; k < c->nalphas; k++) {
        ps_estimate s = ps_sizing_initial(p->sorted_required, (size_t)r->paths, c->alphas[k]);
        ps_strbuf_printf(b, "%s %s%s <b>%s</b> (95%% CI %s–%s)", k ? "; at or below" : " To keep that probability at or below",
           alpha_text(c->alphas[k], f, sizeof f), k ? "," : " the pool needs", money(s.value, a, sizeof a),
           money(s.lo, d, sizeof d), money(s.hi, e2, sizeof e2));
      }
      if (c->nalphas) ps_strbuf_puts(b, ".");
      for (int k = 0; k < c->o->nat; k++) {
        ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, c->o->at[k]);
        ps_strbuf_printf(b, " With <b>%s</b> the probability of depletion is ", money_x(c->o->at[k], 1, a, sizeof a));
        put_prob_ci(c, &e);
        ps_strbuf_puts(b, ":");
        for (int q = 0; q < c->nalphas; q++)
          ps_strbuf_printf(b, "%s <span class=\"%s\">%s</span> the %s target", q ? "," : "", verdict_class(&e, c->alphas[q]),
             verdict_text(c, &e, c->alphas[q]), alpha_text(c->alphas[q], f, sizeof f));
        ps_strbuf_puts(b, ".");
      }
      if (m->balance_feedback && !r->searched)
        ps_strbuf_puts(b, " (Rules in this scenario react to the pool's balance; the sizes assume they do not: check them by "
               "running at that size.)");
    }
    ps_strbuf_puts(b, "</p>\n");
  }
}

static void charts_section(ctx *c) {
  const ps_model *m = c->m;
  char a[64];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", TR(c, "图表", "Charts"));
  for (int i = 0; i < m->npools; i++) {
    ps_strbuf_printf(&c->b, "<h3>%s <code>", TR(c, "资金池", "Pool"));
    esc(&c->b, m->pools[i].id);
    ps_strbuf_printf(&c->b, TR(c, "</code>（初始余额 %s）</h3>\n", "</code> (initial balance %s)</h3>\n"),
       money_x(c->r->pools[i].initial, 1, a, sizeof a));
    chart_histogram(c, i);
    chart_fan(c, i);
    chart_depletion_years(c, i);
    chart_sizing(c, i);
  }
  for (int i = 0; i < m->nparties; i++) {
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    ps_strbuf_printf(&c->b, "<h3>%s ", TR(c, "财政支出：", "Budget:"));
    esc(&c->b, m->parties[i].name && *m->parties[i].name ? m->parties[i].name : m->parties[i].id);
    ps_strbuf_puts(&c->b, "</h3>\n");
    chart_outlay(c, i);
  }
}

static void pools_section(ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64];
  for (int i = 0; i < m->npools; i++) {
    const ps_pool_result *p = &r->pools[i];
    ps_strbuf_puts(&c->b, "<table>\n");
    ps_strbuf_printf(&c->b, "<caption>%s ", TR(c, "资金池", "Pool"));
    esc(&c->b, m->pools[i].id);
    ps_strbuf_printf(&c->b, TR(c, "（初始余额 %s）：各路径金额统计", " (initial balance %s): amounts over paths"), money_x(p->initial, 1, a, sizeof a));
    ps_strbuf_puts(&c->b, "</caption>\n");
    stats_head(c, TR(c, "项目", "item"));
    ps_strbuf_puts(&c->b, "<tbody>\n");
    stats_row(c, TR(c, "申请赔付", "claims"), &p->claims);
    stats_row(c, TR(c, "实际赔付", "paid"), &p->paid);
    stats_row(c, TR(c, "赔付缺口", "shortfall"), &p->shortfall);
    stats_row(c, TR(c, "追偿收回", "recovered"), &p->recovered);
    stats_row(c, TR(c, "净支出", "net outlay"), &p->net_outlay);
    stats_row(c, TR(c, "所需初始余额", "required initial balance"), &p->required_initial);
    if (p->topups.max > 0 || p->topups.min < 0) stats_row(c, TR(c, "补充资金", "top-ups"), &p->topups);
    if (p->returned.max > 0 || p->returned.min < 0) stats_row(c, TR(c, "期末返还", "returned at the end"), &p->returned);
    if (p->unsettled.max > 0) stats_row(c, TR(c, "期后到期赔付", "claims due after the horizon"), &p->unsettled);
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
    /* depletion by year as numbers */
    ps_strbuf_puts(&c->b, "<table>\n");
    ps_strbuf_printf(&c->b, "<caption>%s</caption>\n<thead><tr>", TR(c, "截至各年末的累计耗尽概率", "Cumulative probability of depletion by year end"));
    th(c, TR(c, "财政年度", "fiscal year"));
    th(c, TR(c, "耗尽概率", "P(depletion)"));
    th(c, TR(c, "95%置信区间", "95% CI"));
    ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
    for (int y = 0; y < p->nyears; y++) {
      const ps_estimate *e = &p->depletion_by_year[y];
      char lo[32], hi[32], yr[32];
      snprintf(yr, sizeof yr, TR(c, "第%d年", "year %d"), y + 1);
      ps_strbuf_puts(&c->b, "<tr>");
      td(c, yr);
      tdn(c, pct(e->value, a, sizeof a));
      ps_strbuf_printf(&c->b, "<td class=\"num\">%s – %s</td>", pct(e->lo, lo, sizeof lo), pct(e->hi, hi, sizeof hi));
      ps_strbuf_puts(&c->b, "</tr>\n");
    }
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
  }
}

static void sizing_section(ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64], lo[64], hi[64], f[32];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", TR(c, "规模测算", "Sizing"));
  ps_strbuf_puts(&c->b, "<table>\n<thead><tr>");
  th(c, TR(c, "资金池", "pool"));
  th(c, TR(c, "目标：耗尽概率 ≤", "target: P(depletion) ≤"));
  th(c, TR(c, "所需初始余额", "initial balance needed"));
  th(c, TR(c, "95%置信区间", "95% CI"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->npools; i++) {
    if (!shown(c, i)) continue;
    for (int k = 0; k < c->nalphas; k++) {
      ps_estimate s = ps_sizing_initial(r->pools[i].sorted_required, (size_t)r->paths, c->alphas[k]);
      ps_strbuf_puts(&c->b, "<tr>");
      td(c, m->pools[i].id);
      tdn(c, alpha_text(c->alphas[k], f, sizeof f));
      tdn(c, money(s.value, a, sizeof a));
      ps_strbuf_printf(&c->b, "<td class=\"num\">%s – %s</td>", money(s.lo, lo, sizeof lo), money(s.hi, hi, sizeof hi));
      ps_strbuf_puts(&c->b, "</tr>\n");
    }
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  /* the current balance and the balances asked about */
  ps_strbuf_puts(&c->b, "<table>\n<thead><tr>");
  th(c, TR(c, "资金池", "pool"));
  th(c, TR(c, "初始余额", "initial balance"));
  th(c, TR(c, "耗尽概率", "P(depletion)"));
  th(c, TR(c, "95%置信区间", "95% CI"));
  for (int q = 0; q < c->nalphas; q++) {
    char h[64];
    snprintf(h, sizeof h, TR(c, "目标 %s", "target %s"), alpha_text(c->alphas[q], f, sizeof f));
    th(c, h);
  }
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->npools; i++) {
    if (!shown(c, i)) continue;
    const ps_pool_result *p = &r->pools[i];
    for (int k = -1; k < c->o->nat; k++) {
      double x = k < 0 ? p->initial : c->o->at[k];
      if (k >= 0 && fabs(x - p->initial) < 1e-6) continue;
      ps_estimate e = ps_sizing_depletion_at(p->sorted_required, (size_t)r->paths, x);
      ps_strbuf_puts(&c->b, "<tr>");
      td(c, m->pools[i].id);
      char lab[96];
      snprintf(lab, sizeof lab, "%s%s", money_x(x, 1, a, sizeof a), k < 0 ? TR(c, "（本次运行）", " (this run)") : "");
      tdn(c, lab);
      tdn(c, pct(e.value, a, sizeof a));
      ps_strbuf_printf(&c->b, "<td class=\"num\">%s – %s</td>", pct(e.lo, lo, sizeof lo), pct(e.hi, hi, sizeof hi));
      for (int q = 0; q < c->nalphas; q++)
        ps_strbuf_printf(&c->b, "<td class=\"%s\">%s</td>", verdict_class(&e, c->alphas[q]), verdict_text(c, &e, c->alphas[q]));
      ps_strbuf_puts(&c->b, "</tr>\n");
    }
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "达标：置信区间上限不超过目标；不达标：下限高于目标；难以判定：目标落在置信区间内，需要更多路径。所需初始余额为各路径所需初始余额的(1−α)分位数，置信区间为次序统计量区间。",
        "Meets: the upper end of the interval is at or below the target; misses: the lower end is above it; too close to call: "
        "the target lies inside the interval (run more paths). The size needed is the (1 − α) quantile of the per-path required "
        "initial balance, with its order-statistic interval."));
  if (m->balance_feedback)
    ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
       r->searched ? TR(c, "本情景含随余额变化的规则：各路径所需初始余额由二分搜索求得。",
                        "Rules in this scenario react to the pool's balance: each path's required balance was found by bisection.")
                   : TR(c, "注意：本情景含随余额变化的规则（on_period、补充规则或余额下限触发），上述测算假定它们不影响结果；请以测算规模重新运行核验。",
                        "Note: rules in this scenario may react to the pool's balance (on_period, a refill or a pool_floor trigger); "
                        "the sizing assumes they do not: check it by running at that size."));
}

static void programmes_section(ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64];
  int extra = 0;
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    if (p->paused.max > 0 || p->stopped.max > 0 || p->capped.max > 0 || p->declined.max > 0 || p->refused.max > 0)
      extra = 1;
  }
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "业务项目", "Programmes"));
  th(c, TR(c, "项目", "programme"));
  th(c, TR(c, "贷款银行", "bank"));
  th(c, TR(c, "发放笔数（均值）", "loans originated (mean)"));
  th(c, TR(c, "违约笔数 均值 ± 标准误", "defaults, mean ± s.e."));
  th(c, TR(c, "违约笔数 99%分位", "defaults, p99"));
  th(c, TR(c, "违约敞口（均值）", "defaulted exposure (mean)"));
  th(c, TR(c, "违约敞口 99%分位", "defaulted exposure, p99"));
  if (extra) {
    th(c, TR(c, "暂停期数", "periods paused"));
    th(c, TR(c, "停贷期数", "periods lending stopped"));
    th(c, TR(c, "暂停拒赔", "refused while paused"));
    th(c, TR(c, "限额削减", "cut by caps"));
    th(c, TR(c, "未发放笔数", "loans declined"));
  }
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme_result *p = &r->programmes[i];
    char s[96], x[32], y[32];
    ps_strbuf_puts(&c->b, "<tr>");
    td(c, m->programmes[i].id);
    td(c, party_label(m, m->programmes[i].bank));
    tdn(c, num(p->originated.mean, 0, a, sizeof a));
    snprintf(s, sizeof s, "%s ± %s", num(p->defaults.mean, 1, x, sizeof x), num(p->defaults.se, 1, y, sizeof y));
    tdn(c, s);
    tdn(c, num(p->defaults.p99, 0, a, sizeof a));
    tdn(c, money(p->defaulted_exposure.mean, a, sizeof a));
    tdn(c, money(p->defaulted_exposure.p99, a, sizeof a));
    if (extra) {
      tdn(c, num(p->paused.mean, 1, a, sizeof a));
      tdn(c, num(p->stopped.mean, 1, a, sizeof a));
      tdn(c, money(p->refused.mean, a, sizeof a));
      tdn(c, money(p->capped.mean, a, sizeof a));
      tdn(c, num(p->declined.mean, 1, a, sizeof a));
    }
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
}

static void parties_section(ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  char a[64], b2[64], d[64];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "各参与方", "Parties"));
  th(c, TR(c, "参与方", "party"));
  th(c, TR(c, "类型", "kind"));
  th(c, TR(c, "损失 均值", "losses, mean"));
  th(c, TR(c, "损失 99%分位", "losses, p99"));
  th(c, TR(c, "净收益 均值", "net result, mean"));
  th(c, TR(c, "净收益 中位数", "net result, median"));
  th(c, TR(c, "风险指标", "risk measure"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->nparties; i++) {
    const ps_party_result *p = &r->parties[i];
    const ps_party *party = &m->parties[i];
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    esc(&c->b, party->id);
    ps_strbuf_puts(&c->b, "</code>");
    if (party->name && *party->name && strcmp(party->name, party->id) != 0) {
      ps_strbuf_puts(&c->b, "<br>");
      esc(&c->b, party->name);
    }
    ps_strbuf_puts(&c->b, "</td>");
    td(c, kind_name(c, party->kind));
    tdn(c, money(p->losses.mean, a, sizeof a));
    tdn(c, money(p->losses.p99, a, sizeof a));
    tdn(c, money(p->net_result.mean, a, sizeof a));
    tdn(c, money(p->net_result.p50, a, sizeof a));
    char s[256] = "";
    if (party->kind == PS_PARTY_BANK && party->npl_tolerance > 0)
      snprintf(s, sizeof s, TR(c, "最高不良率 均值 %s，95%%分位 %s；超过容忍度 %s 的概率 %s", "highest NPL ratio: mean %s, p95 %s; P(above its %s tolerance) %s"),
               pct(p->ratio.mean, a, sizeof a), pct(p->ratio.p95, b2, sizeof b2),
               rate_text(party->npl_tolerance, d, sizeof d), pct(p->breached.value, (char[32]){0}, 32));
    else if (party->kind == PS_PARTY_BANK)
      snprintf(s, sizeof s, TR(c, "最高不良率 均值 %s，95%%分位 %s", "highest NPL ratio: mean %s, p95 %s"),
               pct(p->ratio.mean, a, sizeof a), pct(p->ratio.p95, b2, sizeof b2));
    else if (party->kind == PS_PARTY_GUARANTOR)
      snprintf(s, sizeof s, TR(c, "代偿率 均值 %s，95%%分位 %s%s%s", "payout rate: mean %s, p95 %s%s%s"),
               pct(p->ratio.mean, a, sizeof a), pct(p->ratio.p95, b2, sizeof b2),
               party->capital > 0 ? TR(c, "；资本耗尽概率 ", "; P(capital exhausted) ") : "",
               party->capital > 0 ? pct(p->breached.value, d, sizeof d) : "");
    else if (party->kind == PS_PARTY_INSURER)
      snprintf(s, sizeof s, TR(c, "赔付率 均值 %s，95%%分位 %s", "loss ratio: mean %s, p95 %s"), pct(p->ratio.mean, a, sizeof a),
               pct(p->ratio.p95, b2, sizeof b2));
    td(c, s);
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "损失：对违约贷款的赔付减去追偿收回；净收益：期内全部资金流入减流出（利息、费用、保费、补贴、补偿、追偿、注资等）。",
        "Losses: paid on defaults less recovered. Net result: every flow in and out over the horizon (interest, fees, "
        "premiums, subsidies, compensation, recoveries, pool funding)."));
  /* the budget view of each government */
  for (int i = 0; i < m->nparties; i++) {
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    const ps_party_result *p = &r->parties[i];
    ps_strbuf_puts(&c->b, "<table>\n<caption>");
    esc(&c->b, m->parties[i].name && *m->parties[i].name ? m->parties[i].name : m->parties[i].id);
    ps_strbuf_printf(&c->b, "%s</caption>\n", TR(c, "：各财政年度支出", ": outlay by fiscal year"));
    stats_head(c, TR(c, "财政年度支出", "outlay in fiscal year"));
    ps_strbuf_puts(&c->b, "<tbody>\n");
    for (int y = 0; y < p->nyears; y++) {
      char yr[32];
      snprintf(yr, sizeof yr, TR(c, "第%d年", "year %d"), y + 1);
      stats_row(c, yr, &p->outlay_by_year[y]);
    }
    ps_strbuf_puts(&c->b, "</tbody></table>\n");
  }
}

static void dist_text(const ctx *c, const ps_dist *d, int money_units, char *buf, size_t n) {
  char a[64], b2[64];
  if (money_units) {
    money_x(d->mean, 1, a, sizeof a);
    money_x(d->sd, 1, b2, sizeof b2);
  } else {
    snprintf(a, sizeof a, "%.3g", d->mean);
    snprintf(b2, sizeof b2, "%.3g", d->sd);
  }
  switch (d->kind) {
  case PS_DIST_FIXED:
    if (money_units) money_x(d->mean, 1, a, sizeof a);
    snprintf(buf, n, "%s", a);
    break;
  case PS_DIST_LOGNORMAL: snprintf(buf, n, TR(c, "对数正态，均值 %s，标准差 %s", "lognormal, mean %s, sd %s"), a, b2); break;
  case PS_DIST_BETA: snprintf(buf, n, TR(c, "Beta分布，均值 %s，标准差 %s", "beta, mean %s, sd %s"), a, b2); break;
  default: snprintf(buf, n, TR(c, "贷款明细 %ld 笔，均值 %s", "loan tape, %ld loans, mean %s"), d->nitems, a);
  }
}

/* a loan-tape group's per-loan PDs or LGDs: "lowest – highest" */
static void range_text(const double *x, long n, char *buf, size_t size) {
  double lo = x[0], hi = x[0];
  for (long i = 1; i < n; i++) {
    lo = fmin(lo, x[i]);
    hi = fmax(hi, x[i]);
  }
  char a[64], b[64];
  snprintf(buf, size, "%s – %s", rate_text(lo, a, sizeof a), rate_text(hi, b, sizeof b));
}

/* "<br>interest subsidy finance_bureau 10% of interest" */
static void subsidy_text(ctx *c, const ps_subsidy *sub, const char *what, const char *of) {
  const ps_model *m = c->m;
  char a[64];
  if (sub->payer < 0 || sub->payer >= m->nparties || (sub->share <= 0 && sub->of_principal <= 0)) return;
  ps_strbuf_printf(&c->b, "<br>%s ", what);
  esc(&c->b, m->parties[sub->payer].id);
  if (sub->of_principal > 0) ps_strbuf_printf(&c->b, TR(c, " 按本金 %s/年", " %s a year on principal"), rate_text(sub->of_principal, a, sizeof a));
  else if (c->zh) ps_strbuf_printf(&c->b, " %s的 %s", of, rate_text(sub->share, a, sizeof a));
  else ps_strbuf_printf(&c->b, " %s of %s", rate_text(sub->share, a, sizeof a), of);
  if (sub->cap_per_loan > 0)
    ps_strbuf_printf(&c->b, TR(c, "，每笔每年至多 %s", ", at most %s a loan a year"),
       money_x((double)sub->cap_per_loan / PS_FEN_PER_YUAN, 1, a, sizeof a));
  if (sub->after_repayment) ps_strbuf_puts(&c->b, TR(c, "，到期足额还款后支付", ", paid once the loan is repaid in full"));
}

static void assumptions_section(ctx *c) {
  const ps_model *m = c->m;
  char a[128], b2[64], d[64];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", TR(c, "情景假设", "Assumptions of the scenario"));
  ps_strbuf_printf(&c->b, "<p>%s", TR(c, "期数：", "Horizon: "));
  ps_strbuf_puts(&c->b, span(c, m->periods, b2, sizeof b2));
  ps_strbuf_printf(&c->b, TR(c, "；系统因子每期持续性（AR(1)）%.3g；%s。</p>\n", "; persistence of the systemic factor (AR(1) per period) %.3g; %s.</p>\n"),
     m->cycle, m->copula == PS_COPULA_T ? TR(c, "t Copula", "t copula") : TR(c, "高斯Copula", "Gaussian copula"));
  /* pools */
  ps_strbuf_puts(&c->b, "<table>\n");
  ps_strbuf_printf(&c->b, "<caption>%s</caption>\n<thead><tr>", TR(c, "资金池", "Pools"));
  th(c, TR(c, "资金池", "pool"));
  th(c, TR(c, "出资方", "owner"));
  th(c, TR(c, "初始余额", "initial balance"));
  th(c, TR(c, "年收益率", "annual yield"));
  th(c, TR(c, "计划补充合计", "scheduled top-ups"));
  th(c, TR(c, "规则", "rules"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->npools; i++) {
    const ps_pool *p = &m->pools[i];
    double top = 0;
    if (p->topups)
      for (int t = 1; t <= m->periods; t++) top += (double)p->topups[t] / PS_FEN_PER_YUAN;
    ps_strbuf_puts(&c->b, "<tr>");
    td(c, p->id);
    td(c, party_label(m, p->owner));
    tdn(c, money_x((double)p->initial / PS_FEN_PER_YUAN, 1, a, sizeof a));
    tdn(c, rate_text(p->yield, a, sizeof a));
    tdn(c, money_x(top, 1, a, sizeof a));
    char rules[256] = "";
    if (p->refill_last_year) strncat(rules, TR(c, "每年补足上年净支出；", "refills last year's net outlay; "), sizeof rules - strlen(rules) - 1);
    if (p->refill_below > 0) {
      snprintf(a, sizeof a, TR(c, "低于在保余额 %s 时补足；", "tops up to %s of covered loans when below; "),
               rate_text(p->refill_below, b2, sizeof b2));
      strncat(rules, a, sizeof rules - strlen(rules) - 1);
    }
    if (p->wind_down) strncat(rules, TR(c, "期末余额返还出资方", "balance returned at the end"), sizeof rules - strlen(rules) - 1);
    td(c, *rules ? rules : "—");
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  /* segments */
  ps_strbuf_puts(&c->b, "<table>\n");
  ps_strbuf_printf(&c->b, "<caption>%s</caption>\n<thead><tr>", TR(c, "贷款分组", "Segments (loans)"));
  th(c, TR(c, "分组", "segment"));
  th(c, TR(c, "每期新增笔数", "new loans per period"));
  th(c, TR(c, "单笔金额", "loan size"));
  th(c, TR(c, "期限", "tenor"));
  th(c, TR(c, "利率", "rate"));
  th(c, TR(c, "年违约率 PD", "annual PD"));
  th(c, TR(c, "违约损失率 LGD", "LGD"));
  th(c, TR(c, "相关性 ρ", "ρ (correlation)"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->nsegments; i++) {
    const ps_segment *s = &m->segments[i];
    char buf[256];
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    esc(&c->b, s->id);
    ps_strbuf_puts(&c->b, "</code>");
    if (s->name && *s->name && strcmp(s->name, s->id) != 0) {
      ps_strbuf_puts(&c->b, "<br>");
      esc(&c->b, s->name);
    }
    ps_strbuf_puts(&c->b, "</td>");
    snprintf(buf, sizeof buf, TR(c, "%d（第%d–%d期）", "%d (periods %d–%d)"), s->new_loans, s->first, s->last);
    tdn(c, buf);
    dist_text(c, &s->loan, 1, buf, sizeof buf);
    td(c, buf);
    snprintf(buf, sizeof buf, "%s%s", span(c, s->tenor, a, sizeof a),
             s->amortizing ? TR(c, "，分期还款", ", amortizing") : TR(c, "，到期还本", ", bullet"));
    td(c, buf);
    if (s->loan_rate) {
      range_text(s->loan_rate, s->loan.nitems, buf, sizeof buf);
      tdn(c, buf);
    } else tdn(c, rate_text(s->rate, a, sizeof a));
    if (s->pd_by_year && s->npd_years > 0) {
      size_t k = 0;
      buf[0] = 0;
      for (int y = 0; y < s->npd_years && k + 24 < sizeof buf; y++) {
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", y ? ", " : "", rate_text(s->pd_by_year[y], a, sizeof a));
      }
      snprintf(a, sizeof a, "%s", TR(c, "（按贷龄年份）", " (by year of age)"));
      strncat(buf, a, sizeof buf - strlen(buf) - 1);
      td(c, buf);
    } else if (s->loan_pd) {
      range_text(s->loan_pd, s->loan.nitems, buf, sizeof buf);
      tdn(c, buf);
    } else tdn(c, rate_text(s->pd, a, sizeof a));
    if (s->loan_lgd) {
      range_text(s->loan_lgd, s->loan.nitems, buf, sizeof buf);
      tdn(c, buf);
    } else if (s->lgd.kind == PS_DIST_FIXED) tdn(c, rate_text(s->lgd.mean, buf, sizeof buf));
    else {
      dist_text(c, &s->lgd, 0, buf, sizeof buf);
      td(c, buf);
    }
    if (s->sector >= 0 && s->sector < m->nsectors)
      snprintf(buf, sizeof buf, TR(c, "%.3g；行业 %s %.3g", "%.3g; sector %s %.3g"), s->rho, m->sectors[s->sector].id, s->rho_sector);
    else snprintf(buf, sizeof buf, "%.3g", s->rho);
    tdn(c, buf);
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
  /* programmes */
  ps_strbuf_puts(&c->b, "<table>\n");
  ps_strbuf_printf(&c->b, "<caption>%s</caption>\n<thead><tr>", TR(c, "业务项目与分担比例", "Programmes and loss shares"));
  th(c, TR(c, "项目", "programme"));
  th(c, TR(c, "贷款分组", "segments"));
  th(c, TR(c, "分担方与比例", "payers and shares"));
  th(c, TR(c, "补偿上限", "caps"));
  th(c, TR(c, "时滞（期）", "lags (periods)"));
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < m->nprogrammes; i++) {
    const ps_programme *p = &m->programmes[i];
    ps_strbuf_puts(&c->b, "<tr><td><code>");
    esc(&c->b, p->id);
    ps_strbuf_puts(&c->b, "</code><br>");
    ps_strbuf_printf(&c->b, "%s ", TR(c, "银行", "bank"));
    esc(&c->b, party_label(m, p->bank));
    ps_strbuf_puts(&c->b, "</td><td>");
    for (int k = 0; k < p->nsegments; k++) {
      if (k) ps_strbuf_puts(&c->b, ", ");
      esc(&c->b, m->segments[p->segments[k]].id);
    }
    ps_strbuf_puts(&c->b, "</td><td>");
    for (int k = 0; k < p->nshares; k++) {
      const ps_share *s = &p->shares[k];
      if (k) ps_strbuf_puts(&c->b, "<br>");
      esc(&c->b, account_name(m, s->account));
      ps_strbuf_puts(&c->b, " ");
      if (s->rest) ps_strbuf_puts(&c->b, TR(c, "承担其余部分", "the rest"));
      else if (s->ntiers > 0) {
        ps_strbuf_printf(&c->b, "%s ", TR(c, "分档", "tiered"));
        for (int t = 0; t < s->ntiers; t++) {
          ps_strbuf_printf(&c->b, "%s%s", t ? ", " : "", rate_text(s->tiers[t].ratio, a, sizeof a));
          if (s->tiers[t].upto > 0) ps_strbuf_printf(&c->b, " ≤ %s", money_x((double)s->tiers[t].upto / PS_FEN_PER_YUAN, 1, b2, sizeof b2));
        }
        for (int t = 0; t < s->nbonus; t++) {
          ps_strbuf_puts(&c->b, "; ");
          esc(&c->b, s->bonus[t].flag);
          ps_strbuf_printf(&c->b, " +%s", rate_text(s->bonus[t].points, a, sizeof a));
        }
        if (s->ceiling > 0) ps_strbuf_printf(&c->b, TR(c, "，最高 %s", ", at most %s"), rate_text(s->ceiling, a, sizeof a));
      } else ps_strbuf_puts(&c->b, rate_text(s->share, a, sizeof a));
      if (k == p->first_loss_share && p->first_loss > 0)
        ps_strbuf_printf(&c->b, TR(c, "（首损 %s）", " (first loss up to %s)"), money_x((double)p->first_loss / PS_FEN_PER_YUAN, 1, a, sizeof a));
      if (s->cap_per_year > 0)
        ps_strbuf_printf(&c->b, TR(c, "，每年至多 %s", ", at most %s a year"), money_x((double)s->cap_per_year / PS_FEN_PER_YUAN, 1, a, sizeof a));
    }
    subsidy_text(c, &p->interest_subsidy, TR(c, "贴息", "interest subsidy"), TR(c, "利息", "interest"));
    subsidy_text(c, &p->fee_subsidy, TR(c, "担保费补贴", "fee subsidy"), TR(c, "担保费", "fees"));
    subsidy_text(c, &p->premium_subsidy, TR(c, "保费补贴", "premium subsidy"), TR(c, "保费", "premiums"));
    if (p->layer.insurer >= 0 && p->layer.insurer < m->nparties) {
      snprintf(d, sizeof d, "%.3g", p->layer.above);
      ps_strbuf_printf(&c->b, "<br>%s ", TR(c, "超赔分层：", "excess-of-loss layer:"));
      esc(&c->b, account_name(m, p->layer.payer));
      ps_strbuf_puts(&c->b, TR(c, " 补偿 ", " reimburses "));
      if (!c->zh) ps_strbuf_printf(&c->b, "%s of ", rate_text(p->layer.share, a, sizeof a));
      esc(&c->b, m->parties[p->layer.insurer].id);
      if (c->zh) ps_strbuf_printf(&c->b, " 年度赔付超过保费 %s 倍部分的 %s", d, rate_text(p->layer.share, a, sizeof a));
      else ps_strbuf_printf(&c->b, "'s claims in a year above %s× its premiums", d);
    }
    ps_strbuf_puts(&c->b, "</td><td>");
    int any = 0;
    if (p->cap_per_loan > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", TR(c, "单笔", "per loan"), money_x((double)p->cap_per_loan / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_per_year > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", TR(c, "每年", "per year"), money_x((double)p->cap_per_year / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_total > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", TR(c, "累计", "in total"), money_x((double)p->cap_total / PS_FEN_PER_YUAN, 1, a, sizeof a));
    if (p->cap_rate > 0)
      ps_strbuf_printf(&c->b, "%s%s %s", any++ ? "<br>" : "", TR(c, "占入池本金", "of principal enrolled"), rate_text(p->cap_rate, a, sizeof a));
    if (p->leverage > 0) {
      snprintf(d, sizeof d, "%.3g", p->leverage);
      ps_strbuf_printf(&c->b, "%s%s %s×", any++ ? "<br>" : "", TR(c, "放大倍数", "leverage"), d);
    }
    if (!any) ps_strbuf_puts(&c->b, "—");
    ps_strbuf_printf(&c->b, "</td><td class=\"num\">%s %d<br>%s %d<br>%s %d</td></tr>\n", TR(c, "认定", "recognition"), p->recognition_lag,
       TR(c, "赔付", "claim"), p->claim_lag, TR(c, "追偿", "recovery"), p->recovery_lag);
  }
  ps_strbuf_puts(&c->b, "</tbody></table>\n");
}

static void audit_section(ctx *c) {
  const ps_model *m = c->m;
  const ps_results *r = c->r;
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<dl class=\"audit\">\n", TR(c, "审计信息", "Audit"));
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>poolsim %s</dd>\n", TR(c, "软件版本", "software"), PS_VERSION);
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", TR(c, "情景名称", "scenario"));
  esc(&c->b, m->name);
  ps_strbuf_printf(&c->b, "</dd>\n<dt>%s</dt><dd><code>", TR(c, "情景文件", "scenario file"));
  esc(&c->b, m->file);
  ps_strbuf_puts(&c->b, "</code></dd>\n<dt>SHA-256</dt><dd><code>");
  esc(&c->b, m->sha256);
  ps_strbuf_puts(&c->b, "</code></dd>\n");
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", TR(c, "数据文件", "data files"));
  if (m->ndata == 0) ps_strbuf_puts(&c->b, TR(c, "无", "none"));
  for (int i = 0; i < m->ndata; i++) {
    if (i) ps_strbuf_puts(&c->b, "<br>");
    ps_strbuf_puts(&c->b, "<code>");
    esc(&c->b, m->data_files[i]);
    ps_strbuf_puts(&c->b, "</code> sha256 <code>");
    esc(&c->b, m->data_sha256[i]);
    ps_strbuf_puts(&c->b, "</code>");
  }
  ps_strbuf_printf(&c->b, "</dd>\n<dt>%s</dt><dd>", TR(c, "参数覆盖（--set）", "overrides (--set)"));
  if (m->nsets == 0) ps_strbuf_puts(&c->b, TR(c, "无", "none"));
  for (int i = 0; i < m->nsets; i++) {
    if (i) ps_strbuf_puts(&c->b, "<br>");
    ps_strbuf_puts(&c->b, "<code>");
    esc(&c->b, m->set_keys[i]);
    ps_strbuf_puts(&c->b, "=");
    esc(&c->b, m->set_values[i]);
    ps_strbuf_puts(&c->b, "</code>");
  }
  ps_strbuf_puts(&c->b, "</dd>\n");
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%ld</dd>\n", TR(c, "模拟路径数", "paths"), r->paths);
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%llu</dd>\n", TR(c, "随机种子", "seed"), r->seed);
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>%s</dd>\n", TR(c, "规模测算方法", "sizing method"),
     r->searched ? TR(c, "逐路径二分搜索", "bisection per path (search)")
     : m->balance_feedback ? TR(c, "逐路径所需余额（含随余额变化的规则，仅在本次初始余额处精确）",
                                "running maximum (rules react to the balance: exact only at this run's initial balance)")
                           : TR(c, "逐路径所需余额（累计净流出的最大值）", "running maximum of the discounted net outflow"));
  ps_strbuf_puts(&c->b, "</dl>\n");
  ps_strbuf_printf(&c->b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "本报告所有数字均为蒙特卡洛模拟估计，带有抽样误差；概率和规模给出95%置信区间。相同情景、参数覆盖、路径数和随机种子下结果可逐字节复现，与线程数无关。",
        "All figures are Monte Carlo estimates and carry sampling error; probabilities and sizes are given with 95% "
        "confidence intervals. The same scenario, overrides, paths and seed reproduce this page byte for byte, whatever "
        "the number of threads."));
}

char *ps_report_html(const ps_results *r, const ps_report_options *o) {
  static const ps_report_options none = {0};
  if (!r || !r->m) return NULL;
  ctx c = {.r = r, .m = r->m, .o = o ? o : &none};
  const ps_model *m = c.m;
  c.zh = c.o->lang ? strcmp(c.o->lang, "zh") == 0 : has_cjk(m->name);
  c.alphas = c.o->alphas ? c.o->alphas : ps_alphas;
  c.nalphas = c.o->alphas ? c.o->nalphas : PS_NALPHAS;
  ps_strbuf *b = &c.b;

  ps_strbuf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", c.zh ? "zh-CN" : "en");
  ps_strbuf_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  ps_strbuf_printf(b, "<meta name=\"generator\" content=\"poolsim %s\">\n<title>", PS_VERSION);
  esc(b, m->name);
  ps_strbuf_printf(b, " — %s</title>\n<style>\n%s</style>\n</head>\n<body>\n", TR(&c, "风险补偿资金规模测算", "risk compensation pool sizing"), css);

  ps_strbuf_puts(b, "<header>\n<h1>");
  esc(b, m->name);
  ps_strbuf_puts(b, "</h1>\n<p class=\"sub\">");
  {
    int per_year = ps_periods_per_year(m->step), years = (m->periods + per_year - 1) / per_year;
    char sp[48];
    ps_strbuf_printf(b, TR(&c, "贷款风险补偿资金规模测算 · %s（%d 个财政年度%s）· %ld 条模拟路径 · 随机种子 %llu · poolsim %s",
             "Loan risk compensation pool sizing · %s (%d fiscal year%s) · %ld simulated paths · seed %llu · poolsim %s"),
       span(&c, m->periods, sp, sizeof sp), years, c.zh || years == 1 ? "" : "s", r->paths, r->seed, PS_VERSION);
  }
  ps_strbuf_puts(b, "</p>\n");
  if (r->stop_signal)
    ps_strbuf_printf(b, TR(&c, "<p class=\"note-box\"><strong>部分运行</strong>：在要求的 %2$ld 条路径中完成 %1$ld 条后被中断；所有数字均基于已完成的路径。</p>\n",
                           "<p class=\"note-box\"><strong>Partial run</strong>: interrupted after %ld of the %ld paths asked for; every figure uses those paths.</p>\n"),
                     r->paths, r->paths_requested);
  if (!c.zh)
    ps_strbuf_puts(b, "<p class=\"note-box\">Amounts in 万元 (10,000 yuan) and 亿元 (100 million yuan). Probabilities with 95% "
           "confidence intervals.</p>\n");
  else ps_strbuf_puts(b, "<p class=\"note-box\">金额单位为万元、亿元；概率附95%置信区间。</p>\n");
  ps_strbuf_puts(b, "</header>\n");

  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(&c, "结论", "The answer"));
  answer(&c);

  charts_section(&c);
  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(&c, "资金池", "Pools"));
  pools_section(&c);
  sizing_section(&c);
  programmes_section(&c);
  parties_section(&c);
  assumptions_section(&c);
  audit_section(&c);
  ps_strbuf_puts(b, "</body>\n</html>\n");

  if (b->oom) {
    free(b->s);
    return NULL;
  }
  return b->s;
}

/* ==== study pages: compare, sweep, tornado, max_volume ======================
** Rendered from the cJSON document the study wrote (docs/json-schema.md), so
** the page and the JSON cannot disagree. Charts are stacked panels in one svg. */

static double jnum(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsNumber(v) ? finite(v->valuedouble) : 0;
}
static const char *jstr(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) && v->valuestring ? v->valuestring : "";
}
static const cJSON *jget(const cJSON *o, const char *k) { return cJSON_GetObjectItemCaseSensitive(o, k); }
/* a [lo, hi] array (either missing: the value) */
static void jci(const cJSON *o, const char *k, double value, double *lo, double *hi) {
  const cJSON *a = jget(o, k);
  const cJSON *l = cJSON_IsArray(a) ? cJSON_GetArrayItem(a, 0) : NULL, *h = cJSON_IsArray(a) ? cJSON_GetArrayItem(a, 1) : NULL;
  /* NOLINTBEGIN(clang-analyzer-core.NullDereference): cJSON_IsNumber(NULL) is false (the analyzer cannot see into libcjson) */
  *lo = cJSON_IsNumber(l) ? finite(l->valuedouble) : value;
  *hi = cJSON_IsNumber(h) ? finite(h->valuedouble) : value;
  /* NOLINTEND(clang-analyzer-core.NullDereference) */
}
/* PROB {value, ci} as an estimate */
static ps_estimate jprob(const cJSON *o) {
  ps_estimate e = {0};
  if (cJSON_IsNumber(o)) e.value = e.lo = e.hi = finite(o->valuedouble);
  else {
    e.value = jnum(o, "value");
    jci(o, "ci", e.value, &e.lo, &e.hi);
  }
  return e;
}

/* at most max bytes of s (whole UTF-8 characters), "…" when cut */
static const char *shorten(const char *s, size_t max, char *buf, size_t n) {
  size_t len = strlen(s);
  if (len <= max || n < 8) return s;
  size_t k = max < n - 4 ? max : n - 4;
  while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80) k--;
  memcpy(buf, s, k);
  memcpy(buf + k, "…", 4);
  return buf;
}

/* a signed difference of money or of probability points */
static const char *money_signed(double yuan, char *buf, size_t n) {
  char a[56];
  money(fabs(yuan), a, sizeof a);
  snprintf(buf, n, "%s%s", yuan < 0 && fabs(yuan) >= 500 ? "−" : yuan >= 500 ? "+" : "", a);
  return buf;
}
static const char *points_signed(double p, char *buf, size_t n) {
  snprintf(buf, n, "%+.2f", 100 * finite(p));
  if (strcmp(buf, "-0.00") == 0 || strcmp(buf, "+0.00") == 0) snprintf(buf, n, "0.00");
  return buf;
}

static const char *const study_css =
    ".panel-title{font-size:12.5px;font-weight:600;fill:var(--muted)}\n"
    "svg rect.lo{fill:#8fb8e3}svg rect.hi{fill:var(--blue)}svg rect.a{fill:#9aa5b1}svg rect.b{fill:var(--blue)}\n"
    "svg .base{stroke:var(--red);stroke-width:2}\n"
    "table.wide{font-size:12px}.ci-text{color:var(--muted);font-size:11px}\n"
    "svg .level{stroke:var(--muted);stroke-width:1;stroke-dasharray:4 3}\n"
    "svg .s0{stroke:var(--blue)}svg .s1{stroke:var(--amber)}svg .s2{stroke:var(--red)}svg .s3{stroke:var(--green)}"
    "svg .s4{stroke:#6c3483}svg .s5{stroke:#5b6570}\n"
    "svg .series{fill:none;stroke-width:2}\n"
    "svg circle.s0{fill:var(--blue)}svg circle.s1{fill:var(--amber)}svg circle.s2{fill:var(--red)}"
    "svg circle.s3{fill:var(--green)}svg circle.s4{fill:#6c3483}svg circle.s5{fill:#5b6570}\n"
    "svg rect.g0{fill:#1f5fa8}svg rect.g1{fill:#b9770e}svg rect.g2{fill:#1e7b43}svg rect.g3{fill:#c0392b}"
    "svg rect.g4{fill:#6c3483}svg rect.g5{fill:#5b6570}svg rect.g6{fill:#7fb3d5}svg rect.g7{fill:#d4ac0d}\n";

static void study_page_open(ctx *c, const char *name, const char *heading) {
  ps_strbuf *b = &c->b;
  ps_strbuf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", c->zh ? "zh-CN" : "en");
  ps_strbuf_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  ps_strbuf_printf(b, "<meta name=\"generator\" content=\"poolsim %s\">\n<title>", PS_VERSION);
  if (*name) {
    esc(b, name);
    ps_strbuf_puts(b, " — ");
  }
  esc(b, heading);
  ps_strbuf_printf(b, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n<header>\n<h1>", css, study_css);
  esc(b, heading);
  ps_strbuf_puts(b, "</h1>\n");
}

/* the line under the title: scenario, then extra (already HTML) */
static void study_sub(ctx *c, const char *name, const char *extra) {
  ps_strbuf_puts(&c->b, "<p class=\"sub\">");
  if (*name) {
    esc(&c->b, name);
    ps_strbuf_puts(&c->b, " · ");
  }
  if (extra && *extra) ps_strbuf_printf(&c->b, "%s · ", extra);
  ps_strbuf_printf(&c->b, "poolsim %s</p>\n", PS_VERSION);
  ps_strbuf_puts(&c->b, TR(c, "<p class=\"note-box\">金额单位为万元、亿元；概率附95%置信区间。所有数字均为蒙特卡洛模拟估计，各次运行使用相同的随机种子和路径（共同随机数）。</p>\n</header>\n",
                "<p class=\"note-box\">Amounts in 万元 (10,000 yuan) and 亿元 (100 million yuan). Probabilities with 95% "
                "confidence intervals. All figures are Monte Carlo estimates; every run uses the same seed and paths "
                "(common random numbers).</p>\n</header>\n"));
}

static void audit_scenario(ctx *c, const char *label, const cJSON *s) {
  if (!cJSON_IsObject(s)) return;
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", label);
  esc(&c->b, jstr(s, "name"));
  ps_strbuf_puts(&c->b, "<br><code>");
  esc(&c->b, jstr(s, "file"));
  ps_strbuf_puts(&c->b, "</code><br>SHA-256 <code>");
  esc(&c->b, jstr(s, "sha256"));
  ps_strbuf_puts(&c->b, "</code></dd>\n");
}

static void study_page_close(ctx *c, const cJSON *doc, const cJSON *sa, const cJSON *sb, const char *extra) {
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<dl class=\"audit\">\n", TR(c, "审计信息", "Audit"));
  const cJSON *ver = jget(doc, "poolsim");
  ps_strbuf_puts(&c->b, "<dt>");
  ps_strbuf_puts(&c->b, TR(c, "软件版本", "software"));
  ps_strbuf_puts(&c->b, "</dt><dd>poolsim ");
  esc(&c->b, cJSON_IsString(ver) ? ver->valuestring : PS_VERSION);
  ps_strbuf_printf(&c->b, TR(c, "（JSON 格式 %g）", " (JSON schema %g)"), jnum(doc, "schema"));
  ps_strbuf_puts(&c->b, "</dd>\n");
  audit_scenario(c, sb ? TR(c, "情景 A", "scenario A") : TR(c, "情景", "scenario"), sa);
  audit_scenario(c, TR(c, "情景 B", "scenario B"), sb);
  if (extra) ps_strbuf_puts(&c->b, extra);
  ps_strbuf_puts(&c->b, "</dl>\n</body>\n</html>\n");
}

/* a panel of a stacked chart: its own frame of CW x h at (ox, oy) */
static void panel_open(ctx *c, double ox, double oy, const char *title) {
  ps_strbuf_printf(&c->b, "<g transform=\"translate(%.0f %.0f)\">\n<text class=\"panel-title\" x=\"10\" y=\"42\">", ox, oy);
  esc(&c->b, title);
  ps_strbuf_puts(&c->b, "</text>\n");
}
static void panel_close(ctx *c) { ps_strbuf_puts(&c->b, "</g>\n"); }

/* a vertical whisker from lo to hi at x (svg units) */
static void whisker(ctx *c, double x, double ylo, double yhi) {
  ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x, ylo, x, yhi);
  ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x - 4, ylo, x + 4, ylo);
  ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x - 4, yhi, x + 4, yhi);
}

/* a money y range [lo, hi] (yuan) made nice in its unit; returns the step in yuan */
static double money_range(plot *p, double lo, double hi, unit *u) {
  *u = unit_for(fmax(fabs(lo), fabs(hi)));
  p->y0 = lo / u->div;
  p->y1 = hi / u->div;
  double s = nice_range(&p->y0, &p->y1, 5) * u->div;
  p->y0 *= u->div;
  p->y1 *= u->div;
  return s;
}
/* a probability y range in percent from 0 to at least top (a fraction) */
static double prob_range(plot *p, double top) {
  p->y0 = 0;
  p->y1 = fmin(fmax(100 * top * 1.15, 1), 100);
  double s = nice_range(&p->y0, &p->y1, 5);
  if (p->y1 > 100) p->y1 = 100;
  return s;
}

/* ---- tornado --------------------------------------------------------------- */

static void tornado_page(ctx *c, const cJSON *doc, const cJSON *t) {
  ps_strbuf *b = &c->b;
  const cJSON *sc = jget(t, "scenario"), *base = jget(t, "base"), *keys = jget(t, "keys");
  const char *name = jstr(sc, "name");
  double by = jnum(t, "by");
  int nkeys = cJSON_GetArraySize(keys), npools = cJSON_GetArraySize(base);
  char a[64], d[64], e[64], f[64], g[96], byt[32];
  snprintf(byt, sizeof byt, "%g%%", 100 * by);
  study_page_open(c, name, TR(c, "敏感性分析（龙卷风图）", "Sensitivity (tornado)"));
  snprintf(g, sizeof g, TR(c, "每个参数在情景取值基础上 −%s / +%s", "each input moved −%s / +%s from the scenario's value"), byt, byt);
  {
    ps_strbuf tmp = {0};
    esc(&tmp, g);
    study_sub(c, name, tmp.oom ? "" : tmp.s);
    if (tmp.oom) b->oom = 1;
    free(tmp.s);
  }
  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "结论", "The answer"));
  const cJSON *pool;
  cJSON_ArrayForEach(pool, base) {
    const char *id = pool->string ? pool->string : "";
    ps_strbuf_puts(b, "<p class=\"answer\">");
    ps_strbuf_printf(b, "%s <b>", TR(c, "资金池", "Pool"));
    esc(b, id);
    ps_strbuf_printf(b, TR(c, "</b>：基准情景下净支出的95%%分位数为 <b>%s</b>（耗尽概率 %s）。", "</b>: in the scenario as given, the 95th percentile of the net outlay is <b>%s</b> (P(depletion) %s)."),
       money(jnum(pool, "net_outlay_p95"), a, sizeof a), pct(jnum(pool, "depletion"), d, sizeof d));
    /* the key with the largest and the smallest swing for this pool */
    int kmax = -1, kmin = -1;
    double smax = -1, smin = INFINITY;
    for (int k = 0; k < nkeys; k++) {
      const cJSON *row = cJSON_GetArrayItem(keys, k);
      const cJSON *lo = jget(jget(jget(row, "low"), "pools"), id), *hi = jget(jget(jget(row, "high"), "pools"), id);
      double s = fabs(jnum(hi, "net_outlay_p95") - jnum(lo, "net_outlay_p95"));
      if (s > smax) smax = s, kmax = k;
      if (s < smin) smin = s, kmin = k;
    }
    if (kmax >= 0) {
      const cJSON *row = cJSON_GetArrayItem(keys, kmax);
      const cJSON *lo = jget(jget(jget(row, "low"), "pools"), id), *hi = jget(jget(jget(row, "high"), "pools"), id);
      ps_strbuf_puts(b, TR(c, "影响最大的是 <code>", " It moves most with <code>"));
      esc(b, jstr(row, "key"));
      ps_strbuf_printf(b, TR(c, "</code>：取 %g（−%s）时为 %s，取 %g（+%s）时为 %s，相差 %s。", "</code>: at %g (−%s) it is %s, at %g (+%s) %s, a swing of %s."),
         jnum(jget(row, "low"), "value"), byt, money(jnum(lo, "net_outlay_p95"), a, sizeof a), jnum(jget(row, "high"), "value"),
         byt, money(jnum(hi, "net_outlay_p95"), d, sizeof d), money(smax, e, sizeof e));
    }
    if (kmin >= 0 && kmin != kmax) {
      ps_strbuf_puts(b, TR(c, "影响最小的是 <code>", " It moves least with <code>"));
      esc(b, jstr(cJSON_GetArrayItem(keys, kmin), "key"));
      ps_strbuf_printf(b, TR(c, "</code>（相差 %s）。", "</code> (a swing of %s)."), money(smin, f, sizeof f));
    }
    ps_strbuf_puts(b, "</p>\n");
  }

  /* the chart: one panel per pool, a row per key (largest swing first) */
  if (nkeys > 0 && npools > 0) {
    ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "图表", "Chart"));
    const char **labels = calloc((size_t)nkeys, sizeof *labels);
    char (*short_keys)[64] = calloc((size_t)nkeys, sizeof *short_keys);
    if (!labels || !short_keys) {
      b->oom = 1;
      free(labels);
      free(short_keys);
      return;
    }
    size_t longest = 0;
    for (int k = 0; k < nkeys; k++) {
      const char *key = jstr(cJSON_GetArrayItem(keys, k), "key");
      labels[k] = shorten(key, 40, short_keys[k], sizeof short_keys[k]);
      longest = strlen(labels[k]) > longest ? strlen(labels[k]) : longest;
    }
    double left = fmin(fmax(40 + 6.4 * (double)longest, 100), 320);
    double h = fmax(CH, 70 + 48 + 26.0 * nkeys);
    char title[256];
    snprintf(title, sizeof title, TR(c, "各参数 −%s / +%s 时净支出95%%分位数的变化", "95th percentile of the net outlay with each input at −%s and +%s"), byt, byt);
    chart_open_h(c, title, h * npools);
    int q = 0;
    cJSON_ArrayForEach(pool, base) {
      const char *id = pool->string ? pool->string : "";
      double bv = jnum(pool, "net_outlay_p95"), lo = bv, hi = bv;
      for (int k = 0; k < nkeys; k++) {
        const cJSON *row = cJSON_GetArrayItem(keys, k);
        double l = jnum(jget(jget(jget(row, "low"), "pools"), id), "net_outlay_p95");
        double u2 = jnum(jget(jget(jget(row, "high"), "pools"), id), "net_outlay_p95");
        lo = fmin(lo, fmin(l, u2));
        hi = fmax(hi, fmax(l, u2));
      }
      double pad = fmax((hi - lo) * 0.08, fmax(fabs(bv) * 0.02, 1e4));
      unit u = unit_for(fmax(fabs(lo - pad), fabs(hi + pad)));
      plot p = {.left = left, .right = 40, .top = 70, .bottom = 48, .ch = h, .y0 = 0, .y1 = nkeys};
      p.x0 = (lo - pad) / u.div;
      p.x1 = (hi + pad) / u.div;
      double xs = nice_range(&p.x0, &p.x1, 6) * u.div;
      p.x0 *= u.div;
      p.x1 *= u.div;
      snprintf(g, sizeof g, "%s %s", TR(c, "资金池", "Pool"), id);
      panel_open(c, 0, h * q++, g);
      snprintf(g, sizeof g, TR(c, "净支出95%%分位数（%s）", "95th percentile of the net outlay (%s)"), TR(c, u.zh, u.en));
      axis_spec as = {.xstep = xs, .xdiv = u.div, .xdec = step_decimals(xs / u.div), .ycat = nkeys, .ylabels = labels};
      axes(c, &p, &as, g, TR(c, "参数", "input"));
      double slot = (py(&p, 0) - py(&p, nkeys)) / nkeys, bh = fmin(slot * 0.36, 14);
      for (int k = 0; k < nkeys; k++) {
        const cJSON *row = cJSON_GetArrayItem(keys, k);
        double cy = py(&p, nkeys - k - 0.5);
        for (int side = 0; side < 2; side++) {
          const cJSON *end = jget(row, side ? "high" : "low");
          double v = jnum(jget(jget(end, "pools"), id), "net_outlay_p95");
          double x0 = px(&p, fmin(v, bv)), x1 = px(&p, fmax(v, bv)), y = side ? cy : cy - bh;
          ps_strbuf_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", side ? "hi" : "lo", x0, y,
             fmax(x1 - x0, 1), bh);
          int right = v >= bv;
          snprintf(a, sizeof a, "%g", jnum(end, "value"));
          ps_strbuf_printf(b, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n",
             right ? fmax(x1, px(&p, bv)) + 4 : x0 - 4, y + bh - 3, right ? "start" : "end", a);
        }
      }
      ps_strbuf_printf(b, "<line class=\"base\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, bv), py(&p, 0), px(&p, bv),
         py(&p, nkeys));
      snprintf(g, sizeof g, "−%s", byt);
      legend_item(c, left, 60, "lo", 1, g);
      snprintf(g, sizeof g, "+%s", byt);
      legend_item(c, left + 90, 60, "hi", 1, g);
      snprintf(g, sizeof g, TR(c, "基准 %s", "base %s"), money(bv, a, sizeof a));
      legend_item(c, left + 180, 60, "base", 0, g);
      panel_close(c);
    }
    free(labels);
    free(short_keys);
    chart_close(c, (char *)TR(c, "每行一个参数，按净支出95%分位数的变动幅度从大到小排列；浅色条为参数下调后的结果，深色条为上调后的结果，竖线为基准情景；条端数字为参数取值。",
                              "One row per input, largest swing of the 95th percentile first; the light bar is the input moved down, the dark bar moved up, the vertical line the scenario as given; numbers at the bar ends are the input's values."));
  }

  /* the table */
  ps_strbuf_printf(b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "数据", "Numbers"));
  th(c, TR(c, "参数", "input"));
  th(c, TR(c, "资金池", "pool"));
  th(c, TR(c, "基准取值", "base value"));
  th(c, TR(c, "基准95%分位", "base p95"));
  snprintf(g, sizeof g, TR(c, "−%s 取值", "−%s value"), byt);
  th(c, g);
  th(c, TR(c, "95%分位", "p95"));
  th(c, TR(c, "耗尽概率", "P(depletion)"));
  snprintf(g, sizeof g, TR(c, "+%s 取值", "+%s value"), byt);
  th(c, g);
  th(c, TR(c, "95%分位", "p95"));
  th(c, TR(c, "耗尽概率", "P(depletion)"));
  th(c, TR(c, "变动幅度", "swing"));
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  const cJSON *row;
  cJSON_ArrayForEach(row, keys) {
    cJSON_ArrayForEach(pool, base) {
      const char *id = pool->string ? pool->string : "";
      const cJSON *lo = jget(jget(jget(row, "low"), "pools"), id), *hi = jget(jget(jget(row, "high"), "pools"), id);
      ps_strbuf_puts(b, "<tr><td><code>");
      esc(b, jstr(row, "key"));
      ps_strbuf_puts(b, "</code></td>");
      td(c, id);
      snprintf(a, sizeof a, "%g", jnum(row, "base_value"));
      tdn(c, a);
      tdn(c, money(jnum(pool, "net_outlay_p95"), a, sizeof a));
      snprintf(a, sizeof a, "%g", jnum(jget(row, "low"), "value"));
      tdn(c, a);
      tdn(c, money(jnum(lo, "net_outlay_p95"), a, sizeof a));
      tdn(c, pct(jnum(lo, "depletion"), a, sizeof a));
      snprintf(a, sizeof a, "%g", jnum(jget(row, "high"), "value"));
      tdn(c, a);
      tdn(c, money(jnum(hi, "net_outlay_p95"), a, sizeof a));
      tdn(c, pct(jnum(hi, "depletion"), a, sizeof a));
      tdn(c, money(fabs(jnum(hi, "net_outlay_p95") - jnum(lo, "net_outlay_p95")), a, sizeof a));
      ps_strbuf_puts(b, "</tr>\n");
    }
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  ps_strbuf_printf(b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "整数参数（笔数、时滞）取整后再计算。各行使用相同的随机种子和路径，差异来自参数本身而非抽样噪声。",
        "A whole-number input (a count, a lag) moves to whole numbers. Every row uses the same seed and paths, so the "
        "differences come from the input, not from sampling noise."));
  char extra[160];
  snprintf(extra, sizeof extra, "<dt>%s</dt><dd>−%s / +%s</dd>\n", TR(c, "变动幅度", "moved by"), byt, byt);
  study_page_close(c, doc, sc, NULL, extra);
}

/* ---- sweep ----------------------------------------------------------------- */

/* the distinct values of key k over the rows, in order of first appearance */
static int distinct_values(const cJSON *rows, const char *key, const char **out) {
  int n = 0;
  const cJSON *row;
  cJSON_ArrayForEach(row, rows) {
    const char *v = jstr(jget(row, "values"), key);
    int seen = 0;
    for (int i = 0; i < n && !seen; i++) seen = strcmp(out[i], v) == 0;
    if (!seen) out[n++] = v;
  }
  return n;
}
static int index_of(const char **list, int n, const char *v) {
  for (int i = 0; i < n; i++)
    if (strcmp(list[i], v) == 0) return i;
  return -1;
}

/* the estimate of the sizing for alpha in a pool's sizing array */
static ps_estimate sweep_size(const cJSON *pj, int k) {
  const cJSON *s = cJSON_GetArrayItem(jget(pj, "sizing"), k);
  ps_estimate e = {0};
  e.value = jnum(s, "initial");
  jci(s, "ci", e.value, &e.lo, &e.hi);
  return e;
}

static void sweep_page(ctx *c, const cJSON *doc, const cJSON *sw) {
  ps_strbuf *b = &c->b;
  const cJSON *keys = jget(sw, "keys"), *rows = jget(sw, "rows"), *sc = jget(sw, "scenario");
  const char *name = jstr(sc, "name");
  int nkeys = cJSON_GetArraySize(keys), nrows = cJSON_GetArraySize(rows);
  if (nkeys > 2) nkeys = 2;
  const char *key0 = nkeys > 0 ? cJSON_GetArrayItem(keys, 0)->valuestring : NULL;
  const char *key1 = nkeys > 1 ? cJSON_GetArrayItem(keys, 1)->valuestring : NULL;
  if (!key0) key0 = "";
  if (!key1) key1 = "";
  const char **v0 = calloc((size_t)nrows + 1, sizeof *v0), **v1 = calloc((size_t)nrows + 1, sizeof *v1);
  if (!v0 || !v1) {
    b->oom = 1;
    free(v0);
    free(v1);
    return;
  }
  int n0 = nkeys > 0 ? distinct_values(rows, key0, v0) : 0, n1 = nkeys > 1 ? distinct_values(rows, key1, v1) : 0;
  const cJSON *first = jget(cJSON_GetArrayItem(rows, 0), "pools");
  const cJSON *pool0 = first ? first->child : NULL;
  int nalphas = cJSON_GetArraySize(jget(pool0, "sizing"));
  if (nalphas > 6) nalphas = 6;
  double alphas[6];
  int strict = 0;
  for (int k = 0; k < nalphas; k++) {
    alphas[k] = jnum(cJSON_GetArrayItem(jget(pool0, "sizing"), k), "alpha");
    if (alphas[k] < alphas[strict]) strict = k;
  }
  char a[64], d[64], e[64], f[64], g[256], h2[64];
  study_page_open(c, name, TR(c, "参数扫描", "Sweep"));
  {
    ps_strbuf tmp = {0};
    ps_strbuf_puts(&tmp, TR(c, "变动参数 ", "varying "));
    for (int k = 0; k < nkeys; k++) {
      if (k) ps_strbuf_puts(&tmp, TR(c, " 与 ", " and "));
      ps_strbuf_puts(&tmp, "<code>");
      esc(&tmp, k ? key1 : key0);
      ps_strbuf_puts(&tmp, "</code>");
    }
    ps_strbuf_printf(&tmp, TR(c, " · %d 种组合", " · %d combination%s"), nrows, nrows == 1 ? "" : "s");
    study_sub(c, name, tmp.oom ? "" : tmp.s);
    if (tmp.oom) b->oom = 1;
    free(tmp.s);
  }

  /* the reading */
  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "结论", "The answer"));
  const cJSON *pool;
  cJSON_ArrayForEach(pool, first) {
    const char *id = pool->string ? pool->string : "";
    ps_strbuf_puts(b, "<p class=\"answer\">");
    ps_strbuf_printf(b, "%s <b>", TR(c, "资金池", "Pool"));
    esc(b, id);
    ps_strbuf_puts(b, "</b>");
    if (nkeys == 1 && n0 > 0) {
      const cJSON *r0 = NULL, *r1 = NULL, *row;
      cJSON_ArrayForEach(row, rows) { /* the first and the last value */
        const char *v = jstr(jget(row, "values"), key0);
        if (!r0 && strcmp(v, v0[0]) == 0) r0 = row;
        if (strcmp(v, v0[n0 - 1]) == 0) r1 = row;
      }
      const cJSON *p0 = jget(jget(r0, "pools"), id), *p1 = jget(jget(r1, "pools"), id);
      ps_strbuf_puts(b, TR(c, "：<code>", ": as <code>"));
      esc(b, key0);
      ps_strbuf_puts(b, TR(c, "</code> 从 ", "</code> goes from "));
      esc(b, v0[0]);
      ps_strbuf_puts(b, TR(c, " 变为 ", " to "));
      esc(b, v0[n0 - 1]);
      ps_estimate e0 = jprob(jget(p0, "depletion")), e1 = jprob(jget(p1, "depletion"));
      ps_strbuf_printf(b, TR(c, "，耗尽概率从 <b>%s</b> 变为 <b>%s</b>（95%%置信区间 %s–%s）", ", the probability of depletion goes from <b>%s</b> to <b>%s</b> (95%% CI %s–%s)"),
         pct(e0.value, a, sizeof a), pct(e1.value, d, sizeof d), pct(e1.lo, e, sizeof e), pct(e1.hi, f, sizeof f));
      for (int k = 0; k < nalphas; k++) {
        ps_estimate s0 = sweep_size(p0, k), s1 = sweep_size(p1, k);
        ps_strbuf_printf(b, TR(c, "；耗尽概率不超过 %s 所需初始余额从 %s 变为 <b>%s</b>", "; the initial balance needed for P ≤ %s from %s to <b>%s</b>"),
           alpha_text(alphas[k], h2, sizeof h2), money(s0.value, a, sizeof a), money(s1.value, d, sizeof d));
      }
      ps_strbuf_puts(b, TR(c, "。", "."));
    } else if (nkeys == 2) {
      const cJSON *lo = NULL, *hi = NULL, *row;
      double plo = INFINITY, phi = -INFINITY;
      cJSON_ArrayForEach(row, rows) {
        double v = jprob(jget(jget(jget(row, "pools"), id), "depletion")).value;
        if (v < plo) plo = v, lo = row;
        if (v > phi) phi = v, hi = row;
      }
      for (int side = 0; side < 2 && lo && hi; side++) {
        const cJSON *r = side ? hi : lo;
        const cJSON *pj = jget(jget(r, "pools"), id);
        ps_strbuf_puts(b, side ? TR(c, "；最高 ", "; highest ") : TR(c, "：耗尽概率最低 ", ": the probability of depletion is lowest, "));
        ps_strbuf_printf(b, "<b>%s</b> ", pct(side ? phi : plo, a, sizeof a));
        ps_strbuf_puts(b, TR(c, "（<code>", "at <code>"));
        esc(b, key0);
        ps_strbuf_puts(b, "</code> = ");
        esc(b, jstr(jget(r, "values"), key0));
        ps_strbuf_puts(b, ", <code>");
        esc(b, key1);
        ps_strbuf_puts(b, "</code> = ");
        esc(b, jstr(jget(r, "values"), key1));
        if (nalphas)
          ps_strbuf_printf(b, TR(c, "，耗尽概率不超过 %s 需 %s）", ", where P ≤ %s needs %s"), alpha_text(alphas[strict], h2, sizeof h2),
             money(sweep_size(pj, strict).value, d, sizeof d));
        else ps_strbuf_puts(b, TR(c, "）", ""));
      }
      ps_strbuf_puts(b, TR(c, "。", "."));
    }
    ps_strbuf_puts(b, "</p>\n");
  }

  /* the chart */
  int npools = cJSON_GetArraySize(first);
  if (n0 > 0 && npools > 0) {
    ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "图表", "Chart"));
    char title[256];
    if (nkeys == 1) snprintf(title, sizeof title, TR(c, "耗尽概率与所需初始余额随 %s 的变化", "Probability of depletion and the size needed against %s"), key0);
    else snprintf(title, sizeof title, TR(c, "耗尽概率与所需初始余额：%s × %s", "Probability of depletion and the size needed: %s × %s"), key0, key1);
    chart_open_h(c, title, 2 * CH * npools);
    int q = 0;
    const char **cats = v0;
    int ncat = n0, ngroup = nkeys == 2 ? n1 : 1;
    cJSON_ArrayForEach(pool, first) {
      const char *id = pool->string ? pool->string : "";
      /* (a) P(depletion) */
      double top = 0;
      for (int k = 0; k < nalphas; k++) top = fmax(top, alphas[k]);
      const cJSON *row;
      cJSON_ArrayForEach(row, rows) top = fmax(top, jprob(jget(jget(jget(row, "pools"), id), "depletion")).hi);
      plot p = {.left = 68, .right = 62, .top = 70, .bottom = 48, .x0 = 0, .x1 = ncat};
      double ys = prob_range(&p, top);
      if (nkeys == 2)
        snprintf(g, sizeof g, TR(c, "资金池 %s：耗尽概率（颜色：%s）", "Pool %s: probability of depletion (colours: %s)"), id, key1);
      else snprintf(g, sizeof g, TR(c, "资金池 %s：耗尽概率", "Pool %s: probability of depletion"), id);
      panel_open(c, 0, CH * q++, g);
      axis_spec as = {.xcat = ncat, .xcat_every = 1, .xlabels = cats, .ystep = ys, .ydiv = 1, .ydec = step_decimals(ys), .ysuffix = "%"};
      axes(c, &p, &as, key0, TR(c, "耗尽概率（%）", "probability of depletion (%)"));
      for (int k = 0; k < nalphas; k++) {
        double v = 100 * alphas[k];
        if (v > p.y1) continue;
        ps_strbuf_printf(b, "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, 0), py(&p, v), px(&p, ncat), py(&p, v));
        ps_strbuf_printf(b, "<text class=\"note-target\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">α = %s</text>\n", px(&p, ncat) + 4,
           py(&p, v) + 4, alpha_text(alphas[k], a, sizeof a));
      }
      double slot = px(&p, 1) - px(&p, 0), gw = fmin(slot * 0.8, 40.0 * ngroup), bw = gw / ngroup;
      if (nkeys == 1) {
        ps_strbuf_puts(b, "<polyline class=\"line\" points=\"");
        int n = 0;
        cJSON_ArrayForEach(row, rows) {
          int i = index_of(v0, n0, jstr(jget(row, "values"), key0));
          ps_strbuf_printf(b, "%s%.1f,%.1f", n++ ? " " : "", px(&p, i + 0.5), py(&p, 100 * jprob(jget(jget(jget(row, "pools"), id), "depletion")).value));
        }
        ps_strbuf_puts(b, "\"/>\n");
      }
      ps_strbuf_puts(b, "<g class=\"whisker\">\n");
      cJSON_ArrayForEach(row, rows) {
        ps_estimate ep = jprob(jget(jget(jget(row, "pools"), id), "depletion"));
        int i = index_of(v0, n0, jstr(jget(row, "values"), key0)), j = nkeys == 2 ? index_of(v1, n1, jstr(jget(row, "values"), key1)) : 0;
        double cx = nkeys == 1 ? px(&p, i + 0.5) : px(&p, i + 0.5) - gw / 2 + (j + 0.5) * bw;
        if (nkeys == 2)
          ps_strbuf_printf(b, "<rect class=\"g%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", j % 8, cx - bw * 0.42,
             py(&p, 100 * ep.value), bw * 0.84, py(&p, 0) - py(&p, 100 * ep.value));
        whisker(c, cx, py(&p, 100 * ep.lo), py(&p, 100 * ep.hi));
        if (nkeys == 1) ps_strbuf_printf(b, "<circle class=\"s0\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>\n", cx, py(&p, 100 * ep.value));
      }
      ps_strbuf_puts(b, "</g>\n");
      if (nkeys == 2)
        for (int j = 0; j < n1 && j < 6; j++) {
          char cls[8];
          snprintf(cls, sizeof cls, "g%d", j % 8);
          legend_item(c, 68 + 100.0 * j, 60, cls, 1, shorten(v1[j], 14, a, sizeof a));
        }
      panel_close(c);

      /* (b) the size needed: every alpha (one key) or the strictest (two keys) */
      double lo = 0, hi = 0;
      cJSON_ArrayForEach(row, rows) {
        const cJSON *pj = jget(jget(row, "pools"), id);
        for (int k = 0; k < nalphas; k++) {
          ps_estimate s = sweep_size(pj, k);
          lo = fmin(lo, s.lo);
          hi = fmax(hi, s.hi * 1.1);
        }
      }
      plot p2 = {.left = 68, .right = 62, .top = 70, .bottom = 48, .x0 = 0, .x1 = ncat};
      unit u;
      double ys2 = money_range(&p2, lo, hi, &u);
      if (nkeys == 1 || !nalphas) snprintf(g, sizeof g, TR(c, "资金池 %s：各目标所需初始余额", "Pool %s: initial balance needed for each target"), id);
      else snprintf(g, sizeof g, TR(c, "资金池 %s：耗尽概率不超过 %s 所需初始余额", "Pool %s: initial balance needed for P ≤ %s"), id, alpha_text(alphas[strict], a, sizeof a));
      panel_open(c, 0, CH * q++, g);
      snprintf(g, sizeof g, TR(c, "所需初始余额（%s）", "initial balance needed (%s)"), u.zh);
      axis_spec as2 = {.xcat = ncat, .xcat_every = 1, .xlabels = cats, .ystep = ys2, .ydiv = u.div, .ydec = step_decimals(ys2 / u.div)};
      axes(c, &p2, &as2, key0, g);
      if (nkeys == 1) {
        for (int k = 0; k < nalphas; k++) {
          double dx = (k - (nalphas - 1) / 2.0) * 7;
          ps_strbuf_printf(b, "<polyline class=\"series s%d\" points=\"", k);
          int n = 0;
          cJSON_ArrayForEach(row, rows) {
            int i = index_of(v0, n0, jstr(jget(row, "values"), key0));
            ps_strbuf_printf(b, "%s%.1f,%.1f", n++ ? " " : "", px(&p2, i + 0.5) + dx, py(&p2, sweep_size(jget(jget(row, "pools"), id), k).value));
          }
          ps_strbuf_puts(b, "\"/>\n<g class=\"whisker\">\n");
          cJSON_ArrayForEach(row, rows) {
            int i = index_of(v0, n0, jstr(jget(row, "values"), key0));
            ps_estimate s = sweep_size(jget(jget(row, "pools"), id), k);
            whisker(c, px(&p2, i + 0.5) + dx, py(&p2, s.lo), py(&p2, s.hi));
            ps_strbuf_printf(b, "<circle class=\"s%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>\n", k, px(&p2, i + 0.5) + dx, py(&p2, s.value));
          }
          ps_strbuf_puts(b, "</g>\n");
          snprintf(g, sizeof g, "P ≤ %s", alpha_text(alphas[k], a, sizeof a));
          char cls[24];
          snprintf(cls, sizeof cls, "series s%d", k);
          legend_item(c, 68 + 100.0 * k, 60, cls, 0, g);
        }
      } else if (nalphas) {
        ps_strbuf_puts(b, "<g class=\"whisker\">\n");
        cJSON_ArrayForEach(row, rows) {
          ps_estimate s = sweep_size(jget(jget(row, "pools"), id), strict);
          int i = index_of(v0, n0, jstr(jget(row, "values"), key0)), j = index_of(v1, n1, jstr(jget(row, "values"), key1));
          double cx = px(&p2, i + 0.5) - gw / 2 + (j + 0.5) * bw, y0 = py(&p2, fmax(s.value, 0)), y1 = py(&p2, fmin(s.value, 0));
          ps_strbuf_printf(b, "<rect class=\"g%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", j % 8, cx - bw * 0.42, y0,
             bw * 0.84, fmax(y1 - y0, 0));
          whisker(c, cx, py(&p2, s.lo), py(&p2, s.hi));
        }
        ps_strbuf_puts(b, "</g>\n");
      }
      panel_close(c);
    }
    chart_close(c, nkeys == 1 ? (char *)TR(c, "上图：各取值下的耗尽概率（须线为95% Wilson置信区间，虚线为目标α）；下图：各目标α所需初始余额（须线为95%置信区间）。横轴各取值等距排列。",
                                         "Top: the probability of depletion at each value (whiskers: 95% Wilson interval; dashed lines: the targets α). "
                                         "Bottom: the initial balance needed for each target, with its 95% interval. The values are evenly spaced on the x axis.")
                              : (char *)TR(c, "横轴为第一个参数的取值，颜色区分第二个参数的取值；须线为95%置信区间。",
                                         "The first input's values along the x axis, the second's as colours; whiskers: 95% intervals."));
  }

  /* the table */
  ps_strbuf_printf(b, "<h2>%s</h2>\n<table class=\"wide\">\n<thead><tr>", TR(c, "数据", "Numbers"));
  for (int k = 0; k < nkeys; k++) {
    ps_strbuf_puts(b, "<th><code>");
    esc(b, k ? key1 : key0);
    ps_strbuf_puts(b, "</code></th>");
  }
  th(c, TR(c, "资金池", "pool"));
  th(c, TR(c, "耗尽概率", "P(depletion)"));
  th(c, TR(c, "95%置信区间", "95% CI"));
  th(c, TR(c, "净支出均值", "net outlay, mean"));
  th(c, TR(c, "净支出95%分位", "net outlay, p95"));
  for (int k = 0; k < nalphas; k++) {
    snprintf(g, sizeof g, TR(c, "P ≤ %s 所需初始余额", "size for P ≤ %s"), alpha_text(alphas[k], a, sizeof a));
    th(c, g);
  }
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  const cJSON *row;
  cJSON_ArrayForEach(row, rows) {
    cJSON_ArrayForEach(pool, jget(row, "pools")) {
      const char *id = pool->string ? pool->string : "";
      ps_strbuf_puts(b, "<tr>");
      for (int k = 0; k < nkeys; k++) tdn(c, jstr(jget(row, "values"), k ? key1 : key0));
      td(c, id);
      ps_estimate ep = jprob(jget(pool, "depletion"));
      tdn(c, pct(ep.value, a, sizeof a));
      ps_strbuf_printf(b, "<td class=\"num\">%s – %s</td>", pct(ep.lo, d, sizeof d), pct(ep.hi, e, sizeof e));
      tdn(c, money(jnum(pool, "net_outlay_mean"), a, sizeof a));
      tdn(c, money(jnum(pool, "net_outlay_p95"), a, sizeof a));
      for (int k = 0; k < nalphas; k++) {
        ps_estimate s = sweep_size(pool, k);
        ps_strbuf_printf(b, "<td class=\"num\">%s<br><span class=\"ci-text\">%s – %s</span></td>", money(s.value, a, sizeof a), money(s.lo, d, sizeof d),
           money(s.hi, e, sizeof e));
      }
      ps_strbuf_puts(b, "</tr>\n");
    }
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  free(v0);
  free(v1);
  ps_strbuf extra = {0};
  for (int k = 0; k < nkeys; k++) {
    ps_strbuf_printf(&extra, "<dt>%s %d</dt><dd><code>", TR(c, "参数", "input"), k + 1);
    esc(&extra, k ? key1 : key0);
    ps_strbuf_puts(&extra, "</code></dd>\n");
  }
  if (extra.oom) b->oom = 1;
  study_page_close(c, doc, cJSON_IsObject(sc) ? sc : NULL, NULL, extra.oom ? NULL : extra.s);
  free(extra.s);
}

/* ---- compare --------------------------------------------------------------- */

/* A and B as two bars, the B - A interval as a whisker on B (A + ci), A's level dashed */
static void ab_panel(ctx *c, double ox, double oy, const char *title, const cJSON *diff, int money_units, const char *an,
                     const char *bn) {
  ps_strbuf *b = &c->b;
  double va = jnum(diff, "a"), vb = jnum(diff, "b"), dm = jnum(diff, "diff"), lo, hi;
  jci(diff, "ci", dm, &lo, &hi);
  double wlo = va + lo, whi = va + hi;
  plot p = {.left = 68, .right = CW / 2 + 16, .top = 70, .bottom = 48, .x0 = 0, .x1 = 2};
  unit u = {1, "", ""};
  double ys;
  if (money_units) ys = money_range(&p, fmin(0, fmin(fmin(va, vb), wlo)), fmax(0, fmax(fmax(va, vb), whi)) * 1.1, &u);
  else ys = prob_range(&p, fmax(fmax(va, vb), whi));
  double k = money_units ? 1 : 100; /* data to y units */
  panel_open(c, ox, oy, title);
  const char *labels[2] = {an, bn};
  char yt[96], a[64], d[64], e[64], g[256];
  if (money_units) snprintf(yt, sizeof yt, TR(c, "净支出均值（%s）", "mean net outlay (%s)"), u.zh);
  else snprintf(yt, sizeof yt, "%s", TR(c, "耗尽概率（%）", "probability of depletion (%)"));
  axis_spec as = {.xcat = 2, .xcat_every = 1, .xlabels = labels, .ystep = ys, .ydiv = money_units ? u.div : 1,
                  .ydec = step_decimals(money_units ? ys / u.div : ys), .ysuffix = money_units ? NULL : "%"};
  axes(c, &p, &as, TR(c, "情景", "scenario"), yt);
  double w = (px(&p, 1) - px(&p, 0)) * 0.5;
  for (int i = 0; i < 2; i++) {
    double v = k * (i ? vb : va), y0 = py(&p, fmax(v, 0)), y1 = py(&p, fmin(v, 0));
    ps_strbuf_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", i ? "b" : "a", px(&p, i + 0.5) - w / 2,
       y0, w, fmax(y1 - y0, 0));
  }
  ps_strbuf_printf(b, "<line class=\"level\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, 0.5) - w / 2, py(&p, k * va),
     px(&p, 1.5) + w / 2, py(&p, k * va));
  ps_strbuf_puts(b, "<g class=\"whisker\">\n");
  whisker(c, px(&p, 1.5), py(&p, k * wlo), py(&p, k * whi));
  ps_strbuf_puts(b, "</g>\n");
  if (money_units)
    snprintf(g, sizeof g, "B − A %s (%s … %s)", money_signed(dm, a, sizeof a), money_signed(lo, d, sizeof d),
             money_signed(hi, e, sizeof e));
  else
    snprintf(g, sizeof g, TR(c, "B − A %s 个百分点（%s … %s）", "B − A %s points (%s … %s)"), points_signed(dm, a, sizeof a),
             points_signed(lo, d, sizeof d), points_signed(hi, e, sizeof e));
  ps_strbuf_printf(b, "<text class=\"note\" x=\"%.1f\" y=\"60\">", p.left);
  esc(b, g);
  ps_strbuf_puts(b, "</text>\n");
  panel_close(c);
}

static void compare_page(ctx *c, const cJSON *doc, const cJSON *cmp) {
  ps_strbuf *b = &c->b;
  const cJSON *sa = jget(cmp, "a"), *sb = jget(cmp, "b"), *pools = jget(cmp, "pools");
  const char *an = jstr(sa, "name"), *bn = jstr(sb, "name");
  char a[64], d[64], e[64], f[64], g[256], la[48], lb[48];
  snprintf(g, sizeof g, "A: %s · B: %s", an, bn);
  study_page_open(c, "", TR(c, "方案比较：B 与 A", "Comparison: B against A"));
  {
    ps_strbuf tmp = {0};
    ps_strbuf_puts(&tmp, "A <b>");
    esc(&tmp, an);
    ps_strbuf_puts(&tmp, "</b> · B <b>");
    esc(&tmp, bn);
    ps_strbuf_printf(&tmp, TR(c, "</b> · 每个方案 %.0f 条路径 · 随机种子 %.0f", "</b> · %.0f paths each · seed %.0f"), jnum(cmp, "paths"), jnum(cmp, "seed"));
    study_sub(c, "", tmp.oom ? "" : tmp.s);
    if (tmp.oom) b->oom = 1;
    free(tmp.s);
  }
  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "结论", "The answer"));
  const cJSON *pool;
  cJSON_ArrayForEach(pool, pools) {
    const char *id = pool->string ? pool->string : "";
    const cJSON *dep = jget(pool, "depletion"), *out = jget(pool, "net_outlay_mean");
    double dlo, dhi, olo, ohi;
    jci(dep, "ci", jnum(dep, "diff"), &dlo, &dhi);
    jci(out, "ci", jnum(out, "diff"), &olo, &ohi);
    ps_strbuf_puts(b, "<p class=\"answer\">");
    ps_strbuf_printf(b, "%s <b>", TR(c, "资金池", "Pool"));
    esc(b, id);
    ps_strbuf_printf(b, TR(c, "</b>：B 相对 A，耗尽概率变化 <b>%s 个百分点</b>（%s → %s，95%%置信区间 %s … %s）", "</b>: from A to B the probability of depletion changes by <b>%s points</b> (%s → %s; 95%% CI %s … %s)"),
       points_signed(jnum(dep, "diff"), a, sizeof a), pct(jnum(dep, "a"), d, sizeof d), pct(jnum(dep, "b"), e, sizeof e),
       points_signed(dlo, f, sizeof f), points_signed(dhi, g, sizeof g));
    ps_strbuf_puts(b, dlo > 0 || dhi < 0 ? TR(c, "，差异显著", ", a real difference at this number of paths")
                              : TR(c, "，在模拟误差范围内", ", within the Monte Carlo error"));
    ps_strbuf_printf(b, TR(c, "；净支出均值变化 <b>%s</b>（95%%置信区间 %s … %s）", "; the mean net outlay changes by <b>%s</b> (95%% CI %s … %s)"),
       money_signed(jnum(out, "diff"), a, sizeof a), money_signed(olo, d, sizeof d), money_signed(ohi, e, sizeof e));
    const cJSON *s;
    cJSON_ArrayForEach(s, jget(pool, "sizing")) {
      ps_strbuf_printf(b, TR(c, "；耗尽概率不超过 %s，A 需 %s、B 需 <b>%s</b>", "; for P ≤ %s, A needs %s and B <b>%s</b>"),
         alpha_text(jnum(s, "alpha"), f, sizeof f), money(jnum(s, "a"), a, sizeof a), money(jnum(s, "b"), d, sizeof d));
    }
    ps_strbuf_puts(b, TR(c, "。</p>\n", ".</p>\n"));
  }

  int npools = cJSON_GetArraySize(pools);
  if (npools > 0) {
    ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "图表", "Chart"));
    shorten(an, 24, la, sizeof la);
    shorten(bn, 24, lb, sizeof lb);
    char title[256], xa[64], xb[64];
    snprintf(xa, sizeof xa, "A %s", strlen(an) <= 24 ? an : la);
    snprintf(xb, sizeof xb, "B %s", strlen(bn) <= 24 ? bn : lb);
    snprintf(title, sizeof title, "%s", TR(c, "A 与 B：耗尽概率、净支出与所需初始余额", "A and B: depletion, net outlay and the size needed"));
    chart_open_h(c, title, 2 * CH * npools);
    int q = 0;
    cJSON_ArrayForEach(pool, pools) {
      const char *id = pool->string ? pool->string : "";
      snprintf(g, sizeof g, TR(c, "资金池 %s：耗尽概率", "Pool %s: probability of depletion"), id);
      ab_panel(c, 0, CH * q, g, jget(pool, "depletion"), 0, xa, xb);
      snprintf(g, sizeof g, TR(c, "资金池 %s：净支出均值", "Pool %s: mean net outlay"), id);
      ab_panel(c, CW / 2, CH * q, g, jget(pool, "net_outlay_mean"), 1, xa, xb);
      q++;
      /* sizes per alpha, A and B side by side with their intervals */
      const cJSON *sz = jget(pool, "sizing"), *s;
      int na = cJSON_GetArraySize(sz);
      double lo = 0, hi = 0, l, h;
      cJSON_ArrayForEach(s, sz) {
        jci(s, "a_ci", jnum(s, "a"), &l, &h);
        lo = fmin(lo, l), hi = fmax(hi, h);
        jci(s, "b_ci", jnum(s, "b"), &l, &h);
        lo = fmin(lo, l), hi = fmax(hi, h);
      }
      plot p = {.left = 68, .right = 62, .top = 70, .bottom = 48, .x0 = 0, .x1 = na > 0 ? na : 1};
      unit u;
      double ys = money_range(&p, lo, hi * 1.1, &u);
      snprintf(g, sizeof g, TR(c, "资金池 %s：各目标所需初始余额", "Pool %s: initial balance needed for each target"), id);
      panel_open(c, 0, CH * q++, g);
      char labs[16][32];
      const char *labels[16];
      int nl = na < 16 ? na : 16;
      for (int k = 0; k < nl; k++) {
        char al[24];
        snprintf(labs[k], sizeof labs[k], "P ≤ %s", alpha_text(jnum(cJSON_GetArrayItem(sz, k), "alpha"), al, sizeof al));
        labels[k] = labs[k];
      }
      char yt[96];
      snprintf(yt, sizeof yt, TR(c, "所需初始余额（%s）", "initial balance needed (%s)"), u.zh);
      axis_spec as = {.xcat = nl > 0 ? nl : 1, .xcat_every = 1, .xlabels = nl > 0 ? labels : NULL, .ystep = ys, .ydiv = u.div,
                      .ydec = step_decimals(ys / u.div)};
      axes(c, &p, &as, TR(c, "目标：耗尽概率", "target: probability of depletion"), yt);
      double w = fmin((px(&p, 1) - px(&p, 0)) * 0.3, 60);
      for (int k = 0; k < nl; k++) {
        s = cJSON_GetArrayItem(sz, k);
        for (int i = 0; i < 2; i++) {
          double v = jnum(s, i ? "b" : "a"), cx = px(&p, k + 0.5) + (i ? 0.55 : -0.55) * w;
          jci(s, i ? "b_ci" : "a_ci", v, &l, &h);
          double y0 = py(&p, fmax(v, 0)), y1 = py(&p, fmin(v, 0));
          ps_strbuf_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", i ? "b" : "a", cx - w / 2, y0, w,
             fmax(y1 - y0, 0));
          ps_strbuf_puts(b, "<g class=\"whisker\">\n");
          whisker(c, cx, py(&p, l), py(&p, h));
          ps_strbuf_puts(b, "</g>\n");
        }
      }
      legend_item(c, 68, 60, "a", 1, xa);
      legend_item(c, 68 + 260, 60, "b", 1, xb);
      panel_close(c);
    }
    chart_close(c, (char *)TR(c, "上排：A（灰）与 B（蓝）的耗尽概率和净支出均值；B 上的须线为 A 加上配对差 B − A 的95%置信区间，虚线为 A 的水平。下排：各目标所需初始余额及其95%置信区间。",
                              "Top row: A (grey) and B (blue), probability of depletion and mean net outlay; the whisker on B is A plus the 95% "
                              "interval of the paired difference B − A, the dashed line A's level. Bottom: the initial balance each needs for each "
                              "target, with 95% intervals."));
  }

  ps_strbuf_printf(b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "数据", "Numbers"));
  th(c, TR(c, "资金池", "pool"));
  th(c, TR(c, "指标", "measure"));
  th(c, "A");
  th(c, "B");
  th(c, "B − A");
  th(c, TR(c, "95%置信区间", "95% CI"));
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  cJSON_ArrayForEach(pool, pools) {
    const char *id = pool->string ? pool->string : "";
    const cJSON *dep = jget(pool, "depletion"), *out = jget(pool, "net_outlay_mean"), *s;
    double lo, hi;
    ps_strbuf_puts(b, "<tr>");
    td(c, id);
    td(c, TR(c, "耗尽概率", "P(depletion)"));
    tdn(c, pct(jnum(dep, "a"), a, sizeof a));
    tdn(c, pct(jnum(dep, "b"), a, sizeof a));
    snprintf(g, sizeof g, TR(c, "%s 个百分点", "%s points"), points_signed(jnum(dep, "diff"), a, sizeof a));
    tdn(c, g);
    jci(dep, "ci", jnum(dep, "diff"), &lo, &hi);
    ps_strbuf_printf(b, "<td class=\"num\">%s … %s</td></tr>\n", points_signed(lo, d, sizeof d), points_signed(hi, e, sizeof e));
    ps_strbuf_puts(b, "<tr>");
    td(c, id);
    td(c, TR(c, "净支出均值", "net outlay, mean"));
    tdn(c, money(jnum(out, "a"), a, sizeof a));
    tdn(c, money(jnum(out, "b"), a, sizeof a));
    tdn(c, money_signed(jnum(out, "diff"), a, sizeof a));
    jci(out, "ci", jnum(out, "diff"), &lo, &hi);
    ps_strbuf_printf(b, "<td class=\"num\">%s … %s</td></tr>\n", money_signed(lo, d, sizeof d), money_signed(hi, e, sizeof e));
    cJSON_ArrayForEach(s, jget(pool, "sizing")) {
      double alo, ahi, blo, bhi;
      jci(s, "a_ci", jnum(s, "a"), &alo, &ahi);
      jci(s, "b_ci", jnum(s, "b"), &blo, &bhi);
      ps_strbuf_puts(b, "<tr>");
      td(c, id);
      snprintf(g, sizeof g, TR(c, "耗尽概率 ≤ %s 所需初始余额", "size for P ≤ %s"), alpha_text(jnum(s, "alpha"), f, sizeof f));
      td(c, g);
      ps_strbuf_printf(b, "<td class=\"num\">%s<br>%s – %s</td>", money(jnum(s, "a"), a, sizeof a), money(alo, d, sizeof d), money(ahi, e, sizeof e));
      ps_strbuf_printf(b, "<td class=\"num\">%s<br>%s – %s</td>", money(jnum(s, "b"), a, sizeof a), money(blo, d, sizeof d), money(bhi, e, sizeof e));
      tdn(c, money_signed(jnum(s, "b") - jnum(s, "a"), a, sizeof a));
      ps_strbuf_puts(b, "<td class=\"num\">—</td></tr>\n");
    }
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  ps_strbuf_printf(b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "B − A 为同一路径上两方案之差的均值（共同随机数），其置信区间比两个独立估计之差窄。所需初始余额各自给出次序统计量置信区间，其差值不给区间。",
        "B − A is the mean over paths of the difference on the same path (common random numbers): its interval is narrower "
        "than that of two independent estimates. The sizes carry their own order-statistic intervals; their difference has none here."));
  char extra[160];
  snprintf(extra, sizeof extra, "<dt>%s</dt><dd>%.0f</dd>\n<dt>%s</dt><dd>%.0f</dd>\n", TR(c, "模拟路径数", "paths"),
           jnum(cmp, "paths"), TR(c, "随机种子", "seed"), jnum(cmp, "seed"));
  study_page_close(c, doc, sa, sb, extra);
}

/* ---- max_volume -------------------------------------------------------------- */

static void volume_page(ctx *c, const cJSON *doc, const cJSON *v) {
  ps_strbuf *b = &c->b;
  const cJSON *sc = jget(v, "scenario"), *rows = jget(v, "rows"), *row;
  const char *name = jstr(sc, "name");
  char a[64], d[64], e[64], f[64], g[256];
  int n = cJSON_GetArraySize(rows);
  double base = 0; /* the scenario's covered lending: lending / scale */
  cJSON_ArrayForEach(row, rows) if (base == 0 && jnum(row, "scale") > 0) base = jnum(row, "lending") / jnum(row, "scale");
  study_page_open(c, name, TR(c, "资金池可支持的最大贷款规模", "The largest lending the pool supports"));
  {
    ps_strbuf tmp = {0};
    ps_strbuf_printf(&tmp, TR(c, "情景中受保贷款规模 %s（k = 1）", "the scenario's covered lending %s (k = 1)"), money(base, a, sizeof a));
    study_sub(c, name, tmp.oom ? "" : tmp.s);
    if (tmp.oom) b->oom = 1;
    free(tmp.s);
  }
  ps_strbuf_printf(b, "<h2>%s</h2>\n<p class=\"answer\">", TR(c, "结论", "The answer"));
  ps_strbuf_printf(b, TR(c, "以资金池的初始余额，情景中受保贷款规模为 %s。", "With the pool's initial balance; the scenario's covered lending is %s."),
     money(base, a, sizeof a));
  cJSON_ArrayForEach(row, rows) {
    ps_estimate ep = jprob(jget(row, "depletion"));
    ps_strbuf_printf(b, TR(c, "耗尽概率不超过 %s 时，贷款规模最多可达 <b>%s</b>（情景的 %.2f 倍；该规模下耗尽概率 %s，95%%置信区间 %s–%s）。",
             " To keep P(depletion) at or below %s, lending can go up to <b>%s</b> (%.2f× the scenario's; P(depletion) there %s, 95%% CI %s–%s)."),
       alpha_text(jnum(row, "alpha"), f, sizeof f), money(jnum(row, "lending"), a, sizeof a), jnum(row, "scale"),
       pct(ep.value, d, sizeof d), pct(ep.lo, e, sizeof e), pct(ep.hi, g, sizeof g));
  }
  ps_strbuf_puts(b, "</p>\n");
  if (n > 0) {
    ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "图表", "Chart"));
    double hi = base;
    cJSON_ArrayForEach(row, rows) hi = fmax(hi, jnum(row, "lending"));
    plot p = {.left = 68, .right = 62, .top = 70, .bottom = 48, .x0 = 0, .x1 = n};
    unit u;
    double ys = money_range(&p, 0, hi * 1.15, &u);
    chart_open(c, TR(c, "各目标下可支持的贷款规模", "Lending supported at each target"));
    char (*labs)[32] = calloc((size_t)n, sizeof *labs);
    const char **labels = calloc((size_t)n, sizeof *labels);
    if (!labs || !labels) b->oom = 1;
    for (int k = 0; labs && labels && k < n; k++) {
      char al[24];
      snprintf(labs[k], sizeof labs[k], "P ≤ %s", alpha_text(jnum(cJSON_GetArrayItem(rows, k), "alpha"), al, sizeof al));
      labels[k] = labs[k];
    }
    char yt[96];
    snprintf(yt, sizeof yt, TR(c, "贷款规模（%s）", "lending (%s)"), u.zh);
    axis_spec as = {.xcat = n, .xcat_every = 1, .xlabels = labs && labels ? labels : NULL, .ystep = ys, .ydiv = u.div,
                    .ydec = step_decimals(ys / u.div)};
    axes(c, &p, &as, TR(c, "目标：耗尽概率", "target: probability of depletion"), yt);
    double w = fmin((px(&p, 1) - px(&p, 0)) * 0.55, 90);
    ps_strbuf_puts(b, "<g class=\"bars\">\n");
    for (int k = 0; k < n; k++) {
      double l = jnum(cJSON_GetArrayItem(rows, k), "lending");
      ps_strbuf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", px(&p, k + 0.5) - w / 2, py(&p, l), w,
         fmax(py(&p, 0) - py(&p, l), 0));
    }
    ps_strbuf_puts(b, "</g>\n");
    for (int k = 0; k < n; k++) {
      row = cJSON_GetArrayItem(rows, k);
      double l = jnum(row, "lending");
      ps_strbuf_printf(b, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s · k = %.2f</text>\n", px(&p, k + 0.5),
         py(&p, l) - 5, money(l, a, sizeof a), jnum(row, "scale"));
    }
    if (base > 0) {
      ps_strbuf_printf(b, "<line class=\"level\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px(&p, 0), py(&p, base), px(&p, n),
         py(&p, base));
      snprintf(g, sizeof g, TR(c, "情景规模 %s（k = 1）", "the scenario's %s (k = 1)"), money(base, a, sizeof a));
      legend_item(c, 68, 44, "level", 0, g);
    }
    free(labs);
    free(labels);
    chart_close(c, (char *)TR(c, "柱：耗尽概率不超过目标时可支持的最大贷款规模（受该资金池保障的各分组新增贷款按同一倍数k放大，二分搜索精确到1%）；虚线：情景中的规模。",
                              "Bars: the largest lending with P(depletion) at or below the target (every segment paying into the pool "
                              "lends k times its new loans; k found by bisection to 1%); dashed line: the scenario's lending."));
  }
  ps_strbuf_printf(b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "数据", "Numbers"));
  th(c, TR(c, "目标：耗尽概率 ≤", "target: P(depletion) ≤"));
  th(c, TR(c, "倍数 k", "scale k"));
  th(c, TR(c, "贷款规模", "lending"));
  th(c, TR(c, "该规模下耗尽概率", "P(depletion) there"));
  th(c, TR(c, "95%置信区间", "95% CI"));
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  cJSON_ArrayForEach(row, rows) {
    ps_estimate ep = jprob(jget(row, "depletion"));
    ps_strbuf_puts(b, "<tr>");
    tdn(c, alpha_text(jnum(row, "alpha"), a, sizeof a));
    snprintf(a, sizeof a, "%.2f", jnum(row, "scale"));
    tdn(c, a);
    tdn(c, money(jnum(row, "lending"), a, sizeof a));
    tdn(c, pct(ep.value, a, sizeof a));
    ps_strbuf_printf(b, "<td class=\"num\">%s – %s</td></tr>\n", pct(ep.lo, d, sizeof d), pct(ep.hi, e, sizeof e));
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  study_page_close(c, doc, sc, NULL, NULL);
}

char *ps_report_study_html(const cJSON *doc, const char *lang) {
  if (!cJSON_IsObject(doc)) return NULL;
  const cJSON *cmp = jget(doc, "compare"), *sw = jget(doc, "sweep"), *t = jget(doc, "tornado"), *v = jget(doc, "max_volume");
  const char *name = cmp ? jstr(jget(cmp, "a"), "name")
                     : sw ? jstr(jget(sw, "scenario"), "name")
                     : t  ? jstr(jget(t, "scenario"), "name")
                          : jstr(jget(v, "scenario"), "name");
  ctx c = {0};
  c.zh = lang ? strcmp(lang, "zh") == 0 : has_cjk(name);
  if (cJSON_IsObject(cmp)) compare_page(&c, doc, cmp);
  else if (cJSON_IsObject(sw)) sweep_page(&c, doc, sw);
  else if (cJSON_IsObject(t)) tornado_page(&c, doc, t);
  else if (cJSON_IsObject(v)) volume_page(&c, doc, v);
  else return NULL;
  if (c.b.oom) {
    free(c.b.s);
    return NULL;
  }
  return c.b.s;
}
