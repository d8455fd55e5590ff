/* answer.h — the one sentence every run report (terminal, Markdown, HTML) starts with: does the
** pool's initial balance keep the risk of running dry over the horizon at or below the target, and
** what is needed, naming the owner by its name, not its id. */
#ifndef PS_ANSWER_H
#define PS_ANSWER_H

#include "poolsim/report.h"
#include "report/labels.h"
#include "report/strbuf.h"
#include "stats/results.h"

/* ps_answer_sentence — the sentence for each pool the report shows (plain text, one line per pool,
** each ending in "\n") into b, at the target 5% when it is among the report's targets, else the
** first; amounts through money. Nothing for a scheme without a pool (its budget view leads) or a
** pool that lends to a bridge fund (sized by --serve). */
void ps_answer_sentence(ps_strbuf *b, const ps_results *r, const ps_report_options *o, ps_lang L,
                        const char *(*money)(double yuan, char *buf, size_t n));

/* ps_answer_pool — pool i's sentence alone, without its newline (the workbook's answer sheet starts
** each pool's cell with it); 1, or 0 when it has none (it lends to a bridge fund, no target) */
int ps_answer_pool(ps_strbuf *b, const ps_results *r, const ps_report_options *o, ps_lang L,
                   const char *(*money)(double yuan, char *buf, size_t n), int i);

#endif
