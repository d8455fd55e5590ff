/* uncertainty_text.h — the one sentence every report gives on how much of the sizing answer comes
** from parameter uncertainty (stats/uncertainty.h), in the report's language. */
#ifndef PS_UNCERTAINTY_TEXT_H
#define PS_UNCERTAINTY_TEXT_H

#include "report/labels.h"
#include "report/strbuf.h"
#include "stats/results.h"

/* ps_uncertainty_sentence — pool's sentence (plain text, no newline) into b, at the target 5% when
** it is among the n alphas, else the first; nothing when r has no run at point values */
void ps_uncertainty_sentence(ps_strbuf *b, const ps_results *r, int pool, const double *alphas, int n, ps_lang L);

#endif
