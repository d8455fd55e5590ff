/* html_backtest.c — the back-test's page: the verdict, then per programme and
** figure a fan chart of the forecast by period (0.5–99.5% and 5–95% of paths,
** the median) with the actual figures drawn over it, and the table of
** percentiles, by period and cumulative. Drawn with the chart kit (svg.h) and
** the study pages' frame (html_study.h), labels from labels.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/html_study.h"
#include "report/report_backtest.h"
#include "report/svg.h"

/* the polygon between two of a fan's quantiles over periods 1..T */
static void band(html_ctx *c, const svg_plot *p, const double *fan, int T, int lo, int hi, const char *style) {
  ps_strbuf_printf(&c->b, "<polygon class=\"band\" style=\"%s\" points=\"", style);
  for (int t = 1; t <= T; t++)
    ps_strbuf_printf(&c->b, "%s%.1f,%.1f", t > 1 ? " " : "", svg_px(p, t), svg_py(p, fan[(size_t)(t - 1) * PS_FAN_N + hi]));
  for (int t = T; t >= 1; t--)
    ps_strbuf_printf(&c->b, " %.1f,%.1f", svg_px(p, t), svg_py(p, fan[(size_t)(t - 1) * PS_FAN_N + lo]));
  ps_strbuf_puts(&c->b, "\"/>\n");
}

/* the fan of one figure with its actuals as dots */
static void chart(html_ctx *c, const ps_backtest *bt, const ps_backtest_entry *e, ps_backtest_measure w) {
  const ps_backtest_series *s = &e->series[w];
  ps_lang L = c->zh ? PS_LANG_ZH : PS_LANG_EN;
  int T = bt->periods, per_year = ps_periods_per_year(bt->step);
  double hi = 0;
  for (int t = 0; t < T; t++) hi = fmax(hi, s->fan[(size_t)t * PS_FAN_N + PS_FAN_P995]);
  for (int j = 0; j < s->npoints; j++) hi = fmax(hi, s->points[j].actual);
  if (!(hi > 0)) hi = 1;
  svg_plot p = {.left = 68, .right = 62, .top = 50, .bottom = 48, .x0 = 0, .x1 = T};
  svg_unit u = {1, ps_label(PS_L_BT_LOANS_AXIS, PS_LANG_ZH), ps_label(PS_L_BT_LOANS_AXIS, PS_LANG_EN)};
  double ys;
  if (w == PS_BACKTEST_CLAIMS) ys = svg_money_range(&p, 0, hi * 1.08, &u);
  else {
    p.y0 = 0;
    p.y1 = fmax(hi * 1.08, 1);
    ys = fmax(1, svg_nice_range(&p.y0, &p.y1, 5));
  }
  int years = T / per_year; /* whole fiscal years: ticks at their ends, as the run page's fan */
  double xs = years >= 2 ? per_year * fmax(1, (years <= 12 ? 1 : floor(svg_nice_step(years, 8))))
                         : fmax(1, floor(svg_nice_step(T, 6)));
  char title[256], xt[128], yt[128];
  snprintf(title, sizeof title, ps_label(PS_L_BT_CHART, L), e->id, ps_bt_measure_name(w, L));
  svg_chart_open(c, title);
  const char *step = ps_label((ps_label_id)(PS_L_MONTH + bt->step), L);
  snprintf(xt, sizeof xt, html_label(c, years >= 2 ? PS_L_PAGE_PERIODS_AXIS_FISCAL : PS_L_PAGE_PERIODS_AXIS), step);
  snprintf(yt, sizeof yt, html_label(c, PS_L_PAGE_AXIS_UNIT), ps_bt_measure_name(w, L), TR(c, u.zh, u.en));
  svg_axis_spec as = {.xstep = xs, .xdiv = 1, .xdec = 0, .ystep = ys, .ydiv = u.div, .ydec = svg_step_decimals(ys / u.div)};
  svg_axes(c, &p, &as, xt, yt);
  band(c, &p, s->fan, T, PS_FAN_P005, PS_FAN_P995, "fill-opacity:.25");
  band(c, &p, s->fan, T, PS_FAN_P05, PS_FAN_P95, "fill-opacity:.6");
  ps_strbuf_puts(&c->b, "<polyline class=\"line\" points=\"");
  for (int t = 1; t <= T; t++)
    ps_strbuf_printf(&c->b, "%s%.1f,%.1f", t > 1 ? " " : "", svg_px(&p, t), svg_py(&p, s->fan[(size_t)(t - 1) * PS_FAN_N + PS_FAN_P50]));
  ps_strbuf_puts(&c->b, "\"/>\n<g class=\"actual\">\n");
  for (int j = 0; j < s->npoints; j++) {
    const ps_backtest_point *pt = &s->points[j];
    const char *fill = pt->outside99 ? "#c0392b" : pt->outside90 ? "#b9770e" : "#1b1f24";
    ps_strbuf_printf(&c->b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1\"/>\n",
                     svg_px(&p, pt->period), svg_py(&p, pt->actual), fill);
  }
  ps_strbuf_puts(&c->b, "</g>\n");
  svg_legend_item(c, p.left, 40, "band", 1, html_label(c, PS_L_PAGE_BAND_5_95));
  ps_strbuf_printf(&c->b, "<rect class=\"band\" style=\"fill-opacity:.25\" x=\"%.1f\" y=\"32\" width=\"14\" height=\"9\"/>\n"
                   "<text class=\"legend\" x=\"%.1f\" y=\"40\">", p.left + 190, p.left + 208);
  html_esc(&c->b, ps_label(PS_L_BT_BAND_995, L));
  ps_strbuf_puts(&c->b, "</text>\n");
  svg_legend_item(c, p.left + 390, 40, "line", 0, html_label(c, PS_L_PAGE_MEDIAN));
  ps_strbuf_printf(&c->b, "<circle cx=\"%.1f\" cy=\"36\" r=\"4\" fill=\"#1b1f24\"/>\n", p.left + 500);
  ps_strbuf_printf(&c->b, "<text class=\"legend\" x=\"%.1f\" y=\"40\">", p.left + 510);
  html_esc(&c->b, ps_label(PS_L_BT_ACTUAL, L));
  ps_strbuf_puts(&c->b, "</text>\n");
  ps_strbuf b = {0};
  html_esc(&b, ps_label(PS_L_BT_CAPTION, L));
  svg_chart_close(c, b.oom ? "" : b.s);
  if (b.oom) c->b.oom = 1;
  free(b.s);
}

/* a figure's value on the page: loans, or money */
static const char *value(ps_backtest_measure w, double v, char *buf, size_t n) {
  return w == PS_BACKTEST_DEFAULTS ? html_num(v, 0, buf, n) : html_money(v, buf, n);
}

/* the table of one figure: per period its actual, percentile, bands and where it lies, then the same summed */
static void table(html_ctx *c, const ps_backtest *bt, const ps_backtest_series *s, ps_backtest_measure w) {
  ps_lang L = c->zh ? PS_LANG_ZH : PS_LANG_EN;
  char v[48], lo[48], hi[48], cell[128], when[96];
  ps_strbuf_puts(&c->b, "<table>\n<thead><tr>");
  const char *head[] = {ps_label(PS_L_BT_PERIOD, L), ps_label(PS_L_BT_ACTUAL, L), ps_label(PS_L_BT_PERCENTILE, L),
                        ps_label(PS_L_BT_BAND90, L), ps_label(PS_L_BT_BAND99, L), ps_label(PS_L_BT_WHERE, L)};
  for (size_t k = 0; k < sizeof head / sizeof *head; k++) html_th(c, head[k]);
  for (size_t k = 1; k < 4; k++) {
    snprintf(cell, sizeof cell, "%s %s", ps_label(PS_L_BT_CUMULATIVE, L), head[k == 3 ? 5 : k]);
    html_th(c, cell);
  }
  ps_strbuf_puts(&c->b, "</tr></thead>\n<tbody>\n");
  for (int j = 0; j < s->npoints; j++) {
    const ps_backtest_point *p = &s->points[j], *q = &s->cumulative[j];
    ps_strbuf_puts(&c->b, "<tr><td class=\"num\" style=\"text-align:left\">");
    html_esc(&c->b, ps_bt_period_name(bt, p->period, L, when, sizeof when));
    ps_strbuf_puts(&c->b, "</td>");
    for (int cum = 0; cum < 2; cum++) {
      const ps_backtest_point *x = cum ? q : p;
      html_tdn(c, value(w, x->actual, v, sizeof v));
      html_tdn(c, html_pct(x->percentile, v, sizeof v));
      for (int band = 0; !cum && band < 2; band++) {
        snprintf(cell, sizeof cell, "%s – %s", value(w, band ? p->p005 : p->p05, lo, sizeof lo),
                 value(w, band ? p->p995 : p->p95, hi, sizeof hi));
        html_tdn(c, cell);
      }
      ps_strbuf_printf(&c->b, "<td class=\"num %s\" style=\"text-align:left\">",
                       x->outside99 ? "misses" : x->outside90 ? "close" : "meets");
      html_esc(&c->b, ps_bt_where(x, L));
      ps_strbuf_puts(&c->b, "</td>");
    }
    ps_strbuf_puts(&c->b, "</tr>\n");
  }
  ps_strbuf_puts(&c->b, "</tbody>\n</table>\n");
}

char *ps_report_backtest_html(const ps_backtest *bt, const char *lang) {
  html_ctx c = {0};
  html_study_lang(&c, lang, bt->name);
  ps_lang L = c.zh ? PS_LANG_ZH : PS_LANG_EN;
  char line[512];
  html_study_open(&c, bt->name, ps_label(PS_L_BT_TITLE, L));
  snprintf(line, sizeof line, ps_label(PS_L_BT_SUB, L), bt->name, bt->actual_file, bt->paths, bt->seed);
  ps_strbuf_puts(&c.b, "<p class=\"sub\">");
  html_esc(&c.b, line);
  ps_strbuf_puts(&c.b, "</p>\n</header>\n");
  ps_strbuf_printf(&c.b, "<h2>%s</h2>\n", ps_label(PS_L_BT_VERDICT, L));
  for (int i = 0; i < bt->nfindings; i++) {
    const ps_backtest_finding *f = &bt->findings[i];
    ps_strbuf_printf(&c.b, "<p class=\"answer\"><span class=\"%s\">", f->band == 99 || f->outside99 ? "misses" : f->band || f->outside90 ? "close" : "meets");
    html_esc(&c.b, ps_bt_finding_text(bt, f, L, line, sizeof line));
    ps_strbuf_puts(&c.b, "</span></p>\n");
  }
  for (int e = 0; e < bt->nentries; e++)
    for (int w = 0; w < PS_BACKTEST_NMEASURES; w++) {
      const ps_backtest_entry *en = &bt->entries[e];
      if (!en->series[w].npoints) continue;
      snprintf(line, sizeof line, ps_label(PS_L_BT_PROGRAMME_FIGURE, L), en->id, ps_bt_measure_name((ps_backtest_measure)w, L));
      ps_strbuf_puts(&c.b, "<h2>");
      html_esc(&c.b, line);
      ps_strbuf_puts(&c.b, "</h2>\n");
      chart(&c, bt, en, (ps_backtest_measure)w);
      table(&c, bt, &en->series[w], (ps_backtest_measure)w);
    }
  ps_strbuf_puts(&c.b, "<p class=\"note-box\">");
  html_esc(&c.b, ps_label(PS_L_BT_METHOD, L));
  ps_strbuf_puts(&c.b, "</p>\n");
  ps_study_scenario sc = {.name = bt->name, .file = bt->file, .sha256 = bt->sha256};
  ps_strbuf extra = {0};
  ps_strbuf_printf(&extra, "<dt>%s</dt><dd>", ps_label(PS_L_BT_ACTUAL, L));
  html_esc(&extra, bt->actual_file);
  ps_strbuf_printf(&extra, "<br><code>sha256 %s</code></dd>\n", bt->actual_sha256);
  html_study_close(&c, &sc, NULL, extra.oom ? "" : extra.s);
  if (extra.oom) c.b.oom = 1;
  free(extra.s);
  return html_study_done(&c);
}
