/* cost_sentence.h — what every report's table of a government's cost in present value shares: its
** closing sentence, its rows' labels, its columns' units. */
#ifndef PS_COST_SENTENCE_H
#define PS_COST_SENTENCE_H

#include <stddef.h>

#include "report/columns.h"
#include "report/labels.h"
#include "stats/results.h"

/* ps_cost_sentence — "Provision X; subsidy rate Y (± CI) of the Z of lending it covers." into buf */
void ps_cost_sentence(const ps_party_result *p, ps_lang L, char *buf, size_t n);

/* ps_cost_cohort_label — the row label of cohort y ("the book before period 1", "loans of year y")
** into buf; 0 when the cohort has neither lending nor cost, and no row */
int ps_cost_cohort_label(const ps_party_result *p, int y, ps_lang L, char *buf, size_t n);

/* ps_cost_units — the columns' units of the table: its cohorts and its total */
ps_stats_units ps_cost_units(const ps_party_result *p);

#endif
