/* outcomes.c — the per-path result arrays. */
#include "sim/outcomes.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/hugepages.h"

/* ps_budget_name — a budget kind's name in JSON, CSV and reports */
const char *ps_budget_name(ps_budget_kind k) {
  static const char *const names[PS_NBUDGET] = {"pool_funding", "compensation", "interest_subsidy", "fee_subsidy",
                                                "premium_subsidy", "lending_reward"};
  return k < PS_NBUDGET ? names[k] : "?";
}

/* one array of the outcomes: where its pointer lives, its elements and their size */
typedef struct {
  void *array; /* the address of a double * or an int * field of ps_outcomes */
  size_t count, size;
} array_plan;

#define MAX_ARRAYS 48 /* more than plan_arrays lists (it asserts so) */
#define ALIGN 64      /* where each array starts in the block: a cache line */

/* whether m can top up a pool: a scheduled top-up, a refill rule, or a hook (ctx:topup) */
static int can_top_up(const ps_model *m) {
  int yes = m->has_hooks;
  for (int i = 0; !yes && i < m->npools; i++) {
    const ps_pool *p = &m->pools[i];
    yes = p->refill_last_year || p->refill_below > 0;
    for (int t = 1; !yes && p->topups && t <= m->periods; t++) yes = p->topups[t] > 0;
  }
  return yes;
}

/* whether m can pause compensation: a pause trigger, or a hook (ctx:suspend) */
static int can_pause(const ps_model *m) {
  int yes = m->has_hooks;
  for (int k = 0; !yes && k < m->nprogrammes; k++)
    for (int j = 0; !yes && j < m->programmes[k].ntriggers; j++) yes = m->programmes[k].triggers[j].action == PS_ACTION_PAUSE;
  return yes;
}

/* whether m can stop lending: a trigger whose action is not a pause (hooks can only pause) */
static int can_stop(const ps_model *m) {
  for (int k = 0; k < m->nprogrammes; k++)
    for (int j = 0; j < m->programmes[k].ntriggers; j++)
      if (m->programmes[k].triggers[j].action != PS_ACTION_PAUSE) return 1;
  return 0;
}

/* whether m can decline loans: a bridge segment (bridges.c), a programme's leverage or a
** guarantor's leverage limit (ps_flows_capacity) */
static int can_decline(const ps_model *m) {
  for (int s = 0; s < m->nsegments; s++)
    if (m->segments[s].kind == PS_SEGMENT_BRIDGE) return 1;
  for (int k = 0; k < m->nprogrammes; k++)
    if (m->programmes[k].leverage > 0) return 1;
  for (int i = 0; i < m->nparties; i++)
    if (m->parties[i].kind == PS_PARTY_GUARANTOR && m->parties[i].leverage_limit > 0) return 1;
  return 0;
}

/* whether some programme of m pays a budget kind other than funding and compensation (flows.c,
** policies.c, path.c post them only for a programme with that payer) */
static int pays_kind(const ps_model *m, ps_budget_kind kind) {
  for (int k = 0; k < m->nprogrammes; k++) {
    const ps_programme *p = &m->programmes[k];
    int payer = kind == PS_BUDGET_INTEREST_SUBSIDY ? p->interest_subsidy.payer
                : kind == PS_BUDGET_FEE_SUBSIDY    ? p->fee_subsidy.payer
                : kind == PS_BUDGET_PREMIUM_SUBSIDY ? p->premium_subsidy.payer
                                                     : p->lending_reward.payer;
    if (payer >= 0) return 1;
  }
  return 0;
}

long ps_band_paths(const ps_model *m) {
  long per_path = (long)m->npools * (long)m->periods, fit = per_path > 0 ? PS_BAND_VALUES / per_path : PS_BAND_PATHS;
  return fit > PS_BAND_PATHS ? PS_BAND_PATHS : fit < PS_BAND_PATHS_MIN ? PS_BAND_PATHS_MIN : fit;
}

/* Set o's dimensions for m and that many paths (balances for the first
** min(paths, band_paths)) and list its arrays in plan; returns how many. The
** one description of the layout, for ps_outcomes_init and ps_outcomes_bytes. */
static int plan_arrays(ps_outcomes *o, const ps_model *m, long first, long paths, long band_paths, array_plan *plan) {
  memset(o, 0, sizeof *o);
  o->paths = paths;
  o->first = first;
  o->periods = m->periods;
  o->npools = m->npools;
  o->nprogrammes = m->nprogrammes;
  o->nparties = m->nparties;
  int per_year = ps_periods_per_year(m->step);
  o->nyears = (m->periods + per_year - 1) / per_year;
  if (band_paths <= 0) band_paths = ps_band_paths(m);
  band_paths -= first; /* those of the run's first band_paths in this block */
  o->band_paths = band_paths < 0 ? 0 : paths < band_paths ? paths : band_paths;
  for (int i = 0; i < m->nparties; i++) o->ngovernments += m->parties[i].kind == PS_PARTY_GOVERNMENT;
  size_t np = (size_t)paths * (size_t)m->npools, ng = (size_t)paths * (size_t)m->nprogrammes;
  size_t nq = (size_t)paths * (size_t)m->nparties, d = sizeof(double), i = sizeof(int);
  int winds_down = 0, n = 0;
  for (int p = 0; p < m->npools; p++) winds_down |= m->pools[p].wind_down;
  for (int k = 0; k < PS_NBUDGET; k++)
    o->budget_kind[k] = k == PS_BUDGET_FUNDING || k == PS_BUDGET_COMPENSATION || pays_kind(m, (ps_budget_kind)k)
                            ? o->nbudget++
                            : -1;
#define ARRAY(field, count_, size_) (assert(n < MAX_ARRAYS), plan[n++] = (array_plan){&o->field, (count_), (size_)})
#define KEPT(keep, field, count_, size_) ((keep) ? (void)ARRAY(field, count_, size_) : (void)0)
  ARRAY(claims, np, d);
  ARRAY(paid, np, d);
  ARRAY(shortfall, np, d);
  ARRAY(recovered, np, d);
  ARRAY(unsettled, np, d);
  ARRAY(required, np, d);
  KEPT(can_top_up(m), topups, np, d);
  KEPT(winds_down, returned, np, d);
  ARRAY(depletion, np, i);
  ARRAY(outlay_by_programme, np * (size_t)m->nprogrammes + 1, d);
  /* one programme and one slot: both hold the pool's net outlay (path.c's check_accounts) */
  KEPT(m->nprogrammes > 1 || m->ndrivers > 1, outlay_by_segment, np * (size_t)m->ndrivers + 1, d);
  ARRAY(balance, (size_t)o->band_paths * (size_t)m->npools * (size_t)m->periods, d);
  ARRAY(defaults, ng, d);
  ARRAY(originated, ng, d);
  ARRAY(defaulted_exposure, ng, d);
  KEPT(can_pause(m), refused, ng, d); /* cut only while paused (claims.c) */
  ARRAY(capped, ng, d);
  KEPT(can_pause(m), paused, ng, d);
  KEPT(can_stop(m), stopped, ng, d);
  KEPT(can_decline(m), declined, ng, d);
  ARRAY(lent, m->track_lent ? ng : 1, d);
  ARRAY(losses, nq, d);
  ARRAY(net_result, nq, d);
  ARRAY(unpaid, nq, d);
  ARRAY(ratio, nq, d);
  ARRAY(breached, nq, i);
  ARRAY(net_by_year, nq * (size_t)o->nyears, d);
  ARRAY(budget_slot, (size_t)m->nparties + 1, i);
  ARRAY(budget, (size_t)paths * (size_t)o->ngovernments * (size_t)o->nyears * (size_t)o->nbudget + 1, d);
  o->ncohorts = o->nyears + 1;
  size_t ngp = (size_t)paths * (size_t)o->ngovernments;
  ARRAY(cost_pv, ngp + 1, d);
  ARRAY(subsidy_rate, ngp + 1, d);
  ARRAY(cost_by_cohort, ngp * (size_t)o->ncohorts + 1, d);
  ARRAY(volume_by_cohort, ngp * (size_t)o->ncohorts + 1, d);
  ARRAY(party_pv, m->track_party_pv ? nq : 1, d);
  o->nuncertain = m->nuncertain;
  ARRAY(drawn, (size_t)paths * (size_t)m->nuncertain + 1, d);
  if (m->sampling == PS_SAMPLING_IMPORTANCE) ARRAY(weight, (size_t)paths, d); /* else NULL: plain sampling */
#undef KEPT
#undef ARRAY
  return n;
}

/* One block for the planned arrays, each at a cache line (one mapping to fault in by huge pages, one
** to return): each one's offset into offset; the block's bytes, 0 when they do not fit in a size_t */
static size_t layout(const array_plan *plan, int n, size_t *offset) {
  size_t bytes = 0;
  for (int k = 0; k < n; k++) {
    size_t count = plan[k].count ? plan[k].count : 1; /* a block of paths may keep no balances */
    if (count > (SIZE_MAX / 2 - bytes) / plan[k].size) return 0;
    offset[k] = bytes;
    bytes += (count * plan[k].size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
  }
  return bytes;
}

/* ps_outcomes_init — allocate for m and the given number of paths, keeping per-period balances for
** the first min(paths, band_paths) of them (band_paths <= 0: ps_band_paths(m)); PS_OK, or PS_ERUNTIME
** when out of memory */
int ps_outcomes_init(ps_outcomes *o, const ps_model *m, long paths, long band_paths) {
  return ps_outcomes_init_block(o, m, 0, paths, band_paths);
}

/* ps_outcomes_init_block — the same for the block first..first+paths-1 of a run (outcomes.h) */
int ps_outcomes_init_block(ps_outcomes *o, const ps_model *m, long first, long paths, long band_paths) {
  array_plan plan[MAX_ARRAYS];
  int n = plan_arrays(o, m, first, paths, band_paths, plan);
  size_t offset[MAX_ARRAYS], bytes = layout(plan, n, offset);
  if (!bytes || !(o->block = ps_map_huge(bytes))) return PS_ERUNTIME; /* o holds nothing yet */
  o->block_bytes = bytes;
  for (int k = 0; k < n; k++) {
    void *a = (char *)o->block + offset[k];
    memcpy(plan[k].array, &a, sizeof a); /* into its double * or int * field */
  }
  for (int i = 0, g = 0; i < m->nparties; i++)
    o->budget_slot[i] = m->parties[i].kind == PS_PARTY_GOVERNMENT ? g++ : -1;
  return PS_OK;
}

/* ps_outcomes_track — also keep the per-period defaults and claims of each programme k with
** track[k] != 0 (after ps_outcomes_init); PS_OK, or PS_ERUNTIME when out of memory */
int ps_outcomes_track(ps_outcomes *o, const ps_model *m, const unsigned char *track) {
  if (!(o->track_slot = malloc(((size_t)m->nprogrammes + 1) * sizeof *o->track_slot))) return PS_ERUNTIME;
  for (int k = 0; k < m->nprogrammes; k++) o->track_slot[k] = track[k] ? o->ntracked++ : -1;
  size_t n = (size_t)o->ntracked * (size_t)o->paths * (size_t)o->periods + 1;
  o->track_defaults = ps_calloc_huge(n, sizeof(double));
  o->track_claims = ps_calloc_huge(n, sizeof(double));
  return o->track_defaults && o->track_claims ? PS_OK : PS_ERUNTIME;
}

/* ps_outcomes_bytes — the bytes ps_outcomes_init takes for m and that many paths (default bands) */
double ps_outcomes_bytes(const ps_model *m, long paths) {
  ps_outcomes o;
  array_plan plan[MAX_ARRAYS];
  size_t offset[MAX_ARRAYS];
  int n = plan_arrays(&o, m, 0, paths, 0, plan);
  size_t bytes = layout(plan, n, offset);
  return bytes ? (double)bytes : HUGE_VAL; /* too many to address: more than any machine has */
}

/* ps_outcomes_arrays — o's per-path arrays, with their layout (outcomes.h) */
int ps_outcomes_arrays(const ps_outcomes *o, const ps_model *m, ps_outcomes_array *a) {
  int n = 0, d = (int)sizeof(double);
#define PER_PATH(field, items_, inner_, band_) \
  (assert(n < PS_OUTCOMES_MAX_ARRAYS), \
   a[n++] = (ps_outcomes_array){.data = o->field, .size = sizeof *o->field, .inner = (inner_), .items = (items_), \
                                .is_int = (int)sizeof *o->field != d, .band = (band_)})
  PER_PATH(claims, o->npools, 1, 0);
  PER_PATH(paid, o->npools, 1, 0);
  PER_PATH(shortfall, o->npools, 1, 0);
  PER_PATH(recovered, o->npools, 1, 0);
  PER_PATH(unsettled, o->npools, 1, 0);
  PER_PATH(required, o->npools, 1, 0);
  PER_PATH(topups, o->topups ? o->npools : 0, 1, 0);
  PER_PATH(returned, o->returned ? o->npools : 0, 1, 0);
  PER_PATH(depletion, o->npools, 1, 0);
  PER_PATH(outlay_by_programme, o->npools, (size_t)o->nprogrammes, 0);
  PER_PATH(outlay_by_segment, o->outlay_by_segment ? o->npools : 0, (size_t)m->ndrivers, 0);
  PER_PATH(balance, o->npools, (size_t)o->periods, 1);
  PER_PATH(defaults, o->nprogrammes, 1, 0);
  PER_PATH(originated, o->nprogrammes, 1, 0);
  PER_PATH(defaulted_exposure, o->nprogrammes, 1, 0);
  PER_PATH(refused, o->refused ? o->nprogrammes : 0, 1, 0);
  PER_PATH(capped, o->nprogrammes, 1, 0);
  PER_PATH(paused, o->paused ? o->nprogrammes : 0, 1, 0);
  PER_PATH(stopped, o->stopped ? o->nprogrammes : 0, 1, 0);
  PER_PATH(declined, o->declined ? o->nprogrammes : 0, 1, 0);
  PER_PATH(losses, o->nparties, 1, 0);
  PER_PATH(net_result, o->nparties, 1, 0);
  PER_PATH(unpaid, o->nparties, 1, 0);
  PER_PATH(ratio, o->nparties, 1, 0);
  PER_PATH(breached, o->nparties, 1, 0);
  PER_PATH(net_by_year, o->nparties, (size_t)o->nyears, 0);
  PER_PATH(budget, o->ngovernments, (size_t)o->nyears * (size_t)o->nbudget, 0);
  PER_PATH(cost_pv, o->ngovernments, 1, 0);
  PER_PATH(subsidy_rate, o->ngovernments, 1, 0);
  PER_PATH(cost_by_cohort, o->ngovernments, (size_t)o->ncohorts, 0);
  PER_PATH(volume_by_cohort, o->ngovernments, (size_t)o->ncohorts, 0);
  PER_PATH(party_pv, m->track_party_pv ? o->nparties : 0, 1, 0);
  PER_PATH(lent, m->track_lent ? o->nprogrammes : 0, 1, 0);
  PER_PATH(drawn, o->nuncertain, 1, 0);
  PER_PATH(weight, o->weight ? 1 : 0, 1, 0);
#undef PER_PATH
  return n;
}

/* an array laid out (item * paths + path) * inner + j: move each item's block
** down to the new stride; blocks only move to lower addresses, in item order */
static void shrink(void *a, size_t size, int items, size_t inner, long old_paths, long new_paths) {
  char *base = a;
  if (!a) return; /* not kept */
  size_t block = size * inner;
  for (int k = 0; k < items; k++)
    memmove(base + (size_t)k * (size_t)new_paths * block, base + (size_t)k * (size_t)old_paths * block,
            (size_t)new_paths * block);
}

/* ps_outcomes_truncate — keep the first `paths` paths only (an interrupted run), in place */
void ps_outcomes_truncate(ps_outcomes *o, const ps_model *m, long paths) {
  long old = o->paths;
  if (paths >= old) return;
  double *pool_arrays[] = {o->claims, o->paid, o->shortfall, o->recovered, o->unsettled, o->required, o->topups,
                           o->returned};
  for (size_t i = 0; i < sizeof pool_arrays / sizeof *pool_arrays; i++)
    shrink(pool_arrays[i], sizeof(double), o->npools, 1, old, paths);
  shrink(o->depletion, sizeof(int), o->npools, 1, old, paths);
  shrink(o->outlay_by_programme, sizeof(double), o->npools, (size_t)o->nprogrammes, old, paths);
  shrink(o->outlay_by_segment, sizeof(double), o->npools, (size_t)m->ndrivers, old, paths);
  if (paths < o->band_paths) {
    shrink(o->balance, sizeof(double), o->npools, (size_t)o->periods, o->band_paths, paths);
    o->band_paths = paths;
  }
  double *programme_arrays[] = {o->defaults, o->originated, o->defaulted_exposure, o->refused,
                                o->capped,   o->paused,     o->stopped,            o->declined};
  for (size_t i = 0; i < sizeof programme_arrays / sizeof *programme_arrays; i++)
    shrink(programme_arrays[i], sizeof(double), o->nprogrammes, 1, old, paths);
  double *party_arrays[] = {o->losses, o->net_result, o->unpaid, o->ratio};
  for (size_t i = 0; i < sizeof party_arrays / sizeof *party_arrays; i++)
    shrink(party_arrays[i], sizeof(double), o->nparties, 1, old, paths);
  shrink(o->breached, sizeof(int), o->nparties, 1, old, paths);
  shrink(o->net_by_year, sizeof(double), o->nparties, (size_t)o->nyears, old, paths);
  shrink(o->budget, sizeof(double), o->ngovernments, (size_t)o->nyears * (size_t)o->nbudget, old, paths);
  shrink(o->cost_pv, sizeof(double), o->ngovernments, 1, old, paths);
  shrink(o->subsidy_rate, sizeof(double), o->ngovernments, 1, old, paths);
  shrink(o->cost_by_cohort, sizeof(double), o->ngovernments, (size_t)o->ncohorts, old, paths);
  shrink(o->volume_by_cohort, sizeof(double), o->ngovernments, (size_t)o->ncohorts, old, paths);
  if (m->track_party_pv) shrink(o->party_pv, sizeof(double), o->nparties, 1, old, paths);
  if (m->track_lent) shrink(o->lent, sizeof(double), o->nprogrammes, 1, old, paths);
  shrink(o->drawn, sizeof(double), o->nuncertain, 1, old, paths);
  if (o->weight) shrink(o->weight, sizeof(double), 1, 1, old, paths);
  if (o->track_slot) {
    shrink(o->track_defaults, sizeof(double), o->ntracked, (size_t)o->periods, old, paths);
    shrink(o->track_claims, sizeof(double), o->ntracked, (size_t)o->periods, old, paths);
  }
  o->paths = paths;
}

/* ps_outcomes_destroy — free what *o holds (a zeroed ps_outcomes is fine) */
void ps_outcomes_destroy(ps_outcomes *o) {
  if (o->host_release) o->host_release(o->host);
  ps_unmap_huge(o->block, o->block_bytes); /* every array ps_outcomes_init planned */
  free(o->track_slot);
  free(o->track_defaults);
  free(o->track_claims);
  memset(o, 0, sizeof *o);
}
