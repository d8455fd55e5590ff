/* html_study_sweep.c — the page of a sweep (html_study.c draws the others):
** the reading, a chart per pool over the values of one or two keys, and the
** table of every combination; drawn from the sweep's values (stats/study.h),
** the pools of the charts those of the first row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html_study.h"
#include "report/svg.h"

/* ---- sweep ----------------------------------------------------------------- */

/* the value a row gives key k (the first of the keys named alike) */
static const char *value_of(const ps_sweep *w, const ps_sweep_row *row, int k) {
  int j = 0;
  while (strcmp(w->keys[j], w->keys[k]) != 0) j++;
  return row->values[j];
}

/* a row's cell of pool id, NULL when the row has none */
static const ps_sweep_cell *cell_of(const ps_sweep_row *row, const char *id) {
  for (int p = 0; p < row->npools; p++)
    if (strcmp(row->pools[p].id, id) == 0) return &row->pools[p];
  return NULL;
}

/* P(depletion) of a cell (none: 0) */
static ps_estimate cell_prob(const ps_sweep_cell *cell) {
  ps_estimate zero = {0};
  return cell ? html_study_estimate(&cell->depletion) : zero;
}

/* the distinct values of key k over the rows, in order of first appearance */
static int distinct_values(const ps_sweep *w, int k, const char **out) {
  int n = 0;
  for (long r = 0; r < w->nrows; r++) {
    const char *v = value_of(w, &w->rows[r], k);
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

/* the size needed for alpha k in a cell (none: 0) */
static ps_estimate sweep_size(const ps_sweep_cell *cell, int k) {
  ps_estimate zero = {0};
  return cell ? html_study_estimate(&cell->sizing[k]) : zero;
}

/* the sweep's page: one or two keys varied, the probability of depletion and the sizes over their values */
/* the parties' figures of each row against the first row's */
static void sweep_parties(html_ctx *c, const ps_sweep *w) {
  size_t n = (size_t)(w->nrows > 0 ? w->nrows : 1);
  ps_strbuf text = {0};
  size_t *at = malloc(n * sizeof *at);
  const char **rows = malloc(n * sizeof *rows);
  const ps_difference **d = malloc(n * sizeof(const ps_difference *));
  for (long i = 0; at && i < w->nrows; i++) { /* each row's "key=value, ..." with its NUL, one after another */
    at[i] = text.len;
    for (int k = 0; k < w->nkeys; k++) ps_strbuf_printf(&text, "%s%s=%s", k ? ", " : "", w->keys[k], w->rows[i].values[k]);
    ps_strbuf_put(&text, "", 1);
  }
  if (!at || !rows || !d || text.oom) c->b.oom = 1;
  else {
    for (long i = 0; i < w->nrows; i++) {
      rows[i] = text.s ? text.s + at[i] : "";
      d[i] = w->rows[i].parties;
    }
    html_study_parties(c, &w->figures, (int)w->nrows, TR(c, "取值", "values"), rows, d, TR(c, "第一行", "first row"),
                       TR(c, "本行", "this row"), TR(c, "本行 − 第一行", "this − first"));
  }
  free(text.s);
  free(at);
  free((void *)rows);
  free((void *)d);
}

static void sweep_page(html_ctx *c, const ps_sweep *w) {
  ps_strbuf *b = &c->b;
  const char *name = w->scenario.name;
  int nkeys = w->nkeys, nrows = (int)w->nrows;
  const char *key0 = nkeys > 0 ? w->keys[0] : "", *key1 = nkeys > 1 ? w->keys[1] : "";
  const char **v0 = calloc((size_t)nrows + 1, sizeof *v0), **v1 = calloc((size_t)nrows + 1, sizeof *v1);
  if (!v0 || !v1) {
    b->oom = 1;
    free(v0);
    free(v1);
    return;
  }
  int n0 = nkeys > 0 ? distinct_values(w, 0, v0) : 0, n1 = nkeys > 1 ? distinct_values(w, 1, v1) : 0;
  const ps_sweep_row *first = w->nrows > 0 ? &w->rows[0] : NULL; /* its pools name the charts' */
  int npools = first ? first->npools : 0;
  int nalphas = npools > 0 ? w->nalphas : 0;
  if (nalphas > 6) nalphas = 6;
  double alphas[6] = {0};
  int strict = 0;
  for (int k = 0; k < nalphas; k++) {
    alphas[k] = html_finite(w->alphas[k]);
    if (alphas[k] < alphas[strict]) strict = k;
  }
  char a[64], d[64], e[64], f[64], g[256], h2[64];
  html_study_open(c, name, TR(c, "参数扫描", "Sweep"));
  {
    ps_strbuf tmp = {0};
    ps_strbuf_puts(&tmp, TR(c, "变动参数 ", "varying "));
    for (int k = 0; k < nkeys; k++) {
      if (k) ps_strbuf_puts(&tmp, TR(c, " 与 ", " and "));
      ps_strbuf_puts(&tmp, "<code>");
      html_esc(&tmp, k ? key1 : key0);
      ps_strbuf_puts(&tmp, "</code>");
    }
    ps_strbuf_printf(&tmp, TR(c, " · %d 种组合", " · %d combination%s"), nrows, nrows == 1 ? "" : "s");
    html_study_sub(c, name, tmp.oom ? "" : tmp.s);
    if (tmp.oom) b->oom = 1;
    free(tmp.s);
  }

  /* the reading */
  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "结论", "The answer"));
  if (npools == 0 && w->rows && w->nrows > 1) /* a scheme without pools: its parties, the last row against the first */
    html_study_parties_answer(c, &w->figures, w->rows[w->nrows - 1].parties, TR(c, "第一行", "the first row"),
                              TR(c, "最后一行", "the last row"));
  for (int q = 0; q < npools; q++) {
    const char *id = first->pools[q].id;
    ps_strbuf_puts(b, "<p class=\"answer\">");
    ps_strbuf_printf(b, "%s <b>", TR(c, "资金池", "Pool"));
    html_esc(b, id);
    ps_strbuf_puts(b, "</b>");
    if (nkeys == 1 && n0 > 0) {
      const ps_sweep_row *r0 = NULL, *r1 = NULL;
      for (long r = 0; r < w->nrows; r++) { /* the first and the last value */
        const char *v = value_of(w, &w->rows[r], 0);
        if (!r0 && strcmp(v, v0[0]) == 0) r0 = &w->rows[r];
        if (strcmp(v, v0[n0 - 1]) == 0) r1 = &w->rows[r];
      }
      const ps_sweep_cell *p0 = r0 ? cell_of(r0, id) : NULL, *p1 = r1 ? cell_of(r1, id) : NULL;
      ps_strbuf_puts(b, TR(c, "：<code>", ": as <code>"));
      html_esc(b, key0);
      ps_strbuf_puts(b, TR(c, "</code> 从 ", "</code> goes from "));
      html_esc(b, v0[0]);
      ps_strbuf_puts(b, TR(c, " 变为 ", " to "));
      html_esc(b, v0[n0 - 1]);
      ps_estimate e0 = cell_prob(p0), e1 = cell_prob(p1);
      ps_strbuf_printf(b, TR(c, "，耗尽概率从 <b>%s</b> 变为 <b>%s</b>（95%%置信区间 %s–%s）", ", the probability of depletion goes from <b>%s</b> to <b>%s</b> (95%% CI %s–%s)"),
         html_pct(e0.value, a, sizeof a), html_pct(e1.value, d, sizeof d), html_pct(e1.lo, e, sizeof e), html_pct(e1.hi, f, sizeof f));
      for (int k = 0; k < nalphas; k++) {
        ps_estimate s0 = sweep_size(p0, k), s1 = sweep_size(p1, k);
        ps_strbuf_printf(b, TR(c, "；耗尽概率不超过 %s 所需初始规模从 %s 变为 <b>%s</b>", "; the initial balance needed for P ≤ %s from %s to <b>%s</b>"),
           html_alpha_text(alphas[k], h2, sizeof h2), html_money(s0.value, a, sizeof a), html_money(s1.value, d, sizeof d));
      }
      ps_strbuf_puts(b, TR(c, "。", "."));
    } else if (nkeys == 2) {
      const ps_sweep_row *lo = NULL, *hi = NULL;
      double plo = INFINITY, phi = -INFINITY;
      for (long r = 0; r < w->nrows; r++) {
        double v = cell_prob(cell_of(&w->rows[r], id)).value;
        if (v < plo) plo = v, lo = &w->rows[r];
        if (v > phi) phi = v, hi = &w->rows[r];
      }
      for (int side = 0; side < 2 && lo && hi; side++) {
        const ps_sweep_row *r = side ? hi : lo;
        const ps_sweep_cell *pj = cell_of(r, id);
        ps_strbuf_puts(b, side ? TR(c, "；最高 ", "; highest ") : TR(c, "：耗尽概率最低 ", ": the probability of depletion is lowest, "));
        ps_strbuf_printf(b, "<b>%s</b> ", html_pct(side ? phi : plo, a, sizeof a));
        ps_strbuf_puts(b, TR(c, "（<code>", "at <code>"));
        html_esc(b, key0);
        ps_strbuf_puts(b, "</code> = ");
        html_esc(b, value_of(w, r, 0));
        ps_strbuf_puts(b, ", <code>");
        html_esc(b, key1);
        ps_strbuf_puts(b, "</code> = ");
        html_esc(b, value_of(w, r, 1));
        if (nalphas)
          ps_strbuf_printf(b, TR(c, "，耗尽概率不超过 %s 需 %s）", ", where P ≤ %s needs %s"), html_alpha_text(alphas[strict], h2, sizeof h2),
             html_money(sweep_size(pj, strict).value, d, sizeof d));
        else ps_strbuf_puts(b, TR(c, "）", ""));
      }
      ps_strbuf_puts(b, TR(c, "。", "."));
    }
    ps_strbuf_puts(b, "</p>\n");
  }

  /* the chart */
  if (n0 > 0 && npools > 0) {
    ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "图表", "Chart"));
    char title[256];
    if (nkeys == 1) snprintf(title, sizeof title, TR(c, "耗尽概率与所需初始规模随 %s 的变化", "Probability of depletion and the size needed against %s"), key0);
    else snprintf(title, sizeof title, TR(c, "耗尽概率与所需初始规模：%s × %s", "Probability of depletion and the size needed: %s × %s"), key0, key1);
    svg_chart_open_h(c, title, 2 * SVG_CH * npools);
    int q = 0;
    const char **cats = v0;
    int ncat = n0, ngroup = nkeys == 2 ? n1 : 1;
    for (int pool = 0; pool < npools; pool++) {
      const char *id = first->pools[pool].id;
      /* (a) P(depletion) */
      double top = 0;
      for (int k = 0; k < nalphas; k++) top = fmax(top, alphas[k]);
      for (long r = 0; r < w->nrows; r++) top = fmax(top, cell_prob(cell_of(&w->rows[r], id)).hi);
      svg_plot p = {.left = 68, .right = 62, .top = 70, .bottom = 48, .x0 = 0, .x1 = ncat};
      double ys = svg_prob_range(&p, top);
      if (nkeys == 2)
        snprintf(g, sizeof g, TR(c, "资金池 %s：耗尽概率（颜色：%s）", "Pool %s: probability of depletion (colours: %s)"), id, key1);
      else snprintf(g, sizeof g, TR(c, "资金池 %s：耗尽概率", "Pool %s: probability of depletion"), id);
      svg_panel_open(c, 0, SVG_CH * q++, g);
      svg_axis_spec as = {.xcat = ncat, .xcat_every = 1, .xlabels = cats, .ystep = ys, .ydiv = 1, .ydec = svg_step_decimals(ys), .ysuffix = "%"};
      svg_axes(c, &p, &as, key0, TR(c, "耗尽概率（%）", "probability of depletion (%)"));
      for (int k = 0; k < nalphas; k++) {
        double v = 100 * alphas[k];
        if (v > p.y1) continue;
        ps_strbuf_printf(b, "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, 0), svg_py(&p, v), svg_px(&p, ncat), svg_py(&p, v));
        ps_strbuf_printf(b, "<text class=\"note-target\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">α = %s</text>\n", svg_px(&p, ncat) + 4,
           svg_py(&p, v) + 4, html_alpha_text(alphas[k], a, sizeof a));
      }
      double slot = svg_px(&p, 1) - svg_px(&p, 0), gw = fmin(slot * 0.8, 40.0 * ngroup), bw = gw / ngroup;
      if (nkeys == 1) {
        ps_strbuf_puts(b, "<polyline class=\"line\" points=\"");
        int n = 0;
        for (long r = 0; r < w->nrows; r++) {
          int i = index_of(v0, n0, value_of(w, &w->rows[r], 0));
          ps_strbuf_printf(b, "%s%.1f,%.1f", n++ ? " " : "", svg_px(&p, i + 0.5), svg_py(&p, 100 * cell_prob(cell_of(&w->rows[r], id)).value));
        }
        ps_strbuf_puts(b, "\"/>\n");
      }
      ps_strbuf_puts(b, "<g class=\"whisker\">\n");
      for (long r = 0; r < w->nrows; r++) {
        const ps_sweep_row *row = &w->rows[r];
        ps_estimate ep = cell_prob(cell_of(row, id));
        int i = index_of(v0, n0, value_of(w, row, 0)), j = nkeys == 2 ? index_of(v1, n1, value_of(w, row, 1)) : 0;
        double cx = nkeys == 1 ? svg_px(&p, i + 0.5) : svg_px(&p, i + 0.5) - gw / 2 + (j + 0.5) * bw;
        if (nkeys == 2)
          ps_strbuf_printf(b, "<rect class=\"g%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", j % 8, cx - bw * 0.42,
             svg_py(&p, 100 * ep.value), bw * 0.84, svg_py(&p, 0) - svg_py(&p, 100 * ep.value));
        svg_whisker(c, cx, svg_py(&p, 100 * ep.lo), svg_py(&p, 100 * ep.hi));
        if (nkeys == 1) ps_strbuf_printf(b, "<circle class=\"s0\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>\n", cx, svg_py(&p, 100 * ep.value));
      }
      ps_strbuf_puts(b, "</g>\n");
      if (nkeys == 2)
        for (int j = 0; j < n1 && j < 6; j++) {
          char cls[8];
          snprintf(cls, sizeof cls, "g%d", j % 8);
          svg_legend_item(c, 68 + 100.0 * j, 60, cls, 1, html_shorten(v1[j], 14, a, sizeof a));
        }
      svg_panel_close(c);

      /* (b) the size needed: every alpha (one key) or the strictest (two keys) */
      double lo = 0, hi = 0;
      for (long r = 0; r < w->nrows; r++) {
        const ps_sweep_cell *pj = cell_of(&w->rows[r], id);
        for (int k = 0; k < nalphas; k++) {
          ps_estimate s = sweep_size(pj, k);
          lo = fmin(lo, s.lo);
          hi = fmax(hi, s.hi * 1.1);
        }
      }
      svg_plot p2 = {.left = 68, .right = 62, .top = 70, .bottom = 48, .x0 = 0, .x1 = ncat};
      svg_unit u;
      double ys2 = svg_money_range(&p2, lo, hi, &u);
      if (nkeys == 1 || !nalphas) snprintf(g, sizeof g, TR(c, "资金池 %s：各目标所需初始规模", "Pool %s: initial balance needed for each target"), id);
      else snprintf(g, sizeof g, TR(c, "资金池 %s：耗尽概率不超过 %s 所需初始规模", "Pool %s: initial balance needed for P ≤ %s"), id, html_alpha_text(alphas[strict], a, sizeof a));
      svg_panel_open(c, 0, SVG_CH * q++, g);
      snprintf(g, sizeof g, TR(c, "所需初始规模（%s）", "initial balance needed (%s)"), u.zh);
      svg_axis_spec as2 = {.xcat = ncat, .xcat_every = 1, .xlabels = cats, .ystep = ys2, .ydiv = u.div, .ydec = svg_step_decimals(ys2 / u.div)};
      svg_axes(c, &p2, &as2, key0, g);
      if (nkeys == 1) {
        for (int k = 0; k < nalphas; k++) {
          double dx = (k - (nalphas - 1) / 2.0) * 7;
          ps_strbuf_printf(b, "<polyline class=\"series s%d\" points=\"", k);
          int n = 0;
          for (long r = 0; r < w->nrows; r++) {
            int i = index_of(v0, n0, value_of(w, &w->rows[r], 0));
            ps_strbuf_printf(b, "%s%.1f,%.1f", n++ ? " " : "", svg_px(&p2, i + 0.5) + dx, svg_py(&p2, sweep_size(cell_of(&w->rows[r], id), k).value));
          }
          ps_strbuf_puts(b, "\"/>\n<g class=\"whisker\">\n");
          for (long r = 0; r < w->nrows; r++) {
            int i = index_of(v0, n0, value_of(w, &w->rows[r], 0));
            ps_estimate s = sweep_size(cell_of(&w->rows[r], id), k);
            svg_whisker(c, svg_px(&p2, i + 0.5) + dx, svg_py(&p2, s.lo), svg_py(&p2, s.hi));
            ps_strbuf_printf(b, "<circle class=\"s%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>\n", k, svg_px(&p2, i + 0.5) + dx, svg_py(&p2, s.value));
          }
          ps_strbuf_puts(b, "</g>\n");
          snprintf(g, sizeof g, "P ≤ %s", html_alpha_text(alphas[k], a, sizeof a));
          char cls[24];
          snprintf(cls, sizeof cls, "series s%d", k);
          svg_legend_item(c, 68 + 100.0 * k, 60, cls, 0, g);
        }
      } else if (nalphas) {
        ps_strbuf_puts(b, "<g class=\"whisker\">\n");
        for (long r = 0; r < w->nrows; r++) {
          const ps_sweep_row *row = &w->rows[r];
          ps_estimate s = sweep_size(cell_of(row, id), strict);
          int i = index_of(v0, n0, value_of(w, row, 0)), j = index_of(v1, n1, value_of(w, row, 1));
          double cx = svg_px(&p2, i + 0.5) - gw / 2 + (j + 0.5) * bw, y0 = svg_py(&p2, fmax(s.value, 0)), y1 = svg_py(&p2, fmin(s.value, 0));
          ps_strbuf_printf(b, "<rect class=\"g%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", j % 8, cx - bw * 0.42, y0,
             bw * 0.84, fmax(y1 - y0, 0));
          svg_whisker(c, cx, svg_py(&p2, s.lo), svg_py(&p2, s.hi));
        }
        ps_strbuf_puts(b, "</g>\n");
      }
      svg_panel_close(c);
    }
    svg_chart_close(c, nkeys == 1 ? (char *)TR(c, "上图：各取值下的耗尽概率（须线为95% Wilson置信区间，虚线为目标α）；下图：各目标α所需初始规模（须线为95%置信区间）。横轴各取值等距排列。",
                                         "Top: the probability of depletion at each value (whiskers: 95% Wilson interval; dashed lines: the targets α). "
                                         "Bottom: the initial balance needed for each target, with its 95% interval. The values are evenly spaced on the x axis.")
                              : (char *)TR(c, "横轴为第一个参数的取值，颜色区分第二个参数的取值；须线为95%置信区间。",
                                         "The first input's values along the x axis, the second's as colours; whiskers: 95% intervals."));
  }

  /* the table */
  ps_strbuf_printf(b, "<h2>%s</h2>\n<table class=\"wide\">\n<thead><tr>", TR(c, "数据", "Numbers"));
  for (int k = 0; k < nkeys; k++) {
    ps_strbuf_puts(b, "<th><code>");
    html_esc(b, k ? key1 : key0);
    ps_strbuf_puts(b, "</code></th>");
  }
  html_th(c, TR(c, "资金池", "pool"));
  html_th(c, TR(c, "耗尽概率", "P(depletion)"));
  html_th(c, TR(c, "95%置信区间", "95% CI"));
  html_th(c, TR(c, "净支出均值", "net outlay, mean"));
  html_th(c, TR(c, "净支出95%分位", "net outlay, p95"));
  for (int k = 0; k < nalphas; k++) {
    snprintf(g, sizeof g, TR(c, "P ≤ %s 所需初始规模", "size for P ≤ %s"), html_alpha_text(alphas[k], a, sizeof a));
    html_th(c, g);
  }
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  for (long r = 0; r < w->nrows; r++) {
    const ps_sweep_row *row = &w->rows[r];
    for (int q = 0; q < row->npools; q++) { /* NOLINT(clang-analyzer-core.NullDereference): rows holds nrows rows */
      const ps_sweep_cell *pool = &row->pools[q];
      ps_strbuf_puts(b, "<tr>");
      for (int k = 0; k < nkeys; k++) html_tdn(c, value_of(w, row, k));
      html_td(c, pool->id);
      ps_estimate ep = cell_prob(pool);
      html_tdn(c, html_pct(ep.value, a, sizeof a));
      ps_strbuf_printf(b, "<td class=\"num\">%s – %s</td>", html_pct(ep.lo, d, sizeof d), html_pct(ep.hi, e, sizeof e));
      html_tdn(c, html_money(html_finite(pool->net_outlay_mean), a, sizeof a));
      html_tdn(c, html_money(html_finite(pool->net_outlay_p95), a, sizeof a));
      for (int k = 0; k < nalphas; k++) {
        ps_estimate s = sweep_size(pool, k);
        ps_strbuf_printf(b, "<td class=\"num\">%s<br><span class=\"ci-text\">%s – %s</span></td>", html_money(s.value, a, sizeof a), html_money(s.lo, d, sizeof d),
           html_money(s.hi, e, sizeof e));
      }
      ps_strbuf_puts(b, "</tr>\n");
    }
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  free(v0);
  free(v1);
  sweep_parties(c, w);
  ps_strbuf extra = {0};
  for (int k = 0; k < nkeys; k++) {
    ps_strbuf_printf(&extra, "<dt>%s %d</dt><dd><code>", TR(c, "参数", "input"), k + 1);
    html_esc(&extra, k ? key1 : key0);
    ps_strbuf_puts(&extra, "</code></dd>\n");
  }
  if (extra.oom) b->oom = 1;
  html_study_close(c, &w->scenario, NULL, extra.oom ? NULL : extra.s);
  free(extra.s);
}

/* ps_report_sweep_html — the sweep's page as a string to free(), NULL when out of memory */
char *ps_report_sweep_html(const ps_sweep *s, const char *lang) {
  html_ctx c = {0};
  html_study_lang(&c, lang, s->scenario.name);
  sweep_page(&c, s);
  return html_study_done(&c);
}
