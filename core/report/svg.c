/* svg.c — the chart kit of the HTML pages: a plot's frame and scales, nice
** ranges and steps, units, a figure with its svg, axes with grid and ticks,
** labels, lines, legends, stacked panels and whiskers. Writes into the page's
** text (html_ctx); the charts themselves are drawn by the pages. */
#include "report/svg.h"

#include <math.h>
#include <stdio.h>

/* svg_px — the svg x of data x in the plot */
double svg_px(const svg_plot *p, double x) {
  double w = SVG_CW - p->left - p->right;
  return html_finite(p->left + (x - p->x0) / (p->x1 - p->x0) * w);
}
/* svg_ph — the plot's panel height (SVG_CH unless set) */
double svg_ph(const svg_plot *p) { return p->ch > 0 ? p->ch : SVG_CH; }
/* svg_py — the svg y of data y in the plot */
double svg_py(const svg_plot *p, double y) {
  double h = svg_ph(p) - p->top - p->bottom;
  return html_finite(svg_ph(p) - p->bottom - (y - p->y0) / (p->y1 - p->y0) * h);
}

/* svg_nice_step — a 1-2-2.5-5 step giving about `target` intervals over range */
double svg_nice_step(double range, int target) {
  if (!(range > 0) || !isfinite(range)) return 1;
  double raw = range / target, mag = pow(10, floor(log10(raw))), f = raw / mag;
  double s = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return s * mag;
}

/* svg_nice_range — widen [*lo, *hi] to multiples of a nice step; returns the step */
double svg_nice_range(double *lo, double *hi, int target) {
  if (!(*hi > *lo)) *hi = *lo + (*lo != 0 ? fabs(*lo) * 0.5 : 1);
  double step = svg_nice_step(*hi - *lo, target);
  *lo = floor(*lo / step + 1e-9) * step;
  *hi = ceil(*hi / step - 1e-9) * step;
  return step;
}

/* svg_step_decimals — decimals a tick label needs for this step */
int svg_step_decimals(double step) {
  int d = 0;
  while (d < 6 && fabs(step * pow(10, d) - floor(step * pow(10, d) + 0.5)) > 1e-6) d++;
  return d;
}


/* svg_unit_for — 亿元 when the data reach 1亿, else 万元 */
svg_unit svg_unit_for(double maxabs) {
  return maxabs >= 1e8 ? (svg_unit){1e8, "亿元", "亿元 = 100 million yuan"} : (svg_unit){1e4, "万元", "万元 = 10,000 yuan"};
}

/* svg_chart_open_h — opens a figure with an svg of height h (SVG_CH for one panel) and its title */
void svg_chart_open_h(html_ctx *c, const char *title, double h) {
  c->nchart++;
  ps_strbuf_puts(&c->b, "<figure class=\"chart\">\n");
  ps_strbuf_printf(&c->b,
     "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
     "role=\"img\" aria-labelledby=\"chart%d-title\">\n<title id=\"chart%d-title\">",
     SVG_CW, h, SVG_CW, h, c->nchart, c->nchart);
  html_esc(&c->b, title);
  ps_strbuf_puts(&c->b, "</title>\n");
  ps_strbuf_printf(&c->b, "<rect class=\"bg\" x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\"/>\n", SVG_CW, h);
  ps_strbuf_printf(&c->b, "<text class=\"ctitle\" x=\"%.1f\" y=\"20\">", 10.0);
  html_esc(&c->b, title);
  ps_strbuf_puts(&c->b, "</text>\n");
}
/* svg_chart_open — svg_chart_open_h of one panel */
void svg_chart_open(html_ctx *c, const char *title) { svg_chart_open_h(c, title, SVG_CH); }

/* svg_chart_close — closes the svg and the figure, with caption (already HTML) when not NULL */
void svg_chart_close(html_ctx *c, const char *caption) {
  ps_strbuf_puts(&c->b, "</svg>\n");
  if (caption) {
    ps_strbuf_puts(&c->b, "<figcaption>");
    ps_strbuf_puts(&c->b, caption); /* built by the caller, already escaped */
    ps_strbuf_puts(&c->b, "</figcaption>\n");
  }
  ps_strbuf_puts(&c->b, "</figure>\n");
}


/* svg_axes — grid, axes, tick labels and the two axis titles, as *a says */
void svg_axes(html_ctx *c, const svg_plot *p, const svg_axis_spec *a, const char *xtitle, const char *ytitle) {
  ps_strbuf *b = &c->b;
  char t[64], lab[96];
  double xl = svg_px(p, p->x0), xr = svg_px(p, p->x1), yb = svg_py(p, p->y0), yt = svg_py(p, p->y1);
  /* horizontal grid and y tick labels */
  ps_strbuf_puts(b, "<g class=\"grid\">\n");
  for (int i = 0; a->ycat > 0; i++) { /* categories on y: the grid follows the x ticks */
    double v = p->x0 + i * a->xstep;
    if (v > p->x1 + a->xstep * 1e-6 || i > 200) break;
    ps_strbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(p, v), yb, svg_px(p, v), yt);
  }
  for (int i = 0; a->ycat <= 0; i++) {
    double v = p->y0 + i * a->ystep;
    if (v > p->y1 + a->ystep * 1e-6 || i > 200) break;
    ps_strbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", xl, svg_py(p, v), xr, svg_py(p, v));
  }
  ps_strbuf_puts(b, "</g>\n<g class=\"ticks-y\">\n");
  for (int k = 0; k < a->ycat; k++) {
    ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", xl - 6,
       svg_py(p, p->y1 - (k + 0.5) * (p->y1 - p->y0) / a->ycat) + 4);
    html_esc(b, a->ylabels ? a->ylabels[k] : "");
    ps_strbuf_puts(b, "</text>\n");
  }
  for (int i = 0; a->ycat <= 0; i++) {
    double v = p->y0 + i * a->ystep;
    if (v > p->y1 + a->ystep * 1e-6 || i > 200) break;
    html_num(v / a->ydiv, a->ydec, t, sizeof t);
    ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s%s</text>\n", xl - 6, svg_py(p, v) + 4, t,
       a->ysuffix ? a->ysuffix : "");
  }
  ps_strbuf_puts(b, "</g>\n<g class=\"ticks-x\">\n");
  if (a->xcat > 0) {
    double slot = (xr - xl) / a->xcat;
    for (int k = 1; k <= a->xcat; k++) {
      if ((k - 1) % a->xcat_every && k != a->xcat) continue;
      if (a->xlabels) {
        ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", xl + (k - 0.5) * slot, yb + 16);
        html_esc(b, a->xlabels[k - 1]);
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
      html_num(v / a->xdiv, a->xdec, t, sizeof t);
      ps_strbuf_printf(b, "<line class=\"tickmark\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(p, v), yb, svg_px(p, v),
         yb + 4);
      ps_strbuf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", svg_px(p, v), yb + 17, t);
    }
  }
  ps_strbuf_puts(b, "</g>\n");
  ps_strbuf_printf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", xl, yb, xr, yb);
  ps_strbuf_printf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", xl, yb, xl, yt);
  snprintf(lab, sizeof lab, "%s", xtitle);
  ps_strbuf_printf(b, "<text class=\"axis-x\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", (xl + xr) / 2, svg_ph(p) - 8);
  html_esc(b, lab);
  ps_strbuf_puts(b, "</text>\n");
  double ymid = (yb + yt) / 2;
  ps_strbuf_printf(b, "<text class=\"axis-y\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">",
     16.0, ymid, 16.0, ymid);
  html_esc(b, ytitle);
  ps_strbuf_puts(b, "</text>\n");
}

/* a label that stays inside the plot: anchored at its start, or its end when
** it would run past the right edge */
/* svg_label_at — a label that stays inside the plot: anchored at its start, or its end when it would run past the right edge */
void svg_label_at(html_ctx *c, const svg_plot *p, double x, double y, const char *cls, const char *text) {
  int right = x > svg_px(p, p->x0) + 0.62 * (svg_px(p, p->x1) - svg_px(p, p->x0));
  ps_strbuf_printf(&c->b, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", cls, right ? x - 4 : x + 4, y,
     right ? "end" : "start");
  html_esc(&c->b, text);
  ps_strbuf_puts(&c->b, "</text>\n");
}

/* svg_vline — a vertical line at data x over the plot, of CSS class cls */
void svg_vline(html_ctx *c, const svg_plot *p, double x, const char *cls) {
  ps_strbuf_printf(&c->b, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cls, svg_px(p, x), svg_py(p, p->y0),
     svg_px(p, x), svg_py(p, p->y1));
}

/* svg_legend_item — a legend entry at (x, y): a swatch (or a line when !swatch) of class cls and its text */
void svg_legend_item(html_ctx *c, double x, double y, const char *cls, int swatch, const char *text) {
  if (swatch) ps_strbuf_printf(&c->b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"9\"/>\n", cls, x, y - 8);
  else ps_strbuf_printf(&c->b, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cls, x, y - 4, x + 14, y - 4);
  ps_strbuf_printf(&c->b, "<text class=\"legend\" x=\"%.1f\" y=\"%.1f\">", x + 18, y);
  html_esc(&c->b, text);
  ps_strbuf_puts(&c->b, "</text>\n");
}


/* svg_panel_open — a panel of a stacked chart: its own frame of SVG_CW x h at (ox, oy), with its title */
void svg_panel_open(html_ctx *c, double ox, double oy, const char *title) {
  ps_strbuf_printf(&c->b, "<g transform=\"translate(%.0f %.0f)\">\n<text class=\"panel-title\" x=\"10\" y=\"42\">", ox, oy);
  html_esc(&c->b, title);
  ps_strbuf_puts(&c->b, "</text>\n");
}
/* svg_panel_close — ends the panel svg_panel_open began */
void svg_panel_close(html_ctx *c) { ps_strbuf_puts(&c->b, "</g>\n"); }

/* svg_whisker — a vertical whisker from ylo to yhi at x (svg units) */
void svg_whisker(html_ctx *c, double x, double ylo, double yhi) {
  ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x, ylo, x, yhi);
  ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x - 4, ylo, x + 4, ylo);
  ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", x - 4, yhi, x + 4, yhi);
}

/* svg_money_range — a money y range [lo, hi] (yuan) made nice in its unit (*u); returns the step in yuan */
double svg_money_range(svg_plot *p, double lo, double hi, svg_unit *u) {
  *u = svg_unit_for(fmax(fabs(lo), fabs(hi)));
  p->y0 = lo / u->div;
  p->y1 = hi / u->div;
  double s = svg_nice_range(&p->y0, &p->y1, 5) * u->div;
  p->y0 *= u->div;
  p->y1 *= u->div;
  return s;
}
/* svg_prob_range — a probability y range in percent from 0 to at least top (a fraction); returns the step */
double svg_prob_range(svg_plot *p, double top) {
  p->y0 = 0;
  p->y1 = fmin(fmax(100 * top * 1.15, 1), 100);
  double s = svg_nice_range(&p->y0, &p->y1, 5);
  if (p->y1 > 100) p->y1 = 100;
  return s;
}
