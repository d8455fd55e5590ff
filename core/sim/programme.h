/* programme.h — how one default's loss is split among its payers.
**
** Splits are exact in fen: shares are applied by the largest-remainder method,
** so the parts always sum to the whole and ties go to the earlier payer. */
#ifndef PS_PROGRAMME_H
#define PS_PROGRAMME_H

#include <stdint.h>

#include "scenario/model.h"

/* ps_split_fen — split total fen in proportion to weights w[0..n-1] (>= 0, not all zero):
** out[i] = floor(total * w[i] / W) plus one fen to the largest remainders. */
void ps_split_fen(int64_t total, const double *w, int n, int64_t *out);

/* ps_share_fraction — the fraction of a loss share sh takes on a loan of `amount` fen whose flags
** earn `points` (tiered shares); 0 for the rest, which the caller derives */
double ps_share_fraction(const ps_share *sh, int64_t amount, double points);

/* ps_programme_split — what each share of programme p owes on a default with exposure E (fen) of a
** loan of `amount` fen: due[i] for p->shares[i]. points[i] are the flag points
** of the loan's segment for share i. The bank's own share (if listed) is what it
** keeps. cap_per_loan limits what the payers other than the bank pay together;
** the excess falls to the bank (returned through *bank_keeps, which also
** includes the bank's listed share). w is scratch of p->nshares doubles. */
void ps_programme_split(const ps_programme *p, int64_t amount, const double *points, int64_t exposure,
                        int64_t *due, int64_t *bank_keeps, double *w);

/* ps_programme_fractions — the first half of ps_programme_split: each share's fraction of this loan in w */
void ps_programme_fractions(const ps_programme *p, int64_t amount, const double *points, double *w);
/* ps_programme_apply — the second half: split the exposure by the fractions in w (which it then
** uses as scratch) and apply the per-loan cap; returns what that cap cut (fen) from the payers other
** than the bank, which the bank keeps */
int64_t ps_programme_apply(const ps_programme *p, int64_t exposure, int64_t *due, int64_t *bank_keeps, double *w);

#endif
