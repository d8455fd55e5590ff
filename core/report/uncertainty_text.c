/* uncertainty_text.c — the parameter-uncertainty sentence (report/uncertainty_text.h). */
#include "report/uncertainty_text.h"

#include "report/format.h"
#include "stats/sizing.h"

/* ps_uncertainty_sentence — pool's sentence into b (report/uncertainty_text.h) */
void ps_uncertainty_sentence(ps_strbuf *b, const ps_results *r, int pool, const double *alphas, int n, ps_lang L) {
  if (!ps_results_has_point(r) || n < 1) return;
  double alpha = alphas[0];
  for (int k = 0; k < n; k++)
    if (alphas[k] == 0.05) alpha = alphas[k];
  double drawn = ps_results_sizing(r, &r->pools[pool], alpha).value;
  double point = ps_results_point_sizing(r, pool, alpha).value;
  double share = drawn > 0 ? (drawn - point) / drawn : 0;
  char t[32], u[32], p[32], s[32];
  ps_strbuf_printf(b, ps_label(PS_L_UNCERTAIN_SHARE, L), r->m->pools[pool].id, ps_alpha_text(alpha, t, sizeof t),
                   ps_money(drawn, u, sizeof u), ps_money(point, p, sizeof p), ps_percent(share, s, sizeof s));
}
