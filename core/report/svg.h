/* svg.h — inside core/report/: the chart kit (svg.c) the HTML pages draw with.
** Coordinates are svg units of a SVG_CW x SVG_CH panel; data go through a
** svg_plot's margins and ranges. */
#ifndef PS_REPORT_SVG_H
#define PS_REPORT_SVG_H

#include "report/html.h"

#define SVG_CW 720.0 /* chart width and height in SVG units */
#define SVG_CH 320.0

typedef struct {
  double left, right, top, bottom; /* margins */
  double x0, x1, y0, y1;           /* data range */
  double ch;                       /* height of the panel; 0: SVG_CH */
} svg_plot;

/* the unit amounts are drawn in: divisor and its name in each language */
typedef struct {
  double div;
  const char *zh, *en;
} svg_unit;

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
} svg_axis_spec;

/* the svg x of data x in the plot */
double svg_px(const svg_plot *p, double x);

/* the plot's panel height (SVG_CH unless set) */
double svg_ph(const svg_plot *p);

/* the svg y of data y in the plot */
double svg_py(const svg_plot *p, double y);

/* a 1-2-2.5-5 step giving about `target` intervals over range */
double svg_nice_step(double range, int target);

/* widen [*lo, *hi] to multiples of a nice step; returns the step */
double svg_nice_range(double *lo, double *hi, int target);

/* decimals a tick label needs for this step */
int svg_step_decimals(double step);

/* 亿元 when the data reach 1亿, else 万元 */
svg_unit svg_unit_for(double maxabs);

/* opens a figure with an svg of height h (SVG_CH for one panel) and its title */
void svg_chart_open_h(html_ctx *c, const char *title, double h);

/* svg_chart_open_h of one panel */
void svg_chart_open(html_ctx *c, const char *title);

/* closes the svg and the figure, with caption (already HTML) when not NULL */
void svg_chart_close(html_ctx *c, const char *caption);

/* grid, axes, tick labels and the two axis titles, as *a says */
void svg_axes(html_ctx *c, const svg_plot *p, const svg_axis_spec *a, const char *xtitle, const char *ytitle);

/* a label that stays inside the plot: anchored at its start, or its end when it would run past the right edge */
void svg_label_at(html_ctx *c, const svg_plot *p, double x, double y, const char *cls, const char *text);

/* a vertical line at data x over the plot, of CSS class cls */
void svg_vline(html_ctx *c, const svg_plot *p, double x, const char *cls);

/* a legend entry at (x, y): a swatch (or a line when !swatch) of class cls and its text */
void svg_legend_item(html_ctx *c, double x, double y, const char *cls, int swatch, const char *text);

/* a panel of a stacked chart: its own frame of SVG_CW x h at (ox, oy), with its title */
void svg_panel_open(html_ctx *c, double ox, double oy, const char *title);

/* ends the panel svg_panel_open began */
void svg_panel_close(html_ctx *c);

/* a vertical whisker from ylo to yhi at x (svg units) */
void svg_whisker(html_ctx *c, double x, double ylo, double yhi);

/* a money y range [lo, hi] (yuan) made nice in its unit (*u); returns the step in yuan */
double svg_money_range(svg_plot *p, double lo, double hi, svg_unit *u);

/* a probability y range in percent from 0 to at least top (a fraction); returns the step */
double svg_prob_range(svg_plot *p, double top);

#endif
