/* html_study_parties.c — the table of every party's figures on the study pages (stats/study.h
** ps_study_figures): a row per group (a sweep's row, a tornado's key, a target) and figure, with the
** reference value, the other value and their paired difference with its 95% interval. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/html_study.h"

static int is_money(const char *measure) { return strcmp(measure, "outlay") == 0 || strcmp(measure, "cost_pv") == 0; }

/* a value in the figure's units: money, or percent; a change signed, in money or points */
static const char *value_text(const char *measure, double v, char *buf, size_t n) {
  return is_money(measure) ? html_money(html_finite(v), buf, n) : html_pct(v, buf, n);
}
static const char *change_text(html_ctx *c, const char *measure, double v, char *buf, size_t n) {
  v = html_finite(v);
  if (is_money(measure)) {
    char a[56];
    html_money(fabs(v), a, sizeof a);
    snprintf(buf, n, "%s%s", v < 0 && fabs(v) >= 500 ? "−" : v >= 500 ? "+" : "", a);
  } else {
    snprintf(buf, n, TR(c, "%+.2f 个百分点", "%+.2f points"), 100 * v);
  }
  return buf;
}

/* html_study_parties — the table (nothing when f has no figure): heading, a column of group labels
** (group NULL: none, one group), then per figure the party, the measure, a, b, b − a and its interval */
void html_study_parties(html_ctx *c, const ps_study_figures *f, int ngroups, const char *group_head,
                        const char *const *group, const ps_difference *const *d, const char *head_a, const char *head_b,
                        const char *head_diff) {
  if (f->n == 0) return;
  ps_strbuf *b = &c->b;
  char s1[64], s2[64];
  ps_strbuf_printf(b, "<h2>%s</h2>\n<table class=\"wide\">\n<thead><tr>", TR(c, "各参与方", "Every party"));
  if (group) html_th(c, group_head);
  html_th(c, TR(c, "参与方", "party"));
  html_th(c, TR(c, "指标", "measure"));
  html_th(c, head_a);
  html_th(c, head_b);
  html_th(c, head_diff);
  html_th(c, TR(c, "95%置信区间", "95% CI"));
  ps_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
  for (int g = 0; g < ngroups; g++)
    for (int k = 0; k < f->n; k++) {
      const ps_difference *x = &d[g][k];
      const char *m = f->measure[k];
      ps_strbuf_puts(b, "<tr>");
      if (group) html_td(c, group[g]);
      html_td(c, f->party[k]);
      html_td(c, ps_measure_label(m, c->zh ? PS_LANG_ZH : PS_LANG_EN));
      html_tdn(c, value_text(m, x->a, s1, sizeof s1));
      html_tdn(c, value_text(m, x->b, s1, sizeof s1));
      html_tdn(c, change_text(c, m, x->diff, s1, sizeof s1));
      ps_strbuf_printf(b, "<td class=\"num\">%s", change_text(c, m, x->lo, s1, sizeof s1));
      ps_strbuf_printf(b, " … %s</td></tr>\n", change_text(c, m, x->hi, s2, sizeof s2));
    }
  ps_strbuf_puts(b, "</tbody></table>\n");
  ps_strbuf_printf(b, "<p class=\"note-box\">%s</p>\n",
                   TR(c, "政府：财政支出合计与按贴现率计算的成本现值；保险机构：赔付率均值；担保机构：代偿率均值；银行：不良率超出容忍度的概率。差值为同一路径上之差的均值（共同随机数）及其95%置信区间。",
                      "Governments: total outlay and the present value of their cost at the discount rate; insurers: mean "
                      "loss ratio; guarantors: mean payout rate; banks: the probability the NPL ratio passes their "
                      "tolerance. Each difference is the mean over paths of the difference on the same path (common "
                      "random numbers), with its 95% interval."));
}

/* html_study_parties_answer — see html_study.h */
void html_study_parties_answer(html_ctx *c, const ps_study_figures *f, const ps_difference *d, const char *name_a,
                               const char *name_b) {
  ps_strbuf *b = &c->b;
  char s1[64], s2[64], s3[64], s4[64], s5[64];
  for (int k = 0; k < f->n; k++) {
    const char *m = f->measure[k];
    const ps_difference *x = &d[k];
    ps_strbuf_puts(b, "<p class=\"answer\">");
    html_esc(b, f->party[k]);
    ps_strbuf_printf(b, TR(c, "，%s：%s %s，%s <b>%s</b>（差值 %s，95%%置信区间 %s … %s）。</p>\n",
                          ", %s: %s %s, %s <b>%s</b> (a change of %s, 95%% CI %s … %s).</p>\n"),
                     ps_measure_label(m, c->zh ? PS_LANG_ZH : PS_LANG_EN), name_a, value_text(m, x->a, s1, sizeof s1),
                     name_b, value_text(m, x->b, s2, sizeof s2), change_text(c, m, x->diff, s3, sizeof s3),
                     change_text(c, m, x->lo, s4, sizeof s4), change_text(c, m, x->hi, s5, sizeof s5));
  }
}
