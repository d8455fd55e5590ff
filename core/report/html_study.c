/* html_study.c — the study pages (compare, tornado, max_volume; the sweep is
** html_study_sweep.c) and what they share, drawn from the studies' values
** (stats/study.h): the same numbers the JSON documents print. A number that is
** not finite shows as 0. Charts are stacked panels in one svg. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html_study.h"
#include "report/svg.h"

/* html_shorten — at most max bytes of s (whole UTF-8 characters), "…" when cut; s itself when short enough, else buf */
const char *html_shorten(const char *s, size_t max, char *buf, size_t n) {
  size_t len = strlen(s);
  if (len <= max || n < 8) return s;
  size_t k = max < n - 4 ? max : n - 4;
  while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80) k--;
  memcpy(buf, s, k);
  memcpy(buf + k, "…", 4);
  return buf;
}

/* html_study_lang — the page's language: lang ("zh" or "en"), or zh when name has Chinese (lang NULL) */
void html_study_lang(html_ctx *c, const char *lang, const char *name) {
  c->zh = lang ? strcmp(lang, "zh") == 0 : html_has_cjk(name);
}

/* html_study_done — the page built in c, to free(); NULL when memory ran out */
char *html_study_done(html_ctx *c) {
  if (c->b.oom) {
    free(c->b.s);
    return NULL;
  }
  return c->b.s;
}

/* html_study_estimate — e with each number not finite as 0 */
ps_estimate html_study_estimate(const ps_estimate *e) {
  return (ps_estimate){html_finite(e->value), html_finite(e->lo), html_finite(e->hi)};
}

/* a signed difference of money or of probability points */
static const char *money_signed(double yuan, char *buf, size_t n) {
  char a[56];
  html_money(fabs(yuan), a, sizeof a);
  snprintf(buf, n, "%s%s", yuan < 0 && fabs(yuan) >= 500 ? "−" : yuan >= 500 ? "+" : "", a);
  return buf;
}
static const char *points_signed(double p, char *buf, size_t n) {
  snprintf(buf, n, "%+.2f", 100 * html_finite(p));
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

/* html_study_open — a study page's head, stylesheet and title: "name — heading" (name may be "") */
void html_study_open(html_ctx *c, const char *name, const char *heading) {
  ps_strbuf *b = &c->b;
  ps_strbuf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", c->zh ? "zh-CN" : "en");
  ps_strbuf_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  ps_strbuf_printf(b, "<meta name=\"generator\" content=\"poolsim %s\">\n<title>", PS_VERSION);
  if (*name) {
    html_esc(b, name);
    ps_strbuf_puts(b, " — ");
  }
  html_esc(b, heading);
  ps_strbuf_printf(b, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n<header>\n<h1>", html_css, study_css);
  html_esc(b, heading);
  ps_strbuf_puts(b, "</h1>\n");
}

/* html_study_sub — the line under the title: scenario, then extra (already HTML), and the note on units */
void html_study_sub(html_ctx *c, const char *name, const char *extra) {
  ps_strbuf_puts(&c->b, "<p class=\"sub\">");
  if (*name) {
    html_esc(&c->b, name);
    ps_strbuf_puts(&c->b, " · ");
  }
  if (extra && *extra) ps_strbuf_printf(&c->b, "%s · ", extra);
  ps_strbuf_printf(&c->b, "poolsim %s</p>\n", PS_VERSION);
  ps_strbuf_puts(&c->b, TR(c, "<p class=\"note-box\">金额单位为万元、亿元；概率附95%置信区间。所有数字均为蒙特卡洛模拟估计，各次运行使用相同的随机种子和路径（共同随机数）。</p>\n</header>\n",
                "<p class=\"note-box\">Amounts in 万元 (10,000 yuan) and 亿元 (100 million yuan). Probabilities with 95% "
                "confidence intervals. All figures are Monte Carlo estimates; every run uses the same seed and paths "
                "(common random numbers).</p>\n</header>\n"));
}

static void audit_scenario(html_ctx *c, const char *label, const ps_study_scenario *s) {
  if (!s) return;
  ps_strbuf_printf(&c->b, "<dt>%s</dt><dd>", label);
  html_esc(&c->b, s->name);
  ps_strbuf_puts(&c->b, "<br><code>");
  html_esc(&c->b, s->file);
  ps_strbuf_puts(&c->b, "</code><br>SHA-256 <code>");
  html_esc(&c->b, s->sha256);
  ps_strbuf_puts(&c->b, "</code>");
  if (s->importance)
    ps_strbuf_printf(&c->b, TR(c, "<br>尾部抽样（系统因子的重要性抽样，各次运行的路径权重相同）：有效路径 %.0f 条（共 %ld 条）",
                               "<br>tail sampling (importance sampling of the systemic factor, each path weighted alike "
                               "in every run): %.0f effective paths of %ld"),
                     s->effective_paths, s->paths);
  ps_strbuf_puts(&c->b, "</dd>\n");
}

/* html_study_close — the audit block (software, the scenarios sa and sb (may be NULL), extra already HTML) and the end of the page */
void html_study_close(html_ctx *c, const ps_study_scenario *sa, const ps_study_scenario *sb, const char *extra) {
  ps_strbuf_printf(&c->b, "<h2>%s</h2>\n<dl class=\"audit\">\n", TR(c, "审计信息", "Audit"));
  ps_strbuf_puts(&c->b, "<dt>");
  ps_strbuf_puts(&c->b, TR(c, "软件版本", "software"));
  ps_strbuf_puts(&c->b, "</dt><dd>poolsim ");
  html_esc(&c->b, PS_VERSION);
  ps_strbuf_printf(&c->b, TR(c, "（JSON 格式 %g）", " (JSON schema %g)"), (double)PS_JSON_SCHEMA);
  ps_strbuf_puts(&c->b, "</dd>\n");
  audit_scenario(c, sb ? TR(c, "情景 A", "scenario A") : TR(c, "情景", "scenario"), sa);
  audit_scenario(c, TR(c, "情景 B", "scenario B"), sb);
  if (extra) ps_strbuf_puts(&c->b, extra);
  ps_strbuf_puts(&c->b, "</dl>\n</body>\n</html>\n");
}


/* ---- tornado --------------------------------------------------------------- */

/* the parties' figures of each key moved down and up (by: the step as text) */
static void tornado_parties(html_ctx *c, const ps_tornado *t, const char *by) {
  const char **keys = malloc((size_t)(t->nkeys > 0 ? t->nkeys : 1) * sizeof *keys);
  const ps_difference **d = malloc((size_t)(t->nkeys > 0 ? t->nkeys : 1) * sizeof(const ps_difference *));
  if (!keys || !d) c->b.oom = 1;
  else {
    for (int k = 0; k < t->nkeys; k++) {
      keys[k] = t->keys[k].key;
      d[k] = t->keys[k].parties;
    }
    char lo[48], hi[48];
    snprintf(lo, sizeof lo, "−%s", by);
    snprintf(hi, sizeof hi, "+%s", by);
    html_study_parties(c, &t->figures, t->nkeys, TR(c, "参数", "input"), keys, d, lo, hi, TR(c, "摆幅", "swing"));
  }
  free(keys);
  free((void *)d);
}

/* a sentence per share the tornado moved: who balanced it, and whether it was clipped */
static void tornado_partners(html_ctx *c, const ps_tornado *t) {
  ps_strbuf *b = &c->b;
  for (int k = 0; k < t->nkeys; k++) {
    const ps_tornado_bar *key = &t->keys[k];
    if (!key->partner) continue;
    ps_strbuf_puts(b, "<p class=\"note\"><code>");
    html_esc(b, key->key);
    ps_strbuf_puts(b, "</code>: ");
    html_esc(b, strrchr(key->partner, '.') + 1);
    ps_strbuf_printf(b, key->partner_rest ? TR(c, " 承担其余部分，因此与之平衡：低值 %.6g 时为 %.6g，高值 %.6g 时为 %.6g",
                                                " takes the rest and so balances it: %.6g at the low value %.6g, %.6g at the high %.6g")
                                          : TR(c, " 与之平衡：低值 %.6g 时为 %.6g，高值 %.6g 时为 %.6g",
                                                " balances it: %.6g at the low value %.6g, %.6g at the high %.6g"),
                     key->partner_low, key->low, key->partner_high, key->high);
    if (key->clipped)
      ps_strbuf_puts(b, TR(c, "（已截取到其他分担比例留下的空间，在 [0, 1] 之内）", " (clipped to the room the other shares leave, within [0, 1])"));
    ps_strbuf_puts(b, TR(c, "。</p>\n", ".</p>\n"));
  }
}

static void tornado_page(html_ctx *c, const ps_tornado *t) {
  ps_strbuf *b = &c->b;
  const char *name = t->scenario.name;
  double by = html_finite(t->by);
  int nkeys = t->nkeys, npools = t->npools;
  char a[64], d[64], e[64], f[64], g[96], byt[32];
  snprintf(byt, sizeof byt, "%g%%", 100 * by);
  html_study_open(c, name, TR(c, "敏感性分析（龙卷风图）", "Sensitivity (tornado)"));
  snprintf(g, sizeof g, TR(c, "每个参数在情景取值基础上 −%s / +%s", "each input moved −%s / +%s from the scenario's value"), byt, byt);
  {
    ps_strbuf tmp = {0};
    html_esc(&tmp, g);
    html_study_sub(c, name, tmp.oom ? "" : tmp.s);
    if (tmp.oom) b->oom = 1;
    free(tmp.s);
  }
  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "结论", "The answer"));
  for (int q = 0; q < npools; q++) {
    const char *id = t->pools[q];
    ps_strbuf_puts(b, "<p class=\"answer\">");
    ps_strbuf_printf(b, "%s <b>", TR(c, "资金池", "Pool"));
    html_esc(b, id);
    ps_strbuf_printf(b, TR(c, "</b>：基准情景下净支出的95%%分位数为 <b>%s</b>（耗尽概率 %s）。", "</b>: in the scenario as given, the 95th percentile of the net outlay is <b>%s</b> (P(depletion) %s)."),
       html_money(html_finite(t->base[q].p95), a, sizeof a), html_pct(html_finite(t->base[q].depletion), d, sizeof d));
    /* the key with the largest and the smallest swing for this pool */
    int kmax = -1, kmin = -1;
    double smax = -1, smin = INFINITY;
    for (int k = 0; k < nkeys; k++) {
      double s = fabs(html_finite(t->keys[k].hi[q].p95) - html_finite(t->keys[k].lo[q].p95));
      if (s > smax) smax = s, kmax = k;
      if (s < smin) smin = s, kmin = k;
    }
    if (kmax >= 0) {
      const ps_tornado_bar *row = &t->keys[kmax];
      const ps_tornado_point *lo = &row->lo[q], *hi = &row->hi[q];
      ps_strbuf_puts(b, TR(c, "影响最大的是 <code>", " It moves most with <code>"));
      html_esc(b, row->key);
      ps_strbuf_printf(b, TR(c, "</code>：取 %g（−%s）时为 %s，取 %g（+%s）时为 %s，相差 %s。", "</code>: at %g (−%s) it is %s, at %g (+%s) %s, a swing of %s."),
         html_finite(row->low), byt, html_money(html_finite(lo->p95), a, sizeof a), html_finite(row->high),
         byt, html_money(html_finite(hi->p95), d, sizeof d), html_money(smax, e, sizeof e));
    }
    if (kmin >= 0 && kmin != kmax) {
      ps_strbuf_puts(b, TR(c, "影响最小的是 <code>", " It moves least with <code>"));
      html_esc(b, t->keys[kmin].key);
      ps_strbuf_printf(b, TR(c, "</code>（相差 %s）。", "</code> (a swing of %s)."), html_money(smin, f, sizeof f));
    }
    ps_strbuf_puts(b, "</p>\n");
  }
  tornado_partners(c, t);

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
      labels[k] = html_shorten(t->keys[k].key, 40, short_keys[k], sizeof short_keys[k]);
      longest = strlen(labels[k]) > longest ? strlen(labels[k]) : longest;
    }
    double left = fmin(fmax(40 + 6.4 * (double)longest, 100), 320);
    double h = fmax(SVG_CH, 70 + 48 + 26.0 * nkeys);
    char title[256];
    snprintf(title, sizeof title, TR(c, "各参数 −%s / +%s 时净支出95%%分位数的变化", "95th percentile of the net outlay with each input at −%s and +%s"), byt, byt);
    svg_chart_open_h(c, title, h * npools);
    for (int q = 0; q < npools; q++) {
      const char *id = t->pools[q];
      double bv = html_finite(t->base[q].p95), lo = bv, hi = bv;
      for (int k = 0; k < nkeys; k++) {
        double l = html_finite(t->keys[k].lo[q].p95);
        double u2 = html_finite(t->keys[k].hi[q].p95);
        lo = fmin(lo, fmin(l, u2));
        hi = fmax(hi, fmax(l, u2));
      }
      double pad = fmax((hi - lo) * 0.08, fmax(fabs(bv) * 0.02, 1e4));
      svg_unit u = svg_unit_for(fmax(fabs(lo - pad), fabs(hi + pad)));
      svg_plot p = {.left = left, .right = 40, .top = 70, .bottom = 48, .ch = h, .y0 = 0, .y1 = nkeys};
      p.x0 = (lo - pad) / u.div;
      p.x1 = (hi + pad) / u.div;
      double xs = svg_nice_range(&p.x0, &p.x1, 6) * u.div;
      p.x0 *= u.div;
      p.x1 *= u.div;
      snprintf(g, sizeof g, "%s %s", TR(c, "资金池", "Pool"), id);
      svg_panel_open(c, 0, h * q, g);
      snprintf(g, sizeof g, TR(c, "净支出95%%分位数（%s）", "95th percentile of the net outlay (%s)"), TR(c, u.zh, u.en));
      svg_axis_spec as = {.xstep = xs, .xdiv = u.div, .xdec = svg_step_decimals(xs / u.div), .ycat = nkeys, .ylabels = labels};
      svg_axes(c, &p, &as, g, TR(c, "参数", "input"));
      double slot = (svg_py(&p, 0) - svg_py(&p, nkeys)) / nkeys, bh = fmin(slot * 0.36, 14);
      for (int k = 0; k < nkeys; k++) {
        const ps_tornado_bar *row = &t->keys[k];
        double cy = svg_py(&p, nkeys - k - 0.5);
        for (int side = 0; side < 2; side++) {
          double v = html_finite(side ? row->hi[q].p95 : row->lo[q].p95);
          double x0 = svg_px(&p, fmin(v, bv)), x1 = svg_px(&p, fmax(v, bv)), y = side ? cy : cy - bh;
          ps_strbuf_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", side ? "hi" : "lo", x0, y,
             fmax(x1 - x0, 1), bh);
          int right = v >= bv;
          snprintf(a, sizeof a, "%g", html_finite(side ? row->high : row->low));
          ps_strbuf_printf(b, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n",
             right ? fmax(x1, svg_px(&p, bv)) + 4 : x0 - 4, y + bh - 3, right ? "start" : "end", a);
        }
      }
      ps_strbuf_printf(b, "<line class=\"base\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, bv), svg_py(&p, 0), svg_px(&p, bv),
         svg_py(&p, nkeys));
      snprintf(g, sizeof g, "−%s", byt);
      svg_legend_item(c, left, 60, "lo", 1, g);
      snprintf(g, sizeof g, "+%s", byt);
      svg_legend_item(c, left + 90, 60, "hi", 1, g);
      snprintf(g, sizeof g, TR(c, "基准 %s", "base %s"), html_money(bv, a, sizeof a));
      svg_legend_item(c, left + 180, 60, "base", 0, g);
      svg_panel_close(c);
    }
    free(labels);
    free(short_keys);
    svg_chart_close(c, (char *)TR(c, "每行一个参数，按净支出95%分位数的变动幅度从大到小排列；浅色条为参数下调后的结果，深色条为上调后的结果，竖线为基准情景；条端数字为参数取值。",
                              "One row per input, largest swing of the 95th percentile first; the light bar is the input moved down, the dark bar moved up, the vertical line the scenario as given; numbers at the bar ends are the input's values."));
  }

  /* the table */
  ps_strbuf_printf(b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "数据", "Numbers"));
  html_th(c, TR(c, "参数", "input"));
  html_th(c, TR(c, "资金池", "pool"));
  html_th(c, TR(c, "基准取值", "base value"));
  html_th(c, TR(c, "基准95%分位", "base p95"));
  snprintf(g, sizeof g, TR(c, "−%s 取值", "−%s value"), byt);
  html_th(c, g);
  html_th(c, TR(c, "95%分位", "p95"));
  html_th(c, TR(c, "耗尽概率", "P(depletion)"));
  snprintf(g, sizeof g, TR(c, "+%s 取值", "+%s value"), byt);
  html_th(c, g);
  html_th(c, TR(c, "95%分位", "p95"));
  html_th(c, TR(c, "耗尽概率", "P(depletion)"));
  html_th(c, TR(c, "变动幅度", "swing"));
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  for (int k = 0; k < nkeys; k++) {
    const ps_tornado_bar *row = &t->keys[k];
    for (int q = 0; q < npools; q++) {
      const ps_tornado_point *lo = &row->lo[q], *hi = &row->hi[q];
      ps_strbuf_puts(b, "<tr><td><code>");
      html_esc(b, row->key);
      ps_strbuf_puts(b, "</code></td>");
      html_td(c, t->pools[q]);
      snprintf(a, sizeof a, "%g", html_finite(row->base));
      html_tdn(c, a);
      html_tdn(c, html_money(html_finite(t->base[q].p95), a, sizeof a));
      snprintf(a, sizeof a, "%g", html_finite(row->low));
      html_tdn(c, a);
      html_tdn(c, html_money(html_finite(lo->p95), a, sizeof a));
      html_tdn(c, html_pct(html_finite(lo->depletion), a, sizeof a));
      snprintf(a, sizeof a, "%g", html_finite(row->high));
      html_tdn(c, a);
      html_tdn(c, html_money(html_finite(hi->p95), a, sizeof a));
      html_tdn(c, html_pct(html_finite(hi->depletion), a, sizeof a));
      html_tdn(c, html_money(fabs(html_finite(hi->p95) - html_finite(lo->p95)), a, sizeof a));
      ps_strbuf_puts(b, "</tr>\n");
    }
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  ps_strbuf_printf(b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "整数参数（笔数、时滞）取整后再计算。各行使用相同的随机种子和路径，差异来自参数本身而非抽样噪声。",
        "A whole-number input (a count, a lag) moves to whole numbers. Every row uses the same seed and paths, so the "
        "differences come from the input, not from sampling noise."));
  tornado_parties(c, t, byt);
  char extra[160];
  snprintf(extra, sizeof extra, "<dt>%s</dt><dd>−%s / +%s</dd>\n", TR(c, "变动幅度", "moved by"), byt, byt);
  html_study_close(c, &t->scenario, NULL, extra);
}


/* ---- compare --------------------------------------------------------------- */

/* A and B as two bars, the B - A interval as a whisker on B (A + ci), A's level dashed */
static void ab_panel(html_ctx *c, double ox, double oy, const char *title, const ps_difference *diff, int money_units,
                     const char *an, const char *bn) {
  ps_strbuf *b = &c->b;
  double va = html_finite(diff->a), vb = html_finite(diff->b), dm = html_finite(diff->diff);
  double lo = html_finite(diff->lo), hi = html_finite(diff->hi);
  double wlo = va + lo, whi = va + hi;
  svg_plot p = {.left = 68, .right = SVG_CW / 2 + 16, .top = 70, .bottom = 48, .x0 = 0, .x1 = 2};
  svg_unit u = {1, "", ""};
  double ys;
  if (money_units) ys = svg_money_range(&p, fmin(0, fmin(fmin(va, vb), wlo)), fmax(0, fmax(fmax(va, vb), whi)) * 1.1, &u);
  else ys = svg_prob_range(&p, fmax(fmax(va, vb), whi));
  double k = money_units ? 1 : 100; /* data to y units */
  svg_panel_open(c, ox, oy, title);
  const char *labels[2] = {an, bn};
  char yt[96], a[64], d[64], e[64], g[256];
  if (money_units) snprintf(yt, sizeof yt, TR(c, "净支出均值（%s）", "mean net outlay (%s)"), u.zh);
  else snprintf(yt, sizeof yt, "%s", TR(c, "耗尽概率（%）", "probability of depletion (%)"));
  svg_axis_spec as = {.xcat = 2, .xcat_every = 1, .xlabels = labels, .ystep = ys, .ydiv = money_units ? u.div : 1,
                  .ydec = svg_step_decimals(money_units ? ys / u.div : ys), .ysuffix = money_units ? NULL : "%"};
  svg_axes(c, &p, &as, TR(c, "情景", "scenario"), yt);
  double w = (svg_px(&p, 1) - svg_px(&p, 0)) * 0.5;
  for (int i = 0; i < 2; i++) {
    double v = k * (i ? vb : va), y0 = svg_py(&p, fmax(v, 0)), y1 = svg_py(&p, fmin(v, 0));
    ps_strbuf_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", i ? "b" : "a", svg_px(&p, i + 0.5) - w / 2,
       y0, w, fmax(y1 - y0, 0));
  }
  ps_strbuf_printf(b, "<line class=\"level\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, 0.5) - w / 2, svg_py(&p, k * va),
     svg_px(&p, 1.5) + w / 2, svg_py(&p, k * va));
  ps_strbuf_puts(b, "<g class=\"whisker\">\n");
  svg_whisker(c, svg_px(&p, 1.5), svg_py(&p, k * wlo), svg_py(&p, k * whi));
  ps_strbuf_puts(b, "</g>\n");
  if (money_units)
    snprintf(g, sizeof g, "B − A %s (%s … %s)", money_signed(dm, a, sizeof a), money_signed(lo, d, sizeof d),
             money_signed(hi, e, sizeof e));
  else
    snprintf(g, sizeof g, TR(c, "B − A %s 个百分点（%s … %s）", "B − A %s points (%s … %s)"), points_signed(dm, a, sizeof a),
             points_signed(lo, d, sizeof d), points_signed(hi, e, sizeof e));
  ps_strbuf_printf(b, "<text class=\"note\" x=\"%.1f\" y=\"60\">", p.left);
  html_esc(b, g);
  ps_strbuf_puts(b, "</text>\n");
  svg_panel_close(c);
}

static void compare_page(html_ctx *c, const ps_compare *cmp) {
  ps_strbuf *b = &c->b;
  const char *an = cmp->a.name, *bn = cmp->b.name;
  double paths = html_finite((double)cmp->paths), seed = html_finite((double)cmp->seed);
  char a[64], d[64], e[64], f[64], g[256], la[48], lb[48];
  snprintf(g, sizeof g, "A: %s · B: %s", an, bn);
  html_study_open(c, "", TR(c, "方案比较：B 与 A", "Comparison: B against A"));
  {
    ps_strbuf tmp = {0};
    ps_strbuf_puts(&tmp, "A <b>");
    html_esc(&tmp, an);
    ps_strbuf_puts(&tmp, "</b> · B <b>");
    html_esc(&tmp, bn);
    ps_strbuf_printf(&tmp, TR(c, "</b> · 每个方案 %.0f 条路径 · 随机种子 %.0f", "</b> · %.0f paths each · seed %.0f"), paths, seed);
    html_study_sub(c, "", tmp.oom ? "" : tmp.s);
    if (tmp.oom) b->oom = 1;
    free(tmp.s);
  }
  ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "结论", "The answer"));
  if (cmp->npools == 0) html_study_parties_answer(c, &cmp->figures, cmp->parties, "A", "B");
  for (int q = 0; q < cmp->npools; q++) {
    const ps_compare_entry *pool = &cmp->pools[q];
    const char *id = pool->id;
    const ps_difference *dep = &pool->depletion, *out = &pool->net_outlay_mean;
    double dlo = html_finite(dep->lo), dhi = html_finite(dep->hi), olo = html_finite(out->lo), ohi = html_finite(out->hi);
    ps_strbuf_puts(b, "<p class=\"answer\">");
    ps_strbuf_printf(b, "%s <b>", TR(c, "资金池", "Pool"));
    html_esc(b, id);
    ps_strbuf_printf(b, TR(c, "</b>：B 相对 A，耗尽概率变化 <b>%s 个百分点</b>（%s → %s，95%%置信区间 %s … %s）", "</b>: from A to B the probability of depletion changes by <b>%s points</b> (%s → %s; 95%% CI %s … %s)"),
       points_signed(dep->diff, a, sizeof a), html_pct(html_finite(dep->a), d, sizeof d), html_pct(html_finite(dep->b), e, sizeof e),
       points_signed(dlo, f, sizeof f), points_signed(dhi, g, sizeof g));
    ps_strbuf_puts(b, dlo > 0 || dhi < 0 ? TR(c, "，差异显著", ", a real difference at this number of paths")
                              : TR(c, "，在模拟误差范围内", ", within the Monte Carlo error"));
    ps_strbuf_printf(b, TR(c, "；净支出均值变化 <b>%s</b>（95%%置信区间 %s … %s）", "; the mean net outlay changes by <b>%s</b> (95%% CI %s … %s)"),
       money_signed(html_finite(out->diff), a, sizeof a), money_signed(olo, d, sizeof d), money_signed(ohi, e, sizeof e));
    for (int k = 0; k < cmp->nalphas; k++) {
      ps_strbuf_printf(b, TR(c, "；耗尽概率不超过 %s，A 需 %s、B 需 <b>%s</b>", "; for P ≤ %s, A needs %s and B <b>%s</b>"),
         html_alpha_text(html_finite(cmp->alphas[k]), f, sizeof f), html_money(html_finite(pool->size_a[k].value), a, sizeof a),
         html_money(html_finite(pool->size_b[k].value), d, sizeof d));
    }
    ps_strbuf_puts(b, TR(c, "。</p>\n", ".</p>\n"));
  }

  int npools = cmp->npools;
  if (npools > 0) {
    ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "图表", "Chart"));
    html_shorten(an, 24, la, sizeof la);
    html_shorten(bn, 24, lb, sizeof lb);
    char title[256], xa[64], xb[64];
    snprintf(xa, sizeof xa, "A %s", strlen(an) <= 24 ? an : la);
    snprintf(xb, sizeof xb, "B %s", strlen(bn) <= 24 ? bn : lb);
    snprintf(title, sizeof title, "%s", TR(c, "A 与 B：耗尽概率、净支出与所需初始规模", "A and B: depletion, net outlay and the size needed"));
    svg_chart_open_h(c, title, 2 * SVG_CH * npools);
    int q = 0;
    for (int i = 0; i < npools; i++) {
      const ps_compare_entry *pool = &cmp->pools[i];
      const char *id = pool->id;
      snprintf(g, sizeof g, TR(c, "资金池 %s：耗尽概率", "Pool %s: probability of depletion"), id);
      ab_panel(c, 0, SVG_CH * q, g, &pool->depletion, 0, xa, xb);
      snprintf(g, sizeof g, TR(c, "资金池 %s：净支出均值", "Pool %s: mean net outlay"), id);
      ab_panel(c, SVG_CW / 2, SVG_CH * q, g, &pool->net_outlay_mean, 1, xa, xb);
      q++;
      /* sizes per alpha, A and B side by side with their intervals */
      int na = cmp->nalphas;
      double lo = 0, hi = 0;
      for (int k = 0; k < na; k++) {
        lo = fmin(lo, html_finite(pool->size_a[k].lo)), hi = fmax(hi, html_finite(pool->size_a[k].hi));
        lo = fmin(lo, html_finite(pool->size_b[k].lo)), hi = fmax(hi, html_finite(pool->size_b[k].hi));
      }
      svg_plot p = {.left = 68, .right = 62, .top = 70, .bottom = 48, .x0 = 0, .x1 = na > 0 ? na : 1};
      svg_unit u;
      double ys = svg_money_range(&p, lo, hi * 1.1, &u);
      snprintf(g, sizeof g, TR(c, "资金池 %s：各目标所需初始规模", "Pool %s: initial balance needed for each target"), id);
      svg_panel_open(c, 0, SVG_CH * q++, g);
      char labs[16][32];
      const char *labels[16];
      int nl = na < 16 ? na : 16;
      for (int k = 0; k < nl; k++) {
        char al[24];
        snprintf(labs[k], sizeof labs[k], "P ≤ %s", html_alpha_text(html_finite(cmp->alphas[k]), al, sizeof al));
        labels[k] = labs[k];
      }
      char yt[96];
      snprintf(yt, sizeof yt, TR(c, "所需初始规模（%s）", "initial balance needed (%s)"), u.zh);
      svg_axis_spec as = {.xcat = nl > 0 ? nl : 1, .xcat_every = 1, .xlabels = nl > 0 ? labels : NULL, .ystep = ys, .ydiv = u.div,
                      .ydec = svg_step_decimals(ys / u.div)};
      svg_axes(c, &p, &as, TR(c, "目标：耗尽概率", "target: probability of depletion"), yt);
      double w = fmin((svg_px(&p, 1) - svg_px(&p, 0)) * 0.3, 60);
      for (int k = 0; k < nl; k++) {
        for (int side = 0; side < 2; side++) {
          const ps_estimate *s = side ? &pool->size_b[k] : &pool->size_a[k];
          double v = html_finite(s->value), cx = svg_px(&p, k + 0.5) + (side ? 0.55 : -0.55) * w;
          double y0 = svg_py(&p, fmax(v, 0)), y1 = svg_py(&p, fmin(v, 0));
          ps_strbuf_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", side ? "b" : "a", cx - w / 2, y0, w,
             fmax(y1 - y0, 0));
          ps_strbuf_puts(b, "<g class=\"whisker\">\n");
          svg_whisker(c, cx, svg_py(&p, html_finite(s->lo)), svg_py(&p, html_finite(s->hi)));
          ps_strbuf_puts(b, "</g>\n");
        }
      }
      svg_legend_item(c, 68, 60, "a", 1, xa);
      svg_legend_item(c, 68 + 260, 60, "b", 1, xb);
      svg_panel_close(c);
    }
    svg_chart_close(c, (char *)TR(c, "上排：A（灰）与 B（蓝）的耗尽概率和净支出均值；B 上的须线为 A 加上配对差 B − A 的95%置信区间，虚线为 A 的水平。下排：各目标所需初始规模及其95%置信区间。",
                              "Top row: A (grey) and B (blue), probability of depletion and mean net outlay; the whisker on B is A plus the 95% "
                              "interval of the paired difference B − A, the dashed line A's level. Bottom: the initial balance each needs for each "
                              "target, with 95% intervals."));
  }

  ps_strbuf_printf(b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "数据", "Numbers"));
  html_th(c, TR(c, "资金池", "pool"));
  html_th(c, TR(c, "指标", "measure"));
  html_th(c, "A");
  html_th(c, "B");
  html_th(c, "B − A");
  html_th(c, TR(c, "95%置信区间", "95% CI"));
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < npools; i++) {
    const ps_compare_entry *pool = &cmp->pools[i];
    const char *id = pool->id;
    const ps_difference *dep = &pool->depletion, *out = &pool->net_outlay_mean;
    ps_strbuf_puts(b, "<tr>");
    html_td(c, id);
    html_td(c, TR(c, "耗尽概率", "P(depletion)"));
    html_tdn(c, html_pct(html_finite(dep->a), a, sizeof a));
    html_tdn(c, html_pct(html_finite(dep->b), a, sizeof a));
    snprintf(g, sizeof g, TR(c, "%s 个百分点", "%s points"), points_signed(dep->diff, a, sizeof a));
    html_tdn(c, g);
    ps_strbuf_printf(b, "<td class=\"num\">%s … %s</td></tr>\n", points_signed(dep->lo, d, sizeof d), points_signed(dep->hi, e, sizeof e));
    ps_strbuf_puts(b, "<tr>");
    html_td(c, id);
    html_td(c, TR(c, "净支出均值", "net outlay, mean"));
    html_tdn(c, html_money(html_finite(out->a), a, sizeof a));
    html_tdn(c, html_money(html_finite(out->b), a, sizeof a));
    html_tdn(c, money_signed(html_finite(out->diff), a, sizeof a));
    ps_strbuf_printf(b, "<td class=\"num\">%s … %s</td></tr>\n", money_signed(html_finite(out->lo), d, sizeof d),
                     money_signed(html_finite(out->hi), e, sizeof e));
    for (int k = 0; k < cmp->nalphas; k++) {
      const ps_estimate *sa = &pool->size_a[k], *sb = &pool->size_b[k];
      double va = html_finite(sa->value), vb = html_finite(sb->value);
      ps_strbuf_puts(b, "<tr>");
      html_td(c, id);
      snprintf(g, sizeof g, TR(c, "耗尽概率 ≤ %s 所需初始规模", "size for P ≤ %s"), html_alpha_text(html_finite(cmp->alphas[k]), f, sizeof f));
      html_td(c, g);
      ps_strbuf_printf(b, "<td class=\"num\">%s<br>%s – %s</td>", html_money(va, a, sizeof a), html_money(html_finite(sa->lo), d, sizeof d),
                       html_money(html_finite(sa->hi), e, sizeof e));
      ps_strbuf_printf(b, "<td class=\"num\">%s<br>%s – %s</td>", html_money(vb, a, sizeof a), html_money(html_finite(sb->lo), d, sizeof d),
                       html_money(html_finite(sb->hi), e, sizeof e));
      html_tdn(c, money_signed(vb - va, a, sizeof a));
      ps_strbuf_puts(b, "<td class=\"num\">—</td></tr>\n");
    }
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  ps_strbuf_printf(b, "<p class=\"note-box\">%s</p>\n",
     TR(c, "B − A 为同一路径上两方案之差的均值（共同随机数），其置信区间比两个独立估计之差窄。所需初始规模各自给出次序统计量置信区间，其差值不给区间。",
        "B − A is the mean over paths of the difference on the same path (common random numbers): its interval is narrower "
        "than that of two independent estimates. The sizes carry their own order-statistic intervals; their difference has none here."));
  char extra[160];
  snprintf(extra, sizeof extra, "<dt>%s</dt><dd>%.0f</dd>\n<dt>%s</dt><dd>%.0f</dd>\n", TR(c, "模拟路径数", "paths"),
           paths, TR(c, "随机种子", "seed"), seed);
  const ps_difference *parties = cmp->parties;
  html_study_parties(c, &cmp->figures, 1, NULL, NULL, &parties, "A", "B", "B − A");
  html_study_close(c, &cmp->a, &cmp->b, extra);
}

/* ---- max_volume -------------------------------------------------------------- */

/* the parties' figures at k = 1 and at each target's largest k */
static void volume_parties(html_ctx *c, const ps_volume *v) {
  int n = v->nrows > 0 ? v->nrows : 1;
  char (*text)[48] = malloc((size_t)n * sizeof *text);
  const char **rows = malloc((size_t)n * sizeof *rows);
  const ps_difference **d = malloc((size_t)n * sizeof(const ps_difference *));
  if (!text || !rows || !d) c->b.oom = 1;
  else {
    for (int k = 0; k < v->nrows; k++) {
      char a[24];
      snprintf(text[k], sizeof text[k], "P ≤ %s, k = %.2f", html_alpha_text(html_finite(v->rows[k].alpha), a, sizeof a),
               html_finite(v->rows[k].scale));
      rows[k] = text[k];
      d[k] = v->rows[k].parties;
    }
    html_study_parties(c, &v->figures, v->nrows, TR(c, "目标", "target"), rows, d, "k = 1", TR(c, "最大 k 处", "at the largest k"),
                       TR(c, "变化", "change"));
  }
  free(text);
  free((void *)rows);
  free((void *)d);
}

/* the binding limit's name in the table */
static const char *volume_binds_label(html_ctx *c, ps_volume_limit binds) {
  switch (binds) {
  case PS_VOLUME_LEVERAGE: return TR(c, "放大倍数", "leverage");
  case PS_VOLUME_GUARANTOR: return TR(c, "担保能力", "guarantor capacity");
  case PS_VOLUME_STOPPED: return TR(c, "停止放贷", "lending stopped");
  case PS_VOLUME_OTHER: return TR(c, "贷款不再增长", "lending flat");
  case PS_VOLUME_SEARCH: return TR(c, "搜索上限", "search limit");
  case PS_VOLUME_POOL: break;
  }
  return TR(c, "资金池", "the pool");
}

/* what binds before the pool, as a clause, nothing when the pool binds */
static void volume_limit(html_ctx *c, const ps_volume_row *row) {
  ps_strbuf *b = &c->b;
  char of[64], cap[64];
  switch (row->binds) {
  case PS_VOLUME_LEVERAGE:
  case PS_VOLUME_GUARANTOR: {
    int lev = row->binds == PS_VOLUME_LEVERAGE;
    ps_strbuf who = {0};
    html_esc(&who, lev ? row->programme : row->party);
    ps_strbuf_puts(&who, "\x1f");
    html_esc(&who, lev ? row->party : row->programme);
    if (who.oom) {
      b->oom = 1;
      break;
    }
    char *second = strchr(who.s, '\x1f');
    *second++ = 0;
    html_money(html_finite(row->of), of, sizeof of);
    html_money(html_finite(row->cap), cap, sizeof cap);
    if (lev)
      ps_strbuf_printf(b, TR(c, "项目 %s 的放大倍数（%s 安排的 %s，%g 倍）先于资金池形成约束：在保贷款不能超过 %s；",
                             "the leverage of programme %s (on %s's allocation of %s, %g×) binds before the pool: loans at risk cannot pass %s; "),
                       who.s, second, of, html_finite(row->multiple), cap);
    else
      ps_strbuf_printf(b, TR(c, "担保机构 %s（项目 %s）的担保能力（资本 %s，%g 倍）先于资金池形成约束：担保余额不能超过 %s；",
                             "the capacity of guarantor %s in programme %s (capital %s, %g×) binds before the pool: its guarantees cannot pass %s; "),
                       who.s, second, of, html_finite(row->multiple), cap);
    free(who.s);
    break;
  }
  case PS_VOLUME_STOPPED: ps_strbuf_puts(b, TR(c, "停止放贷的触发条件先于资金池形成约束；", "a trigger that stops lending binds before the pool; ")); break;
  case PS_VOLUME_OTHER: ps_strbuf_puts(b, TR(c, "贷款规模在资金池形成约束之前已不再增长；", "lending stops growing before the pool binds; ")); break;
  case PS_VOLUME_SEARCH: ps_strbuf_puts(b, TR(c, "直到搜索上限 k = 512 资金池仍未形成约束；", "the pool does not bind up to k = 512, where the search stops; ")); break;
  case PS_VOLUME_POOL: break;
  }
}

static void volume_page(html_ctx *c, const ps_volume *v) {
  ps_strbuf *b = &c->b;
  const char *name = v->scenario.name;
  char a[64], d[64], e[64], f[64], g[256];
  int n = v->nrows;
  double base = html_finite(v->base_lending); /* the scenario's covered lending (k = 1) */
  html_study_open(c, name, TR(c, "资金池可支持的最大贷款规模", "The largest lending the pool supports"));
  {
    ps_strbuf tmp = {0};
    ps_strbuf_printf(&tmp, TR(c, "情景中受保贷款规模 %s（k = 1）", "the scenario's covered lending %s (k = 1)"), html_money(base, a, sizeof a));
    html_study_sub(c, name, tmp.oom ? "" : tmp.s);
    if (tmp.oom) b->oom = 1;
    free(tmp.s);
  }
  ps_strbuf_printf(b, "<h2>%s</h2>\n<p class=\"answer\">", TR(c, "结论", "The answer"));
  ps_strbuf_printf(b, TR(c, "以资金池的初始规模，情景中受保贷款规模为 %s。", "With the pool's initial balance; the scenario's covered lending is %s."),
     html_money(base, a, sizeof a));
  for (int k = 0; k < n; k++) {
    const ps_volume_row *row = &v->rows[k];
    ps_estimate ep = html_study_estimate(&row->depletion);
    char y[64];
    ps_strbuf_printf(b, TR(c, "耗尽概率不超过 %s 时，", " To keep P(depletion) at or below %s, "),
                     html_alpha_text(html_finite(row->alpha), f, sizeof f));
    volume_limit(c, row);
    ps_strbuf_printf(b, TR(c, "贷款规模最多可达 <b>每期 %.1f 笔、每年 %s</b>（情景的 %.2f 倍，整个期间 %s；该规模下耗尽概率 %s，95%%置信区间 %s–%s）。",
             "lending can go up to <b>%.1f loans a period, %s a year</b> (%.2f× the scenario's, %s over the horizon; P(depletion) there %s, 95%% CI %s–%s)."),
       html_finite(row->loans_per_period), html_money(html_finite(row->lending_per_year), y, sizeof y), html_finite(row->scale),
       html_money(html_finite(row->lending), a, sizeof a), html_pct(ep.value, d, sizeof d), html_pct(ep.lo, e, sizeof e),
       html_pct(ep.hi, g, sizeof g));
  }
  ps_strbuf_puts(b, "</p>\n");
  if (n > 0) {
    ps_strbuf_printf(b, "<h2>%s</h2>\n", TR(c, "图表", "Chart"));
    double hi = base;
    for (int k = 0; k < n; k++) hi = fmax(hi, html_finite(v->rows[k].lending));
    svg_plot p = {.left = 68, .right = 62, .top = 70, .bottom = 48, .x0 = 0, .x1 = n};
    svg_unit u;
    double ys = svg_money_range(&p, 0, hi * 1.15, &u);
    svg_chart_open(c, TR(c, "各目标下可支持的贷款规模", "Lending supported at each target"));
    char (*labs)[32] = calloc((size_t)n, sizeof *labs);
    const char **labels = calloc((size_t)n, sizeof *labels);
    if (!labs || !labels) b->oom = 1;
    for (int k = 0; labs && labels && k < n; k++) {
      char al[24];
      snprintf(labs[k], sizeof labs[k], "P ≤ %s", html_alpha_text(html_finite(v->rows[k].alpha), al, sizeof al));
      labels[k] = labs[k];
    }
    char yt[96];
    snprintf(yt, sizeof yt, TR(c, "贷款规模（%s）", "lending (%s)"), u.zh);
    svg_axis_spec as = {.xcat = n, .xcat_every = 1, .xlabels = labs && labels ? labels : NULL, .ystep = ys, .ydiv = u.div,
                    .ydec = svg_step_decimals(ys / u.div)};
    svg_axes(c, &p, &as, TR(c, "目标：耗尽概率", "target: probability of depletion"), yt);
    double w = fmin((svg_px(&p, 1) - svg_px(&p, 0)) * 0.55, 90);
    ps_strbuf_puts(b, "<g class=\"bars\">\n");
    for (int k = 0; k < n; k++) {
      double l = html_finite(v->rows[k].lending);
      ps_strbuf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", svg_px(&p, k + 0.5) - w / 2, svg_py(&p, l), w,
         fmax(svg_py(&p, 0) - svg_py(&p, l), 0));
    }
    ps_strbuf_puts(b, "</g>\n");
    for (int k = 0; k < n; k++) {
      double l = html_finite(v->rows[k].lending);
      ps_strbuf_printf(b, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s · k = %.2f</text>\n", svg_px(&p, k + 0.5),
         svg_py(&p, l) - 5, html_money(l, a, sizeof a), html_finite(v->rows[k].scale));
    }
    if (base > 0) {
      ps_strbuf_printf(b, "<line class=\"level\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", svg_px(&p, 0), svg_py(&p, base), svg_px(&p, n),
         svg_py(&p, base));
      snprintf(g, sizeof g, TR(c, "情景规模 %s（k = 1）", "the scenario's %s (k = 1)"), html_money(base, a, sizeof a));
      svg_legend_item(c, 68, 44, "level", 0, g);
    }
    free(labs);
    free(labels);
    svg_chart_close(c, (char *)TR(c, "柱：耗尽概率不超过目标时可支持的最大贷款规模，即实际发放的贷款（受该资金池保障的各分组申请贷款按同一倍数k放大，二分搜索精确到1%；放大倍数或担保能力不足时未发放的贷款不计入）；虚线：情景中的规模。",
                              "Bars: the largest lending with P(depletion) at or below the target, as originated (every segment paying "
                              "into the pool wants k times its new loans; k found by bisection to 1%; loans declined for want of "
                              "leverage or guarantee capacity are not lent); dashed line: the scenario's lending."));
  }
  ps_strbuf_printf(b, "<h2>%s</h2>\n<table>\n<thead><tr>", TR(c, "数据", "Numbers"));
  html_th(c, TR(c, "目标：耗尽概率 ≤", "target: P(depletion) ≤"));
  html_th(c, TR(c, "倍数 k", "scale k"));
  html_th(c, TR(c, "贷款规模", "lending"));
  html_th(c, TR(c, "每期笔数", "loans a period"));
  html_th(c, TR(c, "每年贷款规模", "lending a year"));
  html_th(c, TR(c, "约束", "binds"));
  html_th(c, TR(c, "该规模下耗尽概率", "P(depletion) there"));
  html_th(c, TR(c, "95%置信区间", "95% CI"));
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  for (int k = 0; k < n; k++) {
    const ps_volume_row *row = &v->rows[k];
    ps_estimate ep = html_study_estimate(&row->depletion);
    ps_strbuf_puts(b, "<tr>");
    html_tdn(c, html_alpha_text(html_finite(row->alpha), a, sizeof a));
    snprintf(a, sizeof a, "%.2f", html_finite(row->scale));
    html_tdn(c, a);
    html_tdn(c, html_money(html_finite(row->lending), a, sizeof a));
    snprintf(a, sizeof a, "%.1f", html_finite(row->loans_per_period));
    html_tdn(c, a);
    html_tdn(c, html_money(html_finite(row->lending_per_year), a, sizeof a));
    html_td(c, volume_binds_label(c, row->binds));
    html_tdn(c, html_pct(ep.value, a, sizeof a));
    ps_strbuf_printf(b, "<td class=\"num\">%s – %s</td></tr>\n", html_pct(ep.lo, d, sizeof d), html_pct(ep.hi, e, sizeof e));
  }
  ps_strbuf_puts(b, "</tbody></table>\n");
  volume_parties(c, v);
  html_study_close(c, &v->scenario, NULL, NULL);
}

/* ps_report_<study>_html — the study's page as a string to free(), NULL when out of memory */
char *ps_report_compare_html(const ps_compare *cmp, const char *lang) {
  html_ctx c = {0};
  html_study_lang(&c, lang, cmp->a.name);
  compare_page(&c, cmp);
  return html_study_done(&c);
}

char *ps_report_tornado_html(const ps_tornado *t, const char *lang) {
  html_ctx c = {0};
  html_study_lang(&c, lang, t->scenario.name);
  tornado_page(&c, t);
  return html_study_done(&c);
}

char *ps_report_volume_html(const ps_volume *v, const char *lang) {
  html_ctx c = {0};
  html_study_lang(&c, lang, v->scenario.name);
  volume_page(&c, v);
  return html_study_done(&c);
}
