/* cost.c — present values of the governments' cost (sim/cost.h). */
#include "sim/cost.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* does government party g pay into programme k: a share (itself or a pool it owns), excess_to, a
** subsidy, a lending reward or an excess layer? */
static int pays_into(const ps_model *m, int g, const ps_programme *p) {
  for (int i = 0; i < p->nshares; i++) {
    int a = p->shares[i].account;
    if (a == g || (ps_is_pool_account(m, a) && m->pools[a - m->nparties].owner == g)) return 1;
  }
  int layer = p->layer.insurer >= 0 && (p->layer.payer == g || (ps_is_pool_account(m, p->layer.payer) &&
                                                              m->pools[p->layer.payer - m->nparties].owner == g));
  return layer || p->excess_to == g || p->interest_subsidy.payer == g || p->fee_subsidy.payer == g ||
         p->premium_subsidy.payer == g || p->lending_reward.payer == g;
}

int ps_cost_init(ps_cost *c, const ps_model *m) {
  memset(c, 0, sizeof *c);
  c->per_year = ps_periods_per_year(m->step);
  c->ncohorts = (m->periods + c->per_year - 1) / c->per_year + 1;
  c->nprogrammes = m->nprogrammes;
  int *slot = calloc((size_t)m->nparties + 1, sizeof *slot);
  if (!slot) return PS_ERUNTIME;
  for (int i = 0; i < m->nparties; i++) slot[i] = m->parties[i].kind == PS_PARTY_GOVERNMENT ? c->ngov++ : -1;
  size_t cells = (size_t)c->ngov * (size_t)c->ncohorts + 1;
  int ok = (c->gov_of_account = calloc((size_t)ps_naccounts(m), sizeof(int))) &&
           (c->discount = calloc((size_t)m->periods + 1, sizeof(double))) &&
           (c->cohort_of = calloc((size_t)m->periods + 1, sizeof(int))) &&
           (c->covers = calloc((size_t)c->ngov * (size_t)m->nprogrammes + 1, 1)) &&
           (c->pv = calloc(cells, sizeof(double))) && (c->lending = calloc(cells, sizeof(double))) &&
           (c->volume = calloc(cells, sizeof(double))) &&
           (c->book = calloc((size_t)m->nprogrammes * (size_t)c->ncohorts + 1, sizeof(double))) &&
           (c->segment_book = calloc((size_t)c->ncohorts, sizeof(double))) &&
           (c->party_pv = calloc((size_t)m->nparties + 1, sizeof(double))) &&
           (c->party_counted = calloc((size_t)m->nparties + 1, sizeof(int64_t)));
  c->nparties = m->nparties;
  if (ok) {
    for (int a = 0; a < ps_naccounts(m); a++)
      c->gov_of_account[a] = a < m->nparties ? slot[a] : ps_is_pool_account(m, a) ? slot[m->pools[a - m->nparties].owner] : -1;
    for (int t = 0; t <= m->periods; t++) c->discount[t] = pow(1 + m->discount_rate, -t * m->dt);
    for (int t = 1; t <= m->periods; t++) c->cohort_of[t] = (t - 1) / c->per_year + 1;
    for (int g = 0; g < m->nparties; g++)
      for (int k = 0; slot[g] >= 0 && k < m->nprogrammes; k++)
        c->covers[(size_t)slot[g] * (size_t)m->nprogrammes + (size_t)k] = (unsigned char)pays_into(m, g, &m->programmes[k]);
  }
  free(slot);
  return ok ? PS_OK : PS_ERUNTIME;
}

void ps_cost_destroy(ps_cost *c) {
  free(c->gov_of_account);
  free(c->discount);
  free(c->cohort_of);
  free(c->covers);
  free(c->pv);
  free(c->lending);
  free(c->volume);
  free(c->book);
  free(c->segment_book);
  free(c->party_pv);
  free(c->party_counted);
  memset(c, 0, sizeof *c);
}

void ps_cost_reset(ps_cost *c) {
  size_t cells = (size_t)c->ngov * (size_t)c->ncohorts;
  memset(c->pv, 0, cells * sizeof(double));
  memset(c->lending, 0, cells * sizeof(double));
  memset(c->volume, 0, cells * sizeof(double));
  memset(c->party_pv, 0, (size_t)c->nparties * sizeof(double));
  memset(c->party_counted, 0, (size_t)c->nparties * sizeof(int64_t));
}

void ps_cost_count_parties(ps_cost *c, const ps_ledger *l, int t) {
  for (int i = 0; i < c->nparties; i++) {
    int64_t now = ps_ledger_balance(l, i);
    c->party_pv[i] += (double)(now - c->party_counted[i]) * c->discount[t];
    c->party_counted[i] = now;
  }
}

