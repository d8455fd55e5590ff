/* cost_sentence.h — the one sentence every report gives on a government's cost in present value. */
#ifndef PS_COST_SENTENCE_H
#define PS_COST_SENTENCE_H

#include <stddef.h>

#include "report/labels.h"
#include "stats/results.h"

/* ps_cost_sentence — "Provision X; subsidy rate Y (± CI) of the Z of lending it covers." into buf */
void ps_cost_sentence(const ps_party_result *p, ps_lang L, char *buf, size_t n);

#endif
