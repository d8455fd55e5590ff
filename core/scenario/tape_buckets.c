/* tape_buckets.c — the loan-tape groups by PD bucket, for the default draws of
** sim/tape_defaults.c (docs/model.md §3, "Loan tapes by PD bucket").
**
** A bucket holds the groups (tape.c) that share a template segment (so rho, the
** sector loading and the stress), a sector, and a PD bucket: BUCKET_WIDTH of the
** tape's ten-a-decade group buckets, so within a bucket a loan's PD is at least
** 10^(-BUCKET_WIDTH/10) of the largest. It keeps its largest and smallest hazard
** (with their copula thresholds), and for every period the groups at risk in it (period 0:
** the seasoned groups, on the books before period 1).
** Draws nothing; built once at load, after the hazards. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "scenario/scenario_read.h"

/* the tape's group buckets (tape.c, ten a decade) per PD bucket: 2, a PD ratio of at most
** 10^0.2 ~ 1.6 within one, so at least about 5 candidates in 8 default when the factors are
** average, and a tape spanning 0.2%..10% a year needs 9 buckets a template and sector. Measured
** (bench/RESULTS.md): 1 to 3 cost within 3% of each other on B7's 50 000 obligors and within 7%
** on B2's 36 000 loans (fewer buckets, more candidates), 4 and more cost more on both. */
enum { BUCKET_WIDTH = 2 };

typedef struct {
  int driver, sector, bucket, segment;
} bucket_key;

static int bucket_of(double pd) {
  if (pd <= 0) return INT_MIN; /* PD 0: a bucket of its own (it never draws) */
  int fine = (int)floor(10 * log10(pd));
  return fine >= 0 ? fine / BUCKET_WIDTH : -((-fine + BUCKET_WIDTH - 1) / BUCKET_WIDTH);
}

static int cmp_keys(const void *x, const void *y) {
  const bucket_key *a = x, *b = y;
#define CMP(f) \
  if (a->f != b->f) return a->f < b->f ? -1 : 1
  CMP(driver);
  CMP(sector);
  CMP(bucket);
  CMP(segment);
#undef CMP
  return 0;
}

static int same_bucket(const bucket_key *a, const bucket_key *b) {
  return a->driver == b->driver && a->sector == b->sector && a->bucket == b->bucket;
}

/* the smallest hazard of a group's loans, and its threshold */
static void group_low(const ps_segment *seg, double *hazard, double *threshold) {
  *hazard = seg->hazard[0];
  *threshold = seg->threshold[0];
  for (long i = 0; seg->loan_hazard && i < seg->loan.nitems; i++)
    if (seg->loan_hazard[i] < *hazard) {
      *hazard = seg->loan_hazard[i];
      *threshold = seg->loan_threshold[i];
    }
}

/* bucket b of the groups keys[0..n): its bounds and the groups at risk each period */
static int make_bucket(const ps_model *m, const bucket_key *keys, int n, ps_tape_bucket *b) {
  b->hazard = -1;
  b->hazard_low = 2;
  long nlive = 0;
  for (int j = 0; j < n; j++) {
    const ps_segment *seg = &m->segments[keys[j].segment];
    double h, c; /* a tape group's hazard is flat in age, and hazard[0] its largest loan's */
    if (seg->hazard[0] > b->hazard) {
      b->hazard = seg->hazard[0];
      b->threshold = seg->threshold[0];
    }
    group_low(seg, &h, &c);
    if (h < b->hazard_low) {
      b->hazard_low = h;
      b->threshold_low = c;
    }
    for (int t = 0; t <= m->periods; t++) nlive += seg->first <= t && t <= seg->first + seg->tenor - 1;
  }
  if (!(b->live_at = malloc(((size_t)m->periods + 2) * sizeof *b->live_at)) ||
      !(b->live = malloc(((size_t)nlive + 1) * sizeof *b->live)) || !(b->groups = malloc((size_t)n * sizeof *b->groups)))
    return PS_ERUNTIME;
  b->ngroups = n;
  for (int j = 0; j < n; j++) b->groups[j] = keys[j].segment - m->nown_segments;
  int k = 0;
  b->live_at[0] = 0;
  for (int t = 0; t <= m->periods; t++) {
    for (int j = 0; j < n; j++) {
      const ps_segment *seg = &m->segments[keys[j].segment];
      if (seg->first <= t && t <= seg->first + seg->tenor - 1) b->live[k++] = keys[j].segment;
    }
    b->live_at[t + 1] = k;
  }
  return PS_OK;
}

/* the groups' copies of their segments' fields (ps_tape_group), and their buckets and places */
static int make_groups(ps_model *m) {
  int n = m->nsegments - m->nown_segments, tree_at = 0;
  if (!(m->tape_groups = malloc((size_t)n * sizeof *m->tape_groups))) return PS_ERUNTIME;
  for (int g = 0; g < n; g++) {
    const ps_segment *seg = &m->segments[m->nown_segments + g];
    m->tape_groups[g] = (ps_tape_group){m->nown_segments + g, seg->programme, seg->first, seg->tenor, seg->amortizing,
                                        -1, -1, seg->loan.mean * PS_FEN_PER_YUAN, seg->rate};
  }
  for (int b = 0; b < m->ntape_buckets; b++) {
    ps_tape_bucket *bucket = &m->tape_buckets[b];
    bucket->tree_at = tree_at;
    tree_at += bucket->ngroups + 1;
    for (int j = 0; j < bucket->ngroups; j++) {
      m->tape_groups[bucket->groups[j]].bucket = b;
      m->tape_groups[bucket->groups[j]].slot = j;
    }
  }
  return PS_OK;
}

/* is group g at risk in period t (0: seasoned, on the books before period 1)? */
static int at_risk(const ps_tape_group *g, int t) { return g->first <= t && t <= g->first + g->tenor - 1; }

/* list[at[t] .. at[t + 1]) for t = 0..periods: the groups for which in(g, t), visited bucket by bucket
** (each bucket's groups in order) when by_bucket, else by index */
static int make_list(const ps_model *m, int by_bucket, int (*in)(const ps_tape_group *, int), int **list, int **at) {
  int n = m->nsegments - m->nown_segments;
  size_t count = 0;
  for (int t = 0; t <= m->periods; t++)
    for (int g = 0; g < n; g++) count += (size_t)in(&m->tape_groups[g], t);
  if (!(*at = malloc(((size_t)m->periods + 2) * sizeof **at)) || !(*list = malloc((count + 1) * sizeof **list)))
    return PS_ERUNTIME;
  int k = 0;
  (*at)[0] = 0;
  for (int t = 0; t <= m->periods; t++) {
    for (int b = 0; by_bucket && b < m->ntape_buckets; b++)
      for (int j = 0; j < m->tape_buckets[b].ngroups; j++)
        if (in(&m->tape_groups[m->tape_buckets[b].groups[j]], t)) (*list)[k++] = m->tape_buckets[b].groups[j];
    for (int g = 0; !by_bucket && g < n; g++)
      if (in(&m->tape_groups[g], t)) (*list)[k++] = g;
    (*at)[t + 1] = k;
  }
  return PS_OK;
}

/* comes at risk in period t >= 1: lent in t, or seasoned (on the books at period 1) */
static int enters(const ps_tape_group *g, int t) { return t >= 1 && (g->first < 1 ? 1 : g->first) == t; }
/* its last period at risk was t - 1 */
static int leaves(const ps_tape_group *g, int t) { return t >= 1 && g->first + g->tenor == t; }

int ps_tape_buckets(ps_model *m) {
  int n = m->nsegments - m->nown_segments, rc = PS_OK;
  if (n == 0) return PS_OK;
  bucket_key *keys = malloc((size_t)n * sizeof *keys);
  if (!keys) return PS_ERUNTIME;
  for (int j = 0; j < n; j++) {
    const ps_segment *seg = &m->segments[m->nown_segments + j];
    keys[j] = (bucket_key){seg->driver, seg->sector, bucket_of(seg->pd), m->nown_segments + j};
  }
  qsort(keys, (size_t)n, sizeof *keys, cmp_keys);
  int nb = 0;
  for (int j = 0; j < n; j++) nb += j == 0 || !same_bucket(&keys[j], &keys[j - 1]);
  if (!(m->tape_buckets = calloc((size_t)nb + 1, sizeof *m->tape_buckets))) rc = PS_ERUNTIME;
  else m->ntape_buckets = nb;
  for (int j = 0, b = 0; rc == PS_OK && j < n; b++) {
    int e = j + 1;
    while (e < n && same_bucket(&keys[e], &keys[j])) e++;
    rc = make_bucket(m, keys + j, e - j, &m->tape_buckets[b]);
    j = e;
  }
  free(keys);
  ps_tape_periods *p = &m->tape_periods;
  if (rc == PS_OK) rc = make_groups(m);
  if (rc == PS_OK) rc = make_list(m, 1, at_risk, &p->live, &p->live_at);
  if (rc == PS_OK) rc = make_list(m, 0, enters, &p->enter, &p->enter_at);
  if (rc == PS_OK) rc = make_list(m, 0, leaves, &p->leave, &p->leave_at);
  return rc;
}
