/* html_run_convergence.c — the run page's chart of how the sizing answer settles as paths are
** added (stats/sizing.h, ps_sizing_convergence): per target, the initial balance needed from the
** first n/16, n/8, ... n paths with its interval, so a reader sees that the number has settled. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/html_run.h"
#include "report/svg.h"
#include "stats/results.h"
#include "stats/sizing.h"

void html_run_convergence(html_ctx *c, int pool) {
  int na = c->nalphas;
  if (!ps_results_has_convergence(c->r) || na < 1) return;
  ps_estimate *at = calloc((size_t)(PS_CONVERGENCE_STEPS * na), sizeof *at);
  if (!at) return; /* the chart is left out, the page still stands */
  ps_convergence_point steps[PS_CONVERGENCE_STEPS];
  for (int k = 0; k < PS_CONVERGENCE_STEPS; k++) steps[k].initial = at + (size_t)k * (size_t)na;
  int n = ps_results_convergence(c->r, pool, c->alphas, na, steps);
  if (n < 2) { /* one point shows no settling */
    free(at);
    return;
  }
  double lo = 0, hi = 0;
  for (int k = 0; k < n; k++)
    for (int a = 0; a < na; a++) hi = fmax(hi, steps[k].initial[a].hi), lo = fmin(lo, steps[k].initial[a].lo);
  svg_unit u = svg_unit_for(fmax(fabs(lo), fabs(hi)));
  svg_plot p = {.left = 68, .right = 110, .top = 50, .bottom = 48, .x0 = 0, .x1 = n};
  p.y0 = lo / u.div;
  p.y1 = hi * 1.08 / u.div;
  double ys = svg_nice_range(&p.y0, &p.y1, 5) * u.div;
  p.y0 *= u.div;
  p.y1 *= u.div;
  char title[256], yt[128], labels[PS_CONVERGENCE_STEPS][32], a[64];
  const char *xlabels[PS_CONVERGENCE_STEPS];
  for (int k = 0; k < n; k++) {
    snprintf(labels[k], sizeof labels[k], "%ld", steps[k].paths);
    xlabels[k] = labels[k];
  }
  snprintf(title, sizeof title, html_label(c, PS_L_PAGE_CONVERGENCE_CHART), c->m->pools[pool].id);
  svg_chart_open(c, title);
  snprintf(yt, sizeof yt, html_label(c, PS_L_PAGE_AXIS_UNIT), html_label(c, PS_L_PAGE_INITIAL_BALANCE), TR(c, u.zh, u.en));
  svg_axis_spec as = {.xcat = n, .xcat_every = 1, .xlabels = xlabels, .ystep = ys, .ydiv = u.div,
                      .ydec = svg_step_decimals(ys / u.div)};
  svg_axes(c, &p, &as, html_label(c, PS_L_PAGE_PATHS_USED), yt);
  for (int t = 0; t < na; t++) {
    ps_strbuf_puts(&c->b, "<polyline class=\"line\" points=\"");
    for (int k = 0; k < n; k++)
      ps_strbuf_printf(&c->b, "%s%.1f,%.1f", k ? " " : "", svg_px(&p, k + 0.5), svg_py(&p, steps[k].initial[t].value));
    ps_strbuf_puts(&c->b, "\"/>\n<g class=\"whisker\">\n");
    for (int k = 0; k < n; k++) {
      const ps_estimate *e = &steps[k].initial[t];
      double cx = svg_px(&p, k + 0.5);
      ps_strbuf_printf(&c->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", cx, svg_py(&p, e->lo), cx,
                       svg_py(&p, e->hi));
    }
    ps_strbuf_puts(&c->b, "</g>\n");
    ps_strbuf_printf(&c->b, "<text class=\"note-target\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">α = %s</text>\n",
                     svg_px(&p, n - 0.5) + 8, svg_py(&p, steps[n - 1].initial[t].value) + 4,
                     html_alpha_text(c->alphas[t], a, sizeof a));
  }
  svg_chart_close(c, html_label(c, PS_L_PAGE_CONVERGENCE_NOTE));
  free(at);
}
