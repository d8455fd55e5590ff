/* html_study_breakeven.c — the break-even study's page (poolsim size --breakeven --html): the value
** with its interval, a chart of every run the bisection made (the figure with its 95% interval
** against the field's value, the target, the value found and its interval) and the runs' table. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html_study.h"
#include "report/svg.h"

static int is_money(const ps_breakeven *be) { return strcmp(be->measure, "pv_cost") == 0; }

/* the figure's name: the party's expected PV cost, loss ratio or payout rate */
static const char *figure_name(html_ctx *c, const ps_breakeven *be) {
  if (is_money(be)) return TR(c, "预期成本现值", "expected PV cost");
  return strcmp(be->measure, "loss_ratio") == 0 ? TR(c, "预期赔付率", "expected loss ratio") : TR(c, "预期代偿率", "expected payout rate");
}

/* the figure as a reader sees it: money, or percent */
static const char *figure_text(const ps_breakeven *be, double v, char *buf, size_t n) {
  return is_money(be) ? html_money(html_finite(v), buf, n) : html_pct(html_finite(v), buf, n);
}

/* the answer: the value, its interval (open where no value in the range reaches it) and the run there */
static void answer(html_ctx *c, const ps_breakeven *be) {
  ps_strbuf *b = &c->b;
  char v[32], lo[32], hi[32], t[64], m[64], se[64];
  snprintf(v, sizeof v, "%.6g", html_finite(be->value));
  snprintf(lo, sizeof lo, "%.6g", html_finite(be->ci[0]));
  snprintf(hi, sizeof hi, "%.6g", html_finite(be->ci[1]));
  ps_strbuf_printf(b, "<h2>%s</h2>\n<p class=\"answer\"><code>", TR(c, "结论", "The answer"));
  html_esc(b, be->field);
  ps_strbuf_printf(b, "</code> = <b>%s</b>", v);
  ps_strbuf_printf(b, TR(c, "（95%%置信区间 %s%s – %s%s）时，参与方 ", " (95%% CI %s%s – %s%s): there party "),
                   be->open[0] ? TR(c, "低于 ", "below ") : "", lo, hi, be->open[1] ? TR(c, " 或更高", " or above") : "");
  html_esc(b, be->party);
  if (is_money(be)) ps_strbuf_puts(b, TR(c, " 的预期成本现值为零", " expects to cost nothing in present value"));
  else ps_strbuf_printf(b, TR(c, " 的%s为 %s", "'s %s is %s"), figure_name(c, be), figure_text(be, be->target, t, sizeof t));
  ps_strbuf_printf(b, TR(c, "（该处为 %s ± %s，标准误）。</p>\n", " (there %s ± %s, standard error).</p>\n"),
                   figure_text(be, be->at.mean, m, sizeof m), figure_text(be, be->at.se, se, sizeof se));
}

/* y within the plot's range */
static double clip(const svg_plot *p, double y) { return fmin(fmax(y, p->y0), p->y1); }

static int by_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* the half-height of the chart around the target: the bisection's runs crowd near the value, and the
** range's ends can be far off (a loss ratio of 2 800% at a tiny premium), so the chart shows the
** target ± 1.2 × the 90th percentile of the runs' distance from it, and draws runs beyond at its edge */
static double half_height(const ps_breakeven *be) {
  double *d = malloc((size_t)(be->nruns > 0 ? be->nruns : 1) * sizeof *d), h = 0;
  if (!d) return 0;
  for (int k = 0; k < be->nruns; k++) d[k] = fabs(html_finite(be->runs[k].mean) - be->target);
  qsort(d, (size_t)be->nruns, sizeof *d, by_double);
  if (be->nruns > 0) h = 1.2 * d[(size_t)ceil(0.9 * be->nruns) - 1];
  free(d);
  h = fmax(h, 3 * 1.959964 * html_finite(be->at.se)); /* at least the value's own interval */
  return h > 0 ? h : fmax(fabs(be->target), 1) * 0.1;
}

/* every run: the figure and its 95% interval against the value; the target, the value and its interval */
static void chart(html_ctx *c, const ps_breakeven *be) {
  ps_strbuf *b = &c->b;
  int money = is_money(be);
  double h = half_height(be), ylo = be->target - h, yhi = be->target + h;
  if (!money && ylo < 0) ylo = 0; /* a ratio is never negative */
  svg_plot p = {.left = 78, .right = 30, .top = 70, .bottom = 48, .x0 = be->lo, .x1 = be->hi};
  svg_unit u = {1, "%", "%"};
  double ys, scale = 1; /* data to axis units: yuan, or percent */
  if (money) ys = svg_money_range(&p, ylo, yhi, &u);
  else {
    scale = 100;
    p.y0 = 100 * ylo;
    p.y1 = 100 * yhi;
    ys = svg_nice_range(&p.y0, &p.y1, 5);
  }
  double xs = svg_nice_step(be->hi - be->lo, 6);
  char title[256], yt[96], xt[160];
  snprintf(title, sizeof title, TR(c, "二分搜索的每次运行：%s 与 %s", "Every run of the bisection: %s against %s"),
           figure_name(c, be), be->field);
  snprintf(yt, sizeof yt, "%s (%s)", figure_name(c, be), c->zh ? u.zh : u.en);
  snprintf(xt, sizeof xt, "%s", be->field);
  svg_chart_open(c, title);
  svg_axis_spec as = {.xstep = xs, .xdiv = 1, .xdec = svg_step_decimals(xs), .ystep = ys, .ydiv = money ? u.div : 1,
                      .ydec = svg_step_decimals(money ? ys / u.div : ys)};
  svg_axes(c, &p, &as, xt, yt);
  /* the value's interval as a band, the value and the target as lines */
  double x0 = svg_px(&p, html_finite(be->ci[0])), x1 = svg_px(&p, html_finite(be->ci[1]));
  ps_strbuf_printf(b, "<rect class=\"band\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", x0, svg_py(&p, p.y1),
                   fmax(x1 - x0, 0.5), svg_py(&p, p.y0) - svg_py(&p, p.y1));
  svg_vline(c, &p, html_finite(be->value), "mark-initial");
  double ty = svg_py(&p, scale * be->target);
  ps_strbuf_printf(b, "<line class=\"level\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, p.x0), ty,
                   svg_px(&p, p.x1), ty);
  ps_strbuf_puts(b, "<g class=\"whisker\">\n");
  for (int k = 0; k < be->nruns; k++) {
    const ps_breakeven_run_point *r = &be->runs[k];
    svg_whisker(c, svg_px(&p, r->value), svg_py(&p, clip(&p, scale * html_finite(r->mean - 1.959964 * r->se))),
                svg_py(&p, clip(&p, scale * html_finite(r->mean + 1.959964 * r->se))));
  }
  ps_strbuf_puts(b, "</g>\n");
  for (int k = 0; k < be->nruns; k++) { /* a run beyond the chart sits on its edge, in red */
    double y = scale * html_finite(be->runs[k].mean);
    ps_strbuf_printf(b, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>\n", clip(&p, y) == y ? "s0" : "s2",
                     svg_px(&p, be->runs[k].value), svg_py(&p, clip(&p, y)));
  }
  char target[64], g[160];
  snprintf(g, sizeof g, TR(c, "目标 %s", "target %s"), figure_text(be, be->target, target, sizeof target));
  svg_legend_item(c, 78, 44, "level", 0, g);
  svg_legend_item(c, 300, 44, "mark-initial", 0, TR(c, "所求取值", "the value found"));
  svg_legend_item(c, 470, 44, "band", 1, TR(c, "其95%置信区间", "its 95% interval"));
  svg_chart_close(c, (char *)TR(c, "点：每次运行的预期值（红点超出图表范围，画在边缘；数值见下表）；竖线：其95%置信区间（均值 ± 1.96 标准误）。所有运行使用同一随机种子（共同随机数），所以相邻取值间的差异来自取值本身，而非抽样。",
                                "Dots: each run's expected figure (red: beyond the chart, drawn at its edge; the table has every run); "
                                "whiskers: its 95% interval (mean ± 1.96 standard errors). Every run uses the same seed (common random numbers), so what differs between neighbouring values comes from "
                                "the value, not from sampling."));
}

/* the runs in the order of their values */
static int by_value(const void *a, const void *b) {
  double x = ((const ps_breakeven_run_point *)a)->value, y = ((const ps_breakeven_run_point *)b)->value;
  return (x > y) - (x < y);
}

static void runs_table(html_ctx *c, const ps_breakeven *be) {
  ps_strbuf *b = &c->b;
  ps_breakeven_run_point *sorted = malloc((size_t)(be->nruns > 0 ? be->nruns : 1) * sizeof *sorted);
  if (!sorted) {
    b->oom = 1;
    return;
  }
  if (be->nruns > 0) memcpy(sorted, be->runs, (size_t)be->nruns * sizeof *sorted);
  qsort(sorted, (size_t)be->nruns, sizeof *sorted, by_value);
  ps_strbuf_printf(b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "数据", "Numbers"));
  html_th(c, be->field);
  html_th(c, figure_name(c, be));
  html_th(c, TR(c, "标准误", "standard error"));
  html_th(c, TR(c, "95%置信区间", "95% CI"));
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  for (int k = 0; k < be->nruns; k++) {
    char v[32], lo[64], hi[64];
    snprintf(v, sizeof v, "%.6g", html_finite(sorted[k].value));
    ps_strbuf_puts(b, "<tr>");
    html_tdn(c, v);
    html_tdn(c, figure_text(be, sorted[k].mean, lo, sizeof lo));
    html_tdn(c, figure_text(be, sorted[k].se, lo, sizeof lo));
    ps_strbuf_printf(b, "<td class=\"num\">%s – %s</td></tr>\n",
                     figure_text(be, sorted[k].mean - 1.959964 * sorted[k].se, lo, sizeof lo),
                     figure_text(be, sorted[k].mean + 1.959964 * sorted[k].se, hi, sizeof hi));
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  free(sorted);
}

static void breakeven_page(html_ctx *c, const ps_breakeven *be) {
  const char *name = be->scenario.name;
  char heading[256], sub[512];
  snprintf(heading, sizeof heading, TR(c, "盈亏平衡：%s", "Break-even: %s"), be->field);
  html_study_open(c, name, heading);
  snprintf(sub, sizeof sub, TR(c, "在 [%g, %g] 内二分搜索 · %d 次运行，每次 %ld 条路径 · 随机种子 %llu",
                               "bisection in [%g, %g] · %d runs of %ld paths each · seed %llu"),
           be->lo, be->hi, be->nruns, be->paths, be->seed);
  {
    ps_strbuf tmp = {0};
    html_esc(&tmp, sub);
    html_study_sub(c, name, tmp.oom ? "" : tmp.s);
    if (tmp.oom) c->b.oom = 1;
    free(tmp.s);
  }
  answer(c, be);
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n", TR(c, "图表", "Chart"));
  chart(c, be);
  runs_table(c, be);
  char extra[160];
  snprintf(extra, sizeof extra, "<dt>%s</dt><dd>%ld</dd>\n<dt>%s</dt><dd>%llu</dd>\n", TR(c, "模拟路径数", "paths"), be->paths,
           TR(c, "随机种子", "seed"), be->seed);
  html_study_close(c, &be->scenario, NULL, extra);
}

/* ps_report_breakeven_html — the page as a string to free(), NULL when out of memory */
char *ps_report_breakeven_html(const ps_breakeven *be, const char *lang) {
  html_ctx c = {0};
  html_study_lang(&c, lang, be->scenario.name);
  breakeven_page(&c, be);
  return html_study_done(&c);
}
