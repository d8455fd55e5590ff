/* answer.c — the report's first sentence (report/answer.h). */
#include "report/answer.h"

#include <stdio.h>
#include <string.h>

#include "report/format.h"
#include "stats/sizing.h"

/* the horizon as an adjective: "two-year", "18-month"; zh "两年", "18个月" */
static const char *horizon(const ps_model *m, ps_lang L, char *buf, size_t n) {
  static const char *const en[] = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  static const char *const zh[] = {"", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"};
  int per_year = ps_periods_per_year(m->step);
  if (m->periods % per_year == 0) {
    int years = m->periods / per_year;
    if (years <= 10) snprintf(buf, n, L == PS_LANG_ZH ? "%s年" : "%s-year", L == PS_LANG_ZH ? zh[years] : en[years]);
    else snprintf(buf, n, L == PS_LANG_ZH ? "%d年" : "%d-year", years);
  } else if (L == PS_LANG_EN) {
    snprintf(buf, n, "%d-%s", m->periods, ps_label((ps_label_id)(PS_L_MONTH + m->step), L));
  } else {
    snprintf(buf, n, "%d个%s", m->periods, ps_label((ps_label_id)(PS_L_MONTH + m->step), L));
  }
  return buf;
}

/* the name of pool i's owner (its name, else its id) */
static const char *owner_name(const ps_model *m, int i) {
  int ow = m->pools[i].owner;
  if (ow < 0 || ow >= m->nparties) return m->pools[i].id;
  return m->parties[ow].name && *m->parties[ow].name ? m->parties[ow].name : m->parties[ow].id;
}

/* the target the answer speaks of: 5% when it is among the report's targets, else the first; 0: none */
static double answer_alpha(const ps_report_options *o) {
  const double *alphas = o->alphas ? o->alphas : ps_alphas;
  int n = o->alphas ? o->nalphas : PS_NALPHAS;
  double alpha = n > 0 ? alphas[0] : 0;
  for (int k = 0; k < n; k++)
    if (alphas[k] == 0.05) alpha = alphas[k];
  return alpha;
}

int ps_answer_pool(ps_strbuf *b, const ps_results *r, const ps_report_options *o, ps_lang L,
                   const char *(*money)(double yuan, char *buf, size_t n), int i) {
  const ps_model *m = r->m;
  double alpha = answer_alpha(o);
  if (alpha <= 0 || ps_pool_lends_bridges(m, i)) return 0;
  const ps_pool_result *p = &r->pools[i];
  ps_estimate need = ps_results_sizing(r, p, alpha);
  ps_estimate at = ps_results_depletion_at(r, p, p->initial);
  ps_label_id verdict = at.hi <= alpha ? PS_L_ANSWER_ENOUGH : at.lo > alpha ? PS_L_ANSWER_NOT_ENOUGH : PS_L_ANSWER_CLOSE;
  char who[256], h[32], a[32], t[32], v[32], lo[32], hi[32];
  if (m->npools > 1) snprintf(who, sizeof who, ps_label(PS_L_ANSWER_WHO_POOL, L), owner_name(m, i), m->pools[i].id);
  else snprintf(who, sizeof who, ps_label(PS_L_ANSWER_WHO, L), owner_name(m, i));
  ps_strbuf_printf(b, ps_label(verdict, L), money(p->initial, a, sizeof a), who, horizon(m, L, h, sizeof h),
                   ps_alpha_text(alpha, t, sizeof t), money(need.value, v, sizeof v), money(need.lo, lo, sizeof lo),
                   money(need.hi, hi, sizeof hi));
  return 1;
}

void ps_answer_sentence(ps_strbuf *b, const ps_results *r, const ps_report_options *o, ps_lang L,
                        const char *(*money)(double yuan, char *buf, size_t n)) {
  for (int i = 0; i < r->m->npools; i++)
    if ((!o->pool || strcmp(o->pool, r->m->pools[i].id) == 0) && ps_answer_pool(b, r, o, L, money, i))
      ps_strbuf_puts(b, "\n");
}
