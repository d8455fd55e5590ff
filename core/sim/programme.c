/* programme.c — shares and the per-loan cap. */
#include "sim/programme.h"

#include <math.h>

/* floor(x) as an integer (|x| < 2^63): for x >= 0, the hot case, the conversion's truncation, which
** is the same integer without a call to libm's floor */
static inline int64_t floor_int(double x) { return x >= 0 ? (int64_t)x : (int64_t)floor(x); }

/* ps_split_fen — split total fen in proportion to weights w[0..n-1] (>= 0, not all zero): out[i] =
** floor(total * w[i] / W) plus one fen to the largest remainders */
void ps_split_fen(int64_t total, const double *w, int n, int64_t *out) {
  double sum = 0;
  for (int i = 0; i < n; i++) sum += w[i];
  int64_t assigned = 0;
  for (int i = 0; i < n; i++) {
    out[i] = sum > 0 ? floor_int((double)total * (w[i] / sum)) : 0;
    assigned += out[i];
  }
  /* hand out (or take back, after rounding error) the leftover fen one at a
  ** time, largest remainder first; at most a few passes of n */
  int64_t left = total - assigned;
  while (left != 0) {
    int best = -1;
    double best_r = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] <= 0 || (left < 0 && out[i] == 0)) continue;
      double r = (double)total * (w[i] / sum) - (double)out[i];
      if (best < 0 || (left > 0 ? r > best_r : r < best_r)) {
        best = i;
        best_r = r;
      }
    }
    if (best < 0) break;
    out[best] += left > 0 ? 1 : -1;
    left += left > 0 ? -1 : 1;
  }
}

/* ps_share_fraction — the fraction of a loss share sh takes on a loan of `amount` fen whose flags earn
** `points` (tiered shares); 0 for the rest, which the caller derives */
double ps_share_fraction(const ps_share *sh, int64_t amount, double points) {
  if (sh->rest) return 0;
  if (!sh->ntiers) return sh->share;
  double ratio = 0; /* above the last band: not covered */
  for (int i = 0; i < sh->ntiers; i++)
    if (amount <= sh->tiers[i].upto) {
      ratio = sh->tiers[i].ratio;
      break;
    }
  return fmin(sh->ceiling, ratio + points);
}

/* ps_programme_fractions — the first half of ps_programme_split: each share's fraction of this loan in
** w */
void ps_programme_fractions(const ps_programme *p, int64_t amount, const double *points, double *w) {
  double taken = 0;
  int rest = -1;
  for (int i = 0; i < p->nshares; i++) {
    w[i] = ps_share_fraction(&p->shares[i], amount, points ? points[i] : 0);
    taken += w[i];
    if (p->shares[i].rest) rest = i;
  }
  if (rest >= 0) w[rest] = fmax(0, 1 - taken);
}

/* ps_programme_split — what each share of programme p owes on a default with exposure E (fen) of a
** loan of `amount` fen: due[i] for p->shares[i]. points[i] are the flag points of the loan's segment
** for share i */
void ps_programme_split(const ps_programme *p, int64_t amount, const double *points, int64_t exposure,
                        int64_t *due, int64_t *bank_keeps, double *w) {
  ps_programme_fractions(p, amount, points, w);
  ps_programme_apply(p, exposure, due, bank_keeps, w);
}

/* ps_programme_apply — the second half: split the exposure by the fractions in w (which it then uses
** as scratch) and apply the per-loan cap; returns what that cap cut from the payers other than the bank */
int64_t ps_programme_apply(const ps_programme *p, int64_t exposure, int64_t *due, int64_t *bank_keeps, double *w) {
  ps_split_fen(exposure, w, p->nshares, due);
  int64_t others = 0, cut = 0;
  for (int i = 0; i < p->nshares; i++)
    if (p->shares[i].account != p->bank) others += due[i];
  if (p->cap_per_loan > 0 && others > p->cap_per_loan) {
    for (int i = 0; i < p->nshares; i++) w[i] = p->shares[i].account == p->bank ? 0 : (double)due[i];
    int64_t bank_listed = 0;
    for (int i = 0; i < p->nshares; i++)
      if (p->shares[i].account == p->bank) bank_listed = due[i];
    ps_split_fen(p->cap_per_loan, w, p->nshares, due);
    for (int i = 0; i < p->nshares; i++)
      if (p->shares[i].account == p->bank) due[i] = bank_listed;
    cut = others - p->cap_per_loan;
    others = p->cap_per_loan;
  }
  *bank_keeps = exposure - others;
  return cut;
}
