/* html_run_charts.c — the charts of the run page (html_run.c), drawn with the
** chart kit (svg.h) from ps_results only; the one statistic computed here is
** the histogram of the per-path net outlay (weighted under tail sampling). */
#include "report/html_run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/svg.h"
#include "stats/column.h"
#include "stats/sizing.h"

/* the histogram's passes over the paths in order (stats/column.h: ps_outcomes_chunks): the range of
** the net outlay, then the paths (or their weights) in each bin */
typedef struct {
  int pool, nbins;
  double lo, hi, start, bw, *count;
} histogram;

static int outlay_range(void *ctx, const ps_outcomes *oc) {
  histogram *h = ctx;
  size_t base = ps_slot(oc, h->pool, oc->first);
  for (size_t i = 0; i < (size_t)oc->paths; i++) {
    double v = oc->paid[base + i] - oc->recovered[base + i];
    if (v < h->lo) h->lo = v;
    if (v > h->hi) h->hi = v;
  }
  return 0;
}

static int outlay_bins(void *ctx, const ps_outcomes *oc) {
  histogram *h = ctx;
  size_t base = ps_slot(oc, h->pool, oc->first);
  for (size_t i = 0; i < (size_t)oc->paths; i++) {
    double v = oc->paid[base + i] - oc->recovered[base + i];
    int k = (int)floor((v - h->start) / h->bw);
    if (k < 0) k = 0;
    if (k >= h->nbins) k = h->nbins - 1;
    h->count[k] += oc->weight ? oc->weight[i] : 1;
  }
  return 0;
}

/* (1) histogram of the pool's net outlay over paths */
static void chart_histogram(html_ctx *c, int pool) {
  const ps_results *r = c->r;
  const ps_outcomes *oc = &r->outcomes;
  const ps_pool_result *pr = &r->pools[pool];
  /* a distributed run's paths are read from their holders (sim/outcomes.h: host) */
  if ((!oc->host && (!oc->paid || !oc->recovered)) || oc->paths != r->paths || oc->paths <= 0 || pool >= oc->npools)
    return;
  size_t n = (size_t)oc->paths;
  histogram hg = {.pool = pool, .lo = INFINITY, .hi = -INFINITY};
  if (ps_outcomes_chunks(oc, outlay_range, &hg)) {
    c->b.oom = 1;
    return;
  }
  double lo = hg.lo, hi = hg.hi;
  double initial = pr->initial;
  int initial_shown = initial <= 3 * fmax(hi, 0) + 1 && initial >= lo;
  double xlo = fmin(lo, 0), xhi = initial_shown ? fmax(hi, initial) : hi;
  if (!(xhi > xlo)) xhi = xlo + fmax(1e5, fabs(xlo) * 0.1);
  double bw = svg_nice_step(xhi - xlo, 36);
  double start = floor(xlo / bw) * bw;
  int nbins = (int)ceil((xhi - start) / bw + 1e-9);
  if (nbins < 1) nbins = 1;
  if (nbins > 400) nbins = 400;
  double *count = calloc((size_t)nbins, sizeof *count); /* paths, or their weights under tail sampling */
  if (!count) {
    c->b.oom = 1;
    return;
  }
  hg.start = start;
  hg.bw = bw;
  hg.nbins = nbins;
  hg.count = count;
  if (ps_outcomes_chunks(oc, outlay_bins, &hg)) {
    free(count);
    c->b.oom = 1;
    return;
  }
  double cmax = 0;
  for (int k = 0; k < nbins; k++)
    if (count[k] > cmax) cmax = count[k];

  svg_plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48};
  p.x0 = start;
  p.x1 = start + nbins * bw;
  svg_unit u = svg_unit_for(fmax(fabs(p.x0), fabs(p.x1)));
  double xs = svg_nice_step((p.x1 - p.x0) / u.div, 7) * u.div;
  p.x0 = floor(p.x0 / xs + 1e-9) * xs;
  p.x1 = ceil(p.x1 / xs - 1e-9) * xs;
  p.y0 = 0;
  p.y1 = 100.0 * cmax / (double)n * 1.15;
  double ys = svg_nice_range(&p.y0, &p.y1, 5);
  if (p.y1 > 100) p.y1 = 100;

  char title[256], xt[128], a[64];
  snprintf(title, sizeof title, html_label(c, PS_L_PAGE_POOL_NET_OUTLAY_PAID),
           c->m->pools[pool].id);
  svg_chart_open(c, title);
  snprintf(xt, sizeof xt, html_label(c, PS_L_PAGE_AXIS_UNIT), html_label(c, PS_L_PAGE_NET_OUTLAY_OVER_THE), TR(c, u.zh, u.en));
  svg_axis_spec as = {.xstep = xs, .xdiv = u.div, .xdec = svg_step_decimals(xs / u.div), .ystep = ys, .ydiv = 1,
                  .ydec = svg_step_decimals(ys), .ysuffix = "%"};
  svg_axes(c, &p, &as, xt, html_label(c, PS_L_PAGE_SHARE_OF_PATHS));
  ps_strbuf_puts(&c->b, "<g class=\"bars\">\n");
  for (int k = 0; k < nbins; k++) {
    if (!count[k]) continue;
    double x = start + k * bw, h = 100.0 * count[k] / (double)n;
    ps_strbuf_printf(&c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", svg_px(&p, x) + 0.5, svg_py(&p, h),
       fmax(svg_px(&p, x + bw) - svg_px(&p, x) - 1, 0.5), svg_py(&p, 0) - svg_py(&p, h));
  }
  ps_strbuf_puts(&c->b, "</g>\n");
  free(count);
  /* marks: p95 and p99 of the net outlay, and the initial balance */
  const struct {
    double v;
    const char *cls;
    ps_label_id label;
  } mk[] = {{pr->net_outlay.p95, "mark-q", PS_L_PAGE_P95}, {pr->net_outlay.p99, "mark-q", PS_L_PAGE_P99}};
  char lab[128];
  for (int i = 0; i < 2; i++) {
    if (mk[i].v < p.x0 || mk[i].v > p.x1) continue;
    svg_vline(c, &p, mk[i].v, mk[i].cls);
    snprintf(lab, sizeof lab, "%s %s", html_label(c, mk[i].label), html_money(mk[i].v, a, sizeof a));
    svg_label_at(c, &p, svg_px(&p, mk[i].v), p.top + 30 + 14 * i, "note", lab);
  }
  if (initial_shown) {
    svg_vline(c, &p, initial, "mark-initial");
    snprintf(lab, sizeof lab, "%s %s", html_label(c, PS_L_PAGE_INITIAL_BALANCE), html_money_x(initial, 1, a, sizeof a));
    svg_label_at(c, &p, svg_px(&p, initial), p.top + 14, "note-initial", lab);
  } else {
    snprintf(lab, sizeof lab, "%s %s %s", html_label(c, PS_L_PAGE_INITIAL_BALANCE), html_money_x(initial, 1, a, sizeof a),
             html_label(c, PS_L_PAGE_OFF_THE_SCALE));
    ps_strbuf_printf(&c->b, "<text class=\"note-initial\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", SVG_CW - p.right, p.top - 10);
    html_esc(&c->b, lab);
    ps_strbuf_puts(&c->b, "</text>\n");
  }
  char cap[1024];
  snprintf(cap, sizeof cap,
           html_label(c, PS_L_PAGE_PATHS_BINS_OF_VERTICAL),
           r->paths, html_money_x(bw, 1, a, sizeof a));
  svg_chart_close(c, cap);
}

/* x ticks for a chart over periods 0..T: at fiscal year ends */
static void period_ticks(const html_ctx *c, double *step) {
  int per_year = ps_periods_per_year(c->m->step), years = c->m->periods / per_year;
  if (years < 2) { /* under two fiscal years: plain period ticks */
    *step = fmax(1, floor(svg_nice_step(c->m->periods, 6)));
    return;
  }
  int every = years <= 12 ? 1 : (int)svg_nice_step(years, 8);
  if (every < 1) every = 1;
  *step = (double)per_year * every;
}

/* (2) fan chart of the closing balance */
static void chart_fan(html_ctx *c, int pool) {
  const ps_pool_result *pr = &c->r->pools[pool];
  int T = c->m->periods;
  if (!pr->band_p05 || !pr->band_p50 || !pr->band_p95 || T < 1) return;
  double lo = fmin(0, pr->initial), hi = pr->initial;
  for (int t = 0; t < T; t++) {
    lo = fmin(lo, pr->band_p05[t]);
    hi = fmax(hi, pr->band_p95[t]);
  }
  svg_unit u = svg_unit_for(fmax(fabs(lo), fabs(hi)));
  svg_plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48, .x0 = 0, .x1 = T};
  p.y0 = lo / u.div;
  p.y1 = hi / u.div * 1.08;
  double ys = svg_nice_range(&p.y0, &p.y1, 5) * u.div;
  p.y0 *= u.div;
  p.y1 *= u.div;
  double xs;
  period_ticks(c, &xs);

  char title[256], xt[128];
  snprintf(title, sizeof title, html_label(c, PS_L_PAGE_POOL_CLOSING_BALANCE_5),
           c->m->pools[pool].id);
  svg_chart_open(c, title);
  if (c->m->periods / ps_periods_per_year(c->m->step) >= 2)
    snprintf(xt, sizeof xt, html_label(c, PS_L_PAGE_PERIODS_AXIS_FISCAL), html_step_name(c));
  else snprintf(xt, sizeof xt, html_label(c, PS_L_PAGE_PERIODS_AXIS), html_step_name(c));
  char yt[128];
  snprintf(yt, sizeof yt, html_label(c, PS_L_PAGE_AXIS_UNIT), html_label(c, PS_L_PAGE_BALANCE), TR(c, u.zh, u.en));
  svg_axis_spec as = {.xstep = xs, .xdiv = 1, .xdec = 0, .ystep = ys, .ydiv = u.div, .ydec = svg_step_decimals(ys / u.div)};
  svg_axes(c, &p, &as, xt, yt);
  /* the band: p95 forward, p05 back; period 0 is the initial balance */
  ps_strbuf_puts(&c->b, "<polygon class=\"band\" points=\"");
  ps_strbuf_printf(&c->b, "%.1f,%.1f", svg_px(&p, 0), svg_py(&p, pr->initial));
  for (int t = 1; t <= T; t++) ps_strbuf_printf(&c->b, " %.1f,%.1f", svg_px(&p, t), svg_py(&p, pr->band_p95[t - 1]));
  for (int t = T; t >= 1; t--) ps_strbuf_printf(&c->b, " %.1f,%.1f", svg_px(&p, t), svg_py(&p, pr->band_p05[t - 1]));
  ps_strbuf_puts(&c->b, "\"/>\n<polyline class=\"line\" points=\"");
  ps_strbuf_printf(&c->b, "%.1f,%.1f", svg_px(&p, 0), svg_py(&p, pr->initial));
  for (int t = 1; t <= T; t++) ps_strbuf_printf(&c->b, " %.1f,%.1f", svg_px(&p, t), svg_py(&p, pr->band_p50[t - 1]));
  ps_strbuf_puts(&c->b, "\"/>\n");
  if (p.y0 < 0) {
    ps_strbuf_printf(&c->b, "<line class=\"zero\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, p.x0), svg_py(&p, 0),
       svg_px(&p, p.x1), svg_py(&p, 0));
  }
  svg_legend_item(c, p.left, 40, "band", 1, html_label(c, PS_L_PAGE_BAND_5_95));
  svg_legend_item(c, p.left + 190, 40, "line", 0, html_label(c, PS_L_PAGE_MEDIAN));
  char cap[384];
  int n = snprintf(cap, sizeof cap,
                   "%s", html_label(c, PS_L_PAGE_QUANTILES_OVER_PATHS_OF));
  if (pr->band_paths < c->r->paths && n > 0 && (size_t)n < sizeof cap)
    snprintf(cap + n, sizeof cap - (size_t)n, html_label(c, PS_L_PAGE_THE_BANDS_USE_THE),
             pr->band_paths);
  svg_chart_close(c, cap);
}

/* bars over fiscal years with the plot for them */
static svg_plot year_plot(int nyears) {
  svg_plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48, .x0 = 0, .x1 = nyears};
  return p;
}

/* (3) P(depleted by the end of fiscal year y), with Wilson whiskers */
static void chart_depletion_years(html_ctx *c, int pool) {
  const ps_pool_result *pr = &c->r->pools[pool];
  int ny = pr->nyears;
  if (ny < 1 || !pr->depletion_by_year) return;
  double top = 0;
  for (int y = 0; y < ny; y++) top = fmax(top, pr->depletion_by_year[y].hi);
  for (int k = 0; k < c->nalphas; k++) top = fmax(top, c->alphas[k]);
  svg_plot p = year_plot(ny);
  p.y0 = 0;
  p.y1 = fmax(100 * top * 1.15, 1);
  if (p.y1 > 100) p.y1 = 100;
  double ys = svg_nice_range(&p.y0, &p.y1, 5);

  char title[256];
  snprintf(title, sizeof title, html_label(c, PS_L_PAGE_DEPLETION_BY_YEAR_CHART),
           c->m->pools[pool].id);
  svg_chart_open(c, title);
  svg_axis_spec as = {.xcat = ny, .xcat_every = ny <= 15 ? 1 : (ny + 9) / 10, .xprefix = html_label(c, PS_L_PAGE_YEAR_PREFIX), .ystep = ys,
                  .ydiv = 1, .ydec = svg_step_decimals(ys), .ysuffix = "%"};
  svg_axes(c, &p, &as, html_label(c, PS_L_PAGE_FISCAL_YEAR), html_label(c, PS_L_PAGE_PROBABILITY_OF_DEPLETION));
  double slot = svg_px(&p, 1) - svg_px(&p, 0), w = fmin(slot * 0.6, 60);
  char a[32];
  for (int k = 0; k < c->nalphas; k++) {
    double v = 100 * c->alphas[k];
    if (v > p.y1) continue;
    ps_strbuf_printf(&c->b, "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, 0), svg_py(&p, v),
       svg_px(&p, ny), svg_py(&p, v));
    ps_strbuf_printf(&c->b, "<text class=\"note-target\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">α = %s</text>\n", svg_px(&p, ny) + 4,
       svg_py(&p, v) + 4, html_alpha_text(c->alphas[k], a, sizeof a));
  }
  ps_strbuf_puts(&c->b, "<g class=\"bars\">\n");
  for (int y = 0; y < ny; y++) {
    const ps_estimate *e = &pr->depletion_by_year[y];
    double cx = svg_px(&p, y + 0.5), v = 100 * e->value;
    ps_strbuf_printf(&c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", cx - w / 2, svg_py(&p, v), w,
       svg_py(&p, 0) - svg_py(&p, v));
  }
  ps_strbuf_puts(&c->b, "</g>\n<g class=\"whisker\">\n");
  for (int y = 0; y < ny; y++) {
    const ps_estimate *e = &pr->depletion_by_year[y];
    double cx = svg_px(&p, y + 0.5), l = svg_py(&p, 100 * e->lo), h = svg_py(&p, 100 * e->hi);
    ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx, l, cx, h);
    ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx - 5, l, cx + 5, l);
    ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx - 5, h, cx + 5, h);
  }
  ps_strbuf_puts(&c->b, "</g>\n");
  if (ny <= 15)
    for (int y = 0; y < ny; y++) {
      const ps_estimate *e = &pr->depletion_by_year[y];
      ps_strbuf_printf(&c->b, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">%s</text>\n", svg_px(&p, y + 0.5) + 7,
         svg_py(&p, 100 * e->value) - 3, html_pct(e->value, a, sizeof a));
    }
  svg_chart_close(c, html_label(c, PS_L_PAGE_BARS_SHARE_OF_PATHS));
}

/* (4) the sizing curve P(depletion | initial balance), with the targets */
static void chart_sizing(html_ctx *c, int pool) {
  const ps_pool_result *pr = &c->r->pools[pool];
  size_t n = (size_t)c->r->paths;
  if ((!pr->sorted_required && !c->r->outcomes.host) || n == 0) return; /* distributed: asked (stats/results.h) */
  const ps_results *r = c->r;
  ps_estimate size[64];
  int na = c->nalphas < 64 ? c->nalphas : 64;
  double amax = 0, xmax = fmax(pr->initial, ps_results_required_quantile(r, pr, 0.998));
  for (int k = 0; k < na; k++) {
    size[k] = ps_results_sizing(r, pr, c->alphas[k]);
    amax = fmax(amax, c->alphas[k]);
    xmax = fmax(xmax, size[k].hi);
  }
  ps_estimate at_init = ps_results_depletion_at(r, pr, pr->initial);
  double ymax = fmax(3 * amax, at_init.hi * 1.2);
  for (int k = 0; k < c->o->nat; k++) {
    ps_estimate e = ps_results_depletion_at(r, pr, c->o->at[k]);
    ymax = fmax(ymax, e.hi * 1.2);
    xmax = fmax(xmax, c->o->at[k]);
  }
  if (ymax > 1 || !(ymax > 0)) ymax = 1;
  double xmin = fmin(0, ps_results_required_min(r, pr));
  svg_unit u = svg_unit_for(fmax(fabs(xmin), fabs(xmax)));
  svg_plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48};
  p.x0 = xmin / u.div;
  p.x1 = xmax * 1.05 / u.div;
  double xs = svg_nice_range(&p.x0, &p.x1, 7) * u.div;
  p.x0 *= u.div;
  p.x1 *= u.div;
  p.y0 = 0;
  p.y1 = 100 * ymax;
  double ys = svg_nice_range(&p.y0, &p.y1, 5);
  if (p.y1 > 100) p.y1 = 100;

  char title[256], xt[128], a[64], b2[64], lab[192];
  snprintf(title, sizeof title, html_label(c, PS_L_PAGE_SIZING_CURVE_CHART),
           c->m->pools[pool].id);
  svg_chart_open(c, title);
  snprintf(xt, sizeof xt, html_label(c, PS_L_PAGE_AXIS_UNIT), html_label(c, PS_L_PAGE_INITIAL_BALANCE), TR(c, u.zh, u.en));
  svg_axis_spec as = {.xstep = xs, .xdiv = u.div, .xdec = svg_step_decimals(xs / u.div), .ystep = ys, .ydiv = 1,
                  .ydec = svg_step_decimals(ys), .ysuffix = "%"};
  svg_axes(c, &p, &as, xt, html_label(c, PS_L_PAGE_PROBABILITY_OF_DEPLETION));
  ps_strbuf_printf(&c->b, "<clipPath id=\"clip%d\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/></clipPath>\n", c->nchart,
     svg_px(&p, p.x0), svg_py(&p, p.y1), svg_px(&p, p.x1) - svg_px(&p, p.x0), svg_py(&p, p.y0) - svg_py(&p, p.y1));
  ps_strbuf_printf(&c->b, "<g clip-path=\"url(#clip%d)\">\n", c->nchart);
  /* pointwise Wilson band and the curve on a grid of balances */
  enum { G = 360 };
  ps_estimate e[G + 1];
  for (int i = 0; i <= G; i++) e[i] = ps_results_depletion_at(r, pr, p.x0 + (p.x1 - p.x0) * i / G);
  ps_strbuf_puts(&c->b, "<polygon class=\"band\" points=\"");
  for (int i = 0; i <= G; i++)
    ps_strbuf_printf(&c->b, "%s%.1f,%.1f", i ? " " : "", svg_px(&p, p.x0 + (p.x1 - p.x0) * i / G), svg_py(&p, 100 * e[i].hi));
  for (int i = G; i >= 0; i--) ps_strbuf_printf(&c->b, " %.1f,%.1f", svg_px(&p, p.x0 + (p.x1 - p.x0) * i / G), svg_py(&p, 100 * e[i].lo));
  ps_strbuf_puts(&c->b, "\"/>\n<polyline class=\"line\" points=\"");
  for (int i = 0; i <= G; i++)
    ps_strbuf_printf(&c->b, "%s%.1f,%.1f", i ? " " : "", svg_px(&p, p.x0 + (p.x1 - p.x0) * i / G), svg_py(&p, 100 * e[i].value));
  ps_strbuf_puts(&c->b, "\"/>\n</g>\n");
  /* targets: a horizontal line at alpha, the size as a point with its interval */
  for (int k = 0; k < na; k++) {
    double v = 100 * c->alphas[k];
    if (v > p.y1) continue;
    ps_strbuf_printf(&c->b, "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, p.x0), svg_py(&p, v),
       svg_px(&p, p.x1), svg_py(&p, v));
    ps_strbuf_printf(&c->b, "<line class=\"ci\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, size[k].lo), svg_py(&p, v),
       svg_px(&p, size[k].hi), svg_py(&p, v));
    ps_strbuf_printf(&c->b, "<circle class=\"size\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n", svg_px(&p, size[k].value), svg_py(&p, v));
    snprintf(lab, sizeof lab, "α = %s: %s", html_alpha_text(c->alphas[k], a, sizeof a), html_money(size[k].value, b2, sizeof b2));
    ps_strbuf_printf(&c->b, "<text class=\"note-target\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">", svg_px(&p, size[k].hi) + 6,
       svg_py(&p, v) - 4);
    html_esc(&c->b, lab);
    ps_strbuf_puts(&c->b, "</text>\n");
  }
  /* the run's initial balance, and the balances asked about */
  if (pr->initial >= p.x0 && pr->initial <= p.x1) {
    svg_vline(c, &p, pr->initial, "mark-initial");
    if (100 * at_init.value <= p.y1)
      ps_strbuf_printf(&c->b, "<circle class=\"at-initial\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n", svg_px(&p, pr->initial),
         svg_py(&p, 100 * at_init.value));
    snprintf(lab, sizeof lab, "%s %s: %s", html_label(c, PS_L_PAGE_INITIAL_BALANCE), html_money_x(pr->initial, 1, a, sizeof a),
             html_pct(at_init.value, b2, sizeof b2));
    svg_label_at(c, &p, svg_px(&p, pr->initial), p.top + 14, "note-initial", lab);
  }
  for (int k = 0; k < c->o->nat; k++) {
    double x = c->o->at[k];
    if (x < p.x0 || x > p.x1 || fabs(x - pr->initial) < 1e-6) continue;
    ps_estimate ea = ps_results_depletion_at(r, pr, x);
    svg_vline(c, &p, x, "mark-at");
    if (100 * ea.value <= p.y1)
      ps_strbuf_printf(&c->b, "<circle class=\"at\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n", svg_px(&p, x), svg_py(&p, 100 * ea.value));
    snprintf(lab, sizeof lab, "%s: %s", html_money_x(x, 1, a, sizeof a), html_pct(ea.value, b2, sizeof b2));
    svg_label_at(c, &p, svg_px(&p, x), p.top + 30 + 14 * (k % 3), "note", lab);
  }
  svg_chart_close(c, html_label(c, PS_L_PAGE_CURVE_THE_SHARE_OF));
}

/* (5) a government's outlay by fiscal year: mean bars, p95 markers */
static void chart_outlay(html_ctx *c, int party) {
  const ps_party_result *pr = &c->r->parties[party];
  int ny = pr->nyears;
  if (ny < 1 || !pr->outlay_by_year) return;
  double lo = 0, hi = 0;
  for (int y = 0; y < ny; y++) {
    lo = fmin(lo, fmin(pr->outlay_by_year[y].mean, pr->outlay_by_year[y].p95));
    hi = fmax(hi, fmax(pr->outlay_by_year[y].mean, pr->outlay_by_year[y].p95));
  }
  svg_unit u = svg_unit_for(fmax(fabs(lo), fabs(hi)));
  svg_plot p = year_plot(ny);
  p.y0 = lo / u.div;
  p.y1 = hi * 1.12 / u.div;
  double ys = svg_nice_range(&p.y0, &p.y1, 5) * u.div;
  p.y0 *= u.div;
  p.y1 *= u.div;

  char title[256], yt[128];
  snprintf(title, sizeof title, html_label(c, PS_L_PAGE_OUTLAY_CHART),
           c->m->parties[party].name && *c->m->parties[party].name ? c->m->parties[party].name : c->m->parties[party].id);
  svg_chart_open(c, title);
  snprintf(yt, sizeof yt, html_label(c, PS_L_PAGE_AXIS_UNIT), html_label(c, PS_L_PAGE_OUTLAY_IN_THE_YEAR), TR(c, u.zh, u.en));
  svg_axis_spec as = {.xcat = ny, .xcat_every = ny <= 15 ? 1 : (ny + 9) / 10, .xprefix = html_label(c, PS_L_PAGE_YEAR_PREFIX), .ystep = ys,
                  .ydiv = u.div, .ydec = svg_step_decimals(ys / u.div)};
  svg_axes(c, &p, &as, html_label(c, PS_L_PAGE_FISCAL_YEAR), yt);
  double slot = svg_px(&p, 1) - svg_px(&p, 0), w = fmin(slot * 0.6, 60);
  ps_strbuf_puts(&c->b, "<g class=\"bars\">\n");
  for (int y = 0; y < ny; y++) {
    double v = pr->outlay_by_year[y].mean, cx = svg_px(&p, y + 0.5);
    double y0 = svg_py(&p, fmax(v, 0)), y1 = svg_py(&p, fmin(v, 0));
    ps_strbuf_printf(&c->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", cx - w / 2, y0, w, fmax(y1 - y0, 0));
  }
  ps_strbuf_puts(&c->b, "</g>\n");
  if (p.y0 < 0)
    ps_strbuf_printf(&c->b, "<line class=\"zero\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, p.x0), svg_py(&p, 0),
       svg_px(&p, p.x1), svg_py(&p, 0));
  for (int y = 0; y < ny; y++) {
    double cx = svg_px(&p, y + 0.5), v = svg_py(&p, pr->outlay_by_year[y].p95);
    ps_strbuf_printf(&c->b, "<line class=\"p95\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx - w / 2 - 4, v, cx + w / 2 + 4,
       v);
  }
  svg_legend_item(c, p.left, 40, "bar", 1, html_label(c, PS_L_TXT_MEAN));
  svg_legend_item(c, p.left + 110, 40, "p95", 0, html_label(c, PS_L_PAGE_95TH_PERCENTILE_1_YEAR));
  svg_chart_close(c, html_label(c, PS_L_PAGE_OUTLAY_EVERYTHING_THE_GOVERNMENT));
}

/* html_run_charts — the run page's charts: per pool the net outlay histogram, the balance fan, depletion by year and the sizing curve; per government its outlay by year */
void html_run_charts(html_ctx *c) {
  const ps_model *m = c->m;
  char a[64];
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", html_label(c, PS_L_PAGE_CHARTS));
  for (int i = 0; i < m->npools; i++) {
    ps_strbuf_printf(&c->b, "<h3>%s <code>", html_label(c, PS_L_MD_POOL));
    html_esc(&c->b, m->pools[i].id);
    ps_strbuf_printf(&c->b, html_label(c, PS_L_PAGE_POOL_HEADING),
       html_money_x(c->r->pools[i].initial, 1, a, sizeof a));
    chart_histogram(c, i);
    chart_fan(c, i);
    chart_depletion_years(c, i);
    chart_sizing(c, i);
    html_run_convergence(c, i);
  }
  for (int i = 0; i < m->nparties; i++) {
    if (m->parties[i].kind != PS_PARTY_GOVERNMENT) continue;
    ps_strbuf_printf(&c->b, "<h3>%s ", html_label(c, PS_L_PAGE_BUDGET));
    html_esc(&c->b, m->parties[i].name && *m->parties[i].name ? m->parties[i].name : m->parties[i].id);
    ps_strbuf_puts(&c->b, "</h3>\n");
    chart_outlay(c, i);
  }
}
